// Shared line handling for the entry extractors (experience, education): the lines of a
// section cleaned (markdown marks and bullets stripped, page furniture dropped), their date
// ranges found (also when a range is broken over two lines or ends in a "present" word the
// date parser does not know), and scoring helpers over generic vocabularies (job-title nouns,
// legal forms, organisation words) in the supported languages.
// Pure functions over a Document; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/partial_date.hpp"
#include "nlp/date_parser.hpp"
#include "parsing/cv/sections.hpp"
#include "parsing/document.hpp"

namespace jc::parsing::entry {

// One line of an entry section, prepared for the extractors.
struct EntryLine {
  std::size_t index = 0;                   // into Document::lines
  std::string text;                        // cleaned: no markdown emphasis, no bullet mark
  bool bullet = false;                     // a list item (by role or by a typed bullet mark)
  std::optional<domain::DateRange> dates;  // the line's (first) date range
  std::string rest;                        // the text without its date range, separators trimmed
  bool rest_after_bar = false;  // the rest followed the dates after a "|" ("2019 – 2021 | Lyon")
  bool pdf = false;
  bool bold = false, italic = false;
  int block = 0;
  float x0 = 0, x1 = 0;
  // nlp::FindDateRanges of the document line as written, when the cleaned text is that line
  // unchanged (source_ranges_known): later rules over the raw lines reuse it instead of parsing
  // the line again. Empty when the line has no two adjacent digits (no date range can).
  std::vector<nlp::DateRangeMatch> source_ranges;
  bool source_ranges_known = false;
};

// The date ranges of one document line as written (see EntryLine::source_ranges).
struct SourceDates {
  std::size_t line = 0;  // into Document::lines
  std::vector<nlp::DateRangeMatch> ranges;
};

// The lines of every section of `kind`, in document order, with page headers/footers and page
// numbers dropped and date ranges resolved.
std::vector<EntryLine> CollectLines(const Document& doc, const std::vector<Section>& sections,
                                    SectionKind kind, domain::PartialDate as_of);

// Lower-cases ASCII, Latin-1 and Latin Extended-A letters in UTF-8.
std::string Fold(std::string_view s);
// Trims ASCII spaces and the given separator characters plus dashes/bullets from both ends.
std::string_view TrimSeparators(std::string_view s);
std::vector<std::string_view> Words(std::string_view s);
std::size_t WordCount(std::string_view s);

// Evidence that a text names a job title (title nouns, seniority words), an organisation
// (legal forms, organisation nouns, "&"), or a place (a state code, a country name).
double TitleScore(std::string_view text);
double OrganisationScore(std::string_view text);
bool LooksLikeLegalForm(std::string_view segment);
bool LooksLikePlaceTail(std::string_view segment);  // "TX", "ON", "China", "(Québec)"

// A short capitalised text without digits, organisation or job-title words: "Makati City",
// "Raleigh, NC", "Fornovo di Taro".
bool LooksLikePlace(std::string_view segment);

// Splits "Company, City, ST", "Company | City", "Company · City", "Company (City)" into
// organisation and location; location empty when the text shows none.
std::pair<std::string, std::string> SplitLocation(std::string_view text);

// A sentence rather than a heading: long, or ending with a full stop.
bool LooksLikeProse(std::string_view text);

}  // namespace jc::parsing::entry
