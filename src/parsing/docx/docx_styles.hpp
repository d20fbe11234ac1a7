// DocxStyles: the style table of word/styles.xml, resolved through basedOn chains into what the
// extractor needs per paragraph style (name, heading or not, list level, run formatting).
//
// Built once per document and then read-only: safe to share between threads after Parse.
#pragma once

#include <functional>
#include <map>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "parsing/docx/line_sink.hpp"

namespace jc::parsing {

struct DocxStyle {
  std::string name;      // w:name, or the style id when it has none
  bool heading = false;  // a heading/title name or an outline level 0-8 in the chain
  int list_level = 0;    // 1 + ilvl when the style carries numbering; 0 otherwise
  FormatSpec format;     // the chain's run formatting, document defaults not included
};

class DocxStyles {
 public:
  // `styles` is the w:styles element (an empty node gives an empty table).
  static DocxStyles Parse(pugi::xml_node styles);

  // The style with this id; the default paragraph style when the id is empty or unknown.
  const DocxStyle& Paragraph(std::string_view id) const;
  // A character (or any) style by id; nullptr when unknown.
  const DocxStyle* Find(std::string_view id) const;
  const FormatSpec& defaults() const { return defaults_; }

 private:
  std::map<std::string, DocxStyle, std::less<>> styles_;
  DocxStyle default_paragraph_;
  FormatSpec defaults_;
};

// Reads w:b, w:i, w:caps, w:sz from an rPr element.
FormatSpec ReadRunProperties(pugi::xml_node rpr);
// Whether a style name denotes a heading: "heading 1", "Heading1", "Title".
bool IsHeadingStyleName(std::string_view name);

}  // namespace jc::parsing
