// word/document.xml for a Document: the header (name, headline, contact line), then the CV
// sections or the letter, then the page setup. Every string goes through CleanText and is
// escaped; empty strings and sections without content produce no paragraphs.
// Pure function; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "generation/docx/docx_xml.hpp"

namespace jc::generation::docx {

// The complete word/document.xml.
std::string WriteBody(const Document& doc, const Theme& theme, const PageGeometry& page);

// The URL as a HYPERLINK field target when it is a well-formed http(s)/mailto/tel URI of sane
// length (bytes outside URI syntax percent-encoded); nullopt when it should stay plain text.
std::optional<std::string> SafeLinkTarget(std::string_view url);

}  // namespace jc::generation::docx
