// Requirements of a job posting, with no LLM: required vs preferred skills (from section cues
// and phrasing, in English, German, French, Spanish, and the other languages the engine reads),
// minimum years (overall and per skill), education level and fields, seniority (title, then
// the body), employment type, workplace, location, salary (range, currency, period),
// responsibilities and keywords. Skills are found with the shared nlp::SkillMatcher, so
// "JS" and "JavaScript" are one skill, and negated mentions ("no Java needed") are dropped.
// Pure; thread-safe (the matcher is).
#pragma once

#include "domain/job.hpp"
#include "nlp/skill_matcher.hpp"

namespace jc::parsing {

domain::Requirements ExtractRequirements(const domain::Job& job, const nlp::SkillMatcher& skills);

}  // namespace jc::parsing
