// Text helpers of the PDF renderer: which document strings draw anything once sanitised, and
// which link targets may go into a cairo tag. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "generation/document.hpp"

namespace jc::generation::pdf {

// CleanText without the spaces at either end; empty when the string would draw nothing.
std::string Visible(std::string_view raw);
bool AnyVisible(const std::vector<std::string>& texts);
// Whether a block (an entry) draws anything: a section without such blocks is left out.
bool HasContent(const Entry& e);
bool HasContent(const Block& block);
// A link target cairo can carry in a tag attribute: a known scheme (mailto:, tel:, http(s):)
// and no quote, backslash, space or other character that would need escaping.
bool SafeUri(std::string_view uri);

}  // namespace jc::generation::pdf
