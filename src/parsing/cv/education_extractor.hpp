// Education: one entry per qualification (institution, degree, field, dates, grade) from the
// CV's education sections, in the supported languages. Degrees are recognised by their shape
// and vocabulary (B.Sc., Master of..., Diplom-..., Licence, Laurea, Ausbildung...), institutions
// by theirs (University, Universität, École, Hochschule, College, Institute...), grades by
// their forms (GPA 3.6, 2:1, 1,7, mention bien, 110/110 e lode). Pure functions; thread-safe.
#pragma once

#include <vector>

#include "domain/partial_date.hpp"
#include "domain/profile.hpp"
#include "parsing/cv/field_source.hpp"
#include "parsing/cv/sections.hpp"
#include "parsing/document.hpp"

namespace jc::parsing {

struct EducationResult {
  std::vector<domain::Education> entries;  // in document order
  FieldSources sources;                    // fields "/education/<i>/institution"...
};

EducationResult ExtractEducation(const Document& doc, const std::vector<Section>& sections,
                                 domain::PartialDate as_of);

}  // namespace jc::parsing
