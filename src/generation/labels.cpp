#include "generation/labels.hpp"

#include <cctype>

namespace jc::generation {
namespace {

constexpr Labels kEnglish{
    .language = "en",
    .summary = "Summary",
    .experience = "Experience",
    .education = "Education",
    .skills = "Skills",
    .technical = "Technical",
    .soft = "Soft skills",
    .languages = "Languages",
    .certifications = "Certifications",
    .projects = "Projects",
    .technologies = "Technologies",
    .present = "Present",
    .grade = "Grade",
    .cv = "CV",
    .cover_letter = "Cover letter",
    .months_short = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                     "Dec"},
    .months_long = {"January", "February", "March", "April", "May", "June", "July", "August",
                    "September", "October", "November", "December"},
};

constexpr Labels kGerman{
    .language = "de",
    .summary = "Profil",
    .experience = "Berufserfahrung",
    .education = "Ausbildung",
    .skills = "Kenntnisse",
    .technical = "Fachlich",
    .soft = "Persönlich",
    .languages = "Sprachen",
    .certifications = "Zertifikate",
    .projects = "Projekte",
    .technologies = "Technologien",
    .present = "heute",
    .grade = "Note",
    .cv = "Lebenslauf",
    .cover_letter = "Anschreiben",
    // Full names in ranges too: German CVs write "März 2019", and the short forms differ in
    // their use of a full stop.
    .months_short = {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                     "September", "Oktober", "November", "Dezember"},
    .months_long = {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                    "September", "Oktober", "November", "Dezember"},
};

}  // namespace

const Labels& EnglishLabels() {
  return kEnglish;
}

std::optional<const Labels*> LabelsFor(std::string_view language) {
  if (language.size() < 2) return std::nullopt;
  const char a = static_cast<char>(std::tolower(static_cast<unsigned char>(language[0])));
  const char b = static_cast<char>(std::tolower(static_cast<unsigned char>(language[1])));
  if (language.size() > 2 && language[2] != '-' && language[2] != '_') return std::nullopt;
  if (a == 'e' && b == 'n') return &kEnglish;
  if (a == 'd' && b == 'e') return &kGerman;
  return std::nullopt;
}

std::string FormatDate(const domain::PartialDate& date, const Labels& labels) {
  std::string out;
  if (date.HasMonth() && date.month <= 12) {
    out += labels.months_short[static_cast<std::size_t>(date.month - 1)];
    out += ' ';
  }
  out += std::to_string(date.year);
  return out;
}

std::string FormatRange(const domain::DateRange& range, const Labels& labels) {
  constexpr std::string_view kDash = " \u2013 ";
  const bool open = !range.end && range.current;
  if (!range.start) {
    if (range.end) return FormatDate(*range.end, labels);
    return "";
  }
  std::string out = FormatDate(*range.start, labels);
  if (range.end) {
    if (*range.end == *range.start) return out;
    out += kDash;
    out += FormatDate(*range.end, labels);
  } else if (open) {
    out += kDash;
    out += labels.present;
  }
  return out;
}

std::string FormatLetterDate(int year, int month, int day, const Labels& labels) {
  const auto m =
      labels.months_long[static_cast<std::size_t>((month >= 1 && month <= 12) ? month - 1 : 0)];
  std::string out = std::to_string(day);
  if (labels.language == "de") out += '.';
  out += ' ';
  out += m;
  out += ' ';
  out += std::to_string(year);
  return out;
}

}  // namespace jc::generation
