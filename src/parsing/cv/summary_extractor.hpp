// Headline (the title line under the name) and summary (the profile / about-me paragraph).
// Pure; thread-safe.
#pragma once

#include <optional>

#include "parsing/cv/contact_extractor.hpp"
#include "parsing/cv/field_source.hpp"
#include "parsing/cv/list_items.hpp"
#include "parsing/cv/sections.hpp"
#include "parsing/document.hpp"

namespace jc::parsing {

struct SummaryResult {
  std::optional<Found> headline;
  std::optional<Found> summary;
};

// `contact` tells where the name and the contact lines are, so the headline is looked for
// next to the name and never taken from an address or a phone line.
SummaryResult ExtractSummary(const Document& doc, const std::vector<Section>& sections,
                             const ContactInfo& contact);
// The same, with the regions of FindRegions(doc, sections) already found.
SummaryResult ExtractSummaryInRegions(const Document& doc, const std::vector<Region>& regions,
                                      const ContactInfo& contact);

}  // namespace jc::parsing
