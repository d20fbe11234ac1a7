#include "generation/tailoring.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

#include "generation/phrases.hpp"

namespace jc::generation {
namespace {

// The job's skills with a weight: required 2, preferred 1, and the position that orders them.
class JobSkills {
 public:
  JobSkills(const domain::Requirements& r, const nlp::SkillMatcher& matcher)
      : taxonomy_(matcher.taxonomy()), matcher_(matcher) {
    Add(r.required_skills, 2);
    Add(r.preferred_skills, 1);
  }

  // How well one profile skill serves the job: the weight of the best job skill it is (exact)
  // or implies, and that skill's rank in the posting. Weight 0 when it serves none.
  struct Fit {
    int weight = 0;
    bool exact = false;
    std::size_t rank = kNone;
    // Required before preferred, the skill itself before what implies it, then posting order.
    auto Key() const {
      return std::tuple(weight, exact, -static_cast<long long>(weight == 0 ? 0 : rank));
    }
  };

  Fit Score(nlp::SkillId skill) const {
    Fit best;
    for (std::size_t i = 0; i < wanted_.size(); ++i) {
      const auto& [id, weight] = wanted_[i];
      const bool exact = id == skill;
      if (!exact && !taxonomy_.Implies(skill, id)) continue;
      const Fit candidate{weight, exact, i};
      if (candidate.Key() > best.Key()) best = candidate;
    }
    return best;
  }

  // A list item as a whole ("PostgreSQL") or, failing that, by the skills its text names.
  Fit ScoreItem(const std::string& item) const {
    if (const auto* s = taxonomy_.FindByName(item)) return Score(s->id);
    Fit best;
    for (const auto& m : matcher_.FindAll(item)) {
      if (m.negated) continue;
      const auto candidate = Score(m.skill);
      if (candidate.Key() > best.Key()) best = candidate;
    }
    return best;
  }

  // The sum of the weights of the distinct job skills a text shows.
  int Relevance(std::string_view text) const {
    std::vector<std::size_t> seen;
    int total = 0;
    for (const auto& m : matcher_.FindAll(text)) {
      if (m.negated) continue;
      const auto fit = Score(m.skill);
      if (fit.weight == 0 || std::find(seen.begin(), seen.end(), fit.rank) != seen.end()) continue;
      seen.push_back(fit.rank);
      total += fit.weight;
    }
    return total;
  }

  bool Empty() const { return wanted_.empty(); }

  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

 private:
  void Add(const std::vector<std::string>& names, int weight) {
    for (const auto& name : names) {
      const auto* s = taxonomy_.FindByName(name);
      if (s == nullptr) continue;
      const bool known = std::any_of(wanted_.begin(), wanted_.end(),
                                     [&](const auto& w) { return w.first == s->id; });
      if (!known) wanted_.emplace_back(s->id, weight);
    }
  }

