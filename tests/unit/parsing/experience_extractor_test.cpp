#include "parsing/cv/experience_extractor.hpp"

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
  int block = 0;
};

// A document with an "Experience" heading over the given lines; flow-format, no geometry.
Document Doc(const std::vector<L>& lines, std::string heading = "Experience") {
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
    line.block = l.block != 0 ? l.block : ++block;
    line.list_level = l.role == LineRole::kListItem ? 1 : 0;
    doc.lines.push_back(line);
  }
  return doc;
}

ExperienceResult Extract(const Document& doc) {
  return ExtractExperience(doc, SplitSections(doc), kAsOf);
}

std::string Str(const std::optional<std::string>& s) {
  return s.value_or("<none>");
}
std::string Date(const std::optional<domain::PartialDate>& d) {
  return d ? d->ToString() : "<none>";
}

TEST(ExperienceExtractorTest, OneLineTitleCompanyCityAndDates) {
  const auto r = Extract(Doc({
      {"Senior Engineer — Acme Robotics Ltd, Manchester   Jan 2019 – Present", LineRole::kBody,
       true},
      {"Built the telemetry pipeline for 40 robots", LineRole::kListItem},
      {"• Led the migration of the firmware build to CMake and cut build times", LineRole::kBody},
      {"across three teams by half", LineRole::kBody},
  }));
  ASSERT_EQ(r.roles.size(), 1u);
  const auto& role = r.roles[0];
  EXPECT_EQ(Str(role.title), "Senior Engineer");
  EXPECT_EQ(Str(role.company), "Acme Robotics Ltd");
  EXPECT_EQ(Str(role.location), "Manchester");
  EXPECT_EQ(Date(role.dates.start), "2019-01");
  EXPECT_FALSE(role.dates.end.has_value());
  EXPECT_TRUE(role.dates.current);
  ASSERT_EQ(role.highlights.size(), 2u);
  EXPECT_EQ(role.highlights[0], "Built the telemetry pipeline for 40 robots");
  EXPECT_EQ(role.highlights[1],
            "Led the migration of the firmware build to CMake and cut build times across three "
            "teams by half");
}

TEST(ExperienceExtractorTest, TitleThenCompanyThenDatesInGerman) {
  const auto r = Extract(Doc(
      {
          {"Pflegefachfrau"},
          {"Klinikum Nordheide GmbH, Hamburg"},
          {"03.2017 – heute"},
          {"- Betreuung von Patientinnen auf der Intensivstation"},
          {"Gesundheits- und Krankenpflegerin"},
          {"Elbklinik Altona gGmbH, Hamburg"},
          {"09.2013 – 02.2017"},
          {"- Grundpflege und Behandlungspflege"},
      },
      "Berufserfahrung"));
  ASSERT_EQ(r.roles.size(), 2u);
  EXPECT_EQ(Str(r.roles[0].title), "Pflegefachfrau");
  EXPECT_EQ(Str(r.roles[0].company), "Klinikum Nordheide GmbH");
  EXPECT_EQ(Str(r.roles[0].location), "Hamburg");
  EXPECT_EQ(Date(r.roles[0].dates.start), "2017-03");
  EXPECT_TRUE(r.roles[0].dates.current);
  EXPECT_EQ(Str(r.roles[1].title), "Gesundheits- und Krankenpflegerin");
  EXPECT_EQ(Str(r.roles[1].company), "Elbklinik Altona gGmbH");
  EXPECT_EQ(Date(r.roles[1].dates.end), "2017-02");
  ASSERT_EQ(r.roles[1].highlights.size(), 1u);
  EXPECT_EQ(r.roles[1].highlights[0], "Grundpflege und Behandlungspflege");
}

