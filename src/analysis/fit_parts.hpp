// Internal to the fit scorer: the sub-score rules of docs/fit-score.md, one function each, and
// the explanation sentences. Split from fit_scorer.cpp to keep each file to one concern.
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/profile_index.hpp"
#include "domain/fit.hpp"
#include "domain/job.hpp"
#include "domain/profile.hpp"
#include "nlp/taxonomy.hpp"

namespace jc::analysis {

// Which sub-score a skill requirement feeds.
enum class RequirementGroup : std::uint8_t { kSkill, kLanguage, kCertification };

struct ScoredRequirement {
  domain::RequirementMatch match;
  RequirementGroup group = RequirementGroup::kSkill;
  std::string name;                 // the taxonomy name, or the requirement as written
  std::optional<int> needed_level;  // spoken languages: asked level 1..7
  std::optional<int> have_level;    // spoken languages: the profile's level, if shown
};

// What the candidate's profile shows, for the sub-scores that do not come from skills.
struct CandidateFacts {
  std::optional<double> years;
  std::optional<domain::Seniority> seniority;
  std::optional<domain::EducationLevel> education;
  bool has_education = false;
  bool field_matched = false;
};

// Sub-scores 0-100 (unrounded). Each is only called when its category applies.
double SkillShare(const std::vector<ScoredRequirement>& reqs, RequirementGroup group,
                  bool required);
double LanguageScore(const std::vector<ScoredRequirement>& reqs);
double CertificationScore(const std::vector<ScoredRequirement>& reqs);
double ExperienceScore(const domain::Requirements& requirements,
                       const std::vector<ScoredRequirement>& years_reqs,
                       std::optional<double> candidate_years);
double SeniorityScore(domain::Seniority needed, std::optional<domain::Seniority> have);
double EducationScore(const domain::Requirements& requirements, const CandidateFacts& facts);

// Per-skill years credit 0..1: dated months against the asked years, at least kUndatedCredit
// when the skill is shown at all, 0 when it is not.
inline constexpr double kUndatedCredit = 0.5;
double SkillYearsCredit(const domain::RequirementMatch& match, double years);

// Whether a language/skill/certification requirement counts as met (exact or implied).
bool Counts(const domain::RequirementMatch& match);

// The candidate's seniority, education and field-of-study facts.
CandidateFacts ReadCandidate(const ProfileIndex& index, const domain::Requirements& req,
                             std::optional<double> years);

// Sentences, most important first (docs/fit-score.md, "Explanation").
std::vector<std::string> Explain(const domain::Fit& fit, const domain::Requirements& req,
                                 const std::vector<ScoredRequirement>& reqs,
                                 const std::vector<ScoredRequirement>& years_reqs,
                                 const CandidateFacts& facts);

// "A", "A and B", "A, B and C", "A, B, C and 2 more".
std::string JoinNames(const std::vector<std::string>& names, std::size_t max_named = 4);
// One decimal, without a trailing ".0": 8.5 -> "8.5", 5.0 -> "5".
std::string Number(double value);

}  // namespace jc::analysis
