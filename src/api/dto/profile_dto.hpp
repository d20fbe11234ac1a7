// The Profile model of the API contract: a CV as structured data, and the CV feedback.
#pragma once

#include <boost/describe.hpp>
#include <optional>
#include <string>
#include <vector>

#include "schema/field_spec.hpp"

namespace jc::api {

enum class LinkType { linkedin, github, website, other };
BOOST_DESCRIBE_ENUM(LinkType, linkedin, github, website, other)

struct Link {
  static constexpr std::string_view kSchemaName = "Link";
  LinkType type = LinkType::other;
  std::string url;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "url",
       .min_length = 1,
       .max_length = 2048,
       .example = R"("https://github.com/janedoe")"},
  };
};
BOOST_DESCRIBE_STRUCT(Link, (), (type, url))

struct WorkExperience {
  static constexpr std::string_view kSchemaName = "WorkExperience";
  std::optional<std::string> title;
  std::optional<std::string> company;
  std::optional<std::string> location;
  std::optional<std::string> startDate;
  std::optional<std::string> endDate;
  bool current = false;
  std::optional<std::string> description;
  std::vector<std::string> highlights;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "title", .max_length = 500, .example = R"("Senior Backend Engineer")"},
      {.name = "company", .max_length = 500},
      {.name = "startDate", .description = "\"YYYY-MM\" or \"YYYY\".", .format = "partial-date"},
      {.name = "endDate",
       .description = "\"YYYY-MM\" or \"YYYY\"; null for an open end.",
       .format = "partial-date"},
      {.name = "current", .description = "True when the role has not ended.", .optional = true},
      {.name = "highlights", .description = "Bullet points, as written.", .max_items = 500},
  };
};
BOOST_DESCRIBE_STRUCT(WorkExperience, (),
                      (title, company, location, startDate, endDate, current, description,
                       highlights))

struct Education {
  static constexpr std::string_view kSchemaName = "Education";
  std::optional<std::string> institution;
  std::optional<std::string> degree;
  std::optional<std::string> field;
  std::optional<std::string> startDate;
  std::optional<std::string> endDate;
  std::optional<std::string> grade;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "startDate", .format = "partial-date"},
      {.name = "endDate", .format = "partial-date"},
  };
};
BOOST_DESCRIBE_STRUCT(Education, (), (institution, degree, field, startDate, endDate, grade))

struct Skills {
  static constexpr std::string_view kSchemaName = "Skills";
  std::vector<std::string> technical;
  std::vector<std::string> soft;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "technical", .max_items = 2000, .example = R"(["Python", "PostgreSQL"])"},
      {.name = "soft", .max_items = 2000, .example = R"(["Leadership"])"},
  };
};
BOOST_DESCRIBE_STRUCT(Skills, (), (technical, soft))

struct LanguageSkill {
  static constexpr std::string_view kSchemaName = "LanguageSkill";
  std::string language;
  std::optional<std::string> proficiency;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "language", .min_length = 1, .example = R"("German")"},
      {.name = "proficiency",
       .description = "As stated: a CEFR level or native/fluent/...",
       .example = R"("native")"},
  };
};
BOOST_DESCRIBE_STRUCT(LanguageSkill, (), (language, proficiency))

struct Certification {
  static constexpr std::string_view kSchemaName = "Certification";
  std::string name;
  std::optional<std::string> issuer;
  std::optional<std::string> date;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "name", .min_length = 1},
      {.name = "date", .format = "partial-date"},
  };
};
BOOST_DESCRIBE_STRUCT(Certification, (), (name, issuer, date))

struct Project {
  static constexpr std::string_view kSchemaName = "Project";
  std::string name;
  std::optional<std::string> description;
  std::optional<std::string> url;
  std::vector<std::string> technologies;
  static constexpr schema::FieldSpec kFields[] = {{.name = "name", .min_length = 1}};
};
BOOST_DESCRIBE_STRUCT(Project, (), (name, description, url, technologies))

struct Profile {
  static constexpr std::string_view kSchemaName = "Profile";
  static constexpr std::string_view kDescription =
      "A CV as structured data. Absent values are null or [], never invented.";
  std::optional<std::string> fullName;
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::optional<std::string> location;
  std::optional<std::string> headline;
  std::optional<std::string> summary;
  std::vector<Link> links;
  std::vector<WorkExperience> workExperience;
  std::vector<Education> education;
  Skills skills;
  std::vector<LanguageSkill> languages;
  std::vector<Certification> certifications;
  std::vector<Project> projects;
  std::optional<double> totalYearsExperience;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "fullName", .max_length = 300, .example = R"("Jane Doe")"},
      {.name = "email", .max_length = 320, .example = R"("jane@example.com")"},
      {.name = "phone", .max_length = 64, .example = R"("+1 555 0100")"},
      {.name = "workExperience", .max_items = 1000},
      {.name = "education", .max_items = 200},
      {.name = "skills", .optional = true},
      {.name = "totalYearsExperience",
       .description = "Merged, non-overlapping years of work experience.",
       .minimum = 0,
       .maximum = 100},
  };
};
BOOST_DESCRIBE_STRUCT(Profile, (),
                      (fullName, email, phone, location, headline, summary, links, workExperience,
                       education, skills, languages, certifications, projects,
                       totalYearsExperience))

enum class Severity { high, medium, low };
BOOST_DESCRIBE_ENUM(Severity, high, medium, low)

struct FeedbackIssue {
  static constexpr std::string_view kSchemaName = "FeedbackIssue";
  Severity severity = Severity::medium;
  std::string section;
  std::string message;
};
BOOST_DESCRIBE_STRUCT(FeedbackIssue, (), (severity, section, message))

struct Feedback {
  static constexpr std::string_view kSchemaName = "Feedback";
  int score = 0;
  std::vector<std::string> strengths;
  std::vector<FeedbackIssue> issues;
  std::vector<std::string> suggestions;
  static constexpr schema::FieldSpec kFields[] = {{.name = "score", .minimum = 0, .maximum = 100}};
};
BOOST_DESCRIBE_STRUCT(Feedback, (), (score, strengths, issues, suggestions))

}  // namespace jc::api
