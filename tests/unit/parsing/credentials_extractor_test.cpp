// ExtractCredentials on hand-written CVs (certification lines in several shapes and languages,
// projects with URL and technologies). The corpus-wide guard is tests/golden/cv_corpus_test.cpp.
#include "parsing/cv/credentials_extractor.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "nlp/text_normalize.hpp"
#include "parsing/cv/sections.hpp"
#include "parsing/extract.hpp"

namespace jc::parsing {
namespace {

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;
constexpr domain::PartialDate kAsOf{2026, 11};

CredentialsResult CredentialsOf(std::string_view text) {
  auto doc = ExtractDocument(text, "", ExtractLimits{});
  EXPECT_TRUE(doc) << (doc ? "" : doc.error().message);
  if (!doc) return {};
  return ExtractCredentials(*doc, SplitSections(*doc), kAsOf);
}

TEST(CredentialsExtractorTest, CertificationShapes) {
  const auto r = CredentialsOf(
      "Jane Example\n\nCERTIFICATIONS\n"
      "- AWS Certified Solutions Architect – Associate (Amazon Web Services, 2022)\n"
      "- PMP, PMI, 2019\n"
      "- Certified Kubernetes Administrator (CKA), CNCF (04/2022)\n"
      "- Oracle Certified Professional, Java SE 11 Developer, Oracle (Feb 2021)\n");
  ASSERT_EQ(r.certifications.size(), 4u);
  const auto& aws = r.certifications[0];
  EXPECT_EQ(aws.name, "AWS Certified Solutions Architect – Associate");
  EXPECT_EQ(aws.issuer, "Amazon Web Services");
  EXPECT_EQ(aws.date, (domain::PartialDate{2022, 0}));
  EXPECT_EQ(r.certifications[1].name, "PMP");
  EXPECT_EQ(r.certifications[1].issuer, "PMI");
  EXPECT_EQ(r.certifications[1].date, (domain::PartialDate{2019, 0}));
  EXPECT_EQ(r.certifications[2].name, "Certified Kubernetes Administrator (CKA)");
  EXPECT_EQ(r.certifications[2].date, (domain::PartialDate{2022, 4}));
  EXPECT_EQ(r.certifications[3].name, "Oracle Certified Professional, Java SE 11 Developer");
  EXPECT_EQ(r.certifications[3].issuer, "Oracle");
  EXPECT_EQ(r.certifications[3].date, (domain::PartialDate{2021, 2}));
}

TEST(CredentialsExtractorTest, GermanLicenceWithoutIssuerOrDate) {
  const auto r = CredentialsOf(
      "Max Beispiel\n\nZERTIFIKATE\nFührerschein Klasse B\n"
      "Schweißerprüfung DIN EN ISO 9606-1 (141, 8.1), SLV Duisburg (02/2025)\n");
  ASSERT_EQ(r.certifications.size(), 2u);
  EXPECT_EQ(r.certifications[0].name, "Führerschein Klasse B");
  EXPECT_FALSE(r.certifications[0].issuer);
  EXPECT_FALSE(r.certifications[0].date);
  EXPECT_EQ(r.certifications[1].name, "Schweißerprüfung DIN EN ISO 9606-1 (141, 8.1)");
  EXPECT_EQ(r.certifications[1].issuer, "SLV Duisburg");
  EXPECT_EQ(r.certifications[1].date, (domain::PartialDate{2025, 2}));
}

TEST(CredentialsExtractorTest, SpanishMonthNameDate) {
  const auto r = CredentialsOf(
      "Ana Ejemplo\n\nCERTIFICACIONES\n"
      "Certificado de manipulador de alimentos (febrero de 2022)\n");
  ASSERT_EQ(r.certifications.size(), 1u);
  EXPECT_EQ(r.certifications[0].name, "Certificado de manipulador de alimentos");
  EXPECT_EQ(r.certifications[0].date, (domain::PartialDate{2022, 2}));
}

TEST(CredentialsExtractorTest, ProjectsWithUrlAndTechnologies) {
  const auto r = CredentialsOf(
      "Jane Example\n\nPROJECTS\n**trail-mapper**\ngithub.com/jane-example/trail-mapper\n"
      "Offline map viewer for hiking trails.\nTechnologies: Rust, WebAssembly\n\n"
      "**Budget Bot**\nhttps://budget.example.org/demo\nChat bot that tracks shared expenses.\n"
      "Stack: Python, FastAPI\n");
  ASSERT_EQ(r.projects.size(), 2u);
  EXPECT_EQ(r.projects[0].name, "trail-mapper");
  EXPECT_EQ(r.projects[0].url, "https://github.com/jane-example/trail-mapper");
  EXPECT_EQ(r.projects[0].description, "Offline map viewer for hiking trails.");
  EXPECT_EQ(r.projects[0].technologies, (Strings{"Rust", "WebAssembly"}));
  EXPECT_EQ(r.projects[1].name, "Budget Bot");
  EXPECT_EQ(r.projects[1].url, "https://budget.example.org/demo");
  EXPECT_EQ(r.projects[1].technologies, (Strings{"Python", "FastAPI"}));
}

TEST(CredentialsExtractorTest, GermanProjectWithInlineDescription) {
  const auto r = CredentialsOf(
      "Max Beispiel\n\nPROJEKTE\nLagerplaner – Tool zur Planung von Lagerflächen.\n"
      "Technologien: Java, PostgreSQL\n");
  ASSERT_EQ(r.projects.size(), 1u);
  EXPECT_EQ(r.projects[0].name, "Lagerplaner");
  EXPECT_EQ(r.projects[0].description, "Tool zur Planung von Lagerflächen.");
  EXPECT_EQ(r.projects[0].technologies, (Strings{"Java", "PostgreSQL"}));
  EXPECT_FALSE(r.projects[0].url);
}

TEST(CredentialsExtractorTest, NothingWithoutSections) {
  const auto r = CredentialsOf("Joe Example\nWelder\n\nEXPERIENCE\nWelder, Acme, 2019 – 2021\n");
  EXPECT_TRUE(r.certifications.empty());
  EXPECT_TRUE(r.projects.empty());
}

// --- Corpus regression guard --------------------------------------------------------------

std::string Key(std::string_view s) {
  std::string out;
  for (const char c : nlp::Normalize(s).folded) {
    if (c != ' ') out += c;
  }
  return out;
}

struct Counts {
  double tp = 0, fp = 0, fn = 0;
  void Add(const Strings& got, const Strings& gold) {
    Strings g;
    for (const auto& s : gold) g.push_back(Key(s));
    for (const auto& s : got) {
      const auto it = std::find(g.begin(), g.end(), Key(s));
      if (it == g.end()) {
        ++fp;
      } else {
        ++tp;
        g.erase(it);
      }
    }
    fn += static_cast<double>(g.size());
  }
  double F1() const { return tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn); }
};

TEST(CredentialsExtractorTest, RegistrationAndRecognitionHeadings) {
  for (const char* heading :
       {"*** Registraties ***", "REGISTROS E CURSOS", "AGRÉMENTS", "ANERKENNUNG & WEITERBILDUNG",
        "KAMMER", "Licensure & Certifications:", "LICENÇAS"}) {
    const auto r = CredentialsOf(std::string("Jane Example\n\nSKILLS\nExcel, Word\n\n") + heading +
                                 "\n- BIG-registratie verloskundige (2016)\n");
    ASSERT_EQ(r.certifications.size(), 1u) << heading;
    EXPECT_EQ(r.certifications[0].name, "BIG-registratie verloskundige") << heading;
  }
}

TEST(CredentialsExtractorTest, ACredentialEntryInsideEducationIsNoHeading) {
  Document doc;
  auto add = [&doc](std::string text, float size, bool bold) {
    Line l;
    l.text = std::move(text);
    l.font_size = size;
    l.bold = bold;
    l.block = static_cast<int>(doc.lines.size());
    doc.lines.push_back(std::move(l));
  };
  add("Training", 12, true);
  add("Certificate III in Plumbing", 10, true);
  add("Barwon TAFE | 2011 – 2015", 10, false);
  const std::vector<Section> sections = {{SectionKind::kEducation, "Training", 0, 1, 3, 0.9}};
  EXPECT_TRUE(ExtractCredentials(doc, sections, kAsOf).certifications.empty());
}

}  // namespace
}  // namespace jc::parsing
