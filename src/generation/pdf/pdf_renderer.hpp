// RenderPdf: draws a Document (a CV or a cover letter) as a PDF with cairo and pango, in one of
// the two templates and page sizes of RenderOptions. The PDF holds real, selectable text in
// reading order, standard section headings and embedded font subsets; scripts the template
// font lacks (CJK, Arabic, Hebrew...) come from fontconfig's fallback fonts, and right-to-left
// text is shaped by pango. Pages break between lines; headings stay with what follows them.
//
// Thread safety: safe to call concurrently from any number of threads. Each call owns its cairo
// surface, pango context and layouts; pango's default cairo font map is per thread (pango >=
// 1.32), so no font state is shared. The first document on a thread pays for loading fonts.
#pragma once

#include <cstddef>
#include <string>

#include "common/error.hpp"
#include "generation/document.hpp"

namespace jc::generation {

// The most text (the sum of a document's strings, in bytes) RenderPdf lays out: about 500
// pages; far beyond any CV or letter, and it bounds the time and memory of one call.
inline constexpr std::size_t kMaxPdfTextBytes = 2 * 1024 * 1024;

// On success, the bytes of a complete PDF (at least one page, even for an empty document), with
// the title and author of doc as metadata and "Job Copilot" as creator. Text is sanitised with
// CleanText first, so any bytes are accepted.
// Errors: kValidation when the document's text exceeds kMaxPdfTextBytes; kInternal when cairo
// reports a failure (its status in the message).
Result<std::string> RenderPdf(const Document& doc, const RenderOptions& options);

}  // namespace jc::generation
