// ScoreFit on the real taxonomy: synonyms, implied and related skills, presence and evidence,
// the sub-score rules, and property tests over generated profiles and postings.
#include "analysis/fit_scorer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "analysis/suggestions.hpp"
#include "test_taxonomy.hpp"

namespace jc::analysis {
namespace {

using domain::MatchKind;
using domain::Presence;
using domain::Profile;
using domain::RequirementMatch;
using test::kAsOf;
using test::Matcher;
using test::Needs;
using test::Role;

domain::Fit Score(const Profile& p, const domain::Requirements& r) {
  return ScoreFit(p, r, Matcher(), kAsOf);
}

const RequirementMatch& Req(const domain::Fit& fit, std::string_view skill) {
  for (const auto& m : fit.requirements) {
    if (m.skill == skill) return m;
  }
  ADD_FAILURE() << "no requirement " << skill;
  static const RequirementMatch none;
  return none;
}

bool Contains(const std::vector<std::string>& lines, std::string_view part) {
  return std::any_of(lines.begin(), lines.end(),
                     [&](const std::string& l) { return l.find(part) != std::string::npos; });
}

TEST(FitScorerTest, SynonymsAreTheSameSkill) {
  Profile p;
  p.skills.technical = {"JS", "k8s"};
  const auto fit = Score(p, Needs({"JavaScript", "Kubernetes"}));
  EXPECT_EQ(Req(fit, "JavaScript").kind, MatchKind::kExact);
  EXPECT_EQ(Req(fit, "Kubernetes").kind, MatchKind::kExact);
  EXPECT_EQ(Req(fit, "Kubernetes").presence, Presence::kSkillsList);
  ASSERT_FALSE(Req(fit, "Kubernetes").evidence.empty());
  EXPECT_EQ(Req(fit, "Kubernetes").evidence[0].field, "/skills/technical/1");
  EXPECT_EQ(Req(fit, "Kubernetes").evidence[0].text, "k8s");
  EXPECT_EQ(fit.breakdown.required_skills.score, 100);
  EXPECT_EQ(fit.score, 100);
  EXPECT_EQ(fit.verdict, domain::Verdict::kStrong);
}

TEST(FitScorerTest, ImpliedSkillCountsAsMatched) {
  Profile p;
  p.skills.technical = {"Django"};
  const auto fit = Score(p, Needs({"Python"}));
  const auto& m = Req(fit, "Python");
  EXPECT_EQ(m.kind, MatchKind::kImplied);
  EXPECT_EQ(m.via, "Django");
  EXPECT_EQ(m.presence, Presence::kSkillsList);
  EXPECT_EQ(fit.breakdown.required_skills.score, 100);
  EXPECT_EQ(fit.matched_skills, std::vector<std::string>{"Python"});
}

TEST(FitScorerTest, KindOfCountsAsImplied) {
  Profile p;
  p.skills.technical = {"Postgres"};
  const auto fit = Score(p, Needs({"SQL databases"}));
  EXPECT_EQ(Req(fit, "SQL databases").kind, MatchKind::kImplied);
  EXPECT_EQ(Req(fit, "SQL databases").via, "PostgreSQL");
}

TEST(FitScorerTest, RelatedSkillIsReportedNotCounted) {
  Profile p;
  p.skills.technical = {"MySQL", "Python"};
  const auto fit = Score(p, Needs({"PostgreSQL", "Python"}));
  const auto& m = Req(fit, "PostgreSQL");
  EXPECT_EQ(m.kind, MatchKind::kRelated);
  EXPECT_EQ(m.via, "MySQL");
  EXPECT_EQ(m.presence, Presence::kNowhere);
  EXPECT_EQ(fit.related_skills, std::vector<std::string>{"PostgreSQL"});
  EXPECT_EQ(fit.matched_skills, std::vector<std::string>{"Python"});
  EXPECT_EQ(fit.breakdown.required_skills.score, 50);
  EXPECT_TRUE(Contains(fit.explanation, "PostgreSQL is only shown through the related MySQL"));
}

TEST(FitScorerTest, OnlyInTextHasTheBulletAsEvidence) {
  Profile p;
  p.skills.technical = {"Python"};
  p.work_experience = {
      Role("Engineer", "Beta", 2021, 2024, {"Built REST services"}),
      Role("Engineer", "Acme", 2018, 2020, {"Led the team", "Ran 40 services on Kubernetes"})};
  const auto fit = Score(p, Needs({"Kubernetes", "Python", "Terraform"}));
  const auto& k = Req(fit, "Kubernetes");
  EXPECT_EQ(k.kind, MatchKind::kExact);
  EXPECT_EQ(k.presence, Presence::kOnlyInText);
  ASSERT_EQ(k.evidence.size(), 1u);
  EXPECT_EQ(k.evidence[0].field, "/workExperience/1/highlights/1");
  EXPECT_EQ(k.evidence[0].text, "Ran 40 services on Kubernetes");
  EXPECT_EQ(Req(fit, "Python").presence, Presence::kSkillsList);
  EXPECT_EQ(Req(fit, "Terraform").kind, MatchKind::kMissing);
  EXPECT_EQ(Req(fit, "Terraform").presence, Presence::kNowhere);
  EXPECT_TRUE(Req(fit, "Terraform").evidence.empty());
  ASSERT_FALSE(fit.explanation.empty());
  EXPECT_EQ(fit.explanation[0], "Matches 2 of 3 required skills; missing Terraform");
}

TEST(FitScorerTest, SkillsListItemWithDetailIsSearched) {
  Profile p;
  p.skills.technical = {"Microsoft Excel (pivot tables)"};
  const auto fit = Score(p, Needs({"Excel"}));
  EXPECT_EQ(Req(fit, "Excel").kind, MatchKind::kExact);
  EXPECT_EQ(Req(fit, "Excel").presence, Presence::kSkillsList);
}

TEST(FitScorerTest, UnknownRequirementMatchesByNormalisedText) {
  Profile p;
  p.work_experience = {
      Role("Engineer", "Acme", 2020, 2021, {"Owned widget-frobnication end to end"})};
  const auto fit = Score(p, Needs({"Widget Frobnication", "Quux Wrangling"}));
  EXPECT_EQ(Req(fit, "Widget Frobnication").kind, MatchKind::kExact);
  EXPECT_EQ(Req(fit, "Widget Frobnication").presence, Presence::kOnlyInText);
  EXPECT_EQ(Req(fit, "Quux Wrangling").kind, MatchKind::kMissing);
}

TEST(FitScorerTest, NegatedMentionIsNotEvidence) {
  Profile p;
  p.summary = "Backend developer, no Java experience";
  const auto fit = Score(p, Needs({"Java"}));
  EXPECT_EQ(Req(fit, "Java").kind, MatchKind::kMissing);
}

TEST(FitScorerTest, CategoryNotAskedHasNoWeight) {
  Profile p;  // no roles, no education: would score 0 on years and education
  p.skills.technical = {"Python"};
  const auto fit = Score(p, Needs({"Python"}));
  EXPECT_FALSE(fit.breakdown.experience.applies);
  EXPECT_EQ(fit.breakdown.experience.weight, 0);
  EXPECT_FALSE(fit.breakdown.education.applies);
  EXPECT_FALSE(fit.breakdown.seniority.applies);
  EXPECT_FALSE(fit.breakdown.preferred_skills.applies);
  EXPECT_FALSE(fit.breakdown.languages.applies);
  EXPECT_EQ(fit.score, 100);
}

TEST(FitScorerTest, MonthsAreMergedOverRolesThatMentionTheSkill) {
  Profile p;
  p.work_experience = {Role("Engineer", "A", 2020, 2021, {"Python services"}),
                       Role("Engineer", "B", 2021, 2022, {"Django apps"}),  // overlaps in 2021
                       Role("Engineer", "C", 2015, 2016, {"Java"})};
  auto req = Needs({"Python"});
  req.skill_years = {{"Python", 5}};
  const auto fit = Score(p, req);
  const auto& m = Req(fit, "Python");
  ASSERT_TRUE(m.months.has_value());
  EXPECT_DOUBLE_EQ(*m.months, 36);  // Jan 2020 - Dec 2022, merged, Django implies Python
  EXPECT_EQ(m.required_years, 5);
  EXPECT_TRUE(fit.breakdown.experience.applies);
  EXPECT_DOUBLE_EQ(fit.breakdown.experience.score, 60);  // 3 of 5 years
  EXPECT_TRUE(Contains(fit.explanation, "Python: 3 years in dated roles against 5 asked"));
}

TEST(FitScorerTest, ExperienceIsLinearBelowTheMinimum) {
  Profile p;
  p.total_years_experience = 3;
  auto req = Needs({});
  req.min_years_experience = 6;
  auto fit = Score(p, req);
  EXPECT_DOUBLE_EQ(fit.breakdown.experience.score, 50);
  EXPECT_EQ(fit.candidate_years, 3);
  EXPECT_EQ(fit.explanation[0], "3 years of experience against 6 required");
  p.total_years_experience = 8.5;
  fit = Score(p, req);
  EXPECT_DOUBLE_EQ(fit.breakdown.experience.score, 100);
  EXPECT_EQ(fit.explanation[0], "8.5 years of experience against 6 required");
}

TEST(FitScorerTest, CandidateYearsComeFromMergedRoleDates) {
  Profile p;
  p.work_experience = {Role("Engineer", "A", 2018, 2020, {}),
                       Role("Engineer", "B", 2019, 2021, {})};
  const auto fit = Score(p, Needs({"Python"}));
  EXPECT_EQ(fit.candidate_years, 4);
}

TEST(FitScorerTest, SeniorityIsDistanceBased) {
  Profile p;
  p.work_experience = {Role("Software Engineer", "A", 2022, 2022, {})};
  auto req = Needs({});
  req.seniority = domain::Seniority::kSenior;
  EXPECT_DOUBLE_EQ(Score(p, req).breakdown.seniority.score, 25);  // junior by years, 2 below
  p.work_experience.push_back(Role("Senior Engineer", "B", 2023, 2024, {}));
  EXPECT_DOUBLE_EQ(Score(p, req).breakdown.seniority.score, 100);
}

TEST(FitScorerTest, EducationLevelAndField) {
  Profile p;
  domain::Education edu;
  edu.degree = "B.Sc.";
  edu.field = "Computer Science";
  p.education = {edu};
  auto req = Needs({});
  req.education_level = domain::EducationLevel::kMaster;
  EXPECT_DOUBLE_EQ(Score(p, req).breakdown.education.score, 50);
  req.fields_of_study = {"Computer Science"};
  EXPECT_DOUBLE_EQ(Score(p, req).breakdown.education.score, 60);  // 0.8 * 50 + 0.2 * 100
  p.education[0].degree = "Master of Science";
  EXPECT_DOUBLE_EQ(Score(p, req).breakdown.education.score, 100);
}

TEST(FitScorerTest, SpokenLanguagesCompareLevels) {
  Profile p;
  p.languages = {{"German", "B1"}, {"English", "native"}};
  const auto fit = Score(p, Needs({"German (C1)", "English"}));
  EXPECT_EQ(Req(fit, "German (C1)").kind, MatchKind::kExact);
  EXPECT_EQ(Req(fit, "German (C1)").presence, Presence::kSkillsList);
  EXPECT_EQ(Req(fit, "German (C1)").evidence[0].field, "/languages/0");
  EXPECT_FALSE(fit.breakdown.required_skills.applies);  // languages are scored on their own
  EXPECT_TRUE(fit.breakdown.languages.applies);
  EXPECT_DOUBLE_EQ(fit.breakdown.languages.score, 70);  // (40 + 100) / 2
  EXPECT_TRUE(Contains(fit.explanation, "German at C1 asked; you list German at B1"));
}

TEST(FitScorerTest, CertificationsFromTheCertificationsList) {
  Profile p;
  p.certifications = {{"AWS Solutions Architect", std::nullopt, std::nullopt}};
  const auto fit = Score(p, Needs({"AWS Certified Solutions Architect", "CISSP"}));
  EXPECT_TRUE(fit.breakdown.certifications.applies);
  EXPECT_DOUBLE_EQ(fit.breakdown.certifications.score, 50);
  EXPECT_EQ(Req(fit, "AWS Certified Solutions Architect").evidence[0].field,
            "/certifications/0/name");
  EXPECT_TRUE(Contains(fit.explanation, "Has 1 of 2 certifications asked; missing CISSP"));
}

TEST(FitScorerTest, NothingToScoreGivesZeroWithAReason) {
  const auto fit = Score(Profile{}, domain::Requirements{});
  EXPECT_EQ(fit.score, 0);
  EXPECT_EQ(fit.verdict, domain::Verdict::kWeak);
  EXPECT_EQ(fit.explanation,
            std::vector<std::string>{"The posting states no requirement that can be scored"});
}

TEST(FitScorerTest, VerdictThresholds) {
  EXPECT_EQ(VerdictFor(80), domain::Verdict::kStrong);
  EXPECT_EQ(VerdictFor(79.9), domain::Verdict::kGood);
  EXPECT_EQ(VerdictFor(65), domain::Verdict::kGood);
  EXPECT_EQ(VerdictFor(45), domain::Verdict::kPartial);
  EXPECT_EQ(VerdictFor(44.9), domain::Verdict::kWeak);
}

TEST(FitScorerTest, IndexedProfileGivesTheSameFit) {
  Profile p;
  p.skills.technical = {"Python", "Docker"};
  p.work_experience = {Role("Senior Engineer", "Acme", 2015, 2024, {"Kubernetes on AWS"})};
  auto req = Needs({"Kubernetes", "Python", "Go"}, {"Terraform"});
  req.min_years_experience = 5;
  const auto index = ProfileIndex::Build(p, Matcher());
  const auto a = ScoreFit(index, req, Matcher(), kAsOf);
  const auto b = Score(p, req);
  EXPECT_EQ(a.score, b.score);
  EXPECT_EQ(a.explanation, b.explanation);
}

// ---- Properties over generated profiles and postings ----------------------------------------

// Deterministic on every platform: mt19937's sequence is specified; distributions are not, so
// they are not used.
class Gen {
 public:
  explicit Gen(std::uint32_t seed) : rng_(seed) {}
  std::size_t Below(std::size_t n) { return static_cast<std::size_t>(rng_() % n); }
  bool Coin() { return Below(2) == 0; }

