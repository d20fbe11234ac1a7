// Small UTF-8 and line-building helpers shared by the text, HTML and RTF extractors.
//
// Pure functions plus LineBuilder, a value type that gathers the characters of one line
// (collapsing whitespace, counting bold and italic characters) and emits it into a Document
// while enforcing ExtractLimits::max_chars. A LineBuilder is owned by one extraction and is not
// shared between threads; the free functions are thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "parsing/document.hpp"

namespace jc::parsing {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Appends `cp` as UTF-8; surrogates and values past U+10FFFF become U+FFFD.
void AppendUtf8(std::string& out, char32_t cp);

// Decodes the code point at `pos` and advances `pos` past it. An invalid or truncated sequence
// yields U+FFFD and advances one byte, so a loop over any input always terminates.
char32_t NextCodepoint(std::string_view utf8, std::size_t& pos);

// Windows-1252 byte -> code point (0x80-0x9F through the Windows table, the rest as Latin-1).
char32_t Windows1252ToUnicode(unsigned char byte);

// True when the text has at least two letters and none of them is lower case.
bool IsAllCaps(std::string_view utf8);

// Lower-cases ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic; other text is unchanged.
std::string FoldCase(std::string_view utf8);

// A typed list marker at the start of a line: a bullet glyph (•, ◦, ▪, -, *, –...) or an item
// number ("1.", "2)", "a)"), followed by a space. `length` covers the marker and that space.
struct ListMarker {
  std::size_t length = 0;
  bool numbered = false;
};
std::optional<ListMarker> MatchListMarker(std::string_view text);

// A kBody line whose text starts with a typed marker becomes a level-1 kListItem without it.
void PromoteTypedBullet(Line& line);

// The error every extractor returns past ExtractLimits.
Error TooLarge(std::string_view what);
// The error for a document without any text.
Error EmptyDocument();

enum class BoldRule : std::uint8_t { kWholeLine, kMajority };

class LineBuilder {
 public:
  explicit LineBuilder(std::size_t max_chars) : max_chars_(max_chars) {}

  // Appends UTF-8 text; runs of whitespace (and control characters) become one space.
  void Append(std::string_view utf8, bool bold = false, bool italic = false);
  void AppendCodepoint(char32_t cp, bool bold = false, bool italic = false);
  bool Empty() const { return text_.empty(); }

  // Ends the current line. When it holds text, `proto` (role, block, page...) receives the
  // trimmed text, bold/italic per `rule` and all_caps, and is appended to `doc`. Fails with
  // kPayloadTooLarge once the document passes max_chars.
  Status Flush(Line proto, Document& doc, BoldRule rule = BoldRule::kWholeLine);

 private:
  std::string text_;
  std::size_t chars_ = 0;
  std::size_t bold_chars_ = 0;
  std::size_t italic_chars_ = 0;
  bool pending_space_ = false;
  std::size_t total_chars_ = 0;
  std::size_t max_chars_;
};

}  // namespace jc::parsing