TEST(ExperienceExtractorTest, CompanyFirstLayoutIsInferredFromTheWholeSection) {
  const auto r = Extract(Doc(
      {
          {"Banque Rivière SA, Paris   09/2019 – aujourd'hui", LineRole::kBody, true},
          {"Chargée d'affaires entreprises", LineRole::kBody, false, true},
          {"Portefeuille de 80 clients PME", LineRole::kListItem},
          {"Cabinet Morel, Lille   01/2016 – 08/2019", LineRole::kBody, true},
          {"Analyste crédit", LineRole::kBody, false, true},
      },
      "Expérience professionnelle"));
  ASSERT_EQ(r.roles.size(), 2u);
  EXPECT_EQ(Str(r.roles[0].title), "Chargée d'affaires entreprises");
  EXPECT_EQ(Str(r.roles[0].company), "Banque Rivière SA");
  EXPECT_EQ(Str(r.roles[0].location), "Paris");
  EXPECT_TRUE(r.roles[0].dates.current);
  // "Cabinet Morel" alone has weak evidence; the section's order decides.
  EXPECT_EQ(Str(r.roles[1].title), "Analyste crédit");
  EXPECT_EQ(Str(r.roles[1].company), "Cabinet Morel");
  EXPECT_EQ(Date(r.roles[1].dates.start), "2016-01");
  EXPECT_EQ(Date(r.roles[1].dates.end), "2019-08");
}

TEST(ExperienceExtractorTest, DatesFirstAndCommaSeparatedTitleCompany) {
  const auto r = Extract(Doc({{"2018 – 2021 Data Analyst, Foobar Analytics B.V., Utrecht"}}));
  ASSERT_EQ(r.roles.size(), 1u);
  EXPECT_EQ(Str(r.roles[0].title), "Data Analyst");
  EXPECT_EQ(Str(r.roles[0].company), "Foobar Analytics B.V.");
  EXPECT_EQ(Str(r.roles[0].location), "Utrecht");
  EXPECT_EQ(Date(r.roles[0].dates.start), "2018");
  EXPECT_EQ(Date(r.roles[0].dates.end), "2021");
  EXPECT_FALSE(r.roles[0].dates.current);
}

TEST(ExperienceExtractorTest, DirectionalSeparatorsInThreeLanguages) {
  const struct {
    const char* line;
    const char* heading;
    const char* title;
    const char* company;
    const char* start;
  } cases[] = {
      {"Product Manager at Brightwave Inc. (Mar 2020 - Dec 2022)", "Experience", "Product Manager",
       "Brightwave Inc.", "2020-03"},
      {"Projektleiter bei Nordlicht Energie AG, seit 04/2019", "Berufserfahrung", "Projektleiter",
       "Nordlicht Energie AG", "2019-04"},
      {"Responsable logistique chez Transports Duval SARL — depuis 09/2017",
       "Expérience professionnelle", "Responsable logistique", "Transports Duval SARL", "2017-09"},
      {"Data Engineer @ Quantaloop, 2021 – 2023", "Experience", "Data Engineer", "Quantaloop",
       "2021"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.line);
    const auto r = Extract(Doc({{c.line}}, c.heading));
    ASSERT_EQ(r.roles.size(), 1u);
    EXPECT_EQ(Str(r.roles[0].title), c.title);
    EXPECT_EQ(Str(r.roles[0].company), c.company);
    EXPECT_EQ(Date(r.roles[0].dates.start), c.start);
  }
}

TEST(ExperienceExtractorTest, PipeSeparatedCompanyTitleDates) {
  const auto r = Extract(Doc({
      {"Globex Corporation | Data Engineer | 2017 – 2020"},
      {"Designed the nightly ingestion jobs", LineRole::kListItem},
      {"Initech LLC | Junior Developer | 2015 – 2017"},
  }));
  ASSERT_EQ(r.roles.size(), 2u);
  EXPECT_EQ(Str(r.roles[0].title), "Data Engineer");
  EXPECT_EQ(Str(r.roles[0].company), "Globex Corporation");
  EXPECT_EQ(Str(r.roles[1].title), "Junior Developer");
  EXPECT_EQ(Str(r.roles[1].company), "Initech LLC");
  EXPECT_EQ(Date(r.roles[1].dates.end), "2017");
}

