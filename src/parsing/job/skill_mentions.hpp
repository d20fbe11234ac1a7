// How a posting's skill mentions are judged: which are real mentions (not a plain word read as
// a broad domain, not "DO" in "DO-160"), which part and cue make them required or preferred,
// which are fields of study or negated in their own clause, and which capitalised names a
// requirements list names. Helpers of ExtractRequirements; pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/skill_matcher.hpp"
#include "nlp/taxonomy.hpp"
#include "parsing/job/posting_sections.hpp"
#include "parsing/job/requirement_cues.hpp"

namespace jc::parsing::job {

// Whether a mention is a real skill mention; `after` is the text right after it.
bool Meaningful(const nlp::Skill& skill, std::string_view surface, std::string_view after);

// Required, preferred or neither, for a mention at [begin, end) of `line`, from its part of the
// posting and the cues around it. `lower` is the whole posting lower-cased; `domain` says the
// skill is a field of knowledge (Category::kDomain), which the opening's announcement of the
// role ("we are looking for a Frontend Developer") names without asking for it.
Need NeedOf(const PostingLine& line, std::string_view lower, std::size_t begin, std::size_t end,
            bool domain);

// Removes from `list` the broad domains that a skill of `by` already shows.
void DropImpliedDomains(const nlp::Taxonomy& taxonomy, std::vector<std::string>& list,
                        const std::vector<std::string>& by);

// Capitalised ambiguous names ("Excel", "Go") inside requirement and preferred lines.
std::vector<nlp::SkillMatch> NamesInRequirementLists(std::string_view text,
                                                     const std::vector<PostingLine>& lines,
                                                     const nlp::Taxonomy& taxonomy);

// Whether the clause around pos names a degree (its skills are then fields of study).
bool InDegreeClause(std::string_view lower, std::size_t pos);

// Whether the clause around pos asks for experience or knowledge ("2 years of ICU nursing
// experience", "Kenntnisse in", "expérience en"), as opposed to naming the work itself.
bool AsksForExperience(std::string_view lower, std::size_t pos);

// Whether an acronym mention ("ABA", "CPM", "FP") reads as its skill in this posting: an acronym
// has other expansions ("ABA-accredited law school", "62 CPM" for cents per mile), so it needs
// a kindred hard skill among `matches` (one shows the other, they are related, or both are
// kinds of one broader skill). True when the posting names fewer than two other hard skills,
// too few to judge by. `skill` is the acronym's.
bool AcronymFitsPosting(const nlp::Taxonomy& taxonomy, nlp::SkillId skill,
                        const std::vector<nlp::SkillMatch>& matches);

// Whether the clause around pos negates what it names ("helpful but not required" does not).
bool ClauseNegates(std::string_view lower, std::size_t pos);

}  // namespace jc::parsing::job
