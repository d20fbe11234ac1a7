// OdtStyles: the paragraph and text styles an ODT part can use (styles.xml office:styles plus
// the part's own office:automatic-styles), resolved through parent chains.
//
// Built once per part and then read-only: safe to share between threads after Add/Resolve.
#pragma once

#include <functional>
#include <map>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "parsing/docx/line_sink.hpp"

namespace jc::parsing {

struct OdtStyle {
  std::string name;           // display name (else name) of the first non-automatic style
  int outline_level = 0;      // style:default-outline-level; 0 = not a heading
  bool break_before = false;  // fo:break-before="page"
  FormatSpec format;          // the chain's text properties
};

class OdtStyles {
 public:
  // Adds every style:style (and the paragraph style:default-style) under `container`
  // (office:styles, office:automatic-styles). `automatic`: office:automatic-styles, whose generated
  // names ("P1") are not reported.
  void Add(pugi::xml_node container, bool automatic);
  // Resolves parent chains; call once after the last Add.
  void Resolve();
  // The resolved style of a family ("paragraph", "text") by name; nullptr when unknown.
  const OdtStyle* Find(std::string_view family, std::string_view name) const;
  // Text properties of the paragraph default style (style:default-style).
  const FormatSpec& defaults() const { return defaults_; }

 private:
  struct Raw {
    std::string parent;
    OdtStyle style;
    bool has_outline = false;
    bool automatic = false;
  };
  std::map<std::string, Raw, std::less<>> raw_;  // key: family + ':' + name
  std::map<std::string, OdtStyle, std::less<>> resolved_;
  FormatSpec defaults_;
};

}  // namespace jc::parsing
