// Work experience: one entry per role (title, company, location, dates, description, bullets)
// from the CV's experience sections, including several roles at one company (whether each role
// repeats the company or they are grouped under one company heading). Dates through
// nlp::FindDateRanges. Titles and companies are told apart by scored features (position in the
// entry, separators such as "at" / "|" / ",", legal-form suffixes, title vocabulary, bold/italic
// styling), not by lists of known employers. Pure functions; thread-safe.
#pragma once

#include <vector>

#include "domain/partial_date.hpp"
#include "domain/profile.hpp"
#include "parsing/cv/entry_lines.hpp"
#include "parsing/cv/field_source.hpp"
#include "parsing/cv/sections.hpp"
#include "parsing/document.hpp"

namespace jc::parsing {

struct ExperienceResult {
  std::vector<domain::WorkExperience> roles;  // in document order
  FieldSources sources;  // fields "/workExperience/<i>/title", ".../company", ".../startDate"...
  // The date ranges of the experience lines already parsed as written, in document order, for
  // the feedback's date-format rule (FeedbackInput::experience_dates).
  std::vector<entry::SourceDates> line_dates;
};

// as_of bounds plausible years (see nlp::ParseDateRange); it does not close open ranges.
ExperienceResult ExtractExperience(const Document& doc, const std::vector<Section>& sections,
                                   domain::PartialDate as_of);

}  // namespace jc::parsing
