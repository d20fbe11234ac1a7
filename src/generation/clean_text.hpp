// CleanText: the one sanitiser every renderer applies to document text before it is drawn or
// written. Output is valid UTF-8 with no control characters, so it is safe in XML 1.0 (DOCX),
// HTML, Markdown and pango. Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace jc::generation {

// Invalid UTF-8 sequences become U+FFFD; NUL and the other C0/C1 control characters, DEL,
// U+FFFE/U+FFFF and lone surrogates are dropped, except that tab, CR and LF become one space
// each (a document line is one line). Other text is unchanged byte for byte.
std::string CleanText(std::string_view text);

}  // namespace jc::generation
