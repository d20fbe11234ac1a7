#include "parsing/cv/contact_extractor.hpp"

#include <gtest/gtest.h>

#include "parsing/cv/contact_location.hpp"
#include "parsing/cv/contact_name.hpp"
#include "parsing/extract.hpp"

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
      {"Nantes | 06 12 34 56 78 | theo@example.net", {"06 12 34 56 78"}},
      {"01 02 2019", {}},
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

TEST(ContactTest, FindsBareDomainsOnlyWhenAsked) {
  EXPECT_TRUE(FindUrls("bramvisser.example.com").empty());
  EXPECT_EQ(FindUrls("bramvisser.example.com", true),
            std::vector<std::string>{"https://bramvisser.example.com"});
  EXPECT_EQ(FindUrls("Portfolio: valeria.example.com/portafolio.", true),
            std::vector<std::string>{"https://valeria.example.com/portafolio"});
  EXPECT_TRUE(FindUrls("Next.js, Node.js, B.Sc., e.g. ASP.NET, cv.pdf", true).empty());
  EXPECT_EQ(ClassifyLink("https://behance.net/jane"), LinkKind::kOther);
  EXPECT_EQ(ClassifyLink("https://jane.example.com"), LinkKind::kWebsite);
  EXPECT_EQ(ClassifyLink("https://fox.com/news"), LinkKind::kWebsite);  // not x.com
}

TEST(ContactTest, CleansWhatCvsAddToAName) {
  EXPECT_EQ(contact::CleanNameText("Margaret (Maggie) Okafor"), "Margaret Okafor");
  EXPECT_EQ(contact::CleanNameText("Wang Xiaoming 王小明"), "Wang Xiaoming");
  EXPECT_EQ(contact::CleanNameText("Yuki Sato (佐藤 由紀)"), "Yuki Sato");
  EXPECT_EQ(contact::CleanNameText("Robert \"Bob\" Kowalski"), "Robert Kowalski");
  EXPECT_EQ(contact::CleanNameText("Ngozi Okonkwo-Adébáyọ̀"), "Ngozi Okonkwo-Adébáyọ̀");
}

TEST(ContactTest, ReadsNameOrderFromLabels) {
  for (const char* label :
       {"Cognome / Nome", "Apellido(s) / Nombre(s)", "Nachname, Vorname",
        "Surname(s) / First name(s)", "Nom / Prénom", "Name, Vorname", "Nazwisko i imię"}) {
    EXPECT_TRUE(contact::LabelSaysSurnameFirst(label)) << label;
  }
  for (const char* label : {"Name", "First name / Surname", "Nome e cognome", "Nachname",
                            "Prénom et nom", "Full name"}) {
    EXPECT_FALSE(contact::LabelSaysSurnameFirst(label)) << label;
  }
  EXPECT_EQ(contact::SurnameFirstToNatural("Romano Francesca", "francesca.romano@example.com"),
            "Francesca Romano");
  EXPECT_EQ(contact::SurnameFirstToNatural("Martín García Lucía", "lucia.martin@example.net"),
            "Lucía Martín García");
  EXPECT_EQ(contact::SurnameFirstToNatural("Kowalska Anna Maria", "anna.kowalska@example.pl"),
            "Anna Maria Kowalska");
  EXPECT_EQ(contact::SurnameFirstToNatural("Dupont Marie", ""), "Marie Dupont");
}

Line Cell(std::string text, int block) {
  Line l = L(std::move(text), block);
  l.role = LineRole::kTableCell;
  return l;
}