 private:
  std::mt19937 rng_;
};

// Skills the generator draws from: every 7th taxonomy entry, all categories.
const std::vector<std::string>& Pool() {
  static const std::vector<std::string> pool = [] {
    std::vector<std::string> names;
    const auto& skills = test::RealTaxonomy().Skills();
    for (std::size_t i = 0; i < skills.size(); i += 7) names.push_back(skills[i].name);
    return names;
  }();
  return pool;
}

struct Case {
  std::vector<std::string> shown;      // skills the profile shows
  std::vector<std::size_t> placement;  // parallel: 0 skills list, 1+ bullet of role (n - 1)
  std::vector<domain::WorkExperience> roles;
  domain::Requirements req;
};

Profile Build(const Case& c) {
  Profile p;
  p.work_experience = c.roles;
  for (std::size_t i = 0; i < c.shown.size(); ++i) {
    if (c.placement[i] == 0) {
      p.skills.technical.push_back(c.shown[i]);
    } else {
      p.work_experience[c.placement[i] - 1].highlights.push_back("Worked with " + c.shown[i] +
                                                                 " daily");
    }
  }
  return p;
}

Case Generate(Gen& g) {
  Case c;
  const auto& pool = Pool();
  const std::size_t roles = g.Below(4);
  for (std::size_t r = 0; r < roles; ++r) {
    const int from = 2005 + static_cast<int>(g.Below(15));
    c.roles.push_back(Role(g.Coin() ? "Senior Engineer" : "Engineer", "Co" + std::to_string(r),
                           from, from + 1 + static_cast<int>(g.Below(5)), {}));
    if (g.Below(5) == 0) c.roles.back().dates.start.reset();
  }
  const std::size_t shown = g.Below(12);
  for (std::size_t i = 0; i < shown; ++i) {
    c.shown.push_back(pool[g.Below(pool.size())]);
    c.placement.push_back(roles == 0 || g.Coin() ? 0 : 1 + g.Below(roles));
  }
  const std::size_t required = 1 + g.Below(8);
  for (std::size_t i = 0; i < required; ++i) {
    // Half the required skills are ones the profile shows (when it shows any).
    const bool from_profile = !c.shown.empty() && g.Coin();
    c.req.required_skills.push_back(from_profile ? c.shown[g.Below(c.shown.size())]
                                                 : pool[g.Below(pool.size())]);
  }
  for (std::size_t i = g.Below(4); i > 0; --i)
    c.req.preferred_skills.push_back(pool[g.Below(pool.size())]);
  if (g.Coin()) c.req.min_years_experience = static_cast<double>(g.Below(10));
  if (g.Coin()) c.req.seniority = static_cast<domain::Seniority>(g.Below(6));
  if (g.Below(3) == 0) c.req.education_level = static_cast<domain::EducationLevel>(g.Below(6));
  if (g.Below(3) == 0) {
    c.req.skill_years.push_back(
        {c.req.required_skills.front(), 1.0 + static_cast<double>(g.Below(6))});
  }
  return c;
}

constexpr int kCases = 400;
constexpr std::uint32_t kSeed = 20240607;

TEST(FitScorerPropertyTest, AddingARequiredSkillNeverLowersTheScore) {
  Gen g(kSeed);
  int added = 0;
  for (int n = 0; n < kCases; ++n) {
    Case c = Generate(g);
    const auto before = Score(Build(c), c.req);
    for (const auto& m : before.requirements) {
      if (!m.required || m.kind != MatchKind::kMissing) continue;
      c.shown.push_back(m.skill);
      c.placement.push_back(c.roles.empty() || g.Coin() ? 0 : 1 + g.Below(c.roles.size()));
      const auto after = Score(Build(c), c.req);
      EXPECT_GE(after.score, before.score) << "case " << n << " adding " << m.skill;
      ++added;
      break;
    }
  }
  EXPECT_GT(added, kCases / 2);
}

TEST(FitScorerPropertyTest, RemovingASkillNeverRaisesTheScore) {
  Gen g(kSeed + 1);
  int removed = 0;
  for (int n = 0; n < kCases; ++n) {
    Case c = Generate(g);
    if (c.shown.empty()) continue;
    const auto before = Score(Build(c), c.req);
    const std::size_t i = g.Below(c.shown.size());
    c.shown.erase(c.shown.begin() + static_cast<std::ptrdiff_t>(i));
    c.placement.erase(c.placement.begin() + static_cast<std::ptrdiff_t>(i));
    const auto after = Score(Build(c), c.req);
    EXPECT_LE(after.score, before.score) << "case " << n;
    ++removed;
  }
  EXPECT_GT(removed, kCases / 2);
}

TEST(FitScorerPropertyTest, ScoreIsIdenticalAcrossRuns) {
  Gen g(kSeed + 2);
  for (int n = 0; n < kCases; ++n) {
    const Case c = Generate(g);
    const Profile p = Build(c);
    const auto a = Score(p, c.req);
    const auto b = Score(p, c.req);
    EXPECT_EQ(a.score, b.score);
    EXPECT_EQ(a.explanation, b.explanation);
    EXPECT_EQ(a.matched_skills, b.matched_skills);
  }
}

TEST(FitScorerPropertyTest, SubScoresExplainTheTotal) {
  Gen g(kSeed + 3);
  for (int n = 0; n < kCases; ++n) {
    const Case c = Generate(g);
    const auto fit = Score(Build(c), c.req);
    const auto& b = fit.breakdown;
    double sum = 0, weights = 0;
    for (const auto* s : {&b.required_skills, &b.preferred_skills, &b.experience, &b.seniority,
                          &b.education, &b.languages, &b.certifications}) {
      EXPECT_GE(s->score, 0);
      EXPECT_LE(s->score, 100);
      EXPECT_EQ(s->applies, s->weight > 0);
      sum += s->score * s->weight;
      weights += s->weight;
    }
    ASSERT_GT(weights, 0) << "case " << n;
    // Rounding to one decimal moves a value by at most 0.05 (exactly 0.05 on a tie).
    EXPECT_LE(std::abs(sum / weights - fit.score), 0.05 + 1e-9) << "case " << n;
    EXPECT_EQ(fit.score, std::round(fit.score * 10) / 10);
  }
}

TEST(FitScorerPropertyTest, SuggestionsNeverSayAddForASkillShownNowhere) {
  Gen g(kSeed + 4);
  int gaps = 0;
  for (int n = 0; n < kCases; ++n) {
    const Case c = Generate(g);
    const Profile p = Build(c);
    const auto fit = Score(p, c.req);
    const auto suggestions = SuggestImprovements(p, &fit);
    for (const auto& m : fit.requirements) {
      if (m.kind != MatchKind::kMissing && m.kind != MatchKind::kRelated) continue;
      ++gaps;
      for (const auto& s : suggestions) {
        std::string lower = s.message;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        std::string skill = m.skill;
        std::transform(skill.begin(), skill.end(), skill.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        EXPECT_EQ(lower.find("add " + skill), std::string::npos) << s.message;
        const bool about_it = lower.find("gap: " + skill + " is") != std::string::npos ||
                              lower.find("asks for " + skill + " ") != std::string::npos;
        if (about_it) {
          EXPECT_EQ((" " + lower).find(" add "), std::string::npos) << s.message;
        }
      }
    }
  }
  EXPECT_GT(gaps, kCases);
}

}  // namespace
}  // namespace jc::analysis
