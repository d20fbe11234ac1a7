// Whether a text or a role states a measurable result, by the definition of docs/cv-feedback.md
// ("a number standing on its own, a currency or percent sign, a currency code or a quantity
// word", in the languages the engine reads). Shared by the CV feedback and the suggestions.
// Pure; thread-safe.
#pragma once

#include <string_view>

#include "domain/profile.hpp"

namespace jc::nlp {

bool IsMeasurable(std::string_view text);
bool HasMeasurableResult(const domain::WorkExperience& role);

}  // namespace jc::nlp