TEST(ContactTest, PutsAEuropassNameInNaturalOrder) {
  Document es;
  es.lines = {L("Curriculum Vitae Europass", 0, 16, true),
              Cell("Información personal", 1),
              Cell("Apellido(s) / Nombre(s)", 2),
              Cell("Ruiz Pastor Elena", 2),
              Cell("Dirección", 3),
              Cell("Calle Mayor 3, 28013 Madrid", 3),
              Cell("Correo", 4),
              Cell("elena.ruiz@example.es", 4)};
  auto info = ExtractContact(es, SplitSections(es));
  ASSERT_TRUE(info.full_name);
  EXPECT_EQ(info.full_name->value, "Elena Ruiz Pastor");
  ASSERT_TRUE(info.location);
  EXPECT_EQ(info.location->value, "Madrid");

  Document de;
  de.lines = {Cell("Nachname / Vorname", 1), Cell("Schneider Katrin", 1), Cell("E-Mail", 2),
              Cell("k.schneider@example.de", 2)};
  info = ExtractContact(de, SplitSections(de));
  ASSERT_TRUE(info.full_name);
  EXPECT_EQ(info.full_name->value, "Katrin Schneider");

  Document en;  // a label in front of the value on the same line, natural order
  en.lines = {L("Name: Jane Okoro", 0), L("Email: jane.okoro@example.com", 0)};
  info = ExtractContact(en, SplitSections(en));
  ASSERT_TRUE(info.full_name);
  EXPECT_EQ(info.full_name->value, "Jane Okoro");
}

Line At(std::string text, int block, float y, float size, bool bold = false, int column = 1) {
  Line l = L(std::move(text), block, size, bold);
  l.column = column;
  l.x0 = column == 1 ? 34 : 240;
  l.x1 = l.x0 + 6.0f * static_cast<float>(l.text.size());
  l.y0 = y;
  l.y1 = y + size;
  return l;
}

TEST(ContactTest, JoinsANameWrappedInANarrowSidebar) {
  Document doc;
  doc.kind = FileKind::kPdf;
  doc.lines = {At("Jean-Luc", 1, 45, 20.8f, true),
               At("Moreau-Lefèvre", 1, 70, 20.8f, true),
               At("Chef de projet digital", 1, 92, 11.3f),
               At("Contact", 2, 134, 10.8f, true),
               At("Bordeaux", 2, 150, 8),
               At("+33 6 12 34 56 78", 2, 161, 8),
               At("jean-luc.moreau@example.fr", 2, 171, 8),
               At("Expérience professionnelle", 3, 42, 11.4f, true, 2),
               At("Chef de projet, Agence Garonne, Bordeaux", 4, 64, 9.4f, false, 2)};
  const auto info = ExtractContact(doc, SplitSections(doc));
  ASSERT_TRUE(info.full_name);
  EXPECT_EQ(info.full_name->value, "Jean-Luc Moreau-Lefèvre");
  EXPECT_EQ(info.full_name->line, 0u);
  ASSERT_TRUE(info.location);
  EXPECT_EQ(info.location->value, "Bordeaux");

  // A title under the name in the same type is not part of it.
  Document titled;
  titled.kind = FileKind::kPdf;
  titled.lines = {At("Anna Schmidt", 1, 45, 20, true), At("Projektleiterin", 1, 70, 20, true),
                  At("anna.schmidt@example.de", 2, 100, 9)};
  const auto other = ExtractContact(titled, SplitSections(titled));
  ASSERT_TRUE(other.full_name);
  EXPECT_EQ(other.full_name->value, "Anna Schmidt");
}

TEST(ContactTest, PrefersTheNameLineOverTitlesAndDates) {
  Document doc;
  doc.lines = {L("Margaret (Maggie) Okafor", 0, 20, true),
               L("Vice President, People & Culture", 1, 12),
               L("Toronto, ON · +1 416-555-0143 · maggie@example.com", 2, 9),
               L("Career History", 3, 14, true),
               L("Data Analyst 2023-04 – Present", 4, 11, true),
               L("HR Generalist", 5, 11)};
  const auto info = ExtractContact(doc, SplitSections(doc));
  ASSERT_TRUE(info.full_name);
  EXPECT_EQ(info.full_name->value, "Margaret Okafor");

  Document plain;  // text file: no sizes; the CJK name in parentheses is dropped
  plain.lines = {
      L("LI WEI (李伟)", 0, 0),          L("Mechanical Engineer", 0, 0), L("Singapore", 1, 0),
      L("+65 9123 4567", 1, 0),          L("li.wei@example.com", 1, 0),  L("EXPERIENCE", 2, 0),
      L("Engineer 2021 – Present", 3, 0)};
  const auto text = ExtractContact(plain, SplitSections(plain));
  ASSERT_TRUE(text.full_name);
  EXPECT_EQ(text.full_name->value, "LI WEI");
  ASSERT_TRUE(text.location);
  EXPECT_EQ(text.location->value, "Singapore");
}

