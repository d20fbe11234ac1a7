// SuggestImprovements: gap suggestions from a fit (truthful wording per match kind) and the
// profile-only rules of docs/cv-feedback.md.
#include "analysis/suggestions.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "analysis/fit_scorer.hpp"
#include "test_taxonomy.hpp"

namespace jc::analysis {
namespace {

using domain::Profile;
using domain::Severity;
using domain::Suggestion;
using test::kAsOf;
using test::Matcher;
using test::Needs;
using test::Role;

// A profile that breaks none of the profile-only rules.
Profile Complete() {
  Profile p;
  p.full_name = "Jane Doe";
  p.email = "jane@example.com";
  p.phone = "+49 30 1234567";
  p.location = "Berlin";
  p.summary = "Backend engineer with 6 years of experience.";
  p.skills.technical = {"Python", "Django", "SQL", "Docker", "Linux"};
  p.work_experience = {Role("Engineer", "Acme", 2019, 2024, {"Cut latency by 30%"})};
  return p;
}

const Suggestion* Find(const std::vector<Suggestion>& all, std::string_view part) {
  for (const auto& s : all) {
    if (s.message.find(part) != std::string::npos) return &s;
  }
  return nullptr;
}

std::vector<Suggestion> For(const Profile& p, const domain::Requirements& req) {
  const auto fit = ScoreFit(p, req, Matcher(), kAsOf);
  return SuggestImprovements(p, &fit);
}

TEST(SuggestionsTest, CompleteProfileWithoutJobHasNoSuggestions) {
  EXPECT_TRUE(SuggestImprovements(Complete(), nullptr).empty());
}

TEST(SuggestionsTest, RequiredSkillOnlyInABulletIsHighAndNamesTheCompany) {
  Profile p = Complete();
  p.work_experience[0].highlights.push_back("Moved 40 services to Kubernetes");
  const auto all = For(p, Needs({"Kubernetes"}));
  const auto* s = Find(all, "Kubernetes is required");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->priority, Severity::kHigh);
  EXPECT_EQ(s->section, "skills");
  EXPECT_EQ(s->message,
            "Kubernetes is required and appears in your Acme bullet but not in your skills list "
            "— add it to your skills");
  EXPECT_EQ(s->example, "Skills: Python, Django, SQL, Kubernetes");
}

TEST(SuggestionsTest, SkillShownNowhereIsAGapNeverAnAdd) {
  const auto all = For(Complete(), Needs({"Terraform"}));
  const auto* s = Find(all, "Terraform");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->priority, Severity::kHigh);
  EXPECT_EQ(s->message.rfind("Gap: Terraform is required and your CV shows no sign of it", 0), 0u);
  EXPECT_EQ(s->message.find("add"), std::string::npos);
}

TEST(SuggestionsTest, RelatedSkillAsksToMentionIfTrue) {
  Profile p = Complete();
  p.skills.technical.push_back("MySQL");
  const auto all = For(p, Needs({"PostgreSQL"}));
  const auto* s = Find(all, "PostgreSQL");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->message,
            "You show MySQL; the job asks for PostgreSQL — mention PostgreSQL experience if you "
            "have it");
}

TEST(SuggestionsTest, ImpliedSkillAsksToNameIt) {
  Profile p = Complete();
  p.skills.technical = {"Django", "Docker", "Linux", "Git", "Bash"};
  const auto all = For(p, Needs({"Python"}));
  const auto* s = Find(all, "Python is required");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->priority, Severity::kMedium);
  EXPECT_NE(s->message.find("only through Django"), std::string::npos);
}

TEST(SuggestionsTest, PerSkillYearsShortfall) {
  Profile p = Complete();
  p.work_experience = {Role("Engineer", "Acme", 2022, 2023, {"Python APIs for 3 teams"})};
  auto req = Needs({"Python"});
  req.skill_years = {{"Python", 5}};
  const auto all = For(p, req);
  const auto* s = Find(all, "5 years of Python");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->section, "experience");
  EXPECT_NE(s->message.find("cover about 2"), std::string::npos) << s->message;
}

TEST(SuggestionsTest, ContactRules) {
  Profile p = Complete();
  p.email.reset();
  p.phone.reset();
  auto all = SuggestImprovements(p, nullptr);
  ASSERT_FALSE(all.empty());
  EXPECT_EQ(all[0].priority, Severity::kHigh);
  EXPECT_EQ(all[0].section, "contact");
  p.phone = "+1 555 0100";
  all = SuggestImprovements(p, nullptr);
  ASSERT_NE(Find(all, "No email address"), nullptr);
  EXPECT_EQ(Find(all, "No email address")->priority, Severity::kMedium);
}

TEST(SuggestionsTest, NoSummaryGetsAnExampleFromProfileFacts) {
  Profile p = Complete();
  p.summary.reset();
  p.headline = "Backend Engineer";
  p.total_years_experience = 6;
  const auto all = SuggestImprovements(p, nullptr);
  const auto* s = Find(all, "No summary");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->priority, Severity::kLow);
  EXPECT_EQ(s->example,
            "Backend Engineer with 6 years of experience, working with Python, Django and SQL.");
}

TEST(SuggestionsTest, RolesWithoutResultsOrDates) {
  Profile p = Complete();
  p.work_experience.push_back(Role("Developer", "Beta", 2015, 2018, {"Built the billing system"}));
  p.work_experience.back().dates.start.reset();
  const auto all = SuggestImprovements(p, nullptr);
  const auto* results = Find(all, "no measurable result");
  ASSERT_NE(results, nullptr);
  EXPECT_EQ(results->message.rfind("1 of 2 roles has no measurable result: Developer at Beta", 0),
            0u);
  ASSERT_TRUE(results->example.has_value());
  EXPECT_NE(results->example->find("Built the billing system"), std::string::npos);
  const auto* dates = Find(all, "no dates");
  ASSERT_NE(dates, nullptr);
  EXPECT_EQ(dates->priority, Severity::kMedium);
}

TEST(SuggestionsTest, FewSkillsSuggestsSkillsTheTextShows) {
  Profile p = Complete();
  p.skills.technical = {"Python"};
  p.work_experience[0].highlights.push_back("Ran Docker on 12 hosts");
  const auto all = For(p, Needs({"Docker"}));
  const auto* s = Find(all, "Skills list names only 1 skill");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->example, "Skills: Docker");
}

TEST(SuggestionsTest, SortedByPriority) {
  Profile p;
  p.skills.technical = {"Python"};
  const auto all = For(p, Needs({"Terraform", "Python"}, {"Go"}));
  ASSERT_GE(all.size(), 3u);
  EXPECT_TRUE(std::is_sorted(all.begin(), all.end(), [](const auto& a, const auto& b) {
    return static_cast<int>(a.priority) < static_cast<int>(b.priority);
  }));
}

}  // namespace
}  // namespace jc::analysis
