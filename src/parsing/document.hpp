// The text of a document with its layout, as every extractor (PDF, DOCX/ODT, RTF, HTML, text)
// produces it and the CV parser consumes it. Plain data: no I/O, safe to copy and share.
//
// Lines are in reading order: for a two-column page, the whole left column (top to bottom),
// then the right one; repeated page headers and footers are marked, not dropped. Geometry is
// in PDF points with the origin at the page's top-left; flow formats (DOCX, HTML, text) have
// no geometry (all zero) but keep styles, list levels and table cells.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jc::parsing {

enum class FileKind : std::uint8_t { kPdf, kDocx, kOdt, kRtf, kHtml, kText };
std::string_view FileKindName(FileKind kind);  // "pdf", "docx", "odt", "rtf", "html", "txt"

enum class LineRole : std::uint8_t {
  kBody,
  kHeading,    // a heading by style (DOCX Heading N, HTML h1-h6) or markup; PDFs leave this
               // to the parser, which judges size, weight and spacing
  kListItem,   // a bullet or numbered item
  kTableCell,  // text from a table cell (cells of one row share `block`)
  kHeader,     // page header (DOCX header part, or repeated at a PDF page top)
  kFooter,     // page footer
};

struct Line {
  std::string text;  // UTF-8, no line breaks, trimmed, runs of spaces collapsed
  LineRole role = LineRole::kBody;
  int page = 1;        // 1-based; flow formats: 1 (or the page of an explicit page break)
  int column = 0;      // 0 = single column; 1, 2... left to right when the page has columns
  int block = 0;       // lines of one paragraph / text block / table row share a block number
  int list_level = 0;  // 0 = not a list item; 1 = top level...
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // bounding box in points, top-left origin
  float font_size = 0;                   // points; 0 when unknown
  bool bold = false;
  bool italic = false;
  bool all_caps = false;  // the source text is upper case, or styled as caps (DOCX w:caps)
  std::string style;      // source style name, e.g. "Heading1", "Title", "ListBullet", "h2"
};

struct Document {
  FileKind kind = FileKind::kText;
  int pages = 1;
  std::vector<Line> lines;
  std::vector<std::string> warnings;      // e.g. "text recovered from a damaged file"
  float page_width = 0, page_height = 0;  // points; 0 for flow formats

  std::size_t TextChars() const;  // total characters of all lines
};

// Bounds on the work one extraction may do, whatever the input. Past a bound the extractor
// stops with kPayloadTooLarge (slug "document_too_large") rather than working on.
struct ExtractLimits {
  int max_pages = 50;                             // a CV; more is refused
  std::size_t max_chars = 500'000;                // extracted text
  std::size_t max_zip_entries = 2'000;            // DOCX/ODT entries
  std::size_t max_uncompressed_bytes = 64 << 20;  // DOCX/ODT total after inflation
  std::uint64_t max_compression_ratio = 200;      // per entry, uncompressed : compressed
  std::size_t max_xml_depth = 256;
};

}  // namespace jc::parsing
