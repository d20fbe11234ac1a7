// Skills and spoken languages from the CV's skills and languages sections (and sub-labelled
// groups such as "Soft skills:" or "Languages:" inside a skills section). Items are split on
// the list separators the CV uses, kept as written, and sorted into technical and soft with the
// skill taxonomy (category soft) and general cues; spoken languages go to `languages` with
// their English name (taxonomy category spoken_language) and the level as written.
// Pure functions; thread-safe.
#pragma once

#include <vector>

#include "domain/profile.hpp"
#include "nlp/skill_matcher.hpp"
#include "parsing/cv/field_source.hpp"
#include "parsing/cv/list_items.hpp"
#include "parsing/cv/sections.hpp"
#include "parsing/document.hpp"

namespace jc::parsing {

struct SkillsResult {
  domain::Skills skills;
  std::vector<domain::LanguageSkill> languages;
  FieldSources sources;  // "/skills/technical/<i>", "/skills/soft/<i>", "/languages/<i>/..."
};

SkillsResult ExtractSkills(const Document& doc, const std::vector<Section>& sections,
                           const nlp::SkillMatcher& matcher);
// The same, with the regions of FindRegions(doc, sections) already found.
SkillsResult ExtractSkillsInRegions(const Document& doc, const std::vector<Region>& regions,
                                    const nlp::SkillMatcher& matcher);

}  // namespace jc::parsing