TEST(ContactTest, FindsBarePlacesBesideContactData) {
  const struct {
    std::vector<std::string> lines;
    const char* location;
  } cases[] = {
      {{"Hannah Whitfield", "Manchester | 07700 900456 | hannah@example.org"}, "Manchester"},
      {{"Agnieszka Kowalczyk", "Poznań · +48 601 234 567 · a.kowalczyk@example.com"}, "Poznań"},
      {{"Arjun Mehta", "Pune, Maharashtra · +91 99887 76655"}, "Pune, Maharashtra"},
      {{"Valeria Ortiz", "Ciudad de México", "+52 55 1234 5678", "hola@example.com"},
       "Ciudad de México"},
      {{"Geneviève Tremblay", "Montréal (Québec)", "+1 514-555-0182"}, "Montréal (Québec)"},
      {{"Markus Weber", "Frankfurt am Main", "0171 2345678"}, "Frankfurt am Main"},
      {{"Pieter van den Berg", "Contact", "Gent", "+32 470 12 34 56"}, "Gent"},
  };
  for (const auto& c : cases) {
    Document doc;
    for (const auto& text : c.lines) doc.lines.push_back(L(text, 1));
    doc.lines.front().font_size = 20;
    const auto info = ExtractContact(doc, SplitSections(doc));
    ASSERT_TRUE(info.location) << c.lines[1];
    EXPECT_EQ(info.location->value, c.location);
  }
}

TEST(ContactTest, BarePlacesNeedContactDataBesideThem) {
  const std::vector<std::vector<std::string>> cases = {
      // A headline or the name beside contact data is not a place.
      {"Lotte Bakker", "Kierownik magazynu", "+48 601 234 567"},
      {"Paolo Ricci", "Operatore customer care", "paolo@example.org"},
      {"Jane Doe | jane@example.com"},
      // A bare place with nothing beside it.
      {"Jane Doe", "Lyon", "Skills", "Python"},
  };
  for (const auto& lines : cases) {
    Document doc;
    for (const auto& text : lines) doc.lines.push_back(L(text, 1));
    doc.lines.front().font_size = 20;
    const auto info = ExtractContact(doc, SplitSections(doc));
    EXPECT_FALSE(info.location) << lines[0] << ": " << info.location->value;
  }
}

TEST(ContactTest, KeepsExperiencePlacesAndProjectUrlsOut) {
  Document doc;
  doc.lines = {L("Maya Thompson", 0, 20, true),
               L("Frontend Developer", 1, 12),
               L("maya@example.com · github.com/mthompson · maya.example.dev", 2),
               L("Experience", 3, 14, true),
               L("Frontend Developer Apr 2021 – Present", 4, 11, true),
               L("Brightleaf Labs, Portland, OR", 4),
               L("Projects", 5, 14, true),
               L("a11y-lint-kit", 6, 11, true),
               L("github.com/mthompson/a11y-lint-kit", 6),
               L("mthompson.example.dev/demo", 6)};
  const auto info = ExtractContact(doc, SplitSections(doc));
  EXPECT_FALSE(info.location);
  ASSERT_EQ(info.links.size(), 2u);
  EXPECT_EQ(info.links[0].url.value, "https://github.com/mthompson");
  EXPECT_EQ(info.links[0].kind, LinkKind::kGitHub);
  EXPECT_EQ(info.links[1].url.value, "https://maya.example.dev");
  EXPECT_EQ(info.links[1].kind, LinkKind::kWebsite);
}

