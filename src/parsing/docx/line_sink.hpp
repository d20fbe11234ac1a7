// LineSink: collects the text of a flow document (DOCX, ODT) paragraph by paragraph and turns
// it into Document lines: whitespace collapsed, one Line per line break, formatting taken from
// the run that contributes most characters, and a bound on the total text.
//
// The walkers own one sink per extraction and feed it in reading order. Not thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/error.hpp"
#include "parsing/document.hpp"

namespace jc::parsing {

struct RunFormat {
  bool bold = false;
  bool italic = false;
  bool caps = false;
  float font_size = 0;  // points; 0 when unknown

  bool operator==(const RunFormat&) const = default;
};

// Formatting that a style or a run may or may not set; unset values inherit.
struct FormatSpec {
  std::optional<bool> bold, italic, caps;
  std::optional<float> font_size;

  // Values set in `over` win.
  void Overlay(const FormatSpec& over);
  RunFormat ToRunFormat() const;
};

struct ParagraphInfo {
  LineRole role = LineRole::kBody;
  int list_level = 0;
  std::string style;
};

// The role of a paragraph, in order of precedence: a forced role (header/footer part), a
// table cell, a heading, a list item, else body text. Shared by the DOCX and ODT walkers.
LineRole ParagraphRole(std::optional<LineRole> forced, bool in_table, bool heading, int list_level);

class LineSink {
 public:
  explicit LineSink(const ExtractLimits& limits) : limits_(limits) {}

  // Appends raw text: whitespace (and no-break spaces) collapse to one space, control
  // characters are dropped. Fails the sink once the total text passes limits.max_chars.
  void Append(std::string_view raw, const RunFormat& format);
  // Ends the current line of the paragraph (a line break); empty lines vanish.
  void BreakLine();
  // Emits the paragraph's lines with `info` and one shared block number.
  void EndParagraph(const ParagraphInfo& info);
  bool HasPendingText() const { return !current_.empty() || !paragraph_.empty(); }

  // Block numbers: NewBlock() for a paragraph; a table row sets one shared by its cells.
  int NewBlock() { return ++last_block_; }
  void SetRowBlock(std::optional<int> block) { row_block_ = block; }
  std::optional<int> row_block() const { return row_block_; }

  // Explicit page breaks.
  int page() const { return page_; }
  void NextPage() { ++page_; }

  bool Failed() const { return error_.has_value(); }
  void Fail(Error error);

  // Headers first, body, footers last; repeated header/footer lines dropped; blocks renumbered
  // densely. Fails with the sink's error, document_too_large past max_pages, or
  // kValidation "empty_document" when no text was found.
  Result<Document> Finish(FileKind kind);

 private:
  void FlushCurrent();

  ExtractLimits limits_;
  std::optional<Error> error_;
  std::vector<Line> lines_;
  std::vector<Line> paragraph_;  // finished lines of the open paragraph
  std::string current_;          // the open line, already normalised
  bool space_pending_ = false;
  std::vector<std::pair<RunFormat, std::size_t>> weights_;  // chars per format, open line
  std::size_t chars_ = 0;                                   // emitted and finished lines
  int last_block_ = 0;
  std::optional<int> row_block_;
  int page_ = 1;
};

}  // namespace jc::parsing
