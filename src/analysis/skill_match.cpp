#include "analysis/skill_match.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace jc::analysis {
namespace {

using domain::Evidence;
using domain::MatchKind;
using domain::Presence;
using domain::RequirementMatch;

constexpr std::size_t kEvidenceChars = 160;

// At most kEvidenceChars bytes, cut before a UTF-8 continuation byte, with "..." when cut.
std::string Shorten(std::string_view text) {
  if (text.size() <= kEvidenceChars) return std::string(text);
  std::size_t cut = kEvidenceChars;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

// Whether a place lists the skill in the list made for its kind: the skills list for any
// skill, the languages list for spoken languages, the certifications list for certifications.
bool ListsIt(const Place& place, const nlp::Skill* skill) {
  switch (place.kind) {
    case PlaceKind::kSkillsList:
      return true;
    case PlaceKind::kLanguagesList:
      return skill != nullptr && skill->category == nlp::Category::kSpokenLanguage;
    case PlaceKind::kCertifications:
      return skill != nullptr && skill->category == nlp::Category::kCertification;
    case PlaceKind::kText:
      return false;
  }
  return false;
}

// Fills presence and evidence from the places that show the skill, listed places first.
void SetEvidence(const ProfileIndex& index, std::vector<std::uint32_t> places,
                 const nlp::Skill* skill, RequirementMatch& match) {
  std::sort(places.begin(), places.end());
  places.erase(std::unique(places.begin(), places.end()), places.end());
  const auto& all = index.Places();
  std::stable_partition(places.begin(), places.end(),
                        [&](std::uint32_t p) { return ListsIt(all[p], skill); });
  if (places.empty()) return;
  match.presence =
      ListsIt(all[places.front()], skill) ? Presence::kSkillsList : Presence::kOnlyInText;
  for (std::size_t i = 0; i < places.size() && i < kMaxEvidence; ++i) {
    match.evidence.push_back(Evidence{all[places[i]].pointer, Shorten(all[places[i]].text)});
  }
}

// Merged months of the dated roles among the places' roles; nullopt when none is dated.
std::optional<double> RoleMonths(const ProfileIndex& index,
                                 const std::vector<std::uint32_t>& places,
                                 domain::PartialDate as_of) {
  std::vector<int> roles;
  for (const auto p : places) {
    if (index.Places()[p].role >= 0) roles.push_back(index.Places()[p].role);
  }
  std::sort(roles.begin(), roles.end());
  roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
  std::vector<domain::DateRange> ranges;
  for (const int r : roles) {
    const auto& dates = index.profile().work_experience[static_cast<std::size_t>(r)].dates;
    if (dates.start) ranges.push_back(dates);
  }
  if (ranges.empty()) return std::nullopt;
  return domain::MergedYears(ranges, as_of) * 12.0;
}

}  // namespace

const nlp::Skill* ResolveSkill(std::string_view requirement, const nlp::SkillMatcher& matcher) {
  if (const nlp::Skill* skill = matcher.taxonomy().FindByName(requirement)) return skill;
  const auto found = matcher.FindAll(requirement);
  if (found.empty() || found.front().negated) return nullptr;
  const bool one = std::all_of(found.begin(), found.end(), [&](const nlp::SkillMatch& m) {
    return m.skill == found.front().skill && !m.negated;
  });
  return one ? &matcher.taxonomy().Get(found.front().skill) : nullptr;
}

RequirementMatch MatchSkill(const ProfileIndex& index, std::string_view requirement,
                            const nlp::Skill* skill, bool required, domain::PartialDate as_of) {
  RequirementMatch match;
  match.skill = std::string(requirement);
  match.required = required;
  if (skill == nullptr) {
    const auto places = index.FindText(requirement);
    if (places.empty()) return match;
    match.kind = MatchKind::kExact;
    SetEvidence(index, places, nullptr, match);
    match.months = RoleMonths(index, places, as_of);
    return match;
  }

  if (!index.MayShow(*skill)) return match;  // what the loop below would find: nothing
  const nlp::Taxonomy& taxonomy = index.taxonomy();
  std::vector<std::uint32_t> exact, implying, related;
  std::optional<nlp::SkillId> via_implied, via_listed, via_related;
  for (const Mention& m : index.Mentions()) {
    if (m.skill == skill->id) {
      exact.push_back(m.place);
    } else if (taxonomy.Implies(m.skill, skill->id)) {
      implying.push_back(m.place);
      if (!via_implied) via_implied = m.skill;
      if (!via_listed && index.Places()[m.place].Listed()) via_listed = m.skill;
    } else if (taxonomy.Related(m.skill, skill->id)) {
      related.push_back(m.place);
      if (!via_related) via_related = m.skill;
    }
  }
  // A listed implying skill names the match ("Django" from the skills list), else the first seen.
  if (via_listed) via_implied = via_listed;

  std::vector<std::uint32_t> shown = exact;
  shown.insert(shown.end(), implying.begin(), implying.end());
  if (!exact.empty()) {
    match.kind = MatchKind::kExact;
    SetEvidence(index, exact, skill, match);
  } else if (!implying.empty()) {
    match.kind = MatchKind::kImplied;
    match.via = taxonomy.Get(*via_implied).name;
    SetEvidence(index, implying, skill, match);
  } else if (!related.empty()) {
    match.kind = MatchKind::kRelated;
    match.via = taxonomy.Get(*via_related).name;
    SetEvidence(index, related, skill, match);
    match.presence = Presence::kNowhere;  // the evidence shows the related skill, not this one
    return match;
  } else {
    return match;
  }
  match.months = RoleMonths(index, shown, as_of);
  return match;
}

}  // namespace jc::analysis
