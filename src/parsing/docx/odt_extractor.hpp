// ODT text extraction: office:text of content.xml in reading order, with headings, list levels,
// table rows, frames, and the master pages' headers and footers from styles.xml.
//
// Stateless; thread-safe. Every bound in ExtractLimits is enforced on the real work done.
#pragma once

#include <string_view>

#include "common/error.hpp"
#include "parsing/document.hpp"

namespace jc::parsing {

// Success: a Document (kind kOdt) with at least one line; header lines first, footer lines
// last. Failure: kValidation "unreadable_document" (not an ODT, damaged, encrypted, content.xml
// missing or malformed), kPayloadTooLarge "document_too_large", kValidation "empty_document".
Result<Document> ExtractOdt(std::string_view bytes, const ExtractLimits& limits);

}  // namespace jc::parsing
