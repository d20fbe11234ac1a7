#include "generation/labels.hpp"

#include <gtest/gtest.h>

namespace jc::generation {
namespace {

using domain::DateRange;
using domain::PartialDate;

TEST(LabelsTest, LanguagesByCodeWithRegionIgnored) {
  ASSERT_TRUE(LabelsFor("en").has_value());
  ASSERT_TRUE(LabelsFor("DE").has_value());
  ASSERT_TRUE(LabelsFor("de-AT").has_value());
  EXPECT_EQ((*LabelsFor("de_CH"))->experience, "Berufserfahrung");
  EXPECT_FALSE(LabelsFor("fr").has_value());
  EXPECT_FALSE(LabelsFor("dex").has_value());
  EXPECT_FALSE(LabelsFor("").has_value());
}

TEST(LabelsTest, DateRangesInEnglishAndGerman) {
  const auto& en = EnglishLabels();
  const auto& de = **LabelsFor("de");
  struct Case {
    DateRange range;
    std::string english;
    std::string german;
  };
  const Case cases[] = {
      {{PartialDate{2019, 3}, std::nullopt, true}, "Mar 2019 – Present", "März 2019 – heute"},
      {{PartialDate{2007, 0}, PartialDate{2009, 0}, false}, "2007 – 2009", "2007 – 2009"},
      {{PartialDate{2018, 1}, PartialDate{2021, 12}, false},
       "Jan 2018 – Dec 2021",
       "Januar 2018 – Dezember 2021"},
      {{PartialDate{2020, 5}, PartialDate{2020, 5}, false}, "May 2020", "Mai 2020"},
      // An end nobody wrote down is not printed as "Present": that would claim a current role.
      {{PartialDate{2016, 0}, std::nullopt, false}, "2016", "2016"},
      {{std::nullopt, PartialDate{2012, 0}, false}, "2012", "2012"},
      {{}, "", ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(FormatRange(c.range, en), c.english);
    EXPECT_EQ(FormatRange(c.range, de), c.german);
  }
  EXPECT_EQ(FormatLetterDate(2026, 11, 27, en), "27 November 2026");
  EXPECT_EQ(FormatLetterDate(2026, 3, 1, de), "1. März 2026");
}

}  // namespace
}  // namespace jc::generation
