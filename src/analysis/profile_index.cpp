#include "analysis/profile_index.hpp"

#include <algorithm>
#include <utility>

#include "analysis/levels.hpp"
#include "nlp/text_normalize.hpp"

namespace jc::analysis {
namespace {

class Indexer {
 public:
  Indexer(const nlp::SkillMatcher& matcher, std::vector<Place>& places,
          std::vector<Mention>& mentions)
      : matcher_(matcher), places_(places), mentions_(mentions) {}

  // Free text: every non-negated mention.
  void Text(std::string pointer, std::string_view text, PlaceKind kind, int role = -1) {
    if (text.empty()) return;
    Search(Add(std::move(pointer), text, kind, role), text);
  }

  // A list item names one skill as a whole ("Postgres"); only if it does not, it is searched as
  // text ("Excel (pivot tables)").
  std::uint32_t Item(std::string pointer, std::string_view text, PlaceKind kind) {
    const auto place = Add(std::move(pointer), text, kind, -1);
    if (const nlp::Skill* whole = matcher_.taxonomy().FindByName(text); whole != nullptr) {
      mentions_.push_back({whole->id, place});
    } else {
      Search(place, text);
    }
    return place;
  }

 private:
  void Search(std::uint32_t place, std::string_view text) {
    for (const nlp::SkillMatch& m : matcher_.FindAll(text)) {
      if (!m.negated) mentions_.push_back({m.skill, place});
    }
  }

  std::uint32_t Add(std::string pointer, std::string_view text, PlaceKind kind, int role) {
    places_.push_back({std::move(pointer), text, kind, role, -1});
    return static_cast<std::uint32_t>(places_.size() - 1);
  }

  const nlp::SkillMatcher& matcher_;
  std::vector<Place>& places_;
  std::vector<Mention>& mentions_;
};

std::string Ptr(std::string_view base, std::size_t index) {
  return std::string(base) + std::to_string(index);
}

// Whether `needle` occurs in `hay` starting and ending at word boundaries.
bool ContainsWords(std::string_view hay, std::string_view needle) {
  for (auto at = hay.find(needle); at != std::string_view::npos; at = hay.find(needle, at + 1)) {
    if (!nlp::IsWordCharBefore(hay, at) && !nlp::IsWordCharAt(hay, at + needle.size())) {
      return true;
    }
  }
  return false;
}

}  // namespace

ProfileIndex ProfileIndex::Build(const domain::Profile& profile, const nlp::SkillMatcher& matcher) {
  ProfileIndex index;
  index.profile_ = &profile;
  index.taxonomy_ = &matcher.taxonomy();
  Indexer in(matcher, index.places_, index.mentions_);

  const auto& skills = profile.skills;
  for (std::size_t i = 0; i < skills.technical.size(); ++i) {
    in.Item(Ptr("/skills/technical/", i), skills.technical[i], PlaceKind::kSkillsList);
  }
  for (std::size_t i = 0; i < skills.soft.size(); ++i) {
    in.Item(Ptr("/skills/soft/", i), skills.soft[i], PlaceKind::kSkillsList);
  }
  if (profile.headline) in.Text("/headline", *profile.headline, PlaceKind::kText);
  if (profile.summary) in.Text("/summary", *profile.summary, PlaceKind::kText);
  for (std::size_t r = 0; r < profile.work_experience.size(); ++r) {
    const auto& role = profile.work_experience[r];
    const std::string base = Ptr("/workExperience/", r);
    const int ri = static_cast<int>(r);
    if (role.title) in.Text(base + "/title", *role.title, PlaceKind::kText, ri);
    if (role.description) in.Text(base + "/description", *role.description, PlaceKind::kText, ri);
    for (std::size_t h = 0; h < role.highlights.size(); ++h) {
      in.Text(Ptr(base + "/highlights/", h), role.highlights[h], PlaceKind::kText, ri);
    }
  }
  for (std::size_t p = 0; p < profile.projects.size(); ++p) {
    const auto& project = profile.projects[p];
    const std::string base = Ptr("/projects/", p);
    in.Text(base + "/name", project.name, PlaceKind::kText);
    if (project.description) in.Text(base + "/description", *project.description, PlaceKind::kText);
    for (std::size_t t = 0; t < project.technologies.size(); ++t) {
      in.Item(Ptr(base + "/technologies/", t), project.technologies[t], PlaceKind::kText);
    }
  }
  for (std::size_t c = 0; c < profile.certifications.size(); ++c) {
    in.Item(Ptr("/certifications/", c) + "/name", profile.certifications[c].name,
            PlaceKind::kCertifications);
  }
  for (std::size_t l = 0; l < profile.languages.size(); ++l) {
    const auto place =
        in.Item(Ptr("/languages/", l), profile.languages[l].language, PlaceKind::kLanguagesList);
    index.places_[place].language = static_cast<int>(l);
  }
  const nlp::Taxonomy& taxonomy = matcher.taxonomy();
  index.mentioned_.assign(taxonomy.Size(), false);
  index.reachable_.assign(taxonomy.Size(), false);
  for (const Mention& m : index.mentions_) {
    if (index.mentioned_[m.skill]) continue;
    index.mentioned_[m.skill] = true;
    index.reachable_[m.skill] = true;
    for (const nlp::SkillId s : taxonomy.Broader(m.skill)) index.reachable_[s] = true;
    for (const nlp::SkillId s : taxonomy.Get(m.skill).related) index.reachable_[s] = true;
  }
  for (const auto& role : profile.work_experience) {
    if (!role.title) continue;
    const auto level = analysis::TitleSeniority(*role.title);
    if (level && (!index.title_seniority_ || *index.title_seniority_ < *level)) {
      index.title_seniority_ = level;
    }
  }
  for (const auto& edu : profile.education) {
    index.degree_levels_.push_back(edu.degree ? DegreeLevel(*edu.degree) : std::nullopt);
  }
  return index;
}

bool ProfileIndex::MayShow(const nlp::Skill& skill) const {
  if (skill.id < reachable_.size() && reachable_[skill.id]) return true;
  return std::any_of(skill.related.begin(), skill.related.end(),
                     [&](nlp::SkillId r) { return r < mentioned_.size() && mentioned_[r]; });
}

std::vector<std::uint32_t> ProfileIndex::FindText(std::string_view term) const {
  std::vector<std::uint32_t> out;
  const nlp::Term needle = nlp::NormalizeTerm(term);
  if (needle.folded.empty()) return out;
  nlp::NormalizedText hay;
  for (std::uint32_t i = 0; i < places_.size(); ++i) {
    nlp::NormalizeInto(places_[i].text, hay);
    if (ContainsWords(hay.folded, needle.folded)) out.push_back(i);
  }
  return out;
}

}  // namespace jc::analysis
