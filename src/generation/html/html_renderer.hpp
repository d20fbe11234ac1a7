// RenderHtml: a Document as one self-contained HTML5 page: inline CSS for screen and print
// (A4 or Letter from RenderOptions), the template's look, no scripts, no external requests
// (system fonts only). Every text is escaped; only http(s), mailto and tel links are emitted.
// Pure function; thread-safe.
#pragma once

#include <string>

#include "generation/document.hpp"

namespace jc::generation {

std::string RenderHtml(const Document& document, const RenderOptions& options);

}  // namespace jc::generation
