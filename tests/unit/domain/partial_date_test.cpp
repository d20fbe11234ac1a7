#include "domain/partial_date.hpp"

#include <gtest/gtest.h>

namespace jc::domain {
namespace {

using Gap = std::pair<PartialDate, PartialDate>;

constexpr PartialDate kAsOf{2025, 6};

DateRange Closed(PartialDate start, PartialDate end) {
  return {start, end, false};
}
DateRange Current(PartialDate start) {
  return {start, std::nullopt, true};
}

TEST(PartialDateTest, ParsesTheContractFormsOnly) {
  EXPECT_EQ(PartialDate::Parse("2019-03"), (PartialDate{2019, 3}));
  EXPECT_EQ(PartialDate::Parse("2019"), (PartialDate{2019}));
  EXPECT_EQ(PartialDate::Parse("1999-12"), (PartialDate{1999, 12}));
  for (const char* bad : {"", "2019-13", "2019-00", "2019-3", "19-03", "2019/03", " 2019", "2019 ",
                          "abcd", "0999", "2019-03-01", "201９", "March 2019"}) {
    EXPECT_FALSE(PartialDate::Parse(bad)) << bad;
  }
}

TEST(PartialDateTest, PrintsTheContractForms) {
  EXPECT_EQ((PartialDate{2019, 3}).ToString(), "2019-03");
  EXPECT_EQ((PartialDate{2019}).ToString(), "2019");
  EXPECT_EQ((PartialDate{2001, 11}).ToString(), "2001-11");
  for (const char* text : {"2019-03", "2019", "1987-10"}) {
    EXPECT_EQ(PartialDate::Parse(text)->ToString(), text);
  }
}

TEST(PartialDateTest, OrdersYearOnlyBeforeTheMonthsOfItsYear) {
  EXPECT_LT((PartialDate{2019}), (PartialDate{2019, 1}));
  EXPECT_LT((PartialDate{2019, 1}), (PartialDate{2019, 2}));
  EXPECT_LT((PartialDate{2019, 12}), (PartialDate{2020}));
  EXPECT_EQ((PartialDate{2019, 5}), (PartialDate{2019, 5}));
  EXPECT_NE((PartialDate{2019}), (PartialDate{2019, 5}));
}

struct YearsCase {
  const char* name;
  std::vector<DateRange> ranges;
  double years;
};

TEST(MergedYearsTest, MergesAndCounts) {
  const YearsCase cases[] = {
      {"empty", {}, 0.0},
      {"one closed range, end month included", {Closed({2019, 3}, {2021, 5})}, 2.3},
      {"a calendar year", {Closed({2019, 1}, {2019, 12})}, 1.0},
      {"a single month", {Closed({2019, 4}, {2019, 4})}, 0.1},
      {"overlap counted once", {Closed({2018, 1}, {2019, 12}), Closed({2019, 1}, {2020, 12})}, 3.0},
      {"nested range adds nothing",
       {Closed({2015, 1}, {2020, 12}), Closed({2016, 3}, {2017, 5})},
       6.0},
      {"adjacent ranges add up",
       {Closed({2018, 1}, {2018, 6}), Closed({2018, 7}, {2018, 12})},
       1.0},
      {"disjoint ranges add up",
       {Closed({2010, 1}, {2010, 12}), Closed({2015, 1}, {2016, 12})},
       3.0},
      {"unsorted input", {Closed({2020, 1}, {2020, 12}), Closed({2010, 1}, {2010, 12})}, 2.0},
      {"current runs through as_of", {Current({2024, 1})}, 1.5},
      {"an end nobody wrote runs to as_of", {DateRange{PartialDate{2024, 1}}}, 1.5},
      {"current swallows an overlapping closed range",
       {Current({2020, 1}), Closed({2021, 1}, {2022, 12})},
       5.5},
      {"never past as_of", {Closed({2024, 1}, {2030, 12})}, 1.5},
      {"starts after as_of", {Closed({2026, 1}, {2026, 12})}, 0.0},
      {"year-only range is the difference of years", {Closed({2015}, {2019})}, 4.0},
      {"year-only consecutive ranges", {Closed({2015}, {2019}), Closed({2019}, {2021})}, 6.0},
      {"year-only within one year is the whole year", {Closed({2019}, {2019})}, 1.0},
      {"year-only start, month end in the same year", {Closed({2019}, {2019, 3})}, 0.3},
      {"month start, year-only end in the same year", {Closed({2019, 5}, {2019})}, 0.7},
      {"year-only start, month end", {Closed({2015}, {2019, 6})}, 4.0},
      {"year-only start, current", {Current({2020})}, 5.0},
      {"year-only start in as_of's year, current", {Current({2025})}, 0.5},
      {"without a start: ignored", {DateRange{std::nullopt, PartialDate{2019}}}, 0.0},
      {"end before start: ignored", {Closed({2021, 1}, {2019, 1})}, 0.0},
  };
  for (const YearsCase& c : cases) {
    EXPECT_DOUBLE_EQ(MergedYears(c.ranges, kAsOf), c.years) << c.name;
  }
}

TEST(MergedYearsTest, YearOnlyEndInAsOfYearStopsAtAsOf) {
  EXPECT_DOUBLE_EQ(MergedYears({Closed({2020}, {2025})}, PartialDate{2025, 3}), 4.8);
  EXPECT_DOUBLE_EQ(MergedYears({Closed({2020, 1}, {2025})}, PartialDate{2025, 3}), 5.3);
}

TEST(MergedYearsTest, AsOfWithoutMonthStandsForJune) {
  EXPECT_DOUBLE_EQ(MergedYears({Current({2024, 1})}, PartialDate{2025}), 1.5);
}

TEST(MergedYearsTest, NeverDoubleCountsManyOverlaps) {
  std::vector<DateRange> ranges;
  for (int i = 0; i < 50; ++i) ranges.push_back(Closed({2010, 1 + i % 12}, {2019, 12}));
  EXPECT_DOUBLE_EQ(MergedYears(ranges, kAsOf), 10.0);
}

TEST(GapsTest, ReportsTheUncoveredMonths) {
  const std::vector<DateRange> ranges = {Closed({2015, 1}, {2019, 3}), Current({2019, 11})};
  EXPECT_EQ(Gaps(ranges, 6), (std::vector<Gap>{{{2019, 4}, {2019, 10}}}));
  EXPECT_TRUE(Gaps(ranges, 7).empty());  // the gap is 7 months, not more than 7
}

TEST(GapsTest, OnlyLongerThanMinMonths) {
  const std::vector<DateRange> six_months = {Closed({2018, 1}, {2018, 6}),
                                             Closed({2019, 1}, {2019, 6})};
  EXPECT_TRUE(Gaps(six_months, 6).empty());
  EXPECT_EQ(Gaps(six_months, 5), (std::vector<Gap>{{{2018, 7}, {2018, 12}}}));
}

TEST(GapsTest, NoneBetweenOverlappingOrAdjacentRanges) {
  EXPECT_TRUE(Gaps({Closed({2015, 1}, {2018, 6}), Closed({2018, 1}, {2020, 1})}, 0).empty());
  EXPECT_TRUE(Gaps({Closed({2015, 1}, {2018, 6}), Closed({2018, 7}, {2020, 1})}, 0).empty());
  EXPECT_TRUE(Gaps({}, 6).empty());
  EXPECT_TRUE(Gaps({Closed({2015, 1}, {2018, 6})}, 0).empty());
}

TEST(GapsTest, SeveralGapsOldestFirstFromUnsortedInput) {
  const std::vector<DateRange> ranges = {
      Closed({2020, 1}, {2020, 12}), Closed({2010, 1}, {2010, 12}), Closed({2013, 1}, {2014, 12})};
  EXPECT_EQ(Gaps(ranges, 6), (std::vector<Gap>{{{2011, 1}, {2012, 12}}, {{2015, 1}, {2019, 12}}}));
}

TEST(GapsTest, YearOnlyDatesClaimOnlyProvenGaps) {
  EXPECT_TRUE(Gaps({Closed({2015}, {2017}), Closed({2018}, {2020})}, 6).empty());
  EXPECT_EQ(Gaps({Closed({2012}, {2014}), Closed({2017}, {2020})}, 6),
            (std::vector<Gap>{{PartialDate{2015}, PartialDate{2016}}}));
  EXPECT_EQ(Gaps({Closed({2012, 1}, {2014, 3}), Closed({2017}, {2020})}, 6),
            (std::vector<Gap>{{PartialDate{2014, 4}, PartialDate{2016}}}));
}

TEST(GapsTest, OpenEndsRunOnAndStartlessRangesAreIgnored) {
  EXPECT_TRUE(Gaps({Current({2015, 1}), Closed({2020, 1}, {2021, 1})}, 0).empty());
  EXPECT_TRUE(Gaps({DateRange{PartialDate{2015, 1}}, Closed({2020, 1}, {2021, 1})}, 0).empty());
  EXPECT_TRUE(Gaps({Closed({2015, 1}, {2016, 1}), DateRange{std::nullopt, PartialDate{2019, 1}}}, 0)
                  .empty());
}

}  // namespace
}  // namespace jc::domain
