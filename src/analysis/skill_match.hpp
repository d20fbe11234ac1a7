// Matching one skill requirement against an indexed profile: exact (the same taxonomy skill,
// any alias), implied (a shown skill implies it or is a kind of it), related (only a similar but
// different skill is shown) or missing, with where the profile shows it and the merged months of
// the dated roles that mention it. Pure; thread-safe.
#pragma once

#include <optional>
#include <string_view>

#include "analysis/profile_index.hpp"
#include "domain/fit.hpp"
#include "domain/partial_date.hpp"
#include "nlp/skill_matcher.hpp"

namespace jc::analysis {

// The taxonomy skill a requirement names: by name or alias, else the only skill the matcher
// finds in it ("Experience with k8s"). nullptr when it names none or several.
const nlp::Skill* ResolveSkill(std::string_view requirement, const nlp::SkillMatcher& matcher);

// The match of `requirement` (resolved to `skill`, or nullptr to compare normalised text).
// Evidence lists at most kMaxEvidence places, listed ones first. months is set when at least one
// role that mentions the skill (or a skill implying it) has a start date.
inline constexpr std::size_t kMaxEvidence = 3;
domain::RequirementMatch MatchSkill(const ProfileIndex& index, std::string_view requirement,
                                    const nlp::Skill* skill, bool required,
                                    domain::PartialDate as_of);

}  // namespace jc::analysis
