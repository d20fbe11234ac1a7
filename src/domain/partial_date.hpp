// PartialDate and DateRange: CV dates exactly as precise as their source ("2019-03", "2019",
// or an open end), and the rules that turn a list of ranges into years of experience and
// employment gaps.
//
// Plain values with no ownership; every function is pure and safe to call from any thread.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jc::domain {

// A calendar month, or only a year when month == 0. Ordered by (year, month), so a year-only
// date sorts before every month of its year.
struct PartialDate {
  int year = 0;
  int month = 0;  // 1..12; 0 = unknown

  bool HasMonth() const { return month != 0; }

  // The contract's profile form: "2019-03", or "2019" when the month is unknown.
  std::string ToString() const;

  // Accepts exactly the contract forms "YYYY-MM" and "YYYY" (year 1000..9999, month 01..12).
  // Anything else, surrounding spaces included, is nullopt: free text goes to nlp::ParseDate.
  static std::optional<PartialDate> Parse(std::string_view text);

  friend auto operator<=>(const PartialDate&, const PartialDate&) = default;
};

// One period of a CV. No end with current == true is "since X" / "X – present"; no end with
// current == false is an end nobody wrote down, treated the same way.
struct DateRange {
  std::optional<PartialDate> start;
  std::optional<PartialDate> end;
  bool current = false;

  friend bool operator==(const DateRange&, const DateRange&) = default;
};

// Total years covered by `ranges`, rounded to one decimal. The rule:
// - Whole months, end month included: "Mar 2019 – May 2019" is 3 months.
// - Overlapping, nested and adjacent periods are merged first: no month counts twice.
// - An open or current end runs through as_of's month; nothing counts after as_of. An as_of
//   without a month stands for June of its year.
// - A year-only date stands for the middle of its year (a start counts from July, an end runs
//   through June), which is the expected length when the months are unknown: "2015 – 2019" is
//   4.0 years, not 5. When both ends fall in the same year the year-only end(s) widen to the
//   whole year instead, so "2019 – 2019" is 1.0 and "2019 – Mar 2019" is 3 months.
// - Ranges without a start, or whose end precedes their start, add nothing. Empty input is 0.
double MergedYears(const std::vector<DateRange>& ranges, PartialDate as_of);

// Gaps between the merged periods that last more than min_months, oldest first, each as the
// first and the last month nobody covers. A gap is only claimed where the dates prove it: a
// year-only start counts from January and a year-only end through December, and a gap bound
// that comes from a year-only date is itself year-only ({2015}, not {2015, 1}). Open and
// current ends run on indefinitely, so nothing after them is a gap. Ranges without a start are
// ignored.
std::vector<std::pair<PartialDate, PartialDate>> Gaps(const std::vector<DateRange>& ranges,
                                                      int min_months);

}  // namespace jc::domain
