// Requests and responses of the job analysis routes: requirements, fit, suggestions, ranking.
#pragma once

#include <boost/describe.hpp>
#include <optional>
#include <string>
#include <vector>

#include "api/dto/common_dto.hpp"
#include "api/dto/profile_dto.hpp"

namespace jc::api {

struct JobData {
  static constexpr std::string_view kSchemaName = "JobData";
  static constexpr std::string_view kDescription = "A job posting. Only description is required.";
  std::optional<std::string> title;
  std::optional<std::string> company;
  std::string description;
  std::optional<std::string> location;
  std::optional<std::string> url;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "title", .max_length = 500, .example = R"("Senior Backend Engineer")"},
      {.name = "company", .max_length = 500},
      {.name = "description",
       .description = "The full posting text.",
       .min_length = 1,
       .max_length = 200'000},
      {.name = "url", .max_length = 2048},
  };
};
BOOST_DESCRIBE_STRUCT(JobData, (), (title, company, description, location, url))

enum class Seniority { intern, junior, mid, senior, lead, principal };
BOOST_DESCRIBE_ENUM(Seniority, intern, junior, mid, senior, lead, principal)
enum class EducationLevel { none, high_school, associate, bachelor, master, phd };
BOOST_DESCRIBE_ENUM(EducationLevel, none, high_school, associate, bachelor, master, phd)
enum class EmploymentType { full_time, part_time, contract, internship };
BOOST_DESCRIBE_ENUM(EmploymentType, full_time, part_time, contract, internship)
enum class Workplace { onsite, hybrid, remote };
BOOST_DESCRIBE_ENUM(Workplace, onsite, hybrid, remote)
enum class SalaryPeriod { hour, day, week, month, year };
BOOST_DESCRIBE_ENUM(SalaryPeriod, hour, day, week, month, year)

struct Salary {
  static constexpr std::string_view kSchemaName = "Salary";
  std::optional<double> min;
  std::optional<double> max;
  std::optional<std::string> currency;
  std::optional<SalaryPeriod> period;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "currency", .description = "ISO 4217 code.", .example = R"("EUR")"}};
};
BOOST_DESCRIBE_STRUCT(Salary, (), (min, max, currency, period))

struct SkillYearsDto {
  static constexpr std::string_view kSchemaName = "SkillYears";
  std::string skill;
  double years = 0;
};
BOOST_DESCRIBE_STRUCT(SkillYearsDto, (), (skill, years))

struct Requirements {
  static constexpr std::string_view kSchemaName = "Requirements";
  std::optional<std::string> title;
  std::optional<Seniority> seniority;
  std::vector<std::string> requiredSkills;
  std::vector<std::string> preferredSkills;
  std::optional<double> minYearsExperience;
  std::optional<EducationLevel> educationLevel;
  std::vector<std::string> fieldsOfStudy;
  std::optional<EmploymentType> employmentType;
  std::optional<Workplace> workplace;
  std::optional<std::string> location;
  std::optional<Salary> salary;
  std::vector<std::string> responsibilities;
  std::vector<std::string> keywords;
  std::vector<SkillYearsDto> skillYears;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "skillYears",
       .description = "Minimum years the job states for single skills (\"5+ years of Python\")."},
  };
};
BOOST_DESCRIBE_STRUCT(Requirements, (),
                      (title, seniority, requiredSkills, preferredSkills, minYearsExperience,
                       educationLevel, fieldsOfStudy, employmentType, workplace, location, salary,
                       responsibilities, keywords, skillYears))

struct AnalyzeJobRequirementsRequest {
  static constexpr std::string_view kSchemaName = "AnalyzeJobRequirementsRequest";
  JobData jobData;
  std::optional<EngineOptions> options;
};
BOOST_DESCRIBE_STRUCT(AnalyzeJobRequirementsRequest, (), (jobData, options))

