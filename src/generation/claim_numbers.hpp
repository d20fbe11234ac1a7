// Numbers and dates in generated text and in profile text, found the same way on both sides so
// that they compare: values are normalised ("€2M" == "2 Mio. €" == 2,000,000; "45 %" == "45
// percent"), never strings. Part of the claim extraction (claims.hpp).
//
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "domain/partial_date.hpp"
#include "generation/claims.hpp"

namespace jc::generation {

struct NumberMention {
  std::size_t begin = 0;  // byte span in the text
  std::size_t end = 0;
  NumberValue number;
};

struct DateMention {
  std::size_t begin = 0;
  std::size_t end = 0;
  domain::PartialDate date;  // month 0 when only the year is written
};

struct Quantities {
  std::vector<NumberMention> numbers;
  std::vector<DateMention> dates;
};

// Numbers (digits not glued to letters, except units and multipliers: "480ms", "50k", "€2M";
// number words) and dates (years 1950..2100 with their month: "March 2019", "03/2019",
// "2019-03"). Digits inside e-mail addresses, URLs, versions glued to names ("C++20", "p99",
// "S3") and phone numbers ("+49 ...") are neither.
Quantities FindQuantities(std::string_view text);

}  // namespace jc::generation
