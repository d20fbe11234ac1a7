// The sub-score rules of docs/fit-score.md. Constants here and the document change together.
#include <algorithm>
#include <cmath>

#include "analysis/fit_parts.hpp"
#include "analysis/levels.hpp"
#include "nlp/text_normalize.hpp"

namespace jc::analysis {
namespace {

using domain::EducationLevel;
using domain::MatchKind;
using domain::Seniority;

constexpr double kPreferredLanguageWeight = 0.5;  // inside the languages/certifications scores
constexpr double kLanguagePointsPerLevel = 30;    // lost per CEFR step below the asked level
constexpr double kOverallYearsShare = 0.6;        // vs per-skill years, when both are asked
constexpr double kFieldShare = 0.2;               // of the education score, when fields asked

bool WordsContain(std::string_view hay, std::string_view needle) {
  const auto h = nlp::NormalizeTerm(hay).folded;
  const auto n = nlp::NormalizeTerm(needle).folded;
  if (n.empty()) return false;
  for (auto at = h.find(n); at != std::string::npos; at = h.find(n, at + 1)) {
    if (!nlp::IsWordCharBefore(h, at) && !nlp::IsWordCharAt(h, at + n.size())) return true;
  }
  return false;
}

bool FieldMatches(std::string_view asked, std::string_view shown, const nlp::Taxonomy& taxonomy) {
  if (WordsContain(shown, asked) || WordsContain(asked, shown)) return true;
  const nlp::Skill* a = taxonomy.FindByName(asked);
  const nlp::Skill* b = taxonomy.FindByName(shown);
  return a != nullptr && b != nullptr &&
         (taxonomy.Implies(b->id, a->id) || taxonomy.Implies(a->id, b->id) ||
          taxonomy.Related(a->id, b->id));
}

}  // namespace

bool Counts(const domain::RequirementMatch& match) {
  return match.kind == MatchKind::kExact || match.kind == MatchKind::kImplied;
}

double SkillShare(const std::vector<ScoredRequirement>& reqs, RequirementGroup group,
                  bool required) {
  double met = 0, all = 0;
  for (const auto& r : reqs) {
    if (r.group != group || r.match.required != required) continue;
    all += 1;
    met += Counts(r.match) ? 1 : 0;
  }
  return all == 0 ? 0 : 100 * met / all;
}

double LanguageScore(const std::vector<ScoredRequirement>& reqs) {
  double total = 0, weights = 0;
  for (const auto& r : reqs) {
    if (r.group != RequirementGroup::kLanguage) continue;
    const double w = r.match.required ? 1 : kPreferredLanguageWeight;
    weights += w;
    if (!Counts(r.match)) continue;
    const int need = r.needed_level.value_or(kDefaultNeededLevel);
    const int have = r.have_level.value_or(kDefaultNeededLevel);
    total += w * std::max(0.0, 100 - kLanguagePointsPerLevel * std::max(0, need - have));
  }
  return weights == 0 ? 0 : total / weights;
}

double CertificationScore(const std::vector<ScoredRequirement>& reqs) {
  double total = 0, weights = 0;
  for (const auto& r : reqs) {
    if (r.group != RequirementGroup::kCertification) continue;
    const double w = r.match.required ? 1 : kPreferredLanguageWeight;
    weights += w;
    total += Counts(r.match) ? 100 * w : 0;
  }
  return weights == 0 ? 0 : total / weights;
}

double SkillYearsCredit(const domain::RequirementMatch& match, double years) {
  if (!Counts(match)) return 0;
  if (years <= 0) return 1;
  const double dated = match.months ? std::min(1.0, *match.months / 12 / years) : 0;
  return std::max(kUndatedCredit, dated);
}

double ExperienceScore(const domain::Requirements& requirements,
                       const std::vector<ScoredRequirement>& years_reqs,
                       std::optional<double> candidate_years) {
  const bool overall_asked = requirements.min_years_experience.has_value();
  double overall = 1;
  if (overall_asked && *requirements.min_years_experience > 0) {
    overall = std::min(1.0, candidate_years.value_or(0) / *requirements.min_years_experience);
  }
  double per_skill = 0;
  for (const auto& r : years_reqs) {
    per_skill += SkillYearsCredit(r.match, r.match.required_years.value_or(0));
  }
  if (years_reqs.empty()) return 100 * overall;
  per_skill /= static_cast<double>(years_reqs.size());
  if (!overall_asked) return 100 * per_skill;
  return 100 * (kOverallYearsShare * overall + (1 - kOverallYearsShare) * per_skill);
}

double SeniorityScore(Seniority needed, std::optional<Seniority> have) {
  if (!have) return 50;
  const int gap = static_cast<int>(needed) - static_cast<int>(*have);
  if (gap <= -2) return 80;  // two or more levels above: likely over-qualified
  if (gap <= 0) return 100;
  if (gap == 1) return 60;
  if (gap == 2) return 25;
  return 0;
}

double EducationScore(const domain::Requirements& requirements, const CandidateFacts& facts) {
  const auto needed = requirements.education_level;
  const bool level_asked = needed && *needed != EducationLevel::kNone;
  const bool fields_asked = !requirements.fields_of_study.empty();
  double level = 0;
  if (level_asked && facts.education) {
    const int gap = static_cast<int>(*needed) - static_cast<int>(*facts.education);
    level = gap <= 0 ? 100 : gap == 1 ? 50 : 20;
  }
  if (!fields_asked) return level;
  const double field = facts.field_matched ? 100 : 0;
  if (level_asked) return (1 - kFieldShare) * level + kFieldShare * field;
  return facts.field_matched ? 100 : facts.has_education ? 40 : 0;
}

CandidateFacts ReadCandidate(const ProfileIndex& index, const domain::Requirements& req,
                             std::optional<double> years) {
  const domain::Profile& profile = index.profile();
  const nlp::Taxonomy& taxonomy = index.taxonomy();
  CandidateFacts facts;
  facts.years = years;
  facts.seniority = index.TitleSeniority();  // the highest level the role titles name
  if (years) {
    const Seniority by_years = YearsSeniority(*years);
    if (!facts.seniority || *facts.seniority < by_years) facts.seniority = by_years;
  }
  for (std::size_t e = 0; e < profile.education.size(); ++e) {
    const auto& edu = profile.education[e];
    facts.has_education = true;
    const std::optional<EducationLevel> level = index.DegreeLevels()[e];
    if (level && (!facts.education || *facts.education < *level)) facts.education = level;
    for (const auto& asked : req.fields_of_study) {
      if ((edu.field && FieldMatches(asked, *edu.field, taxonomy)) ||
          (edu.degree && WordsContain(*edu.degree, asked))) {
        facts.field_matched = true;
      }
    }
  }
  return facts;
}

}  // namespace jc::analysis
