// CV feedback: a score with specific strengths, issues and suggestions, by the rubric documented
// in docs/cv-feedback.md (completeness, contact data, dates, measurable results, length,
// spelling, employment gaps, date-format consistency). Every message names what it found
// ("3 of 5 roles have no measurable result"), never generic filler. Deterministic; thread-safe
// as far as the SpellChecker is.
#pragma once

#include <string>
#include <vector>

#include "domain/partial_date.hpp"
#include "domain/profile.hpp"
#include "parsing/cv/entry_lines.hpp"
#include "parsing/cv/sections.hpp"
#include "parsing/cv/spell_checker.hpp"
#include "parsing/document.hpp"

namespace jc::parsing {

struct FeedbackInput {
  const Document& doc;
  const std::vector<Section>& sections;
  const domain::Profile& profile;
  std::string language;  // ISO 639-1 of the CV, "" when unknown
  domain::PartialDate as_of;
  // Experience lines whose date ranges the extractor already found as of `as_of`
  // (ExperienceResult::line_dates); other lines are parsed here. May be null.
  const std::vector<entry::SourceDates>* experience_dates = nullptr;
};

// `spelling` may be null: the spelling check is then skipped (and not reported).
domain::Feedback BuildFeedback(const FeedbackInput& input, SpellChecker* spelling,
                               const nlp::SkillMatcher& skills);

}  // namespace jc::parsing
