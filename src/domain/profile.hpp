// Profile: a CV as structured data, and the feedback on it. The domain form of the contract's
// Profile (api/dto/profile_dto.hpp maps it to and from JSON): typed dates, snake_case names.
// Absent values are nullopt or empty, never invented.
//
// Plain values; safe to copy and share between threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/partial_date.hpp"

namespace jc::domain {

enum class LinkType : std::uint8_t { kLinkedIn, kGitHub, kWebsite, kOther };

struct Link {
  LinkType type = LinkType::kOther;
  std::string url;  // absolute, with a scheme
};

struct WorkExperience {
  std::optional<std::string> title;
  std::optional<std::string> company;
  std::optional<std::string> location;
  DateRange dates;  // start/end as precise as the CV; current for an open end
  std::optional<std::string> description;  // a prose sentence under the role
  std::vector<std::string> highlights;     // bullet points, verbatim, without bullet marks
};

struct Education {
  std::optional<std::string> institution;
  std::optional<std::string> degree;  // as written: "B.Sc.", "Master 2", "Diplom-Ingenieur (FH)"
  std::optional<std::string> field;   // the subject, when the CV names one
  std::optional<PartialDate> start;
  std::optional<PartialDate> end;  // nullopt for an ongoing programme
  std::optional<std::string> grade;
};

struct Skills {
  std::vector<std::string> technical;  // as written, in order
  std::vector<std::string> soft;
};

struct LanguageSkill {
  std::string language;                    // English name: "German", "Mandarin Chinese"
  std::optional<std::string> proficiency;  // verbatim: "C1", "Muttersprache", "fluent"
};

struct Certification {
  std::string name;
  std::optional<std::string> issuer;
  std::optional<PartialDate> date;
};

struct Project {
  std::string name;
  std::optional<std::string> description;
  std::optional<std::string> url;
  std::vector<std::string> technologies;
};

struct Profile {
  std::optional<std::string> full_name;
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::optional<std::string> location;
  std::optional<std::string> headline;
  std::optional<std::string> summary;
  std::vector<Link> links;
  std::vector<WorkExperience> work_experience;
  std::vector<Education> education;
  Skills skills;
  std::vector<LanguageSkill> languages;
  std::vector<Certification> certifications;
  std::vector<Project> projects;
  std::optional<double> total_years_experience;  // MergedYears over work_experience
};

// totalYearsExperience: the merged periods of the roles that have a start, or nullopt when
// none has one.
inline std::optional<double> TotalYearsExperience(const std::vector<WorkExperience>& roles,
                                                  PartialDate as_of) {
  std::vector<DateRange> ranges;
  for (const auto& role : roles) {
    if (role.dates.start) ranges.push_back(role.dates);
  }
  if (ranges.empty()) return std::nullopt;
  return MergedYears(ranges, as_of);
}

enum class Severity : std::uint8_t { kHigh, kMedium, kLow };

struct FeedbackIssue {
  Severity severity = Severity::kMedium;
  std::string section;  // the contract's section name: "contact", "experience", "skills"...
  std::string message;
};

struct Feedback {
  int score = 0;  // 0-100
  std::vector<std::string> strengths;
  std::vector<FeedbackIssue> issues;
  std::vector<std::string> suggestions;
};

}  // namespace jc::domain
