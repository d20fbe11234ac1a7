// Labels: the words a generated document uses that do not come from the profile, per language:
// section titles, "Present", month names, the date format, letter phrases' building blocks.
// English and German are complete; any other language falls back to English (the caller says
// so in meta.warnings).
//
// Constant tables; thread-safe.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "domain/partial_date.hpp"

namespace jc::generation {

struct Labels {
  std::string_view language;  // "en", "de"
  std::string_view summary;
  std::string_view experience;
  std::string_view education;
  std::string_view skills;
  std::string_view technical;
  std::string_view soft;
  std::string_view languages;
  std::string_view certifications;
  std::string_view projects;
  std::string_view technologies;  // a project's stack: "Technologies", "Technologien"
  std::string_view present;       // an open end: "Present", "heute"
  std::string_view grade;         // "Grade", "Note"
  std::string_view cv;            // metadata title suffix: "CV", "Lebenslauf"
  std::string_view cover_letter;
  std::array<std::string_view, 12> months_short;  // "Jan", "Jan."...; used in date ranges
  std::array<std::string_view, 12> months_long;   // "January", "Januar"; used in letter dates
};

// The labels of `language` (an ISO 639-1 code, any case, region ignored: "de-AT" is German),
// or nullopt when the language is not supported.
std::optional<const Labels*> LabelsFor(std::string_view language);
const Labels& EnglishLabels();

// "Mar 2019", "März 2019", "2019".
std::string FormatDate(const domain::PartialDate& date, const Labels& labels);

// "Mar 2019 – Present", "2007 – 2009", "2019" (a single known end), "" (nothing known).
std::string FormatRange(const domain::DateRange& range, const Labels& labels);

// A letter date: "27 November 2026" (en), "27. November 2026" (de).
std::string FormatLetterDate(int year, int month, int day, const Labels& labels);

}  // namespace jc::generation
