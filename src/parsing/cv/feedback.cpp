#include "parsing/cv/feedback.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string_view>
#include <utility>

#include "nlp/date_parser.hpp"
#include "nlp/measurable.hpp"
#include "nlp/text_normalize.hpp"

namespace jc::parsing {
namespace {

using domain::Feedback;
using domain::FeedbackIssue;
using domain::Severity;
using domain::WorkExperience;

// The rubric of docs/cv-feedback.md. Points add up to 100; change both together.
constexpr int kNamePoints = 5;
constexpr int kEmailPoints = 6;
constexpr int kPhonePoints = 4;
constexpr int kLocationPoints = 3;
constexpr int kSummaryPoints = 5;
constexpr int kExperiencePoints = 7;
constexpr int kEducationPoints = 5;
constexpr int kSkillsPoints = 5;
constexpr int kDatesPoints = 10;    // scaled by the share of roles with dates
constexpr int kResultsPoints = 12;  // scaled by the share of roles with a measurable result
constexpr int kGapPoints = 6;       // minus kGapPenalty per gap
constexpr int kGapPenalty = 3;
constexpr int kDateFormatPoints = 4;
constexpr int kLengthPoints = 10;  // kTooLongPoints when too long, 0 when too short
constexpr int kTooLongPoints = 4;
constexpr int kSpellingPoints = 8;  // minus kSpellingPenalty per distinct misspelt word
constexpr int kSpellingPenalty = 2;
constexpr int kBulletPoints = 4;  // minus 1 per long bullet
constexpr int kSummaryLengthPoints = 3;
constexpr int kSkillsBreadthPoints = 3;

constexpr int kMinWords = 150;
constexpr int kMaxSummaryWords = 100;
constexpr int kLongBulletWords = 40;
constexpr std::size_t kMinSkills = 5;
constexpr std::size_t kMisspellingsListed = 5;
constexpr int kGapMonths = 6;           // gaps longer than this are reported
constexpr int kWordsPerFlowPage = 500;  // page estimate for formats without pages (DOCX, text)

struct Finding {
  FeedbackIssue issue;
  std::string suggestion;
};

struct Report {
  int score = 0;
  std::vector<std::string> strengths;
  std::vector<Finding> findings;

  void Add(Severity severity, std::string section, std::string message, std::string suggestion) {
    findings.push_back({{severity, std::move(section), std::move(message)}, std::move(suggestion)});
  }
};

bool Present(const std::optional<std::string>& value) {
  return value && value->find_first_not_of(" \t") != std::string::npos;
}

bool IsAsciiDigit(char c) {
  return c >= '0' && c <= '9';
}

// Whitespace-separated tokens with at least one letter or digit: bullets and dashes do not count.
int WordCount(std::string_view text) {
  int words = 0;
  bool in_word = false;
  bool counted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ' || text[i] == '\t') {
      in_word = false;
      continue;
    }
    if (!in_word) counted = false;
    in_word = true;
    if (!counted && nlp::IsWordCharAt(text, i)) {
      ++words;
      counted = true;
    }
  }
  return words;
}

