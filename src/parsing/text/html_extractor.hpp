// HTML extraction with libxml2's forgiving HTML parser: the visible text of a CV page as
// Document lines, keeping headings (h1-h6), list items with nesting, table rows and cells.
//
// Never touches the network or external entities, and reports nothing to stderr (libxml2's
// per-thread error handlers are silenced for the duration of a call and then restored).
// Thread-safe: each call owns its parser and tree.
#pragma once

#include <string_view>

#include "common/error.hpp"
#include "parsing/document.hpp"

namespace jc::parsing {

// The meta charset (or a BOM) decides the encoding; without one, UTF-8 is assumed and bytes
// that are not valid UTF-8 are read as Windows-1252. script, style, head, template and noscript
// are dropped. Success: a Document of kind kHtml with at least one line. Failure: kValidation
// "empty_document" when nothing visible remains; kPayloadTooLarge "document_too_large" past
// limits.max_chars or nesting deeper than limits.max_xml_depth; kUnsupportedMediaType
// "unsupported_file_type" when libxml2 cannot build a tree at all.
Result<Document> ExtractHtml(std::string_view bytes, const ExtractLimits& limits);

}  // namespace jc::parsing
