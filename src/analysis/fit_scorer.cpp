#include "analysis/fit_scorer.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <vector>

#include "analysis/fit_parts.hpp"
#include "analysis/levels.hpp"
#include "analysis/skill_match.hpp"

namespace jc::analysis {
namespace {

using domain::Fit;
using domain::Requirements;
using domain::SubScore;

// docs/fit-score.md, "Weights". Change both together.
constexpr double kWeightRequired = 45;
constexpr double kWeightPreferred = 15;
constexpr double kWeightExperience = 15;
constexpr double kWeightSeniority = 10;
constexpr double kWeightEducation = 10;
constexpr double kWeightLanguages = 10;
constexpr double kWeightCertifications = 5;

double Round1(double value) {
  return std::round(value * 10) / 10;
}

SubScore Sub(bool applies, double weight, double score) {
  if (!applies) return SubScore{};
  return SubScore{Round1(std::clamp(score, 0.0, 100.0)), weight, true};
}

// Whether a and b are equal once lower-cased (std::tolower, byte by byte), without copying
// either: asked for every pair of requirements the taxonomy does not know.
bool EqualsLower(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// A requirement, resolved: its taxonomy skill (if any) and the sub-score it feeds.
struct Resolved {
  const nlp::Skill* skill = nullptr;
  RequirementGroup group = RequirementGroup::kSkill;
  std::optional<int> needed_level;
};

Resolved Resolve(std::string_view text, const nlp::SkillMatcher& matcher) {
  Resolved r;
  r.skill = ResolveSkill(text, matcher);
  if (r.skill == nullptr) {
    // "German (C1)", "fluent English": a language with the level it asks.
    const LanguageNeed need = ParseLanguageNeed(text);
    if (need.level && !need.language.empty()) {
      const nlp::Skill* lang = matcher.taxonomy().FindByName(need.language);
      if (lang != nullptr && lang->category == nlp::Category::kSpokenLanguage) {
        r.skill = lang;
        r.needed_level = need.level;
      }
    }
  }
  if (r.skill != nullptr && r.skill->category == nlp::Category::kSpokenLanguage) {
    r.group = RequirementGroup::kLanguage;
  } else if (r.skill != nullptr && r.skill->category == nlp::Category::kCertification) {
    r.group = RequirementGroup::kCertification;
  }
  return r;
}

// The best level the profile states for a spoken language; the default (B2) when it lists the
// language without a level we can read.
std::optional<int> HaveLevel(const ProfileIndex& index, nlp::SkillId language) {
  std::optional<int> best;
  for (const auto& place : index.Places()) {
    if (place.language < 0) continue;
    const auto& entry = index.profile().languages[static_cast<std::size_t>(place.language)];
    const nlp::Skill* skill = index.taxonomy().FindByName(entry.language);
    if (skill == nullptr || skill->id != language) continue;
    int level = kDefaultNeededLevel;
    if (entry.proficiency) level = LanguageLevel(*entry.proficiency).value_or(kDefaultNeededLevel);
    best = std::max(best.value_or(0), level);
  }
  return best;
}

struct Collected {
  std::vector<ScoredRequirement> reqs;
  std::vector<ScoredRequirement> years_reqs;
  std::vector<std::optional<nlp::SkillId>> ids;  // parallel to reqs, for de-duplication
};

void AddRequirements(const ProfileIndex& index, const std::vector<std::string>& names,
                     bool required, const nlp::SkillMatcher& matcher, domain::PartialDate as_of,
                     Collected& out) {
  for (const auto& name : names) {
    const Resolved r = Resolve(name, matcher);
    const std::optional<nlp::SkillId> id =
        r.skill ? std::optional<nlp::SkillId>(r.skill->id) : std::nullopt;
    bool duplicate = false;
    for (std::size_t i = 0; i < out.reqs.size() && !duplicate; ++i) {
      duplicate =
          id ? out.ids[i] == id : (!out.ids[i] && EqualsLower(out.reqs[i].match.skill, name));
    }
    if (duplicate || name.empty()) continue;
    ScoredRequirement scored;
    scored.match = MatchSkill(index, name, r.skill, required, as_of);
    scored.group = r.group;
    scored.name = r.skill ? r.skill->name : name;
    scored.needed_level = r.needed_level;
    if (r.group == RequirementGroup::kLanguage) scored.have_level = HaveLevel(index, r.skill->id);
    out.reqs.push_back(std::move(scored));
    out.ids.push_back(id);
  }
}

// Per-skill minimum years: on the matching requirement, and as a years requirement.
void AddSkillYears(const ProfileIndex& index, const Requirements& req,
                   const nlp::SkillMatcher& matcher, domain::PartialDate as_of, Collected& out) {
  for (const auto& sy : req.skill_years) {
    if (sy.years <= 0 || sy.skill.empty()) continue;
    const Resolved r = Resolve(sy.skill, matcher);
    ScoredRequirement* found = nullptr;
    for (std::size_t i = 0; i < out.reqs.size() && found == nullptr; ++i) {
      const bool same =
          r.skill ? out.ids[i] == r.skill->id : EqualsLower(out.reqs[i].match.skill, sy.skill);
      if (same) found = &out.reqs[i];
    }
    ScoredRequirement years;
    if (found != nullptr) {
      if (found->match.required_years) continue;  // the first minimum stated wins
      found->match.required_years = sy.years;
      years = *found;
    } else {
      years.match = MatchSkill(index, sy.skill, r.skill, true, as_of);
      years.match.required_years = sy.years;
      years.name = r.skill ? r.skill->name : sy.skill;
    }
    out.years_reqs.push_back(std::move(years));
  }
}

bool Any(const std::vector<ScoredRequirement>& reqs, RequirementGroup group, bool required) {
  return std::any_of(reqs.begin(), reqs.end(), [&](const auto& r) {
    return r.group == group && r.match.required == required;
  });
}

bool AnyGroup(const std::vector<ScoredRequirement>& reqs, RequirementGroup group) {
  return Any(reqs, group, true) || Any(reqs, group, false);
}

}  // namespace

domain::Verdict VerdictFor(double score) {
  if (score >= 80) return domain::Verdict::kStrong;
  if (score >= 65) return domain::Verdict::kGood;
  if (score >= 45) return domain::Verdict::kPartial;
  return domain::Verdict::kWeak;
}

std::optional<double> CandidateYears(const domain::Profile& profile, domain::PartialDate as_of) {
  if (profile.total_years_experience) return profile.total_years_experience;
  std::vector<domain::DateRange> ranges;
  for (const auto& role : profile.work_experience) {
    if (role.dates.start) ranges.push_back(role.dates);
  }
  if (ranges.empty()) return std::nullopt;
  return domain::MergedYears(ranges, as_of);
}

Fit ScoreFit(const domain::Profile& profile, const Requirements& requirements,
             const nlp::SkillMatcher& skills, domain::PartialDate as_of) {
  return ScoreFit(ProfileIndex::Build(profile, skills), requirements, skills, as_of);
}

Fit ScoreFit(const ProfileIndex& index, const Requirements& requirements,
             const nlp::SkillMatcher& skills, domain::PartialDate as_of) {
  const domain::Profile& profile = index.profile();
  Collected c;
  AddRequirements(index, requirements.required_skills, true, skills, as_of, c);
  AddRequirements(index, requirements.preferred_skills, false, skills, as_of, c);
  AddSkillYears(index, requirements, skills, as_of, c);

  Fit fit;
  fit.required_years = requirements.min_years_experience;
  fit.candidate_years = CandidateYears(profile, as_of);
  const CandidateFacts facts = ReadCandidate(index, requirements, fit.candidate_years);

  using G = RequirementGroup;
  auto& b = fit.breakdown;
  b.required_skills =
      Sub(Any(c.reqs, G::kSkill, true), kWeightRequired, SkillShare(c.reqs, G::kSkill, true));
  b.preferred_skills =
      Sub(Any(c.reqs, G::kSkill, false), kWeightPreferred, SkillShare(c.reqs, G::kSkill, false));
  b.experience =
      Sub(requirements.min_years_experience.has_value() || !c.years_reqs.empty(), kWeightExperience,
          ExperienceScore(requirements, c.years_reqs, fit.candidate_years));
  b.seniority =
      Sub(requirements.seniority.has_value(), kWeightSeniority,
          requirements.seniority ? SeniorityScore(*requirements.seniority, facts.seniority) : 0);
  const bool education_asked = (requirements.education_level &&
                                *requirements.education_level != domain::EducationLevel::kNone) ||
                               !requirements.fields_of_study.empty();
  b.education = Sub(education_asked, kWeightEducation, EducationScore(requirements, facts));
  b.languages = Sub(AnyGroup(c.reqs, G::kLanguage), kWeightLanguages, LanguageScore(c.reqs));
  b.certifications =
      Sub(AnyGroup(c.reqs, G::kCertification), kWeightCertifications, CertificationScore(c.reqs));

  double weighted = 0, weights = 0;
  for (const SubScore* s : {&b.required_skills, &b.preferred_skills, &b.experience, &b.seniority,
                            &b.education, &b.languages, &b.certifications}) {
    weighted += s->score * s->weight;
    weights += s->weight;
  }
  fit.score = weights > 0 ? Round1(weighted / weights) : 0;
  fit.verdict = VerdictFor(fit.score);

  // Required first, in the posting's order (AddRequirements kept it).
  for (const auto& r : c.reqs) {
    fit.requirements.push_back(r.match);
    if (Counts(r.match)) fit.matched_skills.push_back(r.match.skill);
    if (r.match.kind == domain::MatchKind::kRelated) fit.related_skills.push_back(r.match.skill);
  }
  fit.explanation = Explain(fit, requirements, c.reqs, c.years_reqs, facts);
  return fit;
}

}  // namespace jc::analysis
