// Flow: the display list of a document as boxes that a page break never cuts (one text line, or
// a small group such as an entry's heading with its dates), and the paginator that places them
// on pages. Owns the pango layouts its boxes draw. One Flow per render call; not thread-safe,
// never shared.
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "generation/pdf/pdf_style.hpp"

namespace jc::generation::pdf {

struct Piece {
  enum class Kind : std::uint8_t { kLine, kLayout, kRule };
  Kind kind = Kind::kLine;
  PangoLayoutLine* line = nullptr;  // kLine: drawn with its baseline origin at (dx, dy)
  PangoLayout* layout = nullptr;    // kLayout: drawn with its top-left corner at (dx, dy)
  double dx = 0;                    // relative to the left margin
  double dy = 0;                    // relative to the top of the box
  double width = 0;                 // kRule
  double height = 0;                // kRule
  Rgb color;
};

// A link area, relative to the box like a Piece. uri is already safe for a cairo tag.
struct Link {
  double dx = 0;
  double dy = 0;
  double width = 0;
  double height = 0;
  std::string uri;
};

struct Box {
  double space_before = 0;  // dropped at the top of a page
  double height = 0;
  bool keep_with_next = false;  // never the last box on a page when another follows
  std::vector<Piece> pieces;
  std::vector<Link> links;
};

// A run of text of a layout that links to uri (byte offsets into the layout's text).
struct LinkSpan {
  int start = 0;
  int end = 0;
  std::string uri;
};

class Flow {
 public:
  Flow() = default;
  ~Flow();
  Flow(const Flow&) = delete;
  Flow& operator=(const Flow&) = delete;

  // Takes over the caller's reference to layout; returns it.
  PangoLayout* Adopt(PangoLayout* layout);

  // One box per line of layout (adopted before), its left edge at x; the first box gets
  // space_before. Spans become link areas on the lines they cover.
  void AddLines(PangoLayout* layout, double x, Rgb color, double space_before,
                const std::vector<LinkSpan>& links = {});
  void AddBox(Box box) { boxes_.push_back(std::move(box)); }
  // Keeps the last box on the same page as the next one.
  void KeepLastWithNext();
  // Adds a piece to the last box, growing it to dy + height when needed.
  void AttachToLast(Piece piece, double extra_height);
  double LastHeight() const { return boxes_.empty() ? 0 : boxes_.back().height; }

  // Paginates and draws onto cr (whose target is a PDF surface of the page's size). Returns the
  // number of pages.
  int Render(cairo_t* cr, const PageGeometry& page) const;

 private:
  std::size_t GroupEnd(std::size_t first) const;
  void DrawBox(cairo_t* cr, const Box& box, double x, double y) const;

  std::vector<PangoLayout*> layouts_;
  std::vector<Box> boxes_;
};

}  // namespace jc::generation::pdf
