// Suggestions to improve a profile, prioritised, specific and truthful: derived from the CV
// feedback rubric (parsing/cv/feedback.hpp rules that apply to a profile) and, when a job is
// given, from the fit's gaps. A skill the profile shows only in a bullet becomes "add it to your
// skills list"; a skill it shows nowhere becomes "gap: consider learning", never "add X".
// Pure; thread-safe.
#pragma once

#include <vector>

#include "domain/fit.hpp"
#include "domain/profile.hpp"

namespace jc::analysis {

// `fit` may be null (no job given).
std::vector<domain::Suggestion> SuggestImprovements(const domain::Profile& profile,
                                                    const domain::Fit* fit);

}  // namespace jc::analysis
