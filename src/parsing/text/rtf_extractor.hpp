// RTF extraction with a hand-written tokenizer: groups, control words and symbols, \'hh bytes
// in the document's code page and \uN characters become Document lines with paragraphs,
// table rows and cells, list items, heading styles (from the stylesheet), bold and page
// header/footer text (roles kHeader/kFooter).
//
// A pure function over borrowed bytes; thread-safe. Linear in the input: every step consumes
// at least one byte, and group depth and output size are bounded by ExtractLimits, so
// malformed or hostile input ends in a Document or an error, never a crash or a loop.
#pragma once

#include <string_view>

#include "common/error.hpp"
#include "parsing/document.hpp"

namespace jc::parsing {

// Code pages: 1252 (the default) and 1251 are decoded exactly; any other falls back to
// Latin-1 with a warning on the Document. Success: a Document of kind kRtf with at least one
// line. Failure: kValidation "empty_document" without text; kPayloadTooLarge
// "document_too_large" past limits.max_chars, limits.max_pages (\page breaks) or groups nested
// deeper than limits.max_xml_depth.
Result<Document> ExtractRtf(std::string_view bytes, const ExtractLimits& limits);

}  // namespace jc::parsing
