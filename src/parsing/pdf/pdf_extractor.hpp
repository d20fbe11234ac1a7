// PDF text extraction with layout: PDF bytes -> Document (lines in reading order with geometry,
// styles, columns, blocks, list items and running headers/footers).
//
// Reads the text layer with poppler's TextOutputDev (Debian's libpoppler-private-dev: the words
// with their boxes and fonts, without poppler-cpp's per-word copies); the layout (lines, columns,
// blocks) is computed here from the word boxes. The caller owns the bytes, which only need to live
// for the duration of the call; the returned Document owns all its data. Thread safety: ExtractPdf
// may be called concurrently on different inputs; it installs a process-wide no-op poppler error
// handler so that poppler never writes document content to stderr, and keeps poppler's global state
// for the life of the process, so that it is built once rather than for every document.
#pragma once

#include <string>
#include <string_view>

#include "common/error.hpp"
#include "parsing/document.hpp"

namespace jc::parsing {

// Extracts the text layer of a PDF.
// Success: a Document with kind kPdf, pages, page size of the first page, and at least one line.
// Failure (all kValidation unless noted):
//   "unreadable_document"  the bytes are not a PDF or the PDF is damaged beyond reading;
//   "encrypted_document"   the PDF needs a password to open;
//   "no_text_layer"        no page has any text (a scan);
//   "document_too_large"   (kPayloadTooLarge) more pages than limits.max_pages, or more text than
//                          limits.max_chars.
Result<Document> ExtractPdf(std::string_view bytes, const ExtractLimits& limits);

}  // namespace jc::parsing