struct AnalyzeJobRequirementsResponse {
  static constexpr std::string_view kSchemaName = "AnalyzeJobRequirementsResponse";
  Requirements requirements;
  Meta meta;
};
BOOST_DESCRIBE_STRUCT(AnalyzeJobRequirementsResponse, (), (requirements, meta))

enum class Verdict { strong, good, partial, weak };
BOOST_DESCRIBE_ENUM(Verdict, strong, good, partial, weak)

struct FitWeights {
  static constexpr std::string_view kSchemaName = "FitWeights";
  static constexpr std::string_view kDescription =
      "The weight of each sub-score in the total; 0 for a category the job does not ask about "
      "(it does not count against the candidate). See docs/fit-score.md.";
  double skills = 0;
  double preferredSkills = 0;
  double experience = 0;
  double seniority = 0;
  double education = 0;
  double languages = 0;
  double certifications = 0;
};
BOOST_DESCRIBE_STRUCT(FitWeights, (),
                      (skills, preferredSkills, experience, seniority, education, languages,
                       certifications))

struct FitBreakdown {
  static constexpr std::string_view kSchemaName = "FitBreakdown";
  static constexpr std::string_view kDescription =
      "Sub-scores 0-100. skills is the required-skills sub-score. A category the job does not "
      "ask about scores 100 with weight 0; the optional ones are null then.";
  double skills = 0;
  double experience = 0;
  double education = 0;
  double seniority = 0;
  std::optional<double> preferredSkills;
  std::optional<double> languages;
  std::optional<double> certifications;
  FitWeights weights;
  static constexpr schema::FieldSpec kFields[] = {{.name = "weights", .optional = true}};
};
BOOST_DESCRIBE_STRUCT(FitBreakdown, (),
                      (skills, experience, education, seniority, preferredSkills, languages,
                       certifications, weights))

enum class MatchKind { exact, implied, related, missing };
BOOST_DESCRIBE_ENUM(MatchKind, exact, implied, related, missing)
enum class Presence { skills_list, only_in_text, nowhere };
BOOST_DESCRIBE_ENUM(Presence, skills_list, only_in_text, nowhere)

struct EvidenceDto {
  static constexpr std::string_view kSchemaName = "Evidence";
  std::string field;
  std::string text;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "field",
       .description = "A JSON Pointer into profileData.",
       .example = R"("/workExperience/0/highlights/2")"},
      {.name = "text", .description = "The text of that value."},
  };
};
BOOST_DESCRIBE_STRUCT(EvidenceDto, (), (field, text))

struct RequirementMatchDto {
  static constexpr std::string_view kSchemaName = "RequirementMatch";
  static constexpr std::string_view kDescription =
      "One requirement of the job and how the profile meets it.";
  std::string skill;
  bool required = true;
  MatchKind match = MatchKind::missing;
  Presence presence = Presence::nowhere;
  std::optional<std::string> via;
  std::vector<EvidenceDto> evidence;
  std::optional<double> months;
  std::optional<double> requiredYears;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "match",
       .description = "exact (any alias), implied (a shown skill implies it), related (only a "
                      "similar, different skill is shown: not counted), missing."},
      {.name = "presence",
       .description = "skills_list, only_in_text (in a bullet, summary... but not in the skills "
                      "list), nowhere."},
      {.name = "via", .description = "The profile's skill that implies or is related to it."},
      {.name = "months", .description = "Merged months of the dated roles that mention the skill."},
      {.name = "requiredYears", .description = "The job's minimum years for this skill."},
  };
};
BOOST_DESCRIBE_STRUCT(RequirementMatchDto, (),
                      (skill, required, match, presence, via, evidence, months, requiredYears))

struct MissingSkill {
  static constexpr std::string_view kSchemaName = "MissingSkill";
  std::string skill;
  bool required = false;
};
BOOST_DESCRIBE_STRUCT(MissingSkill, (), (skill, required))

struct ExperienceFit {
  static constexpr std::string_view kSchemaName = "ExperienceFit";
  std::optional<double> requiredYears;
  std::optional<double> candidateYears;
};
BOOST_DESCRIBE_STRUCT(ExperienceFit, (), (requiredYears, candidateYears))