TEST(ExperienceExtractorTest, TableRowCellsShareABlock) {
  const auto r = Extract(Doc(
      {
          {"01/2020 – heute", LineRole::kTableCell, false, false, 7},
          {"Teamleiter Vertrieb", LineRole::kTableCell, true, false, 7},
          {"Falkner Maschinenbau GmbH, Ulm", LineRole::kTableCell, false, true, 7},
          {"• Aufbau eines Vertriebsteams mit 6 Personen", LineRole::kTableCell, false, false, 7},
          {"04/2015 – 12/2019", LineRole::kTableCell, false, false, 8},
          {"Vertriebsingenieur", LineRole::kTableCell, true, false, 8},
          {"Donautal Antriebe KG, Regensburg", LineRole::kTableCell, false, true, 8},
      },
      "Berufserfahrung"));
  ASSERT_EQ(r.roles.size(), 2u);
  EXPECT_EQ(Str(r.roles[0].title), "Teamleiter Vertrieb");
  EXPECT_EQ(Str(r.roles[0].company), "Falkner Maschinenbau GmbH");
  EXPECT_EQ(Str(r.roles[0].location), "Ulm");
  ASSERT_EQ(r.roles[0].highlights.size(), 1u);
  EXPECT_EQ(r.roles[0].highlights[0], "Aufbau eines Vertriebsteams mit 6 Personen");
  EXPECT_EQ(Str(r.roles[1].title), "Vertriebsingenieur");
  EXPECT_EQ(Str(r.roles[1].company), "Donautal Antriebe KG");
  EXPECT_EQ(Date(r.roles[1].dates.start), "2015-04");
  EXPECT_EQ(Date(r.roles[1].dates.end), "2019-12");
}

TEST(ExperienceExtractorTest, SeveralRolesUnderACompanyHeadingWithoutDates) {
  const auto r = Extract(Doc({
      {"Orbital Freight Ltd, Leeds", LineRole::kBody, true},
      {"Operations Manager   2019 – Present", LineRole::kBody, false, true},
      {"Run a depot of 120 drivers", LineRole::kListItem},
      {"Shift Supervisor   2016 – 2019", LineRole::kBody, false, true},
      {"Scheduled three night shifts", LineRole::kListItem},
  }));
  ASSERT_EQ(r.roles.size(), 2u);
  EXPECT_EQ(Str(r.roles[0].title), "Operations Manager");
  EXPECT_EQ(Str(r.roles[0].company), "Orbital Freight Ltd");
  EXPECT_EQ(Str(r.roles[0].location), "Leeds");
  EXPECT_EQ(Str(r.roles[1].title), "Shift Supervisor");
  EXPECT_EQ(Str(r.roles[1].company), "Orbital Freight Ltd");
  EXPECT_EQ(Date(r.roles[1].dates.start), "2016");
}

TEST(ExperienceExtractorTest, CompanyHeadingWhosePeriodHoldsItsRoles) {
  const auto r = Extract(Doc(
      {
          {"Grupo Alimentario Sur S.L., Sevilla   2012 – actualidad", LineRole::kBody, true},
          {"Jefa de producción   2018 – actualidad", LineRole::kBody, false, true},
          {"Supervisora de línea   2012 – 2018", LineRole::kBody, false, true},
      },
      "Experiencia laboral"));
  ASSERT_EQ(r.roles.size(), 2u);
  EXPECT_EQ(Str(r.roles[0].title), "Jefa de producción");
  EXPECT_EQ(Str(r.roles[0].company), "Grupo Alimentario Sur S.L.");
  EXPECT_EQ(Str(r.roles[0].location), "Sevilla");
  EXPECT_TRUE(r.roles[0].dates.current);
  EXPECT_EQ(Str(r.roles[1].title), "Supervisora de línea");
  EXPECT_EQ(Str(r.roles[1].company), "Grupo Alimentario Sur S.L.");
  EXPECT_EQ(Date(r.roles[1].dates.end), "2018");
}

TEST(ExperienceExtractorTest, ProseIsDescriptionBulletsAreHighlights) {
  const auto r = Extract(Doc({
      {"Engineering Manager   May 2021 – Present"},
      {"Northwind Traders Inc., Boston, MA"},
      {"Responsible for a team of 12 engineers building the billing platform."},
      {"Hired six engineers", LineRole::kListItem},
  }));
  ASSERT_EQ(r.roles.size(), 1u);
  EXPECT_EQ(Str(r.roles[0].company), "Northwind Traders Inc.");
  EXPECT_EQ(Str(r.roles[0].location), "Boston, MA");
  EXPECT_EQ(Str(r.roles[0].description),
            "Responsible for a team of 12 engineers building the billing platform.");
  ASSERT_EQ(r.roles[0].highlights.size(), 1u);
  EXPECT_EQ(r.roles[0].highlights[0], "Hired six engineers");
}

