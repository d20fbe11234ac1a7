// CvParser: a Document (text with layout) to a Profile with feedback, per-field confidence and
// provenance, and the CV's language. Runs the section splitter and every field extractor, then
// derives what follows from the fields (total years of experience). No LLM; deterministic.
//
// Ownership: borrows the SkillMatcher (and its Taxonomy) and the optional SpellChecker, which
// must outlive it. Thread safety: Parse() is const and safe from many threads as far as the
// SpellChecker is (it serialises itself).
#pragma once

#include <string>
#include <vector>

#include "domain/partial_date.hpp"
#include "domain/profile.hpp"
#include "nlp/skill_matcher.hpp"
#include "parsing/cv/phone_normalizer.hpp"
#include "parsing/cv/spell_checker.hpp"
#include "parsing/document.hpp"

namespace jc::parsing {

// Where a value of the profile came from: page and line (both 1-based; the line counts the
// document's text lines on that page, in reading order) and how sure the parser is (0-1).
struct FieldProvenance {
  std::string field;  // a JSON Pointer into the contract's Profile, e.g. "/workExperience/0/title"
  double confidence = 0;
  int page = 1;
  int line = 1;
};

struct ParsedCv {
  domain::Profile profile;
  domain::Feedback feedback;
  std::vector<FieldProvenance> fields;   // in document order
  std::string language;                  // ISO 639-1; "" when it cannot be told
  std::optional<NormalizedPhone> phone;  // profile.phone in E.164, when its country is known
};

struct CvParseOptions {
  domain::PartialDate as_of;  // "now" for open ranges and plausible years
};

class CvParser {
 public:
  CvParser(const nlp::SkillMatcher& skills, SpellChecker* spelling)
      : skills_(skills), spelling_(spelling) {}

  ParsedCv Parse(const Document& doc, const CvParseOptions& options) const;

 private:
  const nlp::SkillMatcher& skills_;
  SpellChecker* spelling_;
};

}  // namespace jc::parsing
