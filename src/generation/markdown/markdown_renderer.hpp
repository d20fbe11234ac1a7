// RenderMarkdown: a Document as CommonMark. Text is escaped so nothing in a profile turns into
// markup (a "*" stays a star, a "<script>" stays text); links only where the Document has a url.
// Pure function; thread-safe.
#pragma once

#include <string>

#include "generation/document.hpp"

namespace jc::generation {

std::string RenderMarkdown(const Document& document);

}  // namespace jc::generation
