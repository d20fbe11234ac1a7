// Minimum years of experience a posting asks for: "5+ years", "at least three years", "3-5
// years" (the lower bound), "mindestens 3 Jahre", "au moins 5 ans", "al menos 2 años", months
// ("6 months" = 0.5), explicit "no experience required" (0). Mentions that are not experience
// (company age, age limits, record look-backs) are skipped; preferred ones do not count.
// Pure; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "parsing/job/posting_sections.hpp"
#include "parsing/job/posting_text.hpp"

namespace jc::parsing::job {

struct YearsMention {
  std::size_t begin = 0;  // the number, in the posting
  std::size_t end = 0;    // just past the unit word ("years")
  double years = 0;
  bool preferred = false;
  bool part_of_total = false;  // "6+ years, at least 3 of them in Go": a share of another figure
};

struct ExperienceYears {
  std::optional<double> min_years;     // the overall required minimum
  std::vector<YearsMention> mentions;  // every experience figure found, required or not
  bool explicitly_none = false;        // "no experience required"
};

// `body` indexes Lower(text); `lines` come from SplitPosting(text).
ExperienceYears ExtractExperienceYears(const CueIndex& body, const std::vector<PostingLine>& lines);

}  // namespace jc::parsing::job
