// ProfileIndex: every taxonomy skill a profile shows, with the place that shows it (a JSON
// Pointer into the profile), built once per profile so that scoring it against many postings
// (ranking) does not search its text again.
//
// Holds pointers into the Profile and the SkillMatcher it was built from: both must outlive it
// and the profile must not change meanwhile. Immutable after Build; const access is thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/job.hpp"
#include "domain/profile.hpp"
#include "nlp/skill_matcher.hpp"

namespace jc::analysis {

// What kind of profile value a place is. The three lists are where a skill is "listed"; anything
// else shows it only in text.
enum class PlaceKind : std::uint8_t {
  kSkillsList,      // /skills/technical/i, /skills/soft/i
  kLanguagesList,   // /languages/i (the spoken language)
  kCertifications,  // /certifications/i/name
  kText,            // headline, summary, role title/description/highlights, projects
};

struct Place {
  std::string pointer;    // "/workExperience/1/highlights/0"
  std::string_view text;  // the value, inside the profile
  PlaceKind kind = PlaceKind::kText;
  int role = -1;      // index into work_experience for a role's title/description/highlights
  int language = -1;  // index into languages for a /languages/i place

  bool Listed() const { return kind != PlaceKind::kText; }
};

struct Mention {
  nlp::SkillId skill = 0;
  std::uint32_t place = 0;  // index into Places()
};

class ProfileIndex {
 public:
  // Never fails: a profile without recognisable skills gives an index without mentions.
  // Skills-list items are looked up whole first (Taxonomy::FindByName), then searched as text
  // ("Excel (pivot tables)"); negated mentions ("no Java") are left out.
  static ProfileIndex Build(const domain::Profile& profile, const nlp::SkillMatcher& matcher);

  const domain::Profile& profile() const { return *profile_; }
  const nlp::Taxonomy& taxonomy() const { return *taxonomy_; }
  const std::vector<Place>& Places() const { return places_; }
  // In profile order: skills lists first, then headline, summary, roles, projects,
  // certifications, languages.
  const std::vector<Mention>& Mentions() const { return mentions_; }

  // False when no mention is `skill`, shows it (Taxonomy::Implies) or is related to it: a
  // quick test before looking at every mention. True does not promise one does.
  bool MayShow(const nlp::Skill& skill) const;

  // Places whose text contains `term` as whole words, compared after nlp::Normalize (for a
  // requirement the taxonomy does not know). Empty term: none.
  std::vector<std::uint32_t> FindText(std::string_view term) const;

  // What the profile's own words state, read once for every posting it is scored against: the
  // highest level its role titles name (TitleSeniority), and the level of each education
  // entry's degree (DegreeLevel; nullopt without a degree or a level we know).
  std::optional<domain::Seniority> TitleSeniority() const { return title_seniority_; }
  const std::vector<std::optional<domain::EducationLevel>>& DegreeLevels() const {
    return degree_levels_;
  }

 private:
  const domain::Profile* profile_ = nullptr;
  const nlp::Taxonomy* taxonomy_ = nullptr;
  std::vector<Place> places_;
  std::vector<Mention> mentions_;
  // By skill id: mentioned_ the skills of mentions_; reachable_ those and every skill they
  // show or are related to.
  std::vector<bool> mentioned_;
  std::vector<bool> reachable_;
  std::optional<domain::Seniority> title_seniority_;
  std::vector<std::optional<domain::EducationLevel>> degree_levels_;  // by education entry
};

}  // namespace jc::analysis
