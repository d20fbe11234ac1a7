#include "domain/partial_date.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>

namespace jc::domain {
namespace {

constexpr int kMonthsPerYear = 12;
constexpr int kMidYearMonth = 7;  // a year-only start counts from July, an end through June
constexpr int kUnbounded = INT_MAX;

// Months on one line: index = year * 12 + (month - 1). Spans are half-open [begin, end).
int MonthIndex(int year, int month) {
  return year * kMonthsPerYear + month - 1;
}

PartialDate FromIndex(int index) {
  return {index / kMonthsPerYear, index % kMonthsPerYear + 1};
}

struct Span {
  int begin = 0;
  int end = 0;
  bool begin_year_only = false;  // the bound came from a year-only date
  bool end_year_only = false;
};

// The expected-value reading used for years of experience (see MergedYears in the header).
std::optional<Span> ExpectedSpan(const DateRange& range, PartialDate as_of) {
  if (!range.start) return std::nullopt;
  const PartialDate start = *range.start;
  const bool open = range.current || !range.end;
  const int limit = MonthIndex(as_of.year, as_of.HasMonth() ? as_of.month : 6) + 1;
  const int end_year = open ? as_of.year : range.end->year;
  Span span;
  if (start.HasMonth()) {
    span.begin = MonthIndex(start.year, start.month);
  } else {
    span.begin = MonthIndex(start.year, start.year == end_year ? 1 : kMidYearMonth);
  }
  if (open) {
    span.end = limit;
  } else if (range.end->HasMonth()) {
    span.end = MonthIndex(range.end->year, range.end->month) + 1;
  } else if (range.end->year == start.year) {
    span.end = MonthIndex(start.year, kMonthsPerYear) + 1;
  } else {
    span.end = MonthIndex(range.end->year, kMidYearMonth);
  }
  span.end = std::min(span.end, limit);
  if (span.end <= span.begin) return std::nullopt;
  return span;
}

// The widest reading, used so that gaps are only reported where the dates prove them.
std::optional<Span> WidestSpan(const DateRange& range) {
  if (!range.start) return std::nullopt;
  const PartialDate start = *range.start;
  Span span;
  span.begin = MonthIndex(start.year, start.HasMonth() ? start.month : 1);
  span.begin_year_only = !start.HasMonth();
  if (range.current || !range.end) {
    span.end = kUnbounded;
  } else {
    const PartialDate end = *range.end;
    span.end = MonthIndex(end.year, end.HasMonth() ? end.month : kMonthsPerYear) + 1;
    span.end_year_only = !end.HasMonth();
  }
  if (span.end <= span.begin) return std::nullopt;
  return span;
}

// Sorts and merges overlapping or touching spans; the result is disjoint and ordered.
std::vector<Span> Merge(std::vector<Span> spans) {
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::vector<Span> merged;
  for (const Span& span : spans) {
    if (merged.empty() || span.begin > merged.back().end) {
      merged.push_back(span);
    } else if (span.end > merged.back().end) {
      merged.back().end = span.end;
      merged.back().end_year_only = span.end_year_only;
    }
  }
  return merged;
}

}  // namespace

std::string PartialDate::ToString() const {
  char buffer[16];
  if (HasMonth()) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d", year);
  }
  return buffer;
}

std::optional<PartialDate> PartialDate::Parse(std::string_view text) {
  if (text.size() != 4 && text.size() != 7) return std::nullopt;
  const auto digits = [&](std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  PartialDate date{digits(0, 4)};
  if (date.year < 1000) return std::nullopt;
  if (text.size() == 4) return date;
  if (text[4] != '-') return std::nullopt;
  date.month = digits(5, 2);
  if (date.month < 1 || date.month > kMonthsPerYear) return std::nullopt;
  return date;
}

double MergedYears(const std::vector<DateRange>& ranges, PartialDate as_of) {
  std::vector<Span> spans;
  for (const DateRange& range : ranges) {
    if (auto span = ExpectedSpan(range, as_of)) spans.push_back(*span);
  }
  long months = 0;
  for (const Span& span : Merge(std::move(spans))) months += span.end - span.begin;
  return std::round(static_cast<double>(months) / kMonthsPerYear * 10.0) / 10.0;
}

std::vector<std::pair<PartialDate, PartialDate>> Gaps(const std::vector<DateRange>& ranges,
                                                      int min_months) {
  std::vector<Span> spans;
  for (const DateRange& range : ranges) {
    if (auto span = WidestSpan(range)) spans.push_back(*span);
  }
  const std::vector<Span> merged = Merge(std::move(spans));
  std::vector<std::pair<PartialDate, PartialDate>> gaps;
  for (std::size_t i = 1; i < merged.size(); ++i) {
    const Span& before = merged[i - 1];
    const Span& after = merged[i];
    if (after.begin - before.end <= min_months) continue;
    PartialDate first = FromIndex(before.end);
    PartialDate last = FromIndex(after.begin - 1);
    if (before.end_year_only) first.month = 0;
    if (after.begin_year_only) last.month = 0;
    gaps.emplace_back(first, last);
  }
  return gaps;
}

}  // namespace jc::domain
