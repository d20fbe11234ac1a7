// Plain-text extraction: decodes a text file (UTF-8, UTF-16, Windows-1252) and turns it into a
// Document of lines with the light structure plain text carries: paragraphs (blank lines),
// pages (form feeds), markdown and underlined headings, bullets and numbered items.
//
// A pure function over borrowed bytes; thread-safe. Upper-case lines are flagged all_caps but
// keep role kBody: whether they are headings is the CV parser's call.
#pragma once

#include <string>
#include <string_view>

#include "common/error.hpp"
#include "parsing/document.hpp"
#include "parsing/sniff.hpp"

namespace jc::parsing {

// Decodes `bytes` as `enc` to UTF-8: invalid UTF-8 and lone UTF-16 surrogates become U+FFFD,
// control characters become spaces. A leading BOM is dropped. kNone decodes as Latin-1.
std::string DecodeText(std::string_view bytes, TextEncoding enc);

// Success: a Document of kind kText with at least one line. Failure: kValidation
// "empty_document" when there is no text; kPayloadTooLarge "document_too_large" past
// limits.max_chars or limits.max_pages (form feeds).
Result<Document> ExtractText(std::string_view bytes, TextEncoding enc, const ExtractLimits& limits);

}  // namespace jc::parsing
