// One entry point from a file's bytes to its Document: sniff the type from the bytes, check it
// against what the caller declared (if anything), and run the matching extractor.
// Untrusted input: call it inside a sandbox worker process (see sandbox/), which bounds the
// time and memory the third-party libraries may take. Thread-safe.
#pragma once

#include <string_view>

#include "common/error.hpp"
#include "parsing/document.hpp"

namespace jc::parsing {

// Errors: those of Sniff (415 unsupported_file_type, 422 empty_document), CheckDeclaredType
// (415 file_type_mismatch) and of each extractor (422 unreadable_document, encrypted_document,
// no_text_layer, empty_document; 413 document_too_large).
Result<Document> ExtractDocument(std::string_view bytes, std::string_view declared_type,
                                 const ExtractLimits& limits);

}  // namespace jc::parsing
