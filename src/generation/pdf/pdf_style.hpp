// The look of the two PDF templates (fonts, sizes, colours, spacing) and the page geometry.
// Internal to the PDF renderer. Constant data; thread-safe.
#pragma once

#include <pango/pango.h>

#include "generation/document.hpp"

namespace jc::generation::pdf {

struct Rgb {
  double r = 0;
  double g = 0;
  double b = 0;
};

// One text style: family list (pango syntax, fallbacks after commas), size in points.
struct FontSpec {
  const char* family = "DejaVu Sans";
  double size = 10;
  PangoWeight weight = PANGO_WEIGHT_NORMAL;
  PangoStyle style = PANGO_STYLE_NORMAL;
};

struct Style {
  FontSpec name;         // the candidate's name
  FontSpec headline;     // under the name
  FontSpec contact;      // the contact line
  FontSpec heading;      // section headings
  FontSpec body;         // paragraphs, bullets, dates
  FontSpec entry_title;  // an entry's heading
  FontSpec entry_sub;    // an entry's subheading
  Rgb text;              // body text
  Rgb muted;             // headline, contact line, subheadings, dates
  Rgb accent;            // name and section headings
  bool centre_header = false;
  bool uppercase_headings = false;
  double heading_rule = 0;            // thickness of the rule under a heading; 0 = none
  double heading_letter_spacing = 0;  // points
  double line_spacing = 1.2;          // body line height, as a factor of the font size
  // Page margins, points.
  double margin_x = 54;
  double margin_top = 50;
  double margin_bottom = 50;
  // Vertical space, points: after the header, before a section heading, between the heading and
  // its first block, between entries, between paragraphs of an entry or letter.
  double header_gap = 10;
  double section_gap = 14;
  double heading_gap = 6;
  double entry_gap = 8;
  double paragraph_gap = 3;
  double letter_gap = 12;
  // Bullets: the bullet's left edge, and where the item's text starts (both from the left margin).
  double bullet_x = 4;
  double bullet_text_x = 14;
};

const Style& StyleFor(TemplateId id);

struct PageGeometry {
  double width = 0;
  double height = 0;
  double margin_x = 0;
  double margin_top = 0;
  double margin_bottom = 0;

  double ContentWidth() const { return width - 2 * margin_x; }
};

PageGeometry GeometryFor(PageSize size, const Style& style);

}  // namespace jc::generation::pdf
