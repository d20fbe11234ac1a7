// Documents for renderer tests and benchmarks: a realistic two-page CV, a cover letter, and the
// hostile shapes every renderer must survive (empty sections, 200 roles, 10,000-character
// bullets, right-to-left and CJK text, control characters). Synthetic people only.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "generation/document.hpp"

namespace jc::testing {

// A CV of about two A4 pages: summary, 6 roles with bullets, education, skills, languages,
// certifications, projects. Accented names and places.
generation::Document SampleCv();

// A one-page cover letter of about 330 words.
generation::Document SampleLetter();

// Named hostile documents: {"empty", ...}, {"two_hundred_roles", ...}, {"long_bullets", ...},
// {"rtl_and_cjk", ...}, {"control_characters", ...}, {"no_header", ...}.
std::vector<std::pair<std::string, generation::Document>> HostileDocuments();

}  // namespace jc::testing
