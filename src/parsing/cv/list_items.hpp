// Building blocks shared by the skills, credentials and summary extractors: the regions of a CV
// by what they hold (with sub-headings such as "Soft skills" or "Zertifikate" found inside any
// section, which the section splitter may have missed), logical lines (wrapped lines joined,
// bullets stripped, page headers and footers dropped) and list items split on the separators a
// CV uses, never inside brackets. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "parsing/cv/sections.hpp"
#include "parsing/document.hpp"

namespace jc::parsing {

// What a heading or an inline label ("Soft skills:", "Sprachen:") names, in en, de, fr, es, pt,
// it, nl and pl.
enum class LabelKind : std::uint8_t {
  kNone,  // not a label this module knows
  kSkills,
  kSoft,
  kLanguages,
  kCertifications,
  kProjects,
  kSummary,
  kOther,  // a known heading of another kind (experience, education...)
};

// Judges the words only; `text` may carry a trailing ':' or decorations ("---- SKILLS ----").
// Long texts (more than five words) are never labels.
LabelKind ClassifyLabel(std::string_view text);

struct Region {
  LabelKind kind = LabelKind::kNone;  // kNone: the header region before the first heading
  std::size_t heading_line = 0;       // meaningless for the header region
  std::size_t begin = 0;              // body lines [begin, end)
  std::size_t end = 0;
};

// The document cut at every section heading and at every heading-like line (bold, heading
// style, capitals, a trailing colon or a table label cell) whose words ClassifyLabel knows.
std::vector<Region> FindRegions(const Document& doc, const std::vector<Section>& sections);

// A line shaped like a heading: short, standing alone, marked by style, capitals, a colon, a
// markdown mark or a table label cell.
bool LooksLikeHeading(const Document& doc, std::size_t i);

struct LogicalLine {
  std::string text;      // bullets stripped; wrapped parts joined with a space
  std::size_t line = 0;  // the first source line
  bool bold = false;     // the first source line is bold (or marked up as bold)
  bool list_item = false;
  int block = 0;
};

// The body lines [begin, end) as logical lines: page headers/footers skipped, a continuation
// (a line after an unclosed bracket or a trailing separator, a line starting with '(' or a
// lower-case word after a delimited list, a plain line after a bullet in the same block)
// joined to the line before.
std::vector<LogicalLine> LogicalLines(const Document& doc, std::size_t begin, std::size_t end);

// Splits a list on ",", ";", "•", "·", "|", "▪" and tabs outside brackets, and on " / " only
// when it separates three or more items. Items are trimmed; empty ones dropped.
std::vector<std::string> SplitItems(std::string_view text);

// Trims spaces and the given ASCII characters at both ends (never cuts a multi-byte character).
std::string_view TrimText(std::string_view text, std::string_view chars = " \t");

// Strips a leading bullet ("•", "-", "*", "–", "▪", "◦", "·", "o ") and markdown "**" marks.
std::string StripMarks(std::string_view text);

// The position of the ':' that ends an inline label ("Cloud: AWS" -> 5), or npos. The label must
// be short (at most four words), hold no list separator and be followed by text.
std::size_t InlineLabelEnd(std::string_view text);

}  // namespace jc::parsing
