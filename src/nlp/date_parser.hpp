// Dates and date ranges in one line of CV text, in English, German, French, Spanish,
// Portuguese, Italian and Dutch: "Jan 2019 – Present", "03.2019 – 05.2021", "seit 2020",
// "enero de 2019 – actualidad", "2019–21", "(2019 – 2021)"...
//
// A hand-written scanner over UTF-8 (no regex, no ICU: month names are folded with a small
// Latin-1 table, so "März", "MÄRZ", "Maerz" and decomposed accents all match). Parsing a line
// takes microseconds. The functions are pure and stateless: safe to call from any thread.
//
// The rules, fixed here so that callers and tests agree:
// - Years are plausible only in 1950..as_of.year + 1; months are 1..12.
// - Two-digit years: after a four-digit start year they continue its century ("2019–21" is
//   2019–2021, "1998–02" is 1998–2002); elsewhere ("03/19 – 05/21", "Mar '19") they pivot on
//   as_of: 20YY when that is at most as_of.year + 1, else 19YY ("98" is 1998).
// - A range whose end precedes its start is rejected, not swapped: such text is far more often
//   numbers that only look like dates than a CV with its dates the wrong way round.
// - Seasons and "early/mid/late" ("Summer 2018", "Anfang 2019", "mid-2020") keep only the year.
// - "since 2020" and its translations, "X – present" and a dash that ends the line are open,
//   current ranges. A lone date is not a range: use ParseDate for one date.
// - "2010-11" and "2019/20" standing alone are academic years (2010–2011, 2019–2020); "2019-03"
//   is March 2019. A month without a year takes the end's year: "März – Juni 2019".
// - Not dates: digits glued to other digits or letters ("555-2019-2021", "v2019"), numbers
//   after "+" or another number (phones), after "pp.", "tel", "ISBN"..., next to a currency,
//   and two-digit-year forms ("03/19") outside a range.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "domain/partial_date.hpp"

namespace jc::nlp {

struct DateRangeMatch {
  domain::DateRange range;  // always has a start
  std::size_t begin = 0;    // byte span [begin, end) in the text, including a leading "since",
  std::size_t end = 0;      // "from"... and enclosing parentheses
};

// The first date range in `text`, or nullopt when it holds none. as_of bounds plausible years
// and the two-digit-year pivot; it does not close open ranges (MergedYears does that).
std::optional<DateRangeMatch> ParseDateRange(std::string_view text, domain::PartialDate as_of);

// Every date range in `text`, left to right, not overlapping.
std::vector<DateRangeMatch> FindDateRanges(std::string_view text, domain::PartialDate as_of);

// The first single date in `text` ("May 2021", "Issued 05/2021", "2019-03", "Summer 2018"), or
// nullopt. Without as_of, years 1950..2099 are plausible and two-digit years read as 20YY; a
// two-digit-year form ("03/19") is only accepted when it is the whole text.
std::optional<domain::PartialDate> ParseDate(
    std::string_view text, std::optional<domain::PartialDate> as_of = std::nullopt);

}  // namespace jc::nlp
