// Document generation as the routes and `jobcopilot generate` run it: extract the job's
// requirements, tailor the profile, score the fit on the tailored profile, write the CV and the
// cover letter, run the truthfulness check on everything written, and render the formats asked
// for. The local engine only; nothing here talks to a network.
//
// Pure function of its arguments (the matcher is shared, read-only); thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "domain/job.hpp"
#include "domain/profile.hpp"
#include "generation/cover_letter.hpp"
#include "generation/document.hpp"
#include "generation/tailoring.hpp"
#include "generation/truthfulness.hpp"
#include "nlp/skill_matcher.hpp"

namespace jc::api {

enum class OutputFormat : std::uint8_t { kMarkdown, kHtml, kPdf, kDocx };

struct GenerationSettings {
  bool cv = true;
  bool cover_letter = false;
  std::vector<OutputFormat> formats = {OutputFormat::kMarkdown};
  std::optional<std::string> language;  // ISO 639-1; default: the posting's language
  generation::RenderOptions render;
  generation::LetterTone tone = generation::LetterTone::kProfessional;
  domain::PartialDate as_of;  // "now" for years of experience
  generation::LetterDate today;
};

// One document in each format asked for (pdf and docx hold raw bytes).
struct Rendered {
  std::optional<std::string> markdown;
  std::optional<std::string> html;
  std::optional<std::string> pdf;
  std::optional<std::string> docx;
};

struct GeneratedCv {
  domain::Profile profile;  // tailored, after the truthfulness check
  std::vector<generation::Change> changes;
  generation::TruthReport truthfulness;
  Rendered rendered;
};

struct GeneratedLetter {
  std::string text;
  int words = 0;
  generation::TruthReport truthfulness;
  Rendered rendered;
};

struct GeneratedDocuments {
  std::optional<GeneratedCv> cv;
  std::optional<GeneratedLetter> cover_letter;
  std::string language;  // the language written
  std::vector<std::string> warnings;
};

// The documents before the truthfulness check and rendering: what the local engine wrote,
// which the LLM may rewrite (api/llm_refinement.hpp) before FinishDocuments.
struct GenerationDraft {
  const generation::Labels* labels = nullptr;
  domain::Requirements requirements;
  generation::TailoredProfile tailored;
  std::optional<generation::CoverLetter> letter;  // when settings.cover_letter
  std::vector<std::string> warnings;
  // What the truthfulness check already removed from an LLM's rewrite before it was used.
  generation::TruthReport cv_truth;
  generation::TruthReport letter_truth;
};

// Failure: 422 for a language the engine cannot write (explicit options.language only; a
// posting in another language falls back to English with a warning).
Result<GenerationDraft> PrepareDocuments(const domain::Profile& profile, const domain::Job& job,
                                         const GenerationSettings& settings,
                                         const nlp::SkillMatcher& skills);

// Runs the truthfulness check against the original profile on everything in the draft, then
// renders the formats asked for. Failure: a renderer's error.
Result<GeneratedDocuments> FinishDocuments(GenerationDraft draft, const domain::Profile& profile,
                                           const domain::Job& job,
                                           const GenerationSettings& settings,
                                           const nlp::SkillMatcher& skills);

// Both, with the local engine only.
Result<GeneratedDocuments> GenerateDocuments(const domain::Profile& profile, const domain::Job& job,
                                             const GenerationSettings& settings,
                                             const nlp::SkillMatcher& skills);

}  // namespace jc::api
