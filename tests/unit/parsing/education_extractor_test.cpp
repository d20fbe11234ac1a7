#include "parsing/cv/education_extractor.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "parsing/extract.hpp"

namespace jc::parsing {
namespace {

namespace fs = std::filesystem;

constexpr domain::PartialDate kAsOf{2026, 11};

struct L {
  std::string text;
  LineRole role = LineRole::kBody;
  bool bold = false;
  bool italic = false;
};

// A document with an education heading over the given lines; flow-format, no geometry.
Document Doc(const std::vector<L>& lines, std::string heading = "Education") {
  Document doc;
  doc.kind = FileKind::kDocx;
  Line h;
  h.text = std::move(heading);
  h.role = LineRole::kHeading;
  h.bold = true;
  doc.lines.push_back(h);
  int block = 1;
  for (const auto& l : lines) {
    Line line;
    line.text = l.text;
    line.role = l.role;
    line.bold = l.bold;
    line.italic = l.italic;
    line.block = ++block;
    doc.lines.push_back(line);
  }
  return doc;
}

EducationResult Extract(const Document& doc) {
  return ExtractEducation(doc, SplitSections(doc), kAsOf);
}

std::string Str(const std::optional<std::string>& s) {
  return s.value_or("<none>");
}
std::string Date(const std::optional<domain::PartialDate>& d) {
  return d ? d->ToString() : "<none>";
}

TEST(EducationExtractorTest, DegreeFieldInstitutionDatesGrade) {
  const auto r = Extract(Doc({
      {"B.Sc. in Computer Science", LineRole::kBody, true},
      {"University of Toronto", LineRole::kBody, false, true},
      {"2014 – 2018"},
      {"GPA: 3.8"},
  }));
  ASSERT_EQ(r.entries.size(), 1u);
  const auto& e = r.entries[0];
  EXPECT_EQ(Str(e.degree), "B.Sc.");
  EXPECT_EQ(Str(e.field), "Computer Science");
  EXPECT_EQ(Str(e.institution), "University of Toronto");
  EXPECT_EQ(Date(e.start), "2014");
  EXPECT_EQ(Date(e.end), "2018");
  EXPECT_EQ(Str(e.grade), "GPA 3.8");
}

TEST(EducationExtractorTest, OneLineWithGraduationYearOnly) {
  const auto r = Extract(
      Doc({{"Master of Science in Data Analytics – Universidad Politécnica de Madrid, 2019"}}));
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_EQ(Str(r.entries[0].degree), "Master of Science");
  EXPECT_EQ(Str(r.entries[0].field), "Data Analytics");
  EXPECT_EQ(Str(r.entries[0].institution), "Universidad Politécnica de Madrid");
  EXPECT_FALSE(r.entries[0].start.has_value());
  EXPECT_EQ(Date(r.entries[0].end), "2019");
}

TEST(EducationExtractorTest, GermanDatesFirstAndGradeLabelDropped) {
  const auto r = Extract(Doc(
      {
          {"10/2012 – 09/2016 Bachelor of Arts Soziologie", LineRole::kBody, true},
          {"Universität Leipzig", LineRole::kBody, false, true},
          {"Note: 1,6"},
          {"09/2004 – 06/2012 Abitur", LineRole::kBody, true},
          {"Goethe-Gymnasium Weimar", LineRole::kBody, false, true},
      },
      "Ausbildung"));
  ASSERT_EQ(r.entries.size(), 2u);
  EXPECT_EQ(Str(r.entries[0].degree), "Bachelor of Arts");
  EXPECT_EQ(Str(r.entries[0].field), "Soziologie");
  EXPECT_EQ(Str(r.entries[0].institution), "Universität Leipzig");
  EXPECT_EQ(Date(r.entries[0].start), "2012-10");
  EXPECT_EQ(Str(r.entries[0].grade), "1,6");
  EXPECT_EQ(Str(r.entries[1].degree), "Abitur");
  EXPECT_EQ(Str(r.entries[1].institution), "Goethe-Gymnasium Weimar");
  EXPECT_FALSE(r.entries[1].field.has_value());
}

TEST(EducationExtractorTest, IntrinsicGradeWordsAreKept) {
  const struct {
    const char* degree_line;
    const char* school;
    const char* grade;
    const char* heading;
    const char* degree;
    const char* field;
  } cases[] = {
      {"Licence en droit", "Université de Bordeaux", "mention bien", "Formation", "Licence",
       "droit"},
      {"Laurea in Economia", "Università di Torino", "110/110 e lode", "Istruzione", "Laurea",
       "Economia"},
      {"Grado en Enfermería", "Universidad de Zaragoza", "Sobresaliente", "Educación", "Grado",
       "Enfermería"},
      {"BSc (Hons) in Biology", "University of York", "2:1", "Education", "BSc (Hons)", "Biology"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.degree_line);
    const auto r =
        Extract(Doc({{c.degree_line}, {c.school}, {"2015 – 2018"}, {c.grade}}, c.heading));
    ASSERT_EQ(r.entries.size(), 1u);
    EXPECT_EQ(Str(r.entries[0].degree), c.degree);
    EXPECT_EQ(Str(r.entries[0].field), c.field);
    EXPECT_EQ(Str(r.entries[0].institution), c.school);
    EXPECT_EQ(Str(r.entries[0].grade), c.grade);
  }
}

TEST(EducationExtractorTest, DegreeShapes) {
  const struct {
    const char* text;
    const char* degree;
    const char* field;  // "" = none
  } cases[] = {
      {"Bachelor of Arts, History", "Bachelor of Arts", "History"},
      {"Master Wiskunde", "Master", "Wiskunde"},
      {"Diplom-Ingenieur (FH) Elektrotechnik", "Diplom-Ingenieur (FH)", "Elektrotechnik"},
      {"Master 2 en Droit des affaires", "Master 2", "Droit des affaires"},
      {"Mestrado em Ensino em Matemática", "Mestrado em Ensino", "Matemática"},
      {"Bachelor of Economics", "Bachelor of Economics", ""},
      {"Ausbildung zum Industriemechaniker", "Ausbildung zum Industriemechaniker", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const auto r = Extract(Doc({{c.text}, {"Hochschule Nordstadt"}, {"2010 – 2014"}}));
    ASSERT_EQ(r.entries.size(), 1u);
    EXPECT_EQ(Str(r.entries[0].degree), c.degree);
    EXPECT_EQ(Str(r.entries[0].field), *c.field ? c.field : "<none>");
  }
}

TEST(EducationExtractorTest, InstitutionFirstLayout) {
  const auto r = Extract(Doc({
      {"Hochschule Bremen   2008 – 2012", LineRole::kBody, true},
      {"Diplom-Ingenieur (FH) Schiffbau", LineRole::kBody, false, true},
      {"Kingsbridge College   2006 – 2008", LineRole::kBody, true},
      {"BTEC National Diploma in Engineering", LineRole::kBody, false, true},
  }));
  ASSERT_EQ(r.entries.size(), 2u);
  EXPECT_EQ(Str(r.entries[0].institution), "Hochschule Bremen");
  EXPECT_EQ(Str(r.entries[0].degree), "Diplom-Ingenieur (FH)");
  EXPECT_EQ(Str(r.entries[0].field), "Schiffbau");
  EXPECT_EQ(Str(r.entries[1].institution), "Kingsbridge College");
  EXPECT_EQ(Str(r.entries[1].degree), "BTEC National Diploma");
  EXPECT_EQ(Str(r.entries[1].field), "Engineering");
}

TEST(EducationExtractorTest, OngoingProgrammeHasNoEnd) {
  const auto r = Extract(Doc({{"Executive MBA"}, {"INSEAD"}, {"2024 – present"}}));
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_EQ(Str(r.entries[0].degree), "Executive MBA");
  EXPECT_EQ(Str(r.entries[0].institution), "INSEAD");
  EXPECT_EQ(Date(r.entries[0].start), "2024");
  EXPECT_FALSE(r.entries[0].end.has_value());
}

TEST(EducationExtractorTest, LabelValueTable) {
  const auto r = Extract(Doc(
      {
          {"Date", LineRole::kTableCell},
          {"2014 - 2017", LineRole::kTableCell},
          {"Titolo della qualifica rilasciata", LineRole::kTableCell},
          {"Laurea magistrale in Ingegneria civile", LineRole::kTableCell},
          {"Nome e tipo d'organizzazione erogatrice dell'istruzione e formazione",
           LineRole::kTableCell},
          {"Politecnico di Bari", LineRole::kTableCell},
          {"Livello nella classificazione nazionale", LineRole::kTableCell},
          {"108/110", LineRole::kTableCell},
      },
      "Istruzione e formazione"));
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_EQ(Str(r.entries[0].degree), "Laurea magistrale");
  EXPECT_EQ(Str(r.entries[0].field), "Ingegneria civile");
  EXPECT_EQ(Str(r.entries[0].institution), "Politecnico di Bari");
  EXPECT_EQ(Str(r.entries[0].grade), "108/110");
  EXPECT_EQ(Date(r.entries[0].start), "2014");
}

TEST(EducationExtractorTest, ReportsFieldSources) {
  const auto r = Extract(Doc({{"MSc in Physics"}, {"University of Bristol"}, {"2019 – 2020"}}));
  ASSERT_EQ(r.entries.size(), 1u);
  const auto has = [&](const std::string& field, std::size_t line) {
    return std::any_of(r.sources.begin(), r.sources.end(),
                       [&](const FieldSource& s) { return s.field == field && s.line == line; });
  };
  EXPECT_TRUE(has("/education/0/degree", 1));
  EXPECT_TRUE(has("/education/0/field", 1));
  EXPECT_TRUE(has("/education/0/institution", 2));
  EXPECT_TRUE(has("/education/0/endDate", 3));
}

TEST(EducationExtractorTest, GradeAtTheEndOfTheInstitutionLine) {
  const auto r = Extract(Doc({
      {"BSc in Civil Engineering", LineRole::kBody, true},
      {"University of Nairobi · 2007 – 2012 · Second Class Honours (Upper Division)"},
      {"Bachelor Sociaal Werk", LineRole::kBody, true},
      {"Arteveldehogeschool · 2013 – 2016 · onderscheiding"},
      {"Baccalauréat Sciences économiques", LineRole::kBody, true},
      {"Lycée Ibn Toumert, mention assez bien, 2012"},
      {"B.A. Soziale Arbeit", LineRole::kBody, true},
      {"Leuphana Universität Lüneburg, 2012 – 2016 – Note: 1,8"},
  }));
  ASSERT_EQ(r.entries.size(), 4u);
  EXPECT_EQ(Str(r.entries[0].institution), "University of Nairobi");
  EXPECT_EQ(Str(r.entries[0].grade), "Second Class Honours (Upper Division)");
  EXPECT_EQ(Date(r.entries[0].end), "2012");
  EXPECT_EQ(Str(r.entries[1].institution), "Arteveldehogeschool");
  EXPECT_EQ(Str(r.entries[1].grade), "onderscheiding");
  EXPECT_EQ(Str(r.entries[2].institution), "Lycée Ibn Toumert");
  EXPECT_EQ(Str(r.entries[2].grade), "mention assez bien");
  EXPECT_EQ(Str(r.entries[3].institution), "Leuphana Universität Lüneburg");
  EXPECT_EQ(Str(r.entries[3].grade), "1,8");
}

TEST(EducationExtractorTest, DegreeRunsToTheLastInBeforeTheField) {
  const auto r = Extract(Doc({
      {"Laurea Magistrale a ciclo unico in Medicina Veterinaria", LineRole::kBody, true},
      {"Università degli Studi di Parma | 2005 – 2011 | Voto: 108/110"},
      {"BCom Honours in Finance", LineRole::kBody, true},
      {"University of Cape Town, 2017"},
  }));
  ASSERT_EQ(r.entries.size(), 2u);
  EXPECT_EQ(Str(r.entries[0].degree), "Laurea Magistrale a ciclo unico");
  EXPECT_EQ(Str(r.entries[0].field), "Medicina Veterinaria");
  EXPECT_EQ(Str(r.entries[0].institution), "Università degli Studi di Parma");
  EXPECT_EQ(Str(r.entries[0].grade), "108/110");
  EXPECT_EQ(Str(r.entries[1].degree), "BCom Honours");
  EXPECT_EQ(Str(r.entries[1].field), "Finance");
  EXPECT_FALSE(r.entries[1].grade.has_value());
}

TEST(EducationExtractorTest, SchoolAndTrainingHeadingInGerman) {
  const auto r = Extract(Doc(
      {
          {"2004 - 2006 Ausbildung zum Fachlageristen"},
          {"Berufskolleg Hamm-Ost"},
      },
      "==== Schule und Ausbildung ===="));
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_EQ(Str(r.entries[0].degree), "Ausbildung zum Fachlageristen");
  EXPECT_EQ(Str(r.entries[0].institution), "Berufskolleg Hamm-Ost");
  EXPECT_EQ(Date(r.entries[0].start), "2004");
}

}  // namespace
}  // namespace jc::parsing