TEST(ExperienceExtractorTest, TitleAndCompanyDashThenDatesAndPlaceBelow) {
  const auto r = Extract(Doc({
      {"Teacher of Geography – Riverside Academy", LineRole::kBody, true},
      {"September 2020 – Present | Bristol", LineRole::kBody, false, true},
      {"Teacher of Geography – Hillcrest School", LineRole::kBody, true},
      {"September 2017 – July 2020 | Bath", LineRole::kBody, false, true},
  }));
  ASSERT_EQ(r.roles.size(), 2u);
  EXPECT_EQ(Str(r.roles[0].title), "Teacher of Geography");
  EXPECT_EQ(Str(r.roles[0].company), "Riverside Academy");
  EXPECT_EQ(Str(r.roles[0].location), "Bristol");
  EXPECT_EQ(Date(r.roles[0].dates.start), "2020-09");
  EXPECT_EQ(Str(r.roles[1].company), "Hillcrest School");
  EXPECT_EQ(Str(r.roles[1].location), "Bath");
  EXPECT_EQ(Date(r.roles[1].dates.end), "2020-07");
}

TEST(ExperienceExtractorTest, PlainTextThroughTheTextExtractor) {
  const std::string text =
      "Jan Kowalski\n\nWERKERVARING\n\n"
      "Logistiek medewerker (03/2020 - heden)\n"
      "Zuidhaven Distributie B.V., Breda\n"
      "- Orderpicking en laden\n\n"
      "Magazijnmedewerker (06/2017 - 02/2020)\n"
      "Kempen Opslag B.V., Tilburg\n";
  auto doc = ExtractDocument(text, "text/plain", ExtractLimits{});
  ASSERT_TRUE(doc.has_value());
  const auto r = Extract(*doc);
  ASSERT_EQ(r.roles.size(), 2u);
  EXPECT_EQ(Str(r.roles[0].title), "Logistiek medewerker");
  EXPECT_EQ(Str(r.roles[0].company), "Zuidhaven Distributie B.V.");
  EXPECT_EQ(Str(r.roles[0].location), "Breda");
  EXPECT_TRUE(r.roles[0].dates.current);
  EXPECT_EQ(Str(r.roles[1].title), "Magazijnmedewerker");
  EXPECT_EQ(Date(r.roles[1].dates.start), "2017-06");
  EXPECT_EQ(Date(r.roles[1].dates.end), "2020-02");
}

TEST(ExperienceExtractorTest, ReportsFieldSources) {
  const auto doc =
      Doc({{"Welder   Feb 2017 – Apr 2020"}, {"Ironbridge Fabrication Inc., Tulsa, OK"}});
  const auto r = Extract(doc);
  ASSERT_EQ(r.roles.size(), 1u);
  const auto find = [&](const std::string& field) {
    return std::find_if(r.sources.begin(), r.sources.end(),
                        [&](const FieldSource& s) { return s.field == field; });
  };
  ASSERT_NE(find("/workExperience/0/title"), r.sources.end());
  EXPECT_EQ(find("/workExperience/0/title")->line, 1u);
  ASSERT_NE(find("/workExperience/0/company"), r.sources.end());
  EXPECT_EQ(find("/workExperience/0/company")->line, 2u);
  ASSERT_NE(find("/workExperience/0/endDate"), r.sources.end());
  EXPECT_GT(find("/workExperience/0/startDate")->confidence, 0.5);
}

TEST(ExperienceExtractorTest, NoExperienceSectionNoRoles) {
  Document doc;
  Line l;
  l.text = "Just a name";
  doc.lines.push_back(l);
  EXPECT_TRUE(Extract(doc).roles.empty());
}

