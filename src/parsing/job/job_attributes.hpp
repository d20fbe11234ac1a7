// The scalar facts of a posting besides skills, years and pay: seniority (by the corpus rule
// order: title keyword, explicit level text, people management, required years), employment
// type, workplace, and the education level and fields of study it requires. Each takes the
// posting's cue index (its lower-cased text) and the lower-cased title. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/job.hpp"
#include "parsing/job/posting_sections.hpp"
#include "parsing/job/posting_text.hpp"

namespace jc::parsing::job {

// The level the title's words name ("Senior", "Praktikant", "Head of", "Staff Engineer"), or
// nullopt ("Staff Accountant", "Lead Generation Specialist", "Associate").
std::optional<domain::Seniority> SeniorityFromTitle(std::string_view lower_title);

std::optional<domain::Seniority> SeniorityOf(std::string_view lower_title, const CueIndex& body,
                                             std::optional<double> min_years);

std::optional<domain::EmploymentType> EmploymentTypeOf(std::string_view lower_title,
                                                       const CueIndex& body);
std::optional<domain::Workplace> WorkplaceOf(std::string_view lower_title, const CueIndex& body);

struct Education {
  std::optional<domain::EducationLevel> level;
  std::vector<std::string> fields;
};
// `text` is the posting, `lower` its Lower(); only requirement parts count (not duties, not
// preferred items). Enrolled students (`student_role`) get no level, only fields.
Education EducationOf(std::string_view text, const CueIndex& body,
                      const std::vector<PostingLine>& lines, bool student_role);

}  // namespace jc::parsing::job
