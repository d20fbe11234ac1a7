// Splits a CV's lines into sections (experience, education, skills...) by finding the headings:
// lines that name a section in one of the supported languages (en, de, fr, es, pt, it, nl) and
// look like headings (short, standing alone; bold, capitals, larger type or heading style add
// confidence), plus lines that look strongly like headings without a known name (kOther).
// Lines before the first heading form the kHeader section (name, headline, contact data).
// Pure functions over a Document; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsing/document.hpp"

namespace jc::parsing {

enum class SectionKind : std::uint8_t {
  kHeader,  // before the first heading
  kContact,
  kSummary,
  kExperience,
  kEducation,
  kSkills,
  kLanguages,
  kCertifications,
  kProjects,
  kAwards,
  kPublications,
  kVolunteering,
  kInterests,
  kReferences,
  kOther,  // a heading of no known kind (its lines are kept, not classified)
};
std::string_view SectionKindName(SectionKind kind);

// The kind a heading's text names ("Berufserfahrung", "EXPÉRIENCE PROFESSIONNELLE:",
// "E X P E R I E N C E"), or nullopt. Only the text is judged, not the layout.
std::optional<SectionKind> ClassifyHeadingText(std::string_view text);

struct Section {
  SectionKind kind = SectionKind::kHeader;
  std::string heading;           // the heading's text as written; empty for kHeader
  std::size_t heading_line = 0;  // index into Document::lines (meaningless for kHeader)
  std::size_t begin = 0;         // body lines [begin, end) in Document::lines
  std::size_t end = 0;
  double confidence = 0;  // 0-1: how sure the heading is a heading of this kind
};

// Sections in document order. A kind may appear more than once (e.g. skills in a sidebar and
// again in the main column); the caller merges.
std::vector<Section> SplitSections(const Document& doc);

}  // namespace jc::parsing