TEST(ExperienceExtractorTest, CompanyTitleThenPlaceBesideTheDates) {
  const auto r = Extract(Doc(
      {
          {"Kalayaan Digital Inc. — Senior UX Researcher", LineRole::kBody, true},
          {"Makati City | Jan 2022 – Present", LineRole::kBody, false, true},
          {"Lead research for a mobile wallet", LineRole::kListItem},
          {"Bayanihan Health Tech — UX Researcher", LineRole::kBody, true},
          {"Pasig City | Jun 2019 – Dec 2021", LineRole::kBody, false, true},
      },
      "Where I've worked"));
  ASSERT_EQ(r.roles.size(), 2u);
  EXPECT_EQ(Str(r.roles[0].title), "Senior UX Researcher");
  EXPECT_EQ(Str(r.roles[0].company), "Kalayaan Digital Inc.");
  EXPECT_EQ(Str(r.roles[0].location), "Makati City");
  EXPECT_TRUE(r.roles[0].dates.current);
  EXPECT_EQ(Str(r.roles[1].company), "Bayanihan Health Tech");
  EXPECT_EQ(Str(r.roles[1].location), "Pasig City");
  EXPECT_EQ(Date(r.roles[1].dates.end), "2021-12");
}

TEST(ExperienceExtractorTest, MarkdownTitleDotCompanyAndEmphasisedPlaceLine) {
  const auto r = Extract(Doc(
      {
          {"### Sozialpädagogin · Wohngruppe Sternschanze e. V.", LineRole::kHeading},
          {"*Hamburg | 09/2016 – 03/2020*"},
          {"Betreuung von Jugendlichen", LineRole::kListItem},
          {"### Praktikantin · Beratungsstelle Lichtblick", LineRole::kHeading},
          {"*Lüneburg | seit 03/2021*"},
      },
      "Berufspraxis"));
  ASSERT_EQ(r.roles.size(), 2u);
  EXPECT_EQ(Str(r.roles[0].title), "Sozialpädagogin");
  EXPECT_EQ(Str(r.roles[0].company), "Wohngruppe Sternschanze e. V.");
  EXPECT_EQ(Str(r.roles[0].location), "Hamburg");
  EXPECT_EQ(Date(r.roles[0].dates.start), "2016-09");
  EXPECT_EQ(Str(r.roles[1].location), "Lüneburg");
  EXPECT_TRUE(r.roles[1].dates.current);
}

TEST(ExperienceExtractorTest, CompanyBarCityBarDatesUnderATitle) {
  const auto r = Extract(Doc(
      {
          {"Veterinario buiatra", LineRole::kBody, true},
          {"Studio Veterinario Associato Valtaro | Fornovo di Taro | marzo 2016 – oggi",
           LineRole::kBody, false, true},
          {"Tirocinante", LineRole::kBody, true},
          {"Ospedale Veterinario Universitario | Parma | settembre 2011 – giugno 2012",
           LineRole::kBody, false, true},
      },
      "Esperienze"));
  ASSERT_EQ(r.roles.size(), 2u);
  EXPECT_EQ(Str(r.roles[0].title), "Veterinario buiatra");
  EXPECT_EQ(Str(r.roles[0].company), "Studio Veterinario Associato Valtaro");
  EXPECT_EQ(Str(r.roles[0].location), "Fornovo di Taro");
  EXPECT_EQ(Str(r.roles[1].company), "Ospedale Veterinario Universitario");
  EXPECT_EQ(Str(r.roles[1].location), "Parma");
  EXPECT_EQ(Date(r.roles[1].dates.end), "2012-06");
}

TEST(ExperienceExtractorTest, CommaChainWithPlaceAndParenthesisedDates) {
  const auto r = Extract(Doc(
      {
          {"Verloskundige, Verloskundigenpraktijk Oudwijk, Utrecht (feb. 2019 – heden)"},
          {"Zorg tijdens zwangerschap", LineRole::kListItem},
          {"Klinisch verloskundige, Amstelrand Ziekenhuis, Amstelveen (sep. 2016 – jan. 2019)"},
      },
      "*** Loopbaan ***"));
  ASSERT_EQ(r.roles.size(), 2u);
  EXPECT_EQ(Str(r.roles[0].title), "Verloskundige");
  EXPECT_EQ(Str(r.roles[0].company), "Verloskundigenpraktijk Oudwijk");
  EXPECT_EQ(Str(r.roles[0].location), "Utrecht");
  EXPECT_TRUE(r.roles[0].dates.current);
  EXPECT_EQ(Str(r.roles[1].title), "Klinisch verloskundige");
  EXPECT_EQ(Str(r.roles[1].location), "Amstelveen");
}

