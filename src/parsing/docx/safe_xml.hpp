// Parsing package XML parts (DOCX, ODT) with pugixml in a way hostile files cannot exploit.
//
// pugixml never expands DTD entities: without parse_doctype the DOCTYPE is skipped, and only
// the five predefined and numeric character references are decoded, so a billion-laughs
// document stays its own size and an external entity is never fetched (its reference stays
// literal text). Its parser is iterative, so deep nesting cannot overflow the stack while
// parsing; walkers bound their own recursion with ExtractLimits::max_xml_depth.
// Stateless free functions; thread-safe.
#pragma once

#include <cstring>
#include <pugixml.hpp>
#include <string>

#include "common/error.hpp"

namespace jc::parsing {

// Keeps whitespace-only text when it is an element's only child (<w:t> </w:t> is a space).
inline constexpr unsigned kSafeXmlFlags =
    (pugi::parse_default | pugi::parse_ws_pcdata_single) & ~pugi::parse_doctype;

// Parses `buffer` in place (the document points into it: keep the buffer alive as long as the
// document). Fails with unreadable_document naming `part` when the XML is malformed.
Status ParseSafeXml(std::string& buffer, pugi::xml_document& doc, const std::string& part);

inline bool IsNamed(const pugi::xml_node& node, const char* name) {
  return std::strcmp(node.name(), name) == 0;
}

}  // namespace jc::parsing
