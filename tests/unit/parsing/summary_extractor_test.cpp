// ExtractSummary on hand-written CVs (headline under or beside the name, never a contact line
// or a heading; summary from a profile section or an unlabelled paragraph). The corpus-wide
// guard is tests/golden/cv_corpus_test.cpp.
#include "parsing/cv/summary_extractor.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "parsing/cv/sections.hpp"
#include "parsing/extract.hpp"

namespace jc::parsing {
namespace {

namespace fs = std::filesystem;

SummaryResult SummaryOf(std::string_view text) {
  auto doc = ExtractDocument(text, "", ExtractLimits{});
  EXPECT_TRUE(doc) << (doc ? "" : doc.error().message);
  if (!doc) return {};
  const auto sections = SplitSections(*doc);
  return ExtractSummary(*doc, sections, ExtractContact(*doc, sections));
}

TEST(SummaryExtractorTest, HeadlineUnderTheNameAndWrappedSummary) {
  const auto r = SummaryOf(
      "Jane Example\nSenior Backend Engineer\nBerlin | +49 30 1234567 | jane@example.com\n\n"
      "SUMMARY\nBackend engineer with eight years of experience in payments.\n"
      "I like simple, observable systems.\n\nEXPERIENCE\nEngineer, Acme, 2019 – 2024\n");
  ASSERT_TRUE(r.headline);
  EXPECT_EQ(r.headline->value, "Senior Backend Engineer");
  EXPECT_EQ(r.headline->line, 1u);
  ASSERT_TRUE(r.summary);
  EXPECT_EQ(r.summary->value,
            "Backend engineer with eight years of experience in payments. I like simple, "
            "observable systems.");
}

TEST(SummaryExtractorTest, NoHeadlineWhenContactDataFollowsTheName) {
  const auto r = SummaryOf(
      "Max Beispiel\nLindenstraße 12, 10969 Berlin\n0171 2345678\nmax@example.com\n\n"
      "BERUFSERFAHRUNG\nKoch, Gasthaus Beispiel, 2019 – 2024\n");
  EXPECT_FALSE(r.headline);
  EXPECT_FALSE(r.summary);
}

TEST(SummaryExtractorTest, FrenchProfileAndCvTitleAboveTheName) {
  const auto r = SummaryOf(
      "CURRICULUM VITAE\nCamille Exemple\nResponsable marketing digital\n"
      "camille@example.org\n\nPROFIL\nSpécialiste du marketing digital depuis 2015.\n\n"
      "Passionnée par les données.\n\nEXPÉRIENCE PROFESSIONNELLE\nChef de projet, 2019 – 2024\n");
  ASSERT_TRUE(r.headline);
  EXPECT_EQ(r.headline->value, "Responsable marketing digital");
  ASSERT_TRUE(r.summary);
  EXPECT_EQ(r.summary->value,
            "Spécialiste du marketing digital depuis 2015. Passionnée par les données.");
}

TEST(SummaryExtractorTest, UnlabelledParagraphInTheHeader) {
  const auto r = SummaryOf(
      "Ana Ejemplo\nEnfermera\nana@example.com\n\n"
      "Enfermera con diez años de experiencia en cuidados intensivos y urgencias pediátricas, "
      "orientada al paciente.\n\nEXPERIENCIA\nEnfermera, Hospital Ejemplo, 2015 – 2024\n");
  ASSERT_TRUE(r.headline);
  EXPECT_EQ(r.headline->value, "Enfermera");
  ASSERT_TRUE(r.summary);
  EXPECT_EQ(r.summary->value,
            "Enfermera con diez años de experiencia en cuidados intensivos y urgencias "
            "pediátricas, orientada al paciente.");
}

TEST(SummaryExtractorTest, HeadlineBesideTheNameInAPdfLayout) {
  Document doc;
  doc.kind = FileKind::kPdf;
  auto add = [&doc](std::string text, float x0, float x1, float y0, float size, bool bold) {
    Line l;
    l.text = std::move(text);
    l.x0 = x0;
    l.x1 = x1;
    l.y0 = y0;
    l.y1 = y0 + size;
    l.font_size = size;
    l.bold = bold;
    l.block = static_cast<int>(doc.lines.size());
    doc.lines.push_back(std::move(l));
  };
  add("Piotr Przykład", 40, 200, 40, 20, true);
  add("Główny księgowy", 320, 480, 40, 12, false);
  add("piotr@example.com", 40, 200, 70, 9, false);
  ContactInfo contact;
  contact.full_name = Found{"Piotr Przykład", 0.9, 1, 0};
  contact.email = Found{"piotr@example.com", 0.9, 1, 2};
  const auto r = ExtractSummary(doc, SplitSections(doc), contact);
  ASSERT_TRUE(r.headline);
  EXPECT_EQ(r.headline->value, "Główny księgowy");
  EXPECT_EQ(r.headline->line, 1u);
}

TEST(SummaryExtractorTest, ASummaryEndsWhereAnEntryStarts) {
  const auto r = SummaryOf(
      "Keisha Example\nDental Hygienist\nkeisha@example.net\n\nProfile\n"
      "Registered dental hygienist focused on periodontal health and anxious patients.\n"
      "Dental Hygienist · Oak City Family Dentistry\nJul 2020 – Present\n"
      "- Prophylaxis for 8–10 patients per day\n");
  ASSERT_TRUE(r.summary);
  EXPECT_EQ(r.summary->value,
            "Registered dental hygienist focused on periodontal health and anxious patients.");
  const auto list = SummaryOf(
      "Ana Example\nana@example.com\n\nProfile\nAnalyst who turns messy data into decisions for "
      "finance teams.\nSenior Analyst, Acme\n- Built the annual budget model\n");
  ASSERT_TRUE(list.summary);
  EXPECT_EQ(list.summary->value, "Analyst who turns messy data into decisions for finance teams.");
}

TEST(SummaryExtractorTest, AJobBlockInTheHeaderIsNoSummary) {
  const auto r = SummaryOf(
      "Jane Example\njane@example.com\n\nAnalyst, Acme Corp\nJan 2020 – Present\n"
      "Built dashboards for twelve regional teams and cut reporting time by half each month.\n");
  EXPECT_FALSE(r.summary);
}

TEST(SummaryExtractorTest, HeadlinesWithQualifiersAndSpecialisations) {
  auto r = SummaryOf("Ana Example\nAirline Captain — A220 / Dash 8-400\nana@example.com\n");
  ASSERT_TRUE(r.headline);
  EXPECT_EQ(r.headline->value, "Airline Captain — A220 / Dash 8-400");
  r = SummaryOf(
      "Lachlan Example\nLicensed Plumber & Gasfitter\nGeelong, VIC · 0491 570 110 · "
      "l@example.com\n");
  ASSERT_TRUE(r.headline);
  EXPECT_EQ(r.headline->value, "Licensed Plumber & Gasfitter");
  r = SummaryOf("Ana Example\nAvailable 2019 – 2024\nana@example.com\n");
  EXPECT_FALSE(r.headline);
}

TEST(SummaryExtractorTest, EmptyDocument) {
  const auto r = ExtractSummary(Document{}, {}, ContactInfo{});
  EXPECT_FALSE(r.headline);
  EXPECT_FALSE(r.summary);
}

// --- Corpus regression guard --------------------------------------------------------------

}  // namespace
}  // namespace jc::parsing