TEST(ExperienceExtractorTest, DatesAboveTitleDashCompanyWithSuburb) {
  const auto r = Extract(Doc(
      {
          {"Dec. 2021 to present"},
          {"Cafe Manager — Little Kettle Espresso Bar (Fitzroy)"},
          {"Run a specialty cafe", LineRole::kListItem},
          {"Mar. 2019 to Nov. 2021"},
          {"Head Barista — Brunswick Roasting Co. (Brunswick)"},
      },
      "Employment History:"));
  ASSERT_EQ(r.roles.size(), 2u);
  EXPECT_EQ(Str(r.roles[0].title), "Cafe Manager");
  EXPECT_EQ(Str(r.roles[0].company), "Little Kettle Espresso Bar");
  EXPECT_EQ(Str(r.roles[0].location), "Fitzroy");
  EXPECT_TRUE(r.roles[0].dates.current);
  EXPECT_EQ(Str(r.roles[1].company), "Brunswick Roasting Co.");
  EXPECT_EQ(Date(r.roles[1].dates.start), "2019-03");
  EXPECT_EQ(Date(r.roles[1].dates.end), "2021-11");
}

TEST(ExperienceExtractorTest, TitleThenCompanyDotCityThenSpanishDates) {
  const auto r = Extract(Doc(
      {
          {"Analista Financiera Sénior"},
          {"Grupo Empresarial Aburrá S.A.S. · Medellín"},
          {"enero de 2022 – actualidad"},
          {"Presupuesto anual consolidado", LineRole::kListItem},
      },
      "» EXPERIENCIA LABORAL"));
  ASSERT_EQ(r.roles.size(), 1u);
  EXPECT_EQ(Str(r.roles[0].title), "Analista Financiera Sénior");
  EXPECT_EQ(Str(r.roles[0].company), "Grupo Empresarial Aburrá S.A.S.");
  EXPECT_EQ(Str(r.roles[0].location), "Medellín");
  EXPECT_EQ(Date(r.roles[0].dates.start), "2022-01");
}

TEST(ExperienceExtractorTest, LeftDateColumnMergedIntoTheLines) {
  // A PDF date column read into the role lines: "Jan 2022 – Title" / "Present Company".
  const auto r = Extract(Doc(
      {
          {"Jan 2022 – Senior Financial Analyst", LineRole::kBody, true},
          {"Present Highveld Platinum Holdings — Johannesburg"},
          {"Own the rolling forecast", LineRole::kListItem},
          {"Jun 2019 – Financial Analyst", LineRole::kBody, true},
          {"Dec 2021 Karoo Retail Group — Cape Town"},
      },
      "Career History"));
  ASSERT_EQ(r.roles.size(), 2u);
  EXPECT_EQ(Str(r.roles[0].title), "Senior Financial Analyst");
  EXPECT_EQ(Str(r.roles[0].company), "Highveld Platinum Holdings");
  EXPECT_EQ(Str(r.roles[0].location), "Johannesburg");
  EXPECT_TRUE(r.roles[0].dates.current);
  EXPECT_EQ(Str(r.roles[1].company), "Karoo Retail Group");
  EXPECT_EQ(Str(r.roles[1].location), "Cape Town");
  EXPECT_EQ(Date(r.roles[1].dates.end), "2021-12");
}

TEST(ExperienceExtractorTest, TableHeaderRowIsNoRole) {
  const auto r = Extract(Doc(
      {
          {"Zeitraum | Position | Arbeitgeber | Ort", LineRole::kTableCell},
          {"04/2019 – heute | Busfahrer | Ruhrbus GmbH | Dortmund", LineRole::kTableCell},
      },
      "Stationen"));
  ASSERT_EQ(r.roles.size(), 1u);
  EXPECT_EQ(Str(r.roles[0].title), "Busfahrer");
  EXPECT_TRUE(r.roles[0].dates.current);
}

}  // namespace
}  // namespace jc::parsing
