#include "generation/cover_letter.hpp"

#include <gtest/gtest.h>

#include "analysis/fit_scorer.hpp"
#include "generation/tailoring.hpp"
#include "generation/truthfulness.hpp"
#include "parsing/job/requirements_extractor.hpp"
#include "support/sample_profiles.hpp"
#include "unit/analysis/test_taxonomy.hpp"

namespace jc::generation {
namespace {

using analysis::test::Matcher;

constexpr domain::PartialDate kAsOf{2026, 11};
constexpr LetterDate kToday{2026, 11, 27};

CoverLetter Write(const domain::Profile& profile, const domain::Job& job, LetterTone tone,
                  const Labels& labels) {
  const auto req = parsing::ExtractRequirements(job, Matcher());
  const auto tailored = TailorProfile(profile, req, Matcher(), labels, kAsOf);
  const auto fit = analysis::ScoreFit(tailored.profile, req, Matcher(), kAsOf);
  return WriteCoverLetter(tailored.profile, job, req, fit, tone, labels, kToday);
}

TEST(CoverLetterTest, NamesRoleAndCompanyAndPairsRequirementsWithEvidence) {
  const auto l = Write(testing::EngineerProfile(), testing::EngineerJob(),
                       LetterTone::kProfessional, EnglishLabels());
  const auto& text = l.text;
  EXPECT_NE(text.find("Senior Backend Engineer position at Nordwind Energy GmbH"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Senior Software Engineer with 9 years"), std::string::npos) << text;
  // The evidence: the profile's own bullets with their employer, numbers kept.
  EXPECT_NE(text.find("As Senior Software Engineer at Kiezkaufhaus GmbH, I reduced"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("There, I also moved 25 services to Kubernetes"), std::string::npos) << text;
  EXPECT_NE(text.find("38%"), std::string::npos) << text;
  EXPECT_NE(text.find("Your posting asks for"), std::string::npos) << text;
  EXPECT_EQ(l.document.letter.subject, "Application for Senior Backend Engineer");
  EXPECT_EQ(l.document.letter.date, "27 November 2026");
  EXPECT_EQ(l.document.letter.signature, "Jonas Weißmann");
  EXPECT_EQ(l.document.letter.recipient,
            (std::vector<std::string>{"Hiring team", "Nordwind Energy GmbH", "Hamburg, Germany"}));
  EXPECT_GE(l.words, 250) << text;
  EXPECT_LE(l.words, 400) << text;
}

TEST(CoverLetterTest, ToneChangesTheFramesAndConciseIsShorter) {
  const auto pro = Write(testing::EngineerProfile(), testing::EngineerJob(),
                         LetterTone::kProfessional, EnglishLabels());
  const auto keen = Write(testing::EngineerProfile(), testing::EngineerJob(),
                          LetterTone::kEnthusiastic, EnglishLabels());
  const auto brief = Write(testing::EngineerProfile(), testing::EngineerJob(), LetterTone::kConcise,
                           EnglishLabels());
  EXPECT_NE(keen.text.find("I was excited"), std::string::npos);
  EXPECT_EQ(pro.text.find("I was excited"), std::string::npos);
  EXPECT_LT(brief.words, pro.words);
  EXPECT_GE(keen.words, 250);
  EXPECT_LE(keen.words, 400);
  EXPECT_LE(brief.words, 250);
}

TEST(CoverLetterTest, GermanLetter) {
  const auto l = Write(testing::EngineerProfile(), testing::EngineerJobGerman(),
                       LetterTone::kProfessional, **LabelsFor("de"));
  EXPECT_EQ(l.document.letter.salutation, "Sehr geehrte Damen und Herren,");
  EXPECT_EQ(l.document.letter.closing, "Mit freundlichen Grüßen");
  EXPECT_EQ(l.document.letter.subject, "Bewerbung als Senior Backend-Entwickler");
  EXPECT_EQ(l.document.language, "de");
  EXPECT_NE(l.text.find("hiermit bewerbe ich mich um die Stelle als Senior Backend-Entwickler bei "
                        "Nordwind Energy GmbH."),
            std::string::npos)
      << l.text;
  EXPECT_NE(l.text.find("Als Senior Software Engineer bei Kiezkaufhaus GmbH"), std::string::npos)
      << l.text;
  EXPECT_GE(l.words, 200) << l.text;
}

TEST(CoverLetterTest, NonSoftwareProfession) {
  const auto l = Write(testing::NurseProfile(), testing::NurseJob(), LetterTone::kProfessional,
                       EnglishLabels());
  EXPECT_NE(l.text.find("Critical Care Nurse position at St. Mary's Hospital"), std::string::npos)
      << l.text;
  EXPECT_NE(l.text.find("Hôpital Édouard Herriot"), std::string::npos) << l.text;
  EXPECT_NE(l.text.find("ECMO"), std::string::npos) << l.text;
  EXPECT_GE(l.words, 200) << l.text;
  EXPECT_LE(l.words, 400) << l.text;
}

TEST(CoverLetterTest, ThinProfileGivesAShortTruthfulLetterNotFiller) {
  domain::Profile p;
  p.full_name = "Sam Lee";
  domain::Job job;
  job.description = "We need a Go developer.";
  const auto l = Write(p, job, LetterTone::kProfessional, EnglishLabels());
  EXPECT_NE(l.text.find("apply for the advertised position at your company."), std::string::npos)
      << l.text;
  EXPECT_EQ(l.document.letter.subject, "Application");
  EXPECT_LT(l.words, 120);
  EXPECT_EQ(l.text.find(" I am a "), std::string::npos) << "no title to claim";
}

}  // namespace
}  // namespace jc::generation

namespace jc::generation {
namespace {

// The local engine's own letters and tailored profiles pass the truthfulness check untouched,
// in every tone and language, for several professions.
TEST(CoverLetterTest, OwnOutputPassesTheTruthfulnessCheck) {
  const std::pair<domain::Profile, domain::Job> cases[] = {
      {testing::EngineerProfile(), testing::EngineerJob()},
      {testing::EngineerProfile(), testing::EngineerJobGerman()},
      {testing::NurseProfile(), testing::NurseJob()},
  };
  for (const auto& [profile, job] : cases) {
    const FactBase facts(profile, &job, Matcher(), kAsOf);
    const auto req = parsing::ExtractRequirements(job, Matcher());
    for (const auto* labels : {&EnglishLabels(), *LabelsFor("de")}) {
      auto tailored = TailorProfile(profile, req, Matcher(), *labels, kAsOf);
      TruthReport profile_report;
      CheckProfile(tailored.profile, facts, profile_report);
      EXPECT_TRUE(profile_report.violations.empty())
          << profile_report.violations.front().claim << " in "
          << profile_report.violations.front().text;
      const auto fit = analysis::ScoreFit(tailored.profile, req, Matcher(), kAsOf);
      for (const auto tone :
           {LetterTone::kProfessional, LetterTone::kEnthusiastic, LetterTone::kConcise}) {
        auto letter = WriteCoverLetter(tailored.profile, job, req, fit, tone, *labels, kToday);
        TruthReport report;
        CheckDocument(letter.document, facts, report);
        EXPECT_TRUE(report.violations.empty())
            << report.violations.front().claim << " in " << report.violations.front().text;
      }
    }
  }
}

}  // namespace
}  // namespace jc::generation
