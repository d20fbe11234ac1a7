// The LLM's corrections to a parsed CV, applied only where the CV's own text supports them.
//
// The model sees the extracted text and the local engine's profile and proposes values by JSON
// Pointer (/fullName, /workExperience/0/company...) plus skills the extraction missed. Each
// proposal is checked against the text before it replaces anything:
// - text fields (name, headline, location, title, company, institution, degree...) must appear
//   in the text as written, between word boundaries (case, accents and spacing folded as the
//   skill matcher folds them); the name must be a whole line or a whole separated segment of
//   one ("Jane Doe | Berlin"), so a sentence inside the CV cannot rename its author;
// - an email must appear in the text; a phone's digits must appear on one line;
// - a date (YYYY-MM or YYYY) must be a date the CV writes (nlp::FindDateRanges/ParseDate over
//   every line), "present" only when the CV has an open range; an end before its start is
//   refused;
// - a skill must be found in the text by the skill matcher (not negated), or be written there
//   verbatim; soft skills go to skills.soft;
// - only existing entries are corrected: the model cannot add or remove roles or degrees.
// Unsupported proposals are listed with the reason and the local value stays. When work dates
// change, totalYearsExperience is recomputed from the merged periods.
//
// Pure functions of their arguments; safe to call from any thread.
#pragma once

#include <string_view>
#include <vector>

#include "api/dto/cv_dto.hpp"
#include "api/dto/llm_dto.hpp"
#include "domain/partial_date.hpp"
#include "domain/profile.hpp"
#include "nlp/skill_matcher.hpp"

namespace jc::api {

ProfileRefinement ApplyProfileCorrections(domain::Profile& profile, std::string_view cv_text,
                                          const ProfileCorrectionsAnswer& answer,
                                          const nlp::SkillMatcher& skills,
                                          domain::PartialDate as_of);

}  // namespace jc::api