ContactInfo ContactOf(std::string_view bytes) {
  auto doc = ExtractDocument(bytes, "", ExtractLimits{});
  EXPECT_TRUE(doc);
  if (!doc) return {};
  return ExtractContact(*doc, SplitSections(*doc));
}

TEST(ContactTest, AHeadlineBetweenNameAndContactLineIsNoPlace) {
  Document doc;
  doc.lines = {L("Marisol Example", 0, 22, true), L("Licensed Real Estate Salesperson", 1, 13),
               L("Austin, TX · (512) 555-0100 · marisol@example.com", 2),
               L("Experience", 3, 14, true), L("Agent, Hearth Realty, Austin, TX", 4)};
  auto info = ExtractContact(doc, SplitSections(doc));
  ASSERT_TRUE(info.location);
  EXPECT_EQ(info.location->value, "Austin, TX");
  doc.lines[1].text = "Registered Dental Hygienist (RDH)";
  info = ExtractContact(doc, SplitSections(doc));
  ASSERT_TRUE(info.location);
  EXPECT_EQ(info.location->value, "Austin, TX");
}

TEST(ContactTest, NameParticlesAndACityUnderTheTitle) {
  EXPECT_GT(NameScore("Marloes van 't Hof"), 0.5);
  EXPECT_GT(NameScore("Youssef el Amrani"), 0.5);
  EXPECT_GT(NameScore("Niccolò dal Bo"), 0.5);
  const auto info = ContactOf(
      "Marloes van 't Hof\nEerstelijns verloskundige\nUtrecht\n06 12345678\n"
      "marloes.vanthof@example.net\n\nLoopbaan\nVerloskundige, Praktijk Oudwijk, Utrecht\n");
  ASSERT_TRUE(info.full_name);
  EXPECT_EQ(info.full_name->value, "Marloes van 't Hof");
  ASSERT_TRUE(info.location);
  EXPECT_EQ(info.location->value, "Utrecht");
}

TEST(ContactTest, ASidebarReadFirstDoesNotMakeItsCityTheName) {
  const auto info = ContactOf(
      "<!DOCTYPE html><html><body><aside><p>San Pedro Garza García</p><p>+52 81 1234 5678</p>"
      "<p>rodrigo.pena@example.mx</p><h3>Idiomas</h3><ul><li>Español – nativo</li></ul></aside>"
      "<main><div>Rodrigo Peña Saldívar</div><p>Asesor Inmobiliario</p><h2>Experiencia</h2>"
      "<h3>Asesor · Casas Norte</h3><p>ene. 2019 – actualidad</p></main></body></html>");
  ASSERT_TRUE(info.full_name);
  EXPECT_EQ(info.full_name->value, "Rodrigo Peña Saldívar");
  ASSERT_TRUE(info.location);
  EXPECT_EQ(info.location->value, "San Pedro Garza García");
}

TEST(ContactTest, RegionCodesDistrictsAndTwoNamesOfAPlace) {
  Document doc;
  doc.lines = {L("Luíza Example", 0, 22), L("Belo Horizonte – MG · +55 31 98765-4321", 1)};
  auto info = ExtractContact(doc, SplitSections(doc));
  ASSERT_TRUE(info.location);
  EXPECT_EQ(info.location->value, "Belo Horizonte – MG");
  EXPECT_EQ(contact::LocationFromSegment("Dublin 8", true), "Dublin 8");
  EXPECT_EQ(contact::LocationFromSegment("Donostia / San Sebastián", true),
            "Donostia / San Sebastián");
  EXPECT_EQ(contact::LocationFromSegment("Lindenstraße 12, Berlin", true), "Berlin");
  for (const char* not_place : {"Flat 3", "Hauptstraße 5", "Suite 20", "Licensed Plumber"}) {
    EXPECT_FALSE(contact::LocationFromSegment(not_place, true)) << not_place;
  }
}

}  // namespace
}  // namespace jc::parsing
