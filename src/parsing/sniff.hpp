// File-type sniffing: what a CV upload really is, judged from its bytes alone, and whether a
// declared type (the API's fileType or a file name) agrees with it.
//
// Pure functions over borrowed bytes: no allocation beyond the result, no I/O, thread-safe.
// Containers are recognised by a light scan of their ZIP entry names; nothing is inflated.
#pragma once

#include <cstdint>
#include <string_view>

#include "common/error.hpp"
#include "parsing/document.hpp"

namespace jc::parsing {

enum class TextEncoding : std::uint8_t { kUtf8, kUtf16Le, kUtf16Be, kLatin1, kNone };

struct Sniffed {
  FileKind kind = FileKind::kText;
  TextEncoding encoding = TextEncoding::kNone;  // kNone for PDF, DOCX, ODT and RTF
};

// Success: the kind, and for text and HTML the text encoding (Latin-1 stands for
// Windows-1252; HTML's meta charset still wins in the extractor). RTF declares its own code
// page, so it is kNone like the binary formats. Failure: kValidation "empty_document" for empty or
// whitespace-only input; kUnsupportedMediaType "unsupported_file_type" for anything else (images,
// legacy .doc, executables, other ZIP formats...), naming it when known.
Result<Sniffed> Sniff(std::string_view bytes);

// `declared` is the API's fileType ("pdf", "docx", "odt", "rtf", "html", "txt"), a file name
// ("cv.pdf") or a MIME type ("application/pdf"). Success when it agrees with the sniffed kind
// or is unknown/empty (the bytes win). A contradiction is kUnsupportedMediaType
// "file_type_mismatch". Leniencies, because the bytes decide which extractor runs anyway:
// "doc" accepts DOCX and RTF (Word saves both under .doc; a real legacy .doc never sniffs);
// "txt" accepts any text-based kind (text, HTML, RTF); "html" accepts plain text (a fragment).
Status CheckDeclaredType(std::string_view declared, const Sniffed& sniffed);

}  // namespace jc::parsing
