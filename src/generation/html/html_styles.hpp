// The CSS of each template for the HTML renderer: screen and print (@page size and margins),
// system fonts only. Constant text; thread-safe.
#pragma once

#include <string>

#include "generation/document.hpp"

namespace jc::generation {

std::string HtmlStyles(const RenderOptions& options);

}  // namespace jc::generation
