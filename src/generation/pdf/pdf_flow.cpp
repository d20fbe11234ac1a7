#include "generation/pdf/pdf_flow.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>

namespace jc::generation::pdf {
namespace {

// Rounding slack, so a box that fits exactly is not pushed to the next page.
constexpr double kEpsilon = 0.01;

double Pt(int pango_units) {
  return pango_units_to_double(pango_units);
}

// Formats with the C locale whatever the process locale is (cairo parses '.' decimals).
void AppendNumber(std::string& out, double value) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, 2);
  if (ec == std::errc()) out.append(buf, end);
}

// The x range of bytes [start, end) of a line, relative to the line's origin, in points.
std::pair<double, double> SpanX(PangoLayout* layout, PangoLayoutLine* line, int start, int end) {
  const char* text = pango_layout_get_text(layout);
  const int last = static_cast<int>(g_utf8_prev_char(text + end) - text);
  int x_start = 0;
  int x_end = 0;
  pango_layout_line_index_to_x(line, start, FALSE, &x_start);
  pango_layout_line_index_to_x(line, last, TRUE, &x_end);
  return {Pt(std::min(x_start, x_end)), Pt(std::max(x_start, x_end))};
}

}  // namespace

Flow::~Flow() {
  for (PangoLayout* layout : layouts_) g_object_unref(layout);
}

PangoLayout* Flow::Adopt(PangoLayout* layout) {
  layouts_.push_back(layout);
  return layout;
}

void Flow::AddLines(PangoLayout* layout, double x, Rgb color, double space_before,
                    const std::vector<LinkSpan>& links) {
  PangoLayoutIter* iter = pango_layout_get_iter(layout);
  bool first = true;
  do {
    PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter);
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    int y0 = 0;
    int y1 = 0;
    pango_layout_iter_get_line_yrange(iter, &y0, &y1);
    const int baseline = pango_layout_iter_get_baseline(iter);

    Box box;
    box.space_before = first ? space_before : 0;
    box.height = Pt(y1 - y0);
    Piece piece;
    piece.kind = Piece::Kind::kLine;
    piece.line = line;
    piece.dx = x + Pt(logical.x);
    piece.dy = Pt(baseline - y0);
    piece.color = color;
    box.pieces.push_back(piece);
    for (const LinkSpan& span : links) {
      const int start = std::max(span.start, line->start_index);
      const int end = std::min(span.end, line->start_index + line->length);
      if (start >= end) continue;
      auto [left, right] = SpanX(layout, line, start, end);
      box.links.push_back({piece.dx + left, 0, right - left, box.height, span.uri});
    }
    boxes_.push_back(std::move(box));
    first = false;
  } while (pango_layout_iter_next_line(iter));
  pango_layout_iter_free(iter);
}

void Flow::KeepLastWithNext() {
  if (!boxes_.empty()) boxes_.back().keep_with_next = true;
}

void Flow::AttachToLast(Piece piece, double extra_height) {
  if (boxes_.empty()) return;
  Box& box = boxes_.back();
  box.height += extra_height;
  box.pieces.push_back(piece);
}

std::size_t Flow::GroupEnd(std::size_t first) const {
  std::size_t last = first;
  while (last + 1 < boxes_.size() && boxes_[last].keep_with_next) ++last;
  return last;
}

int Flow::Render(cairo_t* cr, const PageGeometry& page) const {
  const double top = page.margin_top;
  const double bottom = page.height - page.margin_bottom;
  double y = top;
  bool page_used = false;
  int pages = 1;
  for (std::size_t i = 0; i < boxes_.size(); ++i) {
    const Box& box = boxes_[i];
    // A group that is kept together moves to the next page as a whole, unless it could not fit
    // on any page: then it breaks like ordinary lines.
    double needed = box.height;
    for (std::size_t k = i + 1, last = GroupEnd(i); k <= last; ++k) {
      needed += boxes_[k].space_before + boxes_[k].height;
    }
    if (needed > bottom - top) needed = box.height;
    double before = page_used ? box.space_before : 0;
    if (page_used && y + before + needed > bottom + kEpsilon) {
      cairo_show_page(cr);
      ++pages;
      y = top;
      before = 0;
    }
    y += before;
    DrawBox(cr, box, page.margin_x, y);
    y += box.height;
    page_used = true;
  }
  return pages;
}

void Flow::DrawBox(cairo_t* cr, const Box& box, double x, double y) const {
  for (const Piece& piece : box.pieces) {
    cairo_set_source_rgb(cr, piece.color.r, piece.color.g, piece.color.b);
    switch (piece.kind) {
      case Piece::Kind::kLine:
        cairo_move_to(cr, x + piece.dx, y + piece.dy);
        pango_cairo_show_layout_line(cr, piece.line);
        break;
      case Piece::Kind::kLayout:
        cairo_move_to(cr, x + piece.dx, y + piece.dy);
        pango_cairo_show_layout(cr, piece.layout);
        break;
      case Piece::Kind::kRule:
        cairo_rectangle(cr, x + piece.dx, y + piece.dy, piece.width, piece.height);
        cairo_fill(cr);
        break;
    }
  }
  for (const Link& link : box.links) {
    std::string attributes = "rect=[";
    AppendNumber(attributes, x + link.dx);
    attributes += ' ';
    AppendNumber(attributes, y + link.dy);
    attributes += ' ';
    AppendNumber(attributes, link.width);
    attributes += ' ';
    AppendNumber(attributes, link.height);
    attributes += "] uri='" + link.uri + "'";
    cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes.c_str());
    cairo_tag_end(cr, CAIRO_TAG_LINK);
  }
}

}  // namespace jc::generation::pdf
