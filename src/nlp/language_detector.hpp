// Detects the language of a text (a CV or a job posting) from its function words, for the
// languages the engine reads: en, de, fr, es, pt, it, nl, pl. Function words (articles,
// prepositions, pronouns, conjunctions) are frequent in every text of a language whatever its
// subject, so they identify it without a model. Stateless; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace jc::nlp {

struct DetectedLanguage {
  std::string code;       // ISO 639-1, e.g. "de"; empty when unknown
  double confidence = 0;  // 0-1: share of the votes the winner got, damped for short texts
};

DetectedLanguage DetectLanguage(std::string_view text);

}  // namespace jc::nlp
