// Internal to the PDF extractor: turns the word boxes of one page into Lines in reading order.
//
// Pure functions over plain data; no poppler types, no I/O. Safe to call from any thread.
#pragma once

#include <string>
#include <vector>

#include "parsing/document.hpp"

namespace jc::parsing::pdf {

// One word as poppler reports it, with its text already normalised (UTF-8, no ligatures or soft
// hyphens). Geometry in points, top-left origin.
struct Word {
  std::string text;
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  float font_size = 0;
  bool bold = false;
  bool italic = false;
};

// Groups `words` into lines, detects columns and appends the page's lines to `out` in reading
// order: full-width lines, then each column top to bottom, band by band. `next_block` is the
// document-wide block counter; it is advanced for every new block.
void LayoutPage(std::vector<Word> words, int page, int& next_block, std::vector<Line>& out);

}  // namespace jc::parsing::pdf
