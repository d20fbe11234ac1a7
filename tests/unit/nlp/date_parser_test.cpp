#include "nlp/date_parser.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace jc::nlp {
namespace {

using domain::PartialDate;

constexpr PartialDate kAsOf{2025, 6};

// "2019-03..2021-05", "2020..present", or "none": one string per outcome keeps tables short.
std::string Describe(const std::optional<DateRangeMatch>& match) {
  if (!match) return "none";
  const domain::DateRange& range = match->range;
  std::string out = range.start ? range.start->ToString() : "?";
  out += "..";
  if (range.current) return out + "present";
  return out + (range.end ? range.end->ToString() : "open");
}

struct Case {
  const char* text;
  const char* expected;
};

void ExpectRanges(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    EXPECT_EQ(Describe(ParseDateRange(c.text, kAsOf)), c.expected) << c.text;
  }
}

TEST(DateParserTest, NumericForms) {
  ExpectRanges({{"03/2019 - 05/2021", "2019-03..2021-05"},
                {"3/2019–5/2021", "2019-03..2021-05"},
                {"03/2019-05/2021", "2019-03..2021-05"},
                {"2019-03 – 2021-05", "2019-03..2021-05"},
                {"2019.03 - 2021.05", "2019-03..2021-05"},
                {"03.2019 – 05.2021", "2019-03..2021-05"},
                {"2019/03 - 2021/05", "2019-03..2021-05"},
                {"15.03.2019 – 31.01.2020", "2019-03..2020-01"},
                {"2019-03-15 – 2020-01-31", "2019-03..2020-01"},
                {"2019 - 2021", "2019..2021"},
                {"2015–2019", "2015..2019"},
                {"2015-2019", "2015..2019"},
                {"2019 — 2021", "2019..2021"},
                {"2019 − 2021", "2019..2021"},
                {"2019 ‐ 2021", "2019..2021"},
                {"2019 -- 2021", "2019..2021"},
                {"2019 ~ 2021", "2019..2021"},
                {"(2019 – 2021)", "2019..2021"},
                {"[03/2019 - 05/2021]", "2019-03..2021-05"}});
}

TEST(DateParserTest, TwoDigitYears) {
  ExpectRanges({{"2019–21", "2019..2021"},
                {"2019-21", "2019..2021"},
                {"2019 - 21", "2019..2021"},
                {"1998–02", "1998..2002"},
                {"03/19 – 05/21", "2019-03..2021-05"},
                {"03/98 - 05/02", "1998-03..2002-05"},
                {"Mar '19 – Dec '20", "2019-03..2020-12"},
                {"Jan'19 - Present", "2019-01..present"},
                {"'18 – '20", "2018..2020"},
                {"2010-11", "2010..2011"},
                {"2019/20", "2019..2020"},
                {"2019/2020", "2019..2020"}});
}

TEST(DateParserTest, OpenAndCurrentRanges) {
  ExpectRanges({{"Jan 2019 – Present", "2019-01..present"},
                {"January 2019 - Current", "2019-01..present"},
                {"2021 – now", "2021..present"},
                {"2018 - ongoing", "2018..present"},
                {"Jan 2019 to date", "2019-01..present"},
                {"Jan 2019 – Till Date", "2019-01..present"},
                {"June 2019 – to present", "2019-06..present"},
                {"from June 2019 until now", "2019-06..present"},
                {"2019 – today", "2019..present"},
                {"since 2020", "2020..present"},
                {"Since March 2020", "2020-03..present"},
                {"seit 2020", "2020..present"},
                {"seit Mai 2018", "2018-05..present"},
                {"depuis 2018", "2018..present"},
                {"desde 2017", "2017..present"},
                {"dal 2016", "2016..present"},
                {"dall'aprile 2016", "2016-04..present"},
                {"sinds 2019", "2019..present"},
                {"à partir de mars 2021", "2021-03..present"},
                {"2019 –", "2019..present"},
                {"(2019 - )", "2019..present"}});
}