  const nlp::Taxonomy& taxonomy_;
  const nlp::SkillMatcher& matcher_;
  std::vector<std::pair<nlp::SkillId, int>> wanted_;
};

// Orders `items` by descending key, keeping equal keys in their order; true if anything moved.
template <typename T, typename Key>
bool StableOrder(std::vector<T>& items, const std::vector<Key>& keys) {
  std::vector<std::size_t> order(items.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return keys[b] < keys[a]; });
  if (std::is_sorted(order.begin(), order.end())) return false;
  std::vector<T> sorted;
  sorted.reserve(items.size());
  for (const auto i : order) sorted.push_back(std::move(items[i]));
  items = std::move(sorted);
  return true;
}

void OrderSkills(std::vector<std::string>& list, const JobSkills& job, std::string_view pointer,
                 std::vector<Change>& changes) {
  std::vector<std::tuple<int, bool, long long>> keys;
  keys.reserve(list.size());
  for (const auto& item : list) keys.push_back(job.ScoreItem(item).Key());
  if (StableOrder(list, keys)) {
    changes.push_back({ChangeKind::kReordered, std::string(pointer),
                       "Moved the skills this job asks for to the front of the list."});
  }
}

void TailorRole(domain::WorkExperience& role, std::size_t index, const JobSkills& job,
                std::vector<Change>& changes) {
  const std::string pointer = "/workExperience/" + std::to_string(index) + "/highlights";
  std::vector<int> keys;
  keys.reserve(role.highlights.size());
  for (const auto& h : role.highlights) keys.push_back(job.Relevance(h));
  if (StableOrder(role.highlights, keys)) {
    changes.push_back({ChangeKind::kReordered, pointer,
                       "Put the bullets that show the job's skills first" +
                           (role.company ? " for " + *role.company : std::string()) + "."});
  }
  if (role.highlights.size() > kMaxBullets) {
    const auto dropped = role.highlights.size() - kMaxBullets;
    role.highlights.resize(kMaxBullets);
    changes.push_back({ChangeKind::kOmitted, pointer,
                       "Left out the " + std::to_string(dropped) +
                           " bullet(s) least related to the job" +
                           (role.company ? " at " + *role.company : std::string()) + "."});
  }
}

int MonthsBefore(const domain::PartialDate& as_of, const domain::PartialDate& d) {
  return (as_of.year - d.year) * 12 +
         ((as_of.HasMonth() ? as_of.month : 6) - (d.HasMonth() ? d.month : 6));
}

void ChooseRoles(domain::Profile& p, const JobSkills& job, domain::PartialDate as_of,
                 std::vector<Change>& changes) {
  auto& roles = p.work_experience;
  if (roles.size() <= kMaxRoles) return;
  // Old roles that show none of the job's skills, the earliest end first.
  std::vector<std::size_t> candidates;
  for (std::size_t i = 0; i < roles.size(); ++i) {
    const auto& role = roles[i];
    if (!role.dates.end || role.dates.current || MonthsBefore(as_of, *role.dates.end) <= 15 * 12) {
      continue;
    }
    int relevance =
        job.Relevance(role.title.value_or("")) + job.Relevance(role.description.value_or(""));
    for (const auto& h : role.highlights) relevance += job.Relevance(h);
    if (relevance == 0) candidates.push_back(i);
  }
  std::stable_sort(candidates.begin(), candidates.end(), [&](std::size_t a, std::size_t b) {
    return *roles[a].dates.end < *roles[b].dates.end;
  });
  const std::size_t excess = roles.size() - kMaxRoles;
  if (candidates.size() > excess) candidates.resize(excess);
  std::sort(candidates.begin(), candidates.end());
  for (const auto i : candidates) {
    const auto& role = roles[i];
    changes.push_back({ChangeKind::kOmitted, "/workExperience/" + std::to_string(i),
                       "Left out the role" + (role.title ? " " + *role.title : std::string()) +
                           (role.company ? " at " + *role.company : std::string()) +
                           ": it ended over 15 years ago and shows none of the job's skills."});
  }
  for (auto it = candidates.rbegin(); it != candidates.rend(); ++it) {
    roles.erase(roles.begin() + static_cast<std::ptrdiff_t>(*it));
  }
}

template <typename T, typename TextOf>
bool OrderByRelevance(std::vector<T>& items, const JobSkills& job, TextOf text_of) {
  std::vector<int> keys;
  keys.reserve(items.size());
  for (const auto& item : items) keys.push_back(job.Relevance(text_of(item)));
  return StableOrder(items, keys);
}

void TailorProjects(domain::Profile& p, const JobSkills& job, std::vector<Change>& changes) {
  const auto text_of = [](const domain::Project& pr) {
    std::string t = pr.name + ". " + pr.description.value_or("");
    for (const auto& tech : pr.technologies) t += ", " + tech;
    return t;
  };
  if (OrderByRelevance(p.projects, job, text_of)) {
    changes.push_back({ChangeKind::kReordered, "/projects",
                       "Put the projects that show the job's skills first."});
  }
  if (p.projects.size() <= kMaxProjects) return;
  std::size_t kept = kMaxProjects;
  while (kept < p.projects.size() && job.Relevance(text_of(p.projects[kept])) > 0) ++kept;
  if (kept == p.projects.size()) return;
  changes.push_back({ChangeKind::kOmitted, "/projects",
                     "Left out " + std::to_string(p.projects.size() - kept) +
                         " project(s) that show none of the job's skills."});
  p.projects.resize(kept);
}

// The profile's own spelling of the job's skills it lists by name (not those that only imply
// one), in the list's order, at most `limit`.
std::vector<std::string> MatchedSkillNames(const domain::Profile& p, const JobSkills& job,
                                           std::size_t limit) {
  std::vector<std::string> out;
  for (const auto& item : p.skills.technical) {
    if (out.size() == limit) break;
    if (job.ScoreItem(item).exact) out.push_back(item);
  }
  return out;
}

void ComposeHeader(domain::Profile& p, const JobSkills& job, const Labels& labels,
                   std::vector<Change>& changes) {
  const domain::WorkExperience* latest = nullptr;
  for (const auto& role : p.work_experience) {
    if (role.title && !role.title->empty()) {
      latest = &role;
      break;
    }
  }
  if ((!p.headline || p.headline->empty()) && latest != nullptr) {
    p.headline = *latest->title;
    changes.push_back(
        {ChangeKind::kComposed, "/headline", "Used the most recent job title as the headline."});
  }
  if (p.summary && !p.summary->empty()) return;
  if (latest == nullptr) return;
  const int years =
      p.total_years_experience ? static_cast<int>(std::floor(*p.total_years_experience)) : 0;
  const auto skills = MatchedSkillNames(p, job, 5);
  p.summary = ComposeSummary(labels, *latest->title, years, skills);
  changes.push_back({ChangeKind::kComposed, "/summary",
                     "Wrote a summary from the profile's facts: the latest title, the years of "
                     "experience and the listed skills the job asks for."});
}

}  // namespace

TailoredProfile TailorProfile(const domain::Profile& profile,
                              const domain::Requirements& requirements,
                              const nlp::SkillMatcher& skills, const Labels& labels,
                              domain::PartialDate as_of) {
  TailoredProfile out{profile, {}};
  auto& p = out.profile;
  const JobSkills job(requirements, skills);
  if (!job.Empty()) {
    OrderSkills(p.skills.technical, job, "/skills/technical", out.changes);
    OrderSkills(p.skills.soft, job, "/skills/soft", out.changes);
    for (std::size_t i = 0; i < p.work_experience.size(); ++i) {
      TailorRole(p.work_experience[i], i, job, out.changes);
    }
    ChooseRoles(p, job, as_of, out.changes);
    TailorProjects(p, job, out.changes);
    if (OrderByRelevance(p.certifications, job,
                         [](const domain::Certification& c) { return c.name; })) {
      out.changes.push_back({ChangeKind::kReordered, "/certifications",
                             "Put the certifications that show the job's skills first."});
    }
  }
  ComposeHeader(p, job, labels, out.changes);
  return out;
}

}  // namespace jc::generation