struct Fit {
  static constexpr std::string_view kSchemaName = "Fit";
  double score = 0;
  Verdict verdict = Verdict::weak;
  FitBreakdown breakdown;
  std::vector<std::string> matchedSkills;
  std::vector<MissingSkill> missingSkills;
  ExperienceFit experience;
  std::vector<std::string> explanation;
  std::vector<std::string> relatedSkills;
  std::vector<RequirementMatchDto> requirements;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "score", .minimum = 0, .maximum = 100},
      {.name = "relatedSkills",
       .description = "Required or preferred skills the profile meets only with a related, "
                      "different skill (not counted as matched)."},
      {.name = "requirements", .description = "Every skill requirement with its evidence."},
  };
};
BOOST_DESCRIBE_STRUCT(Fit, (),
                      (score, verdict, breakdown, matchedSkills, missingSkills, experience,
                       explanation, relatedSkills, requirements))

struct AnalyzeJobFitRequest {
  static constexpr std::string_view kSchemaName = "AnalyzeJobFitRequest";
  Profile profileData;
  JobData jobData;
  std::optional<EngineOptions> options;
};
BOOST_DESCRIBE_STRUCT(AnalyzeJobFitRequest, (), (profileData, jobData, options))

struct AnalyzeJobFitResponse {
  static constexpr std::string_view kSchemaName = "AnalyzeJobFitResponse";
  Fit fit;
  Meta meta;
};
BOOST_DESCRIBE_STRUCT(AnalyzeJobFitResponse, (), (fit, meta))

struct SuggestImprovementsRequest {
  static constexpr std::string_view kSchemaName = "SuggestImprovementsRequest";
  Profile profileData;
  std::optional<JobData> jobData;
  std::optional<EngineOptions> options;
};
BOOST_DESCRIBE_STRUCT(SuggestImprovementsRequest, (), (profileData, jobData, options))

struct Suggestion {
  static constexpr std::string_view kSchemaName = "Suggestion";
  Severity priority = Severity::medium;
  std::string section;
  std::string message;
  std::optional<std::string> example;
};
BOOST_DESCRIBE_STRUCT(Suggestion, (), (priority, section, message, example))

struct SuggestImprovementsResponse {
  static constexpr std::string_view kSchemaName = "SuggestImprovementsResponse";
  std::vector<Suggestion> suggestions;
  Meta meta;
};
BOOST_DESCRIBE_STRUCT(SuggestImprovementsResponse, (), (suggestions, meta))

struct RankJobsRequest {
  static constexpr std::string_view kSchemaName = "RankJobsRequest";
  Profile profileData;
  std::vector<JobData> jobs;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "jobs",
       .description = "The jobs to rank the profile against.",
       .min_items = 1,
       .max_items = 1000}};
};
BOOST_DESCRIBE_STRUCT(RankJobsRequest, (), (profileData, jobs))

struct RankedFit {
  static constexpr std::string_view kSchemaName = "RankedFit";
  int index = 0;
  Fit fit;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "index", .description = "Position of the item in the request's list."}};
};
BOOST_DESCRIBE_STRUCT(RankedFit, (), (index, fit))

struct RankResponse {
  static constexpr std::string_view kSchemaName = "RankResponse";
  std::vector<RankedFit> ranking;
  Meta meta;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "ranking", .description = "Best fit first."}};
};
BOOST_DESCRIBE_STRUCT(RankResponse, (), (ranking, meta))

struct RankCandidatesRequest {
  static constexpr std::string_view kSchemaName = "RankCandidatesRequest";
  JobData jobData;
  std::vector<Profile> profiles;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "profiles",
       .description = "The candidates to rank for the job.",
       .min_items = 1,
       .max_items = 1000}};
};
BOOST_DESCRIBE_STRUCT(RankCandidatesRequest, (), (jobData, profiles))

}  // namespace jc::api
