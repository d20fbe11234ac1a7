// DOCX text extraction: the body of word/document.xml in reading order, with headings, list
// levels, table rows, text boxes, headers and footers, as a Document of lines.
//
// Stateless; thread-safe. Every bound in ExtractLimits is enforced on the real work done
// (inflated bytes, XML depth, text), not on what the file declares.
#pragma once

#include <string_view>

#include "common/error.hpp"
#include "parsing/document.hpp"

namespace jc::parsing {

// Success: a Document (kind kDocx) with at least one line; header lines first (kHeader), footer
// lines last (kFooter). Failure: kValidation "unreadable_document" (not a DOCX, damaged,
// encrypted, word/document.xml missing or malformed), kPayloadTooLarge "document_too_large"
// (a bound passed), kValidation "empty_document" (no text).
Result<Document> ExtractDocx(std::string_view bytes, const ExtractLimits& limits);

}  // namespace jc::parsing
