// Certifications (and licences) and projects from their sections: name, issuer and date of a
// certification; name, description, URL and technologies of a project. Pure; thread-safe.
#pragma once

#include <vector>

#include "domain/partial_date.hpp"
#include "domain/profile.hpp"
#include "parsing/cv/field_source.hpp"
#include "parsing/cv/list_items.hpp"
#include "parsing/cv/sections.hpp"
#include "parsing/document.hpp"

namespace jc::parsing {

struct CredentialsResult {
  std::vector<domain::Certification> certifications;
  std::vector<domain::Project> projects;
  FieldSources sources;  // "/certifications/<i>/name", "/projects/<i>/url"...
};

CredentialsResult ExtractCredentials(const Document& doc, const std::vector<Section>& sections,
                                     domain::PartialDate as_of);
// The same, with the regions of FindRegions(doc, sections) already found.
CredentialsResult ExtractCredentialsInRegions(const Document& doc,
                                              const std::vector<Region>& regions,
                                              domain::PartialDate as_of);

}  // namespace jc::parsing
