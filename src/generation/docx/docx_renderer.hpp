// RenderDocx: a generated CV or cover letter as a Word document (.docx, Office Open XML).
//
// The package is written by hand (WordprocessingML strings) and zipped in memory with libzip:
// real Title / Subtitle / Heading 1 / Heading 2 / List Bullet styles with a bullet numbering
// definition, page size and margins from RenderOptions, one-column and ATS-friendly in both
// templates, contact links as HYPERLINK fields. Every string goes through CleanText and is
// escaped, so any Document (empty, huge, control characters, RTL/CJK) yields a valid package.
// The output is deterministic: equal input gives equal bytes.
//
// Thread safety: no shared state; concurrent calls are safe.
#pragma once

#include <string>

#include "common/error.hpp"
#include "generation/document.hpp"

namespace jc::generation {

// The .docx file bytes. Failure is ErrorCode::kInternal, only when libzip cannot build the
// archive (e.g. out of memory); the document content never makes rendering fail.
Result<std::string> RenderDocx(const Document& doc, const RenderOptions& options);

}  // namespace jc::generation
