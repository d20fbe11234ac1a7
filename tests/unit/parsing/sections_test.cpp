#include "parsing/cv/sections.hpp"

#include <gtest/gtest.h>

namespace jc::parsing {
namespace {

TEST(ClassifyHeadingTextTest, KnowsHeadingsInSevenLanguages) {
  const struct {
    const char* text;
    SectionKind kind;
  } cases[] = {
      {"Work Experience", SectionKind::kExperience},
      {"PROFESSIONAL EXPERIENCE", SectionKind::kExperience},
      {"Berufserfahrung", SectionKind::kExperience},
      {"BERUFLICHER WERDEGANG:", SectionKind::kExperience},
      {"EXPÉRIENCE PROFESSIONNELLE", SectionKind::kExperience},
      {"Experiencia laboral", SectionKind::kExperience},
      {"Experiência Profissional", SectionKind::kExperience},
      {"Esperienze lavorative", SectionKind::kExperience},
      {"Werkervaring", SectionKind::kExperience},
      {"Education", SectionKind::kEducation},
      {"AUSBILDUNG", SectionKind::kEducation},
      {"Formation", SectionKind::kEducation},
      {"Formación académica", SectionKind::kEducation},
      {"Opleiding", SectionKind::kEducation},
      {"Skills", SectionKind::kSkills},
      {"Kenntnisse", SectionKind::kSkills},
      {"Compétences", SectionKind::kSkills},
      {"Languages", SectionKind::kLanguages},
      {"Sprachkenntnisse", SectionKind::kLanguages},
      {"Idiomas", SectionKind::kLanguages},
      {"Certifications & Licenses", SectionKind::kCertifications},
      {"Profil", SectionKind::kSummary},
      {"Über mich", SectionKind::kSummary},
      {"ÜBER MICH", SectionKind::kSummary},
      {"Centres d’intérêt", SectionKind::kInterests},
      {"Referenzen", SectionKind::kReferences},
      {"Projects", SectionKind::kProjects},
      {"Kontakt", SectionKind::kContact},
      {"Persönliche Daten", SectionKind::kContact},
      {"Volunteering", SectionKind::kVolunteering},
      {"Awards", SectionKind::kAwards},
      {"Publications", SectionKind::kPublications},
      {"## Experience", SectionKind::kExperience},
      {"2. Education", SectionKind::kEducation},
      {"— SKILLS —", SectionKind::kSkills},
      {"E X P E R I E N C E", SectionKind::kExperience},
      {"W O R K E X P E R I E N C E", SectionKind::kExperience},
  };
  for (const auto& c : cases) {
    const auto kind = ClassifyHeadingText(c.text);
    ASSERT_TRUE(kind.has_value()) << c.text;
    EXPECT_EQ(*kind, c.kind) << c.text << " -> " << SectionKindName(*kind);
  }
}

TEST(ClassifyHeadingTextTest, OrdinaryTextIsNoHeading) {
  for (const char* text : {"Senior Software Engineer", "Jane Doe", "jane@example.com",
                           "5 years of experience in Python", "Skills: Python, SQL",
                           "Acme GmbH, Berlin", "2019 - 2021", ""}) {
    EXPECT_FALSE(ClassifyHeadingText(text).has_value()) << text;
  }
}

Line Make(std::string text, int block, int column = 0, bool bold = false) {
  Line l;
  l.text = std::move(text);
  l.block = block;
  l.column = column;
  l.bold = bold;
  return l;
}

TEST(SplitSectionsTest, SplitsAtHeadingsAndKeepsThePreamble) {
  Document doc;
  doc.lines = {Make("Jane Doe", 0, 0, true),
               Make("jane@example.com", 1),
               Make("Experience", 2, 0, true),
               Make("Engineer, Acme", 3),
               Make("Built things with experience", 3),
               Make("Education", 4, 0, true),
               Make("TU Berlin, MSc", 5),
               Make("Skills", 6, 0, true),
               Make("Python, SQL", 7)};
  const auto sections = SplitSections(doc);
  ASSERT_EQ(sections.size(), 4u);
  EXPECT_EQ(sections[0].kind, SectionKind::kHeader);
  EXPECT_EQ(sections[0].begin, 0u);
  EXPECT_EQ(sections[0].end, 2u);
  EXPECT_EQ(sections[1].kind, SectionKind::kExperience);
  EXPECT_EQ(sections[1].heading, "Experience");
  EXPECT_EQ(sections[1].begin, 3u);
  EXPECT_EQ(sections[1].end, 5u);
  EXPECT_GE(sections[1].confidence, 0.9);
  EXPECT_EQ(sections[2].kind, SectionKind::kEducation);
  EXPECT_EQ(sections[3].kind, SectionKind::kSkills);
  EXPECT_EQ(sections[3].end, 9u);
}

TEST(SplitSectionsTest, ANewColumnWithoutHeadingStartsAPreamble) {
  Document doc;
  doc.lines = {Make("Experience", 0, 1, true), Make("Nurse, St. Mary", 1, 1),
               Make("+49 30 1234567", 2, 2), Make("Languages", 3, 2, true),
               Make("German (native)", 4, 2)};
  const auto sections = SplitSections(doc);
  ASSERT_EQ(sections.size(), 3u);
  EXPECT_EQ(sections[0].kind, SectionKind::kExperience);
  EXPECT_EQ(sections[0].end, 2u);
  EXPECT_EQ(sections[1].kind, SectionKind::kHeader);
  EXPECT_EQ(sections[1].begin, 2u);
  EXPECT_EQ(sections[2].kind, SectionKind::kLanguages);
}

TEST(SplitSectionsTest, PageHeadersAndLongLinesAreNotHeadings) {
  Document doc;
  Line header = Make("Skills", 0);
  header.role = LineRole::kHeader;
  doc.lines = {header, Make("Skills and experience matter a great deal to this team and more", 1),
               Make("Unknown Heading", 2)};
  const auto sections = SplitSections(doc);
  ASSERT_EQ(sections.size(), 1u);
  EXPECT_EQ(sections[0].kind, SectionKind::kHeader);
}

TEST(SplitSectionsTest, ExplicitCapitalHeadingsOfUnknownKindAreOther) {
  Document doc;
  Line h = Make("MILITARY SERVICE", 1);
  h.role = LineRole::kHeading;
  h.all_caps = true;
  doc.lines = {Make("Jane", 0), h, Make("Army, 2001-2003", 2)};
  const auto sections = SplitSections(doc);
  ASSERT_EQ(sections.size(), 2u);
  EXPECT_EQ(sections[1].kind, SectionKind::kOther);
  EXPECT_EQ(sections[1].heading, "MILITARY SERVICE");
}

TEST(ClassifyHeadingTextTest, HeadNounsWithModifiersAndDecorations) {
  const struct {
    const char* text;
    SectionKind kind;
  } cases[] = {
      {"Clinical Experience", SectionKind::kExperience},
      {"Media Experience", SectionKind::kExperience},
      {"Expérience clinique", SectionKind::kExperience},
      {"Experiencia clínica", SectionKind::kExperience},
      {"Esperienze cliniche", SectionKind::kExperience},
      {"Klinische ervaring", SectionKind::kExperience},
      {"Employment Record", SectionKind::kExperience},
      {"Where I've worked", SectionKind::kExperience},
      {"Stationen", SectionKind::kExperience},
      {"Parcours", SectionKind::kExperience},
      {"» EXPERIENCIA LABORAL", SectionKind::kExperience},
      {"[ TRAJETÓRIA PROFISSIONAL ]", SectionKind::kExperience},
      {"*** Loopbaan ***", SectionKind::kExperience},
      {"==== Schule und Ausbildung ====", SectionKind::kEducation},
      {"Formación académica complementaria", SectionKind::kEducation},
      {"Parcours académique", SectionKind::kEducation},
      {"Ausgewählte Projekte", SectionKind::kProjects},
      {"Trade Skills", SectionKind::kSkills},
      {"Licences & Tickets", SectionKind::kCertifications},
  };
  for (const auto& c : cases) {
    const auto kind = ClassifyHeadingText(c.text);
    ASSERT_TRUE(kind.has_value()) << c.text;
    EXPECT_EQ(*kind, c.kind) << c.text;
  }
}

TEST(ClassifyHeadingTextTest, EntryLinesWithAHeadNounAreNoHeadings) {
  for (const char* text :
       {"Ausbildung zur Steuerfachangestellten", "Ausbildung zur Köchin 2015 – 2018",
        "Head of Education", "Experience in retail sales", "experience and skills",
        "First Class Honours", "Education Manager", "Experiencia como enfermera"}) {
    EXPECT_FALSE(ClassifyHeadingText(text).has_value()) << text;
  }
}

TEST(SplitSectionsTest, HeadNounHeadingsNeedTheLookOfAHeading) {
  Document doc;
  Line listed = Make("Communication Skills", 3);
  listed.role = LineRole::kListItem;
  doc.lines = {Make("Jane Doe", 0), Make("Clinical Experience", 1, 0, true),
               Make("Nurse, St. Mary Hospital", 2), Make("Jan 2019 – Present", 2), listed};
  const auto sections = SplitSections(doc);
  ASSERT_EQ(sections.size(), 2u);
  EXPECT_EQ(sections[1].kind, SectionKind::kExperience);
  EXPECT_EQ(sections[1].end, 5u);
}

TEST(SplitSectionsTest, DatedRunsAfterASummaryAreTheExperience) {
  // "Mes missions" is no heading the vocabulary knows: the dated entries still make the
  // experience section.
  Document doc;
  doc.lines = {Make("Jean Dupont", 0),
               Make("Profil", 1, 0, true),
               Make("Comptable rigoureux avec dix ans de pratique en cabinet.", 2),
               Make("Mes missions", 3, 0, true),
               Make("Comptable, Cabinet Morel", 4),
               Make("2019 – aujourd'hui", 4),
               Make("Assistant comptable, Fiduciaire Roux", 5),
               Make("2015 – 2019", 5)};
  const auto sections = SplitSections(doc);
  ASSERT_EQ(sections.size(), 3u);
  EXPECT_EQ(sections[1].kind, SectionKind::kSummary);
  EXPECT_EQ(sections[1].end, 3u);
  EXPECT_EQ(sections[2].kind, SectionKind::kExperience);
  EXPECT_EQ(sections[2].heading, "Mes missions");
  EXPECT_EQ(sections[2].begin, 4u);
  EXPECT_EQ(sections[2].end, 8u);
}

TEST(SplitSectionsTest, DatedRunsAreNotMovedWhenAnExperienceSectionExists) {
  Document doc;
  doc.lines = {Make("Profile", 0, 0, true),    Make("Nurse since 2010.", 1),
               Make("2010 – 2012 Ward A", 1),  Make("2012 – 2014 Ward B", 1),
               Make("Experience", 2, 0, true), Make("Nurse, Ward C, 2014 – 2020", 3)};
  const auto sections = SplitSections(doc);
  ASSERT_EQ(sections.size(), 2u);
  EXPECT_EQ(sections[0].kind, SectionKind::kSummary);
  EXPECT_EQ(sections[1].kind, SectionKind::kExperience);
}

}  // namespace
}  // namespace jc::parsing
