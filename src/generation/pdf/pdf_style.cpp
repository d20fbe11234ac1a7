#include "generation/pdf/pdf_style.hpp"

namespace jc::generation::pdf {
namespace {

// Families carry DejaVu as the fallback for scripts the first face lacks; fontconfig adds the
// rest (Noto CJK for Chinese, Japanese, Korean).
constexpr const char* kSerif = "DejaVu Serif";
constexpr const char* kSans = "DejaVu Sans";

// Classic: serif, black, centred name, capitalised headings over a thin rule.
const Style kClassic = {
    .name = {kSerif, 21, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL},
    .headline = {kSerif, 11.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL},
    .contact = {kSerif, 9, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL},
    .heading = {kSerif, 10.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL},
    .body = {kSerif, 10, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL},
    .entry_title = {kSerif, 10.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL},
    .entry_sub = {kSerif, 10, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC},
    .text = {0, 0, 0},
    .muted = {0.2, 0.2, 0.2},
    .accent = {0, 0, 0},
    .centre_header = true,
    .uppercase_headings = true,
    .heading_rule = 0.6,
    .heading_letter_spacing = 0.6,
    .line_spacing = 1.25,
    .margin_x = 54,
    .margin_top = 50,
    .margin_bottom = 50,
    .header_gap = 8,
    .section_gap = 13,
    .heading_gap = 6,
    .entry_gap = 8,
    .paragraph_gap = 2,
    .letter_gap = 12,
    .bullet_x = 4,
    .bullet_text_x = 14,
};

// Modern: sans, left-aligned, a dark teal for the name and headings, a little more air.
const Style kModern = {
    .name = {kSans, 22, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL},
    .headline = {kSans, 11.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL},
    .contact = {kSans, 8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL},
    .heading = {kSans, 11.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL},
    .body = {kSans, 10, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL},
    .entry_title = {kSans, 10.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL},
    .entry_sub = {kSans, 10, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL},
    .text = {0.13, 0.13, 0.13},
    .muted = {0.36, 0.36, 0.36},
    .accent = {0.0, 0.36, 0.40},
    .centre_header = false,
    .uppercase_headings = false,
    .heading_rule = 0,
    .heading_letter_spacing = 0,
    .line_spacing = 1.3,
    .margin_x = 54,
    .margin_top = 52,
    .margin_bottom = 50,
    .header_gap = 10,
    .section_gap = 16,
    .heading_gap = 6,
    .entry_gap = 10,
    .paragraph_gap = 3,
    .letter_gap = 13,
    .bullet_x = 2,
    .bullet_text_x = 13,
};

}  // namespace

const Style& StyleFor(TemplateId id) {
  switch (id) {
    case TemplateId::kClassic:
      return kClassic;
    case TemplateId::kModern:
      return kModern;
  }
  return kClassic;
}

PageGeometry GeometryFor(PageSize size, const Style& style) {
  PageGeometry g;
  switch (size) {
    case PageSize::kA4:
      g.width = 595.28;
      g.height = 841.89;
      break;
    case PageSize::kLetter:
      g.width = 612;
      g.height = 792;
      break;
  }
  g.margin_x = style.margin_x;
  g.margin_top = style.margin_top;
  g.margin_bottom = style.margin_bottom;
  return g;
}

}  // namespace jc::generation::pdf
