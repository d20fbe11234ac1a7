#include "generation/cv_document.hpp"

#include <gtest/gtest.h>

#include "support/sample_profiles.hpp"

namespace jc::generation {
namespace {

std::vector<std::string> SectionIds(const Document& d) {
  std::vector<std::string> ids;
  for (const auto& s : d.sections) ids.push_back(s.id);
  return ids;
}

TEST(CvDocumentTest, LaysOutEveryPartOfTheProfile) {
  const auto d = BuildCvDocument(testing::EngineerProfile(), EnglishLabels());
  EXPECT_EQ(d.name, "Jonas Weißmann");
  EXPECT_EQ(d.author, "Jonas Weißmann");
  EXPECT_EQ(d.title, "Jonas Weißmann – CV");
  ASSERT_EQ(d.contact.size(), 5u);
  EXPECT_EQ(d.contact[0].text, "jonas.weissmann@example.org");
  EXPECT_EQ(d.contact[0].url, "mailto:jonas.weissmann@example.org");
  EXPECT_EQ(d.contact[1].url, "tel:+4915123456789");
  EXPECT_EQ(d.contact[3].text, "linkedin.com/in/jonas-example");
  EXPECT_EQ(SectionIds(d), (std::vector<std::string>{"experience", "education", "skills",
                                                     "languages", "certifications", "projects"}));
  const auto& role = d.sections[0].blocks[0].entry;
  EXPECT_EQ(role.heading, "Senior Software Engineer");
  EXPECT_EQ(role.subheading, "Kiezkaufhaus GmbH, Berlin");
  EXPECT_EQ(role.dates, "Apr 2021 – Present");
  EXPECT_EQ(role.bullets.size(), 4u);
  const auto& degree = d.sections[1].blocks[0].entry;
  EXPECT_EQ(degree.heading, "M.Sc., Computer Science");
  EXPECT_EQ(degree.subheading, "Technische Universität Berlin");
  EXPECT_EQ(degree.dates, "Oct 2013 – Sep 2015");
  EXPECT_EQ(degree.paragraphs, std::vector<std::string>{"Grade: 1.7"});
  EXPECT_EQ(d.sections[2].blocks[0].label, "Technical");
  EXPECT_EQ(d.sections[3].blocks[0].text, "German (native), English (C1)");
  EXPECT_EQ(d.sections[4].blocks[0].items[0],
            "Certified Kubernetes Application Developer (CKAD) – CNCF, Jun 2022");
  EXPECT_EQ(d.sections[5].blocks[0].entry.subheading, "github.com/jonas-example/pg-partman-helper");
}

TEST(CvDocumentTest, GermanLabels) {
  const auto d = BuildCvDocument(testing::EngineerProfile(), **LabelsFor("de"));
  EXPECT_EQ(d.language, "de");
  EXPECT_EQ(d.title, "Jonas Weißmann – Lebenslauf");
  EXPECT_EQ(d.sections[0].title, "Berufserfahrung");
  EXPECT_EQ(d.sections[0].blocks[0].entry.dates, "April 2021 – heute");
  EXPECT_EQ(d.sections[1].blocks[0].entry.paragraphs[0], "Note: 1.7");
}

TEST(CvDocumentTest, EmptyProfileGivesNoSectionsAndAnonymousTitle) {
  const auto d = BuildCvDocument({}, EnglishLabels());
  EXPECT_TRUE(d.sections.empty());
  EXPECT_TRUE(d.name.empty());
  EXPECT_TRUE(d.contact.empty());
  EXPECT_EQ(d.title, "CV");
}

TEST(CvDocumentTest, RoleWithoutTitleIsHeadedByItsCompany) {
  domain::Profile p;
  domain::WorkExperience role;
  role.company = "Acme";
  role.location = "Oslo";
  role.highlights = {"", "Shipped things"};
  p.work_experience.push_back(role);
  p.work_experience.push_back({});  // nothing at all: left out
  const auto d = BuildCvDocument(p, EnglishLabels());
  ASSERT_EQ(d.sections.size(), 1u);
  ASSERT_EQ(d.sections[0].blocks.size(), 1u);
  EXPECT_EQ(d.sections[0].blocks[0].entry.heading, "Acme");
  EXPECT_EQ(d.sections[0].blocks[0].entry.subheading, "Oslo");
  EXPECT_EQ(d.sections[0].blocks[0].entry.bullets, std::vector<std::string>{"Shipped things"});
}

}  // namespace
}  // namespace jc::generation
