// The real taxonomy and matcher (data/skills), loaded once per test binary, and small builders
// for profiles and requirements.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "domain/job.hpp"
#include "domain/profile.hpp"
#include "nlp/skill_matcher.hpp"

namespace jc::analysis::test {

inline const nlp::Taxonomy& RealTaxonomy() {
  static const nlp::Taxonomy taxonomy = [] {
    auto loaded = nlp::Taxonomy::Load(JC_SOURCE_DIR "/data/skills");
    if (!loaded) {
      ADD_FAILURE() << loaded.error().message;
      std::abort();
    }
    return std::move(*loaded);
  }();
  return taxonomy;
}

inline const nlp::SkillMatcher& Matcher() {
  static const nlp::SkillMatcher matcher(RealTaxonomy());
  return matcher;
}

inline constexpr domain::PartialDate kAsOf{2025, 6};

inline domain::WorkExperience Role(std::string title, std::string company, int from, int to,
                                   std::vector<std::string> highlights) {
  domain::WorkExperience role;
  role.title = std::move(title);
  role.company = std::move(company);
  role.dates.start = domain::PartialDate{from, 1};
  role.dates.end = domain::PartialDate{to, 12};
  role.highlights = std::move(highlights);
  return role;
}

inline domain::Requirements Needs(std::vector<std::string> required,
                                  std::vector<std::string> preferred = {}) {
  domain::Requirements req;
  req.required_skills = std::move(required);
  req.preferred_skills = std::move(preferred);
  return req;
}

}  // namespace jc::analysis::test