TEST(DateParserTest, MonthNamesInSevenLanguages) {
  ExpectRanges({{"janv. 2018 – aujourd'hui", "2018-01..present"},
                {"janv. 2018 – aujourd’hui", "2018-01..present"},
                {"septembre 2015 - juin 2018", "2015-09..2018-06"},
                {"février 2016 – décembre 2017", "2016-02..2017-12"},
                {"FÉVRIER 2016 – DÉCEMBRE 2017", "2016-02..2017-12"},
                {"fe\u0301vrier 2016 – de\u0301c. 2017", "2016-02..2017-12"},
                {"août 2015 - juil. 2016", "2015-08..2016-07"},
                {"de janvier 2018 à mars 2019", "2018-01..2019-03"},
                {"März 2019 – heute", "2019-03..present"},
                {"Maerz 2019 – heute", "2019-03..present"},
                {"MÄRZ 2019 - HEUTE", "2019-03..present"},
                {"Mai 2018 bis dato", "2018-05..present"},
                {"Okt. 2017 - Jan. 2019", "2017-10..2019-01"},
                {"Dez. 2019 bis Feb. 2020", "2019-12..2020-02"},
                {"von 03/2019 bis 05/2021", "2019-03..2021-05"},
                {"Jänner 2020 – laufend", "2020-01..present"},
                {"enero de 2019 – actualidad", "2019-01..present"},
                {"ene. 2019 - presente", "2019-01..present"},
                {"marzo 2018 a junio 2019", "2018-03..2019-06"},
                {"sept. 2018 – dic. 2019", "2018-09..2019-12"},
                {"desde mayo de 2017 hasta la actualidad", "2017-05..present"},
                {"junho de 2018 – atual", "2018-06..present"},
                {"out. 2018 – dez. 2019", "2018-10..2019-12"},
                {"março de 2015 até hoje", "2015-03..present"},
                {"gennaio 2017 - oggi", "2017-01..present"},
                {"dal 2016 al 2019", "2016..2019"},
                {"set 2019 – giu 2020", "2019-09..2020-06"},
                {"maggio 2019 - in corso", "2019-05..present"},
                {"mrt 2019 – heden", "2019-03..present"},
                {"okt 2017 tot mei 2019", "2017-10..2019-05"},
                {"2016 tot 2019", "2016..2019"},
                {"augustus 2015 - nu", "2015-08..present"}});
}

TEST(DateParserTest, WordsAndLayouts) {
  ExpectRanges({{"January 2019 to December 2020", "2019-01..2020-12"},
                {"Jan. 2019–Dec. 2020", "2019-01..2020-12"},
                {"Jan-2019 to Dec-2020", "2019-01..2020-12"},
                {"March, 2018 - June, 2019", "2018-03..2019-06"},
                {"March 15, 2018 - June 1, 2019", "2018-03..2019-06"},
                {"15 March 2019 – 20th June 2020", "2019-03..2020-06"},
                {"1. März 2019 – 31. Mai 2020", "2019-03..2020-05"},
                {"2019 until 2021", "2019..2021"},
                {"2019 to 2021", "2019..2021"},
                {"2019 bis 2021", "2019..2021"},
                {"März – Juni 2019", "2019-03..2019-06"},
                {"Nov – Feb 2020", "2019-11..2020-02"},
                {"Summer 2018 – Fall 2019", "2018..2019"},
                {"mid-2018 – early 2020", "2018..2020"},
                {"Jan 2019 – 2021", "2019-01..2021"},
                {"Senior Engineer, Acme GmbH | 01/2019 – heute", "2019-01..present"}});
}

TEST(DateParserTest, WordedAndSlashedRangesOfNewTemplates) {
  ExpectRanges({{"from 2015 until 2018", "2015..2018"},
                {"since 2019", "2019..present"},
                {"seit 04/2020", "2020-04..present"},
                {"2019/03 – 2021/11", "2019-03..2021-11"},
                {"Mar. 2019 to Nov. 2021", "2019-03..2021-11"},
                {"Dec. 2021 to present", "2021-12..present"},
                {"depuis 2018", "2018..present"},
                {"desde 2017", "2017..present"},
                {"vanaf 2019", "2019..present"},
                {"feb. 2019 – heden", "2019-02..present"},
                {"enero de 2022 – actualidad", "2022-01..present"}});
}

TEST(DateParserTest, RejectsWhatIsNotADateRange) {
  ExpectRanges({{"", "none"},
                {"2019", "none"},
                {"March 2019", "none"},
                {"Present", "none"},
                {"+49 30 2019 2021", "none"},
                {"+1 2015-2019", "none"},
                {"Tel: 0170-2019-2021", "none"},
                {"555-2019-2021", "none"},
                {"10115 Berlin", "none"},
                {"5+ years of experience", "none"},
                {"Python 3.10", "none"},
                {"Python 3.10 - 3.12", "none"},
                {"Salary 60000 - 70000", "none"},
                {"€2000 - 2020", "none"},
                {"2000 - 2020 EUR", "none"},
                {"ISBN 978-3-16-148410-0", "none"},
                {"pp. 2010-2015", "none"},
                {"320 pages", "none"},
                {"v2019-2020", "none"},
                {"1949 - 1952", "none"},
                {"2019 - 2031", "none"},
                {"13/2019 - 14/2020", "none"},
                {"2021 – 2019", "none"},
                {"Mar 2020 – Jan 2020", "none"},
                {"4/5 – 5/5", "none"},
                {"2019 – Berlin", "none"},
                {"may – june", "none"},
                {"Juni - 2019", "none"}});
}