std::string Plural(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// points * part / whole, rounded half up; 0 when whole is 0.
int Share(int points, std::size_t part, std::size_t whole) {
  if (whole == 0) return 0;
  return static_cast<int>((static_cast<std::size_t>(points) * part * 2 + whole) / (whole * 2));
}

std::string RoleLabel(const WorkExperience& role, std::size_t index) {
  if (Present(role.title) && Present(role.company)) return *role.title + " at " + *role.company;
  if (Present(role.title)) return *role.title;
  if (Present(role.company)) return *role.company;
  return "role " + std::to_string(index + 1);
}

// "A", "A and B", "A, B and C", "A, B, C and 2 more".
std::string JoinLabels(const std::vector<std::string>& labels, std::size_t max_named = 3) {
  std::string out;
  const std::size_t named = std::min(labels.size(), max_named);
  for (std::size_t i = 0; i < named; ++i) {
    if (i > 0) out += (i + 1 == named && named == labels.size()) ? " and " : ", ";
    out += labels[i];
  }
  if (labels.size() > named) out += " and " + std::to_string(labels.size() - named) + " more";
  return out;
}

std::vector<domain::DateRange> WorkRanges(const domain::Profile& profile) {
  std::vector<domain::DateRange> ranges;
  for (const auto& role : profile.work_experience) ranges.push_back(role.dates);
  return ranges;
}

// Name, contact data and the main sections: points per item, one issue per missing item.
void CheckCompleteness(const FeedbackInput& in, Report& r) {
  const domain::Profile& p = in.profile;
  const bool name = Present(p.full_name), email = Present(p.email), phone = Present(p.phone);
  const bool location = Present(p.location);
  r.score += (name ? kNamePoints : 0) + (email ? kEmailPoints : 0) + (phone ? kPhonePoints : 0) +
             (location ? kLocationPoints : 0);
  if (!name) {
    r.Add(Severity::kMedium, "contact", "No name found at the top of the CV",
          "Put your full name on the first line, in the largest type on the page.");
  }
  if (!email && !phone) {
    r.Add(Severity::kHigh, "contact", "No email address and no phone number: nobody can reach you",
          "Add an email address and a phone number under your name.");
  } else if (!email) {
    r.Add(Severity::kMedium, "contact", "No email address",
          "Add a professional email address under your name.");
  } else if (!phone) {
    r.Add(Severity::kLow, "contact", "No phone number",
          "Add a phone number with its country code (e.g. +49 ...) under your name.");
  }
  if (!location) {
    r.Add(Severity::kLow, "contact", "No location",
          "Add your city and country, so recruiters can judge commute and work permits.");
  }
  if (name && email && phone && location) {
    r.strengths.push_back("Contact details are complete: name, email, phone and location");
  }

  if (Present(p.summary)) {
    r.score += kSummaryPoints;
  } else {
    r.Add(Severity::kLow, "summary", "No summary at the top of the CV",
          "Add a 2-4 line summary: your role, years of experience and two or three strengths.");
  }
  if (!p.work_experience.empty()) {
    r.score += kExperiencePoints;
  } else {
    r.Add(Severity::kHigh, "experience", "No work experience found",
          "Add a Work Experience section: each role with title, company, dates and results "
          "(internships, freelance and volunteer work count).");
  }
  if (!p.education.empty()) {
    r.score += kEducationPoints;
  } else {
    r.Add(Severity::kMedium, "education", "No education found",
          "Add an Education section with your highest degree, institution and years.");
  }
  const std::size_t skills = p.skills.technical.size() + p.skills.soft.size();
  if (skills == 0) {
    r.Add(Severity::kMedium, "skills", "No skills section",
          "Add a Skills section listing the tools, methods and languages you use, as named in "
          "job postings.");
    return;
  }
  r.score += kSkillsPoints;
  if (skills >= kMinSkills) {
    r.score += kSkillsBreadthPoints;
    r.strengths.push_back("Skills list names " + Plural(skills, "skill", "skills"));
  } else {
    r.Add(Severity::kLow, "skills", "Skills list names only " + Plural(skills, "skill", "skills"),
          "List at least " + std::to_string(kMinSkills) +
              " skills, naming the tools and methods the jobs you want ask for.");
  }
}

// Dates and measurable results per role.
void CheckRoles(const FeedbackInput& in, Report& r) {
  const auto& roles = in.profile.work_experience;
  if (roles.empty()) return;
  std::vector<std::string> undated, unmeasured;
  for (std::size_t i = 0; i < roles.size(); ++i) {
    if (!roles[i].dates.start) undated.push_back(RoleLabel(roles[i], i));
    if (!nlp::HasMeasurableResult(roles[i])) unmeasured.push_back(RoleLabel(roles[i], i));
  }
  const std::size_t n = roles.size();
  r.score += Share(kDatesPoints, n - undated.size(), n);
  r.score += Share(kResultsPoints, n - unmeasured.size(), n);
  const std::string of_n = " of " + Plural(n, "role", "roles");
  if (!undated.empty()) {
    r.Add(Severity::kMedium, "experience",
          std::to_string(undated.size()) + of_n + (undated.size() == 1 ? " has" : " have") +
              " no dates: " + JoinLabels(undated),
          "Give every role a start and end month (e.g. \"03/2019 – 05/2021\"), starting with " +
              undated.front() + ".");
  }
  if (!unmeasured.empty()) {
    r.Add(Severity::kMedium, "experience",
          std::to_string(unmeasured.size()) + of_n + (unmeasured.size() == 1 ? " has" : " have") +
              " no measurable result: " + JoinLabels(unmeasured),
          "Add a number to at least one bullet per role (e.g. \"cut processing time by 30%\", "
          "\"managed a budget of EUR 2M\"), starting with " +
              unmeasured.front() + ".");
  }
  const std::string all = n == 1 ? "The only role has" : "All " + std::to_string(n) + " roles have";
  if (undated.empty() && unmeasured.empty()) {
    r.strengths.push_back(all + " dates and measurable results");
  } else if (undated.empty()) {
    r.strengths.push_back(all + " dates");
  } else if (unmeasured.empty()) {
    r.strengths.push_back(all + " measurable results");
  }
}

// Months between the first and last uncovered month, inclusive. A year-only bound counts from
// January / through December of its year, as domain::Gaps proves it.
int GapMonths(const domain::PartialDate& first, const domain::PartialDate& last) {
  const int from = first.year * 12 + (first.HasMonth() ? first.month : 1);
  const int to = last.year * 12 + (last.HasMonth() ? last.month : 12);
  return to - from + 1;
}

// Gaps between roles that no role and no education covers: a degree between two jobs is no gap.
void CheckGaps(const FeedbackInput& in, Report& r) {
  auto ranges = WorkRanges(in.profile);
  for (const auto& education : in.profile.education) {
    if (education.start) ranges.push_back({education.start, education.end, !education.end});
  }
  const auto gaps = domain::Gaps(ranges, kGapMonths);
  r.score += std::max(0, kGapPoints - kGapPenalty * static_cast<int>(gaps.size()));
  for (const auto& [first, last] : gaps) {
    const int months = GapMonths(first, last);
    const std::string span = first == last ? "in " + first.ToString()
                                           : "from " + first.ToString() + " to " + last.ToString();
    r.Add(months > 12 ? Severity::kMedium : Severity::kLow, "experience",
          "Gap of " + Plural(static_cast<std::size_t>(months), "month", "months") +
              " between roles, " + span,
          "Explain the gap " + span +
              " in one line (studies, parental leave, travel, freelance work) instead of "
              "leaving it blank.");
  }
  std::size_t dated = 0;
  for (const auto& role : in.profile.work_experience) dated += role.dates.start ? 1 : 0;
  if (gaps.empty() && dated >= 2) {
    r.strengths.push_back("No employment gaps over " + std::to_string(kGapMonths) +
                          " months across " + std::to_string(dated) + " dated roles");
  }
}

enum class Notation : std::uint8_t { kNumeric, kMonthName };

// How a date range in the text writes its months: "03/2019", "2019-03" (numeric) or
// "March 2019" (month name); nullopt for years only.
std::optional<Notation> NotationOf(std::string_view span) {
  for (std::size_t i = 0; i < span.size(); ++i) {
    if (std::isalpha(static_cast<unsigned char>(span[i])) == 0 &&
        static_cast<unsigned char>(span[i]) < 0x80) {
      continue;
    }
    std::size_t end = i;
    while (end < span.size() && (std::isalpha(static_cast<unsigned char>(span[end])) != 0 ||
                                 static_cast<unsigned char>(span[end]) >= 0x80)) {
      ++end;
    }
    const auto date = nlp::ParseDate(std::string(span.substr(i, end - i)) + " 2000");
    if (date && date->HasMonth()) return Notation::kMonthName;
    i = end;
  }
  // Runs of digits: "03/2019", "3.2019", "03/19" (month first) or "2019-03" (ISO); "2019-2021"
  // and "2019 – 2021" are years only.
  std::vector<std::pair<std::string_view, char>> numbers;  // digits and the separator after
  for (std::size_t i = 0; i < span.size();) {
    if (!IsAsciiDigit(span[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < span.size() && IsAsciiDigit(span[end])) ++end;
    numbers.emplace_back(span.substr(i, end - i), end < span.size() ? span[end] : ' ');
    i = end;
  }
  for (std::size_t k = 0; k + 1 < numbers.size(); ++k) {
    const auto [a, sep] = numbers[k];
    const std::string_view b = numbers[k + 1].first;
    const bool adjacent = a.data() + a.size() + 1 == b.data();
    if (!adjacent) continue;
    if (a.size() <= 2 && (sep == '/' || sep == '.') && (b.size() == 2 || b.size() == 4)) {
      return Notation::kNumeric;
    }
    if (a.size() == 4 && sep == '-' && b.size() == 2 && std::stoi(std::string(b)) <= 12) {
      return Notation::kNumeric;
    }
  }
  return std::nullopt;
}

bool HasTwoDigits(std::string_view text) {
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (IsAsciiDigit(text[i]) && IsAsciiDigit(text[i + 1])) return true;
  }
  return false;
}

std::string Trimmed(std::string_view s) {
  const auto b = s.find_first_not_of(" ()");
  if (b == std::string_view::npos) return {};
  return std::string(s.substr(b, s.find_last_not_of(" ()") - b + 1));
}

// Mixed notations in the experience lines ("03/2019" and "March 2019"), else a mix of
// month-precise and year-only role dates.
void CheckDateFormats(const FeedbackInput& in, Report& r) {
  std::optional<std::string> numeric, named;
  std::vector<const std::vector<nlp::DateRangeMatch>*> known(in.doc.lines.size(), nullptr);
  if (in.experience_dates != nullptr) {
    for (const auto& line : *in.experience_dates) {
      if (line.line < known.size()) known[line.line] = &line.ranges;
    }
  }
  std::vector<nlp::DateRangeMatch> parsed;
  for (const Section& section : in.sections) {
    if (section.kind != SectionKind::kExperience) continue;
    for (std::size_t i = section.begin; i < section.end && i < in.doc.lines.size(); ++i) {
      const std::string& text = in.doc.lines[i].text;
      if (known[i] == nullptr) {
        if (!HasTwoDigits(text)) continue;  // no date without a year: spares the date scanner
        parsed = nlp::FindDateRanges(text, in.as_of);
      }
      for (const auto& match : known[i] != nullptr ? *known[i] : parsed) {
        const auto span = std::string_view(text).substr(match.begin, match.end - match.begin);
        const auto notation = NotationOf(span);
        auto& example = notation == Notation::kNumeric ? numeric : named;
        if (notation && !example) example = Trimmed(span);
      }
    }
  }
  if (numeric && named) {
    r.Add(Severity::kLow, "formatting",
          "Date notations are mixed in the experience section: \"" + *numeric + "\" and \"" +
              *named + "\"",
          "Write every date the same way, e.g. \"" + *named + "\" throughout.");
    return;
  }
  std::size_t with_month = 0, year_only = 0;
  for (const auto& role : in.profile.work_experience) {
    for (const auto& date : {role.dates.start, role.dates.end}) {
      if (date) ++(date->HasMonth() ? with_month : year_only);
    }
  }
  if (with_month > 0 && year_only > 0) {
    r.Add(
        Severity::kLow, "formatting",
        "Role dates mix months and years only: " + Plural(with_month, "date gives", "dates give") +
            " a month, " + Plural(year_only, "gives", "give") + " only the year",
        "Give a month and year for every role date (e.g. \"03/2019\"), not only the year.");
    return;
  }
  r.score += kDateFormatPoints;
}

// Length in words and pages against the years of experience.
void CheckLength(const FeedbackInput& in, Report& r) {
  int words = 0;
  for (const Line& line : in.doc.lines) {
    if (line.role != LineRole::kHeader && line.role != LineRole::kFooter) {
      words += WordCount(line.text);
    }
  }
  int pages = std::max(1, in.doc.pages);
  if (in.doc.kind != FileKind::kPdf) {
    pages = std::max(pages, (words + kWordsPerFlowPage - 1) / kWordsPerFlowPage);
  }
  const double years = in.profile.total_years_experience.value_or(
      domain::MergedYears(WorkRanges(in.profile), in.as_of));
  const std::string size = Plural(static_cast<std::size_t>(words), "word", "words") + " on " +
                           Plural(static_cast<std::size_t>(pages), "page", "pages");
  if (words < kMinWords) {
    r.Add(Severity::kMedium, "formatting", "The CV is short: " + size,
          "Expand to at least " + std::to_string(kMinWords) +
              " words: 3-5 bullets per recent role with what you did and what it achieved.");
    return;
  }
  if (pages > 3 || (pages > 2 && years < 10)) {
    r.score += kTooLongPoints;
    r.Add(Severity::kLow, "formatting",
          "The CV is long: " + size + " for " + std::to_string(static_cast<int>(years)) +
              " years of experience",
          std::string("Cut to ") + (years < 10 ? "2 pages" : "3 pages") +
              ": shorten roles older than 10 years to one line each.");
    return;
  }
  r.score += kLengthPoints;
  r.strengths.push_back("Length fits the experience: " + size);
}

void CheckSummaryLength(const FeedbackInput& in, Report& r) {
  if (!Present(in.profile.summary)) return;  // reported by CheckCompleteness
  const int words = WordCount(*in.profile.summary);
  if (words > kMaxSummaryWords) {
    r.Add(Severity::kLow, "summary",
          "The summary runs " + std::to_string(words) + " words (more than " +
              std::to_string(kMaxSummaryWords) + ")",
          "Cut the summary to 2-4 lines: role, years of experience and two or three strengths.");
    return;
  }
  r.score += kSummaryLengthPoints;
  r.strengths.push_back("Summary is concise (" + std::to_string(words) + " words)");
}

void CheckBullets(const FeedbackInput& in, Report& r) {
  std::size_t long_bullets = 0;
  int longest = 0;
  std::string where;
  const auto& roles = in.profile.work_experience;
  for (std::size_t i = 0; i < roles.size(); ++i) {
    for (const auto& bullet : roles[i].highlights) {
      const int words = WordCount(bullet);
      if (words <= kLongBulletWords) continue;
      ++long_bullets;
      if (words > longest) {
        longest = words;
        where = RoleLabel(roles[i], i);
      }
    }
  }
  r.score += std::max(0, kBulletPoints - static_cast<int>(long_bullets));
  if (long_bullets == 0) return;
  r.Add(Severity::kLow, "experience",
        Plural(long_bullets, "bullet runs", "bullets run") + " over " +
            std::to_string(kLongBulletWords) + " words (the longest, " + std::to_string(longest) +
            " words, under " + where + ")",
        "Split long bullets: one action and its result per bullet, at most two lines.");
}

// The lines worth spell-checking: not the header, contact data, skill lists, languages or
// references, which are names more than prose. Excluded lines stay as empty views, so a
// Misspelling's line is still an index into Document::lines.
std::vector<std::string_view> ProseLines(const FeedbackInput& in) {
  std::vector<std::string_view> lines;
  lines.reserve(in.doc.lines.size());
  for (const Line& line : in.doc.lines) {
    const bool prose = line.role != LineRole::kHeader && line.role != LineRole::kFooter;
    lines.push_back(prose ? std::string_view(line.text) : std::string_view());
  }
  for (const Section& section : in.sections) {
    switch (section.kind) {
      case SectionKind::kHeader:
      case SectionKind::kContact:
      case SectionKind::kSkills:
      case SectionKind::kLanguages:
      case SectionKind::kReferences:
        for (std::size_t i = section.begin; i < section.end && i < lines.size(); ++i) {
          lines[i] = {};
        }
        break;
      default:
        break;
    }
  }
  return lines;
}

void CheckSpelling(const FeedbackInput& in, SpellChecker* spelling, const nlp::SkillMatcher& skills,
                   Report& r) {
  if (spelling == nullptr || in.language.empty() || !spelling->Supports(in.language)) {
    r.score += kSpellingPoints;  // not checked: no points lost for what nobody could check
    return;
  }
  std::vector<Misspelling> distinct;
  for (auto& m : spelling->Check(ProseLines(in), in.language, skills)) {
    const bool seen = std::any_of(distinct.begin(), distinct.end(),
                                  [&](const Misspelling& d) { return d.word == m.word; });
    if (!seen) distinct.push_back(std::move(m));
  }
  r.score += std::max(0, kSpellingPoints - kSpellingPenalty * static_cast<int>(distinct.size()));
  if (distinct.empty()) {
    r.strengths.push_back("No spelling mistakes found");
    return;
  }
  std::vector<std::string> listed;
  for (const auto& m : distinct) {
    listed.push_back(m.word + " (line " + std::to_string(m.line + 1) + ")");
  }
  std::string message = "Possible misspellings: " + JoinLabels(listed, kMisspellingsListed);
  r.Add(Severity::kMedium, "spelling", std::move(message),
        "Correct the spelling of " + distinct.front().word +
            (distinct.size() > 1 ? " and the other words listed" : std::string()) +
            ", then run a spell checker over the whole CV.");
}

}  // namespace

domain::Feedback BuildFeedback(const FeedbackInput& input, SpellChecker* spelling,
                               const nlp::SkillMatcher& skills) {
  Report report;
  CheckCompleteness(input, report);
  CheckSummaryLength(input, report);
  CheckRoles(input, report);
  CheckGaps(input, report);
  CheckDateFormats(input, report);
  CheckBullets(input, report);
  CheckLength(input, report);
  CheckSpelling(input, spelling, skills, report);

  // High first; within a severity the rubric's order, so the output is stable.
  std::stable_sort(report.findings.begin(), report.findings.end(),
                   [](const Finding& a, const Finding& b) {
                     return static_cast<int>(a.issue.severity) < static_cast<int>(b.issue.severity);
                   });
  Feedback feedback;
  feedback.score = std::clamp(report.score, 0, 100);
  feedback.strengths = std::move(report.strengths);
  for (auto& finding : report.findings) {
    feedback.issues.push_back(std::move(finding.issue));
    feedback.suggestions.push_back(std::move(finding.suggestion));
  }
  return feedback;
}

}  // namespace jc::parsing
