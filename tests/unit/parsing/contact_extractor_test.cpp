#include "parsing/cv/contact_extractor.hpp"

#include <gtest/gtest.h>

namespace jc::parsing {
namespace {

TEST(ContactTest, FindsEmails) {
  EXPECT_EQ(FindEmails("Mail: jane.doe+cv@example.co.uk."),
            std::vector<std::string>{"jane.doe+cv@example.co.uk"});
  EXPECT_EQ(FindEmails("mailto:x@y.org | z@w.net"),
            (std::vector<std::string>{"x@y.org", "z@w.net"}));
  EXPECT_TRUE(FindEmails("@handle on twitter, a@b").empty());
}

TEST(ContactTest, FindsPhonesButNotDatesOrYears) {
  const struct {
    const char* text;
    std::vector<std::string> phones;
  } cases[] = {
      {"Tel.: +49 30 1234567", {"+49 30 1234567"}},
      {"+33 6 12 34 56 78 | Paris", {"+33 6 12 34 56 78"}},
      {"(555) 010-0199", {"(555) 010-0199"}},
      {"Mobile 0151 23456789", {"0151 23456789"}},
      {"+44 20 7946 0123", {"+44 20 7946 0123"}},
      {"2019 - 2021", {}},
      {"03/2019 - 05/2021", {}},
      {"10115 Berlin", {}},
      {"ISO 9001:2015", {}},
      {"ID2019123456", {}},
      {"Apellido(s) / Nombre(s)", {}},
      {"(", {}},
      {"+", {}},
  };
  for (const auto& c : cases) EXPECT_EQ(FindPhones(c.text), c.phones) << c.text;
}

TEST(ContactTest, FindsAndClassifiesLinks) {
  const auto urls = FindUrls("linkedin.com/in/jane-doe · https://github.com/jdoe, www.jane.dev");
  ASSERT_EQ(urls.size(), 3u);
  EXPECT_EQ(urls[0], "https://linkedin.com/in/jane-doe");
  EXPECT_EQ(ClassifyLink(urls[0]), LinkKind::kLinkedIn);
  EXPECT_EQ(ClassifyLink(urls[1]), LinkKind::kGitHub);
  EXPECT_EQ(urls[2], "https://www.jane.dev");
  EXPECT_EQ(ClassifyLink(urls[2]), LinkKind::kWebsite);
  EXPECT_TRUE(FindUrls("jane@example.com").empty());
}

TEST(ContactTest, ScoresNames) {
  for (const char* name :
       {"Jane Doe", "Zoë Müller-Lüdenscheidt", "Łukasz Kowalski", "JOSÉ GARCÍA LÓPEZ",
        "Ludwig van Beethoven", "Ngozi Okonkwo-Adébáyọ̀", "Søren Kierkegaard"}) {
    EXPECT_GE(NameScore(name), 0.5) << name;
  }
  for (const char* not_name :
       {"Senior Software Engineer", "Curriculum Vitae", "Berufserfahrung", "jane doe lives here",
        "Musterstraße 5", "+49 30 1234567", "Acme GmbH", "Skills", "Work Experience"}) {
    EXPECT_EQ(NameScore(not_name), 0) << not_name;
  }
}

Line L(std::string text, int block, float size = 10, bool bold = false) {
  Line l;
  l.text = std::move(text);
  l.block = block;
  l.font_size = size;
  l.bold = bold;
  return l;
}

TEST(ContactTest, ExtractsFromAPreamble) {
  Document doc;
  doc.lines = {L("Curriculum Vitae", 0, 12),
               L("Sophie Martin", 1, 22, true),
               L("Infirmière diplômée d'État", 2, 12),
               L("12 rue de la Paix, 75002 Paris, France", 3),
               L("Tél. : +33 6 12 34 56 78 | sophie.martin@example.fr", 3),
               L("linkedin.com/in/sophie-martin", 3),
               L("Expérience professionnelle", 4, 14, true),
               L("Infirmière, Hôpital Saint-Louis, Paris", 5),
               L("Référente : Claire Dubois, claire@example.org", 5)};
  const auto info = ExtractContact(doc, SplitSections(doc));
  ASSERT_TRUE(info.full_name);
  EXPECT_EQ(info.full_name->value, "Sophie Martin");
  ASSERT_TRUE(info.email);
  EXPECT_EQ(info.email->value, "sophie.martin@example.fr");
  ASSERT_TRUE(info.phone);
  EXPECT_EQ(info.phone->value, "+33 6 12 34 56 78");
  ASSERT_TRUE(info.location);
  EXPECT_EQ(info.location->value, "Paris, France");
  ASSERT_EQ(info.links.size(), 1u);
  EXPECT_EQ(info.links[0].kind, LinkKind::kLinkedIn);
}

TEST(ContactTest, LocationNeedsEvidence) {
  Document doc;
  doc.lines = {L("Max Mustermann", 0, 20, true), L("Wohnort: München", 1),
               L("Senior Engineer, Acme", 2)};
  const auto info = ExtractContact(doc, SplitSections(doc));
  ASSERT_TRUE(info.location);
  EXPECT_EQ(info.location->value, "München");
  Document other;
  other.lines = {L("Jane Doe", 0), L("Senior Engineer, Acme", 1)};
  EXPECT_FALSE(ExtractContact(other, SplitSections(other)).location);
}

}  // namespace
}  // namespace jc::parsing
