#include "generation/tailoring.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "parsing/job/requirements_extractor.hpp"
#include "support/sample_profiles.hpp"
#include "unit/analysis/test_taxonomy.hpp"

namespace jc::generation {
namespace {

using analysis::test::Matcher;
using analysis::test::Needs;

constexpr domain::PartialDate kAsOf{2026, 11};

// Every string value of a profile, for "nothing was added" checks.
std::multiset<std::string> Strings(const domain::Profile& p) {
  std::multiset<std::string> out;
  const auto add = [&out](const std::optional<std::string>& s) {
    if (s) out.insert(*s);
  };
  for (const auto& r : p.work_experience) {
    add(r.title), add(r.company), add(r.location), add(r.description);
    out.insert(r.highlights.begin(), r.highlights.end());
  }
  for (const auto& e : p.education) add(e.institution), add(e.degree), add(e.field), add(e.grade);
  out.insert(p.skills.technical.begin(), p.skills.technical.end());
  out.insert(p.skills.soft.begin(), p.skills.soft.end());
  for (const auto& c : p.certifications) out.insert(c.name);
  for (const auto& pr : p.projects) out.insert(pr.name);
  return out;
}

TEST(TailoringTest, JobSkillsFirstInThePostingsOrderRestKeepTheirs) {
  const auto profile = testing::EngineerProfile();
  const auto t = TailorProfile(profile, Needs({"Kubernetes", "Go"}, {"Kafka"}), Matcher(),
                               EnglishLabels(), kAsOf);
  const auto& tech = t.profile.skills.technical;
  ASSERT_GE(tech.size(), 4u);
  EXPECT_EQ(tech[0], "Kubernetes");
  EXPECT_EQ(tech[1], "Go");
  EXPECT_EQ(tech[2], "Helm");    // implies Kubernetes: after the required skills themselves
  EXPECT_EQ(tech[3], "Kafka");   // preferred
  EXPECT_EQ(tech[4], "Python");  // the first of the rest, as in the profile
  EXPECT_EQ(tech.size(), profile.skills.technical.size());
  const bool listed = std::any_of(t.changes.begin(), t.changes.end(), [](const Change& c) {
    return c.kind == ChangeKind::kReordered && c.section == "/skills/technical";
  });
  EXPECT_TRUE(listed);
}

TEST(TailoringTest, BulletsThatShowRequiredSkillsComeFirst) {
  const auto t = TailorProfile(testing::EngineerProfile(), Needs({"Kubernetes", "Go"}), Matcher(),
                               EnglishLabels(), kAsOf);
  const auto& bullets = t.profile.work_experience[0].highlights;
  ASSERT_EQ(bullets.size(), 4u);
  // The bullets that show a required skill, in their order, then the rest in theirs.
  EXPECT_NE(bullets[0].find(" in Go."), std::string::npos);
  EXPECT_NE(bullets[1].find("Kubernetes"), std::string::npos);
  EXPECT_NE(bullets[2].find("on-call handbook"), std::string::npos);
  EXPECT_NE(bullets[3].find("PostgreSQL"), std::string::npos);
}

TEST(TailoringTest, NeverAddsAFactOnlyReordersAndComposesFromFacts) {
  for (const auto& [profile, job] : {std::pair{testing::EngineerProfile(), testing::EngineerJob()},
                                     std::pair{testing::NurseProfile(), testing::NurseJob()}}) {
    const auto req = parsing::ExtractRequirements(job, Matcher());
    const auto t = TailorProfile(profile, req, Matcher(), EnglishLabels(), kAsOf);
    const auto before = Strings(profile);
    for (const auto& s : Strings(t.profile)) {
      EXPECT_TRUE(before.count(s) > 0) << "added: " << s;
    }
    EXPECT_EQ(t.profile.full_name, profile.full_name);
    EXPECT_EQ(t.profile.email, profile.email);
    EXPECT_EQ(t.profile.total_years_experience, profile.total_years_experience);
  }
}

TEST(TailoringTest, ComposesHeadlineAndSummaryOnlyWhenMissing) {
  const auto engineer = TailorProfile(testing::EngineerProfile(), Needs({"Go", "Kubernetes"}),
                                      Matcher(), EnglishLabels(), kAsOf);
  EXPECT_EQ(engineer.profile.headline, "Senior Software Engineer");
  EXPECT_EQ(engineer.profile.summary,
            "Senior Software Engineer with 9 years of professional experience. Skilled in Go and "
            "Kubernetes.");
  const auto german =
      TailorProfile(testing::EngineerProfile(), Needs({"Go"}), Matcher(), **LabelsFor("de"), kAsOf);
  EXPECT_EQ(german.profile.summary,
            "Senior Software Engineer mit 9 Jahren Berufserfahrung. Kenntnisse in Go.");

  const auto nurse =
      TailorProfile(testing::NurseProfile(), Needs({"ECMO"}), Matcher(), EnglishLabels(), kAsOf);
  EXPECT_EQ(nurse.profile.headline, "Intensive Care Nurse");
  EXPECT_EQ(nurse.profile.summary, testing::NurseProfile().summary);
  const bool composed =
      std::any_of(nurse.changes.begin(), nurse.changes.end(),
                  [](const Change& c) { return c.kind == ChangeKind::kComposed; });
  EXPECT_FALSE(composed);
}

TEST(TailoringTest, LongCareersLoseOnlyOldIrrelevantRoles) {
  auto p = testing::EngineerProfile();
  p.work_experience.clear();
  for (int i = 0; i < 12; ++i) {
    domain::WorkExperience role;
    role.title = "Engineer " + std::to_string(i);
    role.company = "Company " + std::to_string(i);
    role.dates = {domain::PartialDate{2024 - 3 * i, 1}, domain::PartialDate{2026 - 3 * i, 1},
                  false};
    role.highlights = {i == 10 ? "Ran Kubernetes clusters." : "Did work."};
    p.work_experience.push_back(role);
  }
  const auto t = TailorProfile(p, Needs({"Kubernetes"}), Matcher(), EnglishLabels(), kAsOf);
  ASSERT_EQ(t.profile.work_experience.size(), kMaxRoles);
  // Roles ending over 15 years ago (i >= 6) without Kubernetes go; the old Kubernetes role stays.
  std::vector<std::string> companies;
  for (const auto& r : t.profile.work_experience) companies.push_back(*r.company);
  EXPECT_NE(std::find(companies.begin(), companies.end(), "Company 10"), companies.end());
  EXPECT_NE(std::find(companies.begin(), companies.end(), "Company 0"), companies.end());
  // The earliest go first: 11, 9, 8, 7; 5 and 6 stay.
  EXPECT_EQ(std::find(companies.begin(), companies.end(), "Company 11"), companies.end());
  EXPECT_NE(std::find(companies.begin(), companies.end(), "Company 5"), companies.end());
  const auto omitted = std::count_if(t.changes.begin(), t.changes.end(), [](const Change& c) {
    return c.kind == ChangeKind::kOmitted;
  });
  EXPECT_EQ(omitted, 4);
}

TEST(TailoringTest, CapsBulletsPerRoleAndSaysSo) {
  auto p = testing::EngineerProfile();
  for (int i = 0; i < 5; ++i)
    p.work_experience[0].highlights.push_back("Extra " + std::to_string(i));
  const auto t = TailorProfile(p, Needs({"Go"}), Matcher(), EnglishLabels(), kAsOf);
  EXPECT_EQ(t.profile.work_experience[0].highlights.size(), kMaxBullets);
  EXPECT_NE(t.profile.work_experience[0].highlights[0].find("Go"), std::string::npos);
}

TEST(TailoringTest, AJobWithoutKnownSkillsChangesNothingButTheMissingHeader) {
  auto p = testing::NurseProfile();
  const auto t = TailorProfile(p, {}, Matcher(), EnglishLabels(), kAsOf);
  EXPECT_TRUE(t.changes.empty());
  EXPECT_EQ(t.profile.skills.technical, p.skills.technical);
  EXPECT_EQ(t.profile.work_experience[0].highlights, p.work_experience[0].highlights);
}

}  // namespace
}  // namespace jc::generation
