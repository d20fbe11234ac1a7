// Small helpers for writing WordprocessingML by hand: escaping text for element content and
// attribute values, and the theme (fonts, sizes, colours, page geometry) a template stands for.
// Pure functions and plain values; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "generation/document.hpp"

namespace jc::generation::docx {

inline constexpr std::string_view kXmlDeclaration =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
inline constexpr std::string_view kWordNamespace =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr std::string_view kRelNamespace =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// Appends text with &, <, >, " and ' escaped: valid in element content and in attribute values.
// The text must already be valid XML 1.0 characters (CleanText guarantees it).
void AppendEscaped(std::string& out, std::string_view text);

// What a template looks like. Sizes in half-points, distances in twips, colours as RRGGBB.
struct Theme {
  std::string_view font;         // body and headings; a metric-compatible twin exists on Linux
  std::string_view font_family;  // fontTable family: "roman" or "swiss"
  std::string_view alt_font;     // fontTable altName: the Liberation twin
  std::string_view accent;       // name and headings
  std::string_view rule;         // heading bottom border; empty = none
  std::string_view muted;        // headline, contact line, dates
  bool centred_header = false;   // name, headline and contact line centred
  bool caps_headings = false;    // section headings in capitals
  int body_size = 21;            // 10.5 pt
  int name_size = 44;            // 22 pt
  int heading_size = 24;         // 12 pt
  int contact_size = 19;         // 9.5 pt
  int average_advance = 500;     // mean glyph width of running text, thousandths of an em
};

struct PageGeometry {
  int width = 11906;  // A4
  int height = 16838;
  int margin = 1077;  // 19 mm
  int TextWidth() const { return width - 2 * margin; }
};

Theme ThemeFor(TemplateId id);
PageGeometry GeometryFor(PageSize size);

// doc.language when it looks like a BCP 47 tag ("en", "de-AT"), else "en": the value goes into
// w:lang and dc:language, where an arbitrary string would make Word complain.
std::string LanguageTag(std::string_view language);

}  // namespace jc::generation::docx
