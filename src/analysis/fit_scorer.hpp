// The fit score: a deterministic, explainable match of a profile against a job's requirements,
// by the formula in docs/fit-score.md. Weighted sub-scores for required skills, preferred
// skills, years of experience, seniority, education, languages and certifications; a category
// the job does not mention has no weight. Synonyms (taxonomy aliases) and implied skills count
// as matched; related-but-different skills are reported, never counted. Every requirement comes
// with its evidence in the profile (which value shows it) or why it is missing.
// Pure; thread-safe (the matcher is); same input, same output on every platform.
#pragma once

#include "analysis/profile_index.hpp"
#include "domain/fit.hpp"
#include "domain/job.hpp"
#include "domain/partial_date.hpp"
#include "domain/profile.hpp"
#include "nlp/skill_matcher.hpp"

namespace jc::analysis {

// as_of: "now" for current roles when the profile's years must be computed from its dates
// (profile.total_years_experience is used when present).
domain::Fit ScoreFit(const domain::Profile& profile, const domain::Requirements& requirements,
                     const nlp::SkillMatcher& skills, domain::PartialDate as_of);

// The same for a profile indexed once (ProfileIndex::Build with the same matcher), so ranking
// one profile against many postings searches the profile's text only once. Identical results.
domain::Fit ScoreFit(const ProfileIndex& profile, const domain::Requirements& requirements,
                     const nlp::SkillMatcher& skills, domain::PartialDate as_of);

// The verdict thresholds of docs/fit-score.md: strong >= 80, good >= 65, partial >= 45.
domain::Verdict VerdictFor(double score);

// The candidate's years: profile.total_years_experience when present, else the merged years of
// the roles with a start date at as_of; nullopt when neither exists.
std::optional<double> CandidateYears(const domain::Profile& profile, domain::PartialDate as_of);

}  // namespace jc::analysis