TEST(DateParserTest, SpanCoversTheRangeInTheLine) {
  const std::string line = "Backend Engineer (März 2019 – heute), Berlin";
  const std::optional<DateRangeMatch> match = ParseDateRange(line, kAsOf);
  ASSERT_TRUE(match);
  EXPECT_EQ(line.substr(match->begin, match->end - match->begin), "(März 2019 – heute)");
  const std::string since = "Freelancer seit 2020.";
  const std::optional<DateRangeMatch> open = ParseDateRange(since, kAsOf);
  ASSERT_TRUE(open);
  EXPECT_EQ(since.substr(open->begin, open->end - open->begin), "seit 2020");
  EXPECT_FALSE(open->range.end);
  EXPECT_TRUE(open->range.current);
}

TEST(DateParserTest, FindsEveryRangeInALine) {
  const std::string line = "2015 – 2017 Acme; 2017–2019 Beta, 10/2019 - 02/2020, since 2020 Gamma";
  const std::vector<DateRangeMatch> matches = FindDateRanges(line, kAsOf);
  ASSERT_EQ(matches.size(), 4u);
  EXPECT_EQ(Describe(matches[0]), "2015..2017");
  EXPECT_EQ(Describe(matches[1]), "2017..2019");
  EXPECT_EQ(Describe(matches[2]), "2019-10..2020-02");
  EXPECT_EQ(Describe(matches[3]), "2020..present");
  EXPECT_EQ(line.substr(matches[1].begin, matches[1].end - matches[1].begin), "2017–2019");
  for (std::size_t i = 1; i < matches.size(); ++i) {
    EXPECT_LE(matches[i - 1].end, matches[i].begin);
  }
  EXPECT_TRUE(FindDateRanges("no dates here, call +49 30 1234 5678", kAsOf).empty());
}

TEST(DateParserTest, PlausibleYearsFollowAsOf) {
  EXPECT_EQ(Describe(ParseDateRange("2024 - 2026", kAsOf)), "2024..2026");
  EXPECT_EQ(Describe(ParseDateRange("2024 - 2026", PartialDate{2024, 1})), "none");
  EXPECT_EQ(Describe(ParseDateRange("03/26 - 05/27", PartialDate{2024, 1})), "none");
  EXPECT_EQ(Describe(ParseDateRange("03/24 - 05/25", PartialDate{2024, 1})), "2024-03..2025-05");
}

struct DateCase {
  const char* text;
  const char* expected;  // ToString() or "none"
};

TEST(DateParserTest, ParsesOneDate) {
  const DateCase cases[] = {
      {"May 2021", "2021-05"},
      {"Issued 05/2021", "2021-05"},
      {"2019-03", "2019-03"},
      {"2019", "2019"},
      {"Summer 2018", "2018"},
      {"Anfang 2019", "2019"},
      {"mid-2020", "2020"},
      {"15. März 2019", "2019-03"},
      {"Dezember 2019", "2019-12"},
      {"03/19", "2019-03"},
      {"Sept. 2017", "2017-09"},
      {"août 2016", "2016-08"},
      {"März", "none"},
      {"valid until 03/19", "none"},
      {"Python 3.10", "none"},
      {"10115 Berlin", "none"},
      {"phone +49 2019", "none"},
      {"1949", "none"},
      {"5+ years", "none"},
      {"", "none"},
  };
  for (const DateCase& c : cases) {
    const std::optional<PartialDate> date = ParseDate(c.text);
    EXPECT_EQ(date ? date->ToString() : "none", c.expected) << c.text;
  }
  EXPECT_FALSE(ParseDate("2027", kAsOf));
  EXPECT_EQ(ParseDate("2026", kAsOf), (PartialDate{2026}));
}

TEST(DateParserTest, SurvivesArbitraryBytes) {
  std::mt19937 rng(7);
  const std::string alphabet = "0123456789-/.'() abcJanMärz–—\xE2\x80\xC3\xA4\xFF";
  for (int n = 0; n < 2000; ++n) {
    std::string text(static_cast<std::size_t>(n % 40), ' ');
    for (char& c : text) c = alphabet[rng() % alphabet.size()];
    for (const DateRangeMatch& match : FindDateRanges(text, kAsOf)) {
      EXPECT_LE(match.begin, match.end);
      EXPECT_LE(match.end, text.size());
      ASSERT_TRUE(match.range.start);
    }
    ParseDate(text);
  }
}

}  // namespace
}  // namespace jc::nlp
