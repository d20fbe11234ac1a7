// Human languages a posting asks for, where the shared matcher needs more context than a
// posting gives: "Fluent written English", "Gute Deutschkenntnisse", "Deutsch- und
// Englischkenntnisse", "inglés intermedio", "anglais courant". A language name counts next to a
// proficiency word (written, spoken, fluent, C1, Kenntnisse, courant, intermedio...) or inside
// a "<language>kenntnisse" compound. Built once per taxonomy; FindLanguages is const and
// thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "nlp/skill_matcher.hpp"
#include "nlp/taxonomy.hpp"
#include "parsing/job/posting_text.hpp"

namespace jc::parsing::job {

// Mentions of spoken languages in body.text() (Lower() of the posting), with offsets into it;
// `negated` is set for "German is not required".
std::vector<nlp::SkillMatch> FindLanguages(const nlp::Taxonomy& taxonomy, const CueIndex& body);

}  // namespace jc::parsing::job
