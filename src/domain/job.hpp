// A job posting and the requirements extracted from it; the domain form of the contract's
// JobData and Requirements (api/dto/job_dto.hpp maps them to and from JSON).
//
// Plain values; safe to copy and share between threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace jc::domain {

struct Job {
  std::optional<std::string> title;
  std::optional<std::string> company;
  std::string description;  // the full posting text
  std::optional<std::string> location;
  std::optional<std::string> url;
};

enum class Seniority : std::uint8_t { kIntern, kJunior, kMid, kSenior, kLead, kPrincipal };
enum class EducationLevel : std::uint8_t {
  kNone,
  kHighSchool,
  kAssociate,
  kBachelor,
  kMaster,
  kPhd
};
enum class EmploymentType : std::uint8_t { kFullTime, kPartTime, kContract, kInternship };
enum class Workplace : std::uint8_t { kOnsite, kHybrid, kRemote };
enum class SalaryPeriod : std::uint8_t { kHour, kDay, kWeek, kMonth, kYear };

struct Salary {
  std::optional<double> min;
  std::optional<double> max;
  std::optional<std::string> currency;  // ISO 4217
  std::optional<SalaryPeriod> period;
};

// A minimum number of years the posting asks for one skill ("5+ years of Python").
struct SkillYears {
  std::string skill;  // as in required_skills / preferred_skills
  double years = 0;
};

struct Requirements {
  std::optional<std::string> title;
  std::optional<Seniority> seniority;
  std::vector<std::string> required_skills;   // canonical taxonomy names where known
  std::vector<std::string> preferred_skills;  // never also in required_skills
  std::optional<double> min_years_experience;
  std::optional<EducationLevel> education_level;
  std::vector<std::string> fields_of_study;
  std::optional<EmploymentType> employment_type;
  std::optional<Workplace> workplace;
  std::optional<std::string> location;
  std::optional<Salary> salary;
  std::vector<std::string> responsibilities;
  std::vector<std::string> keywords;
  // Beyond the contract's fields:
  std::vector<SkillYears> skill_years;  // per-skill minimum years, where the posting states one
  std::string language;                 // ISO 639-1 of the posting; "" when unknown
};

}  // namespace jc::domain
