#include "parsing/text/text_extractor.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "parsing/text/text_util.hpp"

namespace jc::parsing {
namespace {

void DecodeUtf16(std::string_view bytes, bool little_endian, std::string& out) {
  auto unit = [&](std::size_t i) {
    auto lo = static_cast<unsigned char>(bytes[little_endian ? i : i + 1]);
    auto hi = static_cast<unsigned char>(bytes[little_endian ? i + 1 : i]);
    return static_cast<char32_t>(lo | (hi << 8));
  };
  std::size_t i = 0;
  if (bytes.size() >= 2 && unit(0) == 0xFEFF) i = 2;
  for (; i + 1 < bytes.size(); i += 2) {
    char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
      char32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        AppendUtf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    AppendUtf8(out, u);  // a lone surrogate becomes U+FFFD there
  }
}

// "=====" or "-----" (three or more, spaces allowed) and other rule lines made of one symbol.
char RuleChar(std::string_view s) {
  char c = 0;
  int count = 0;
  for (char ch : s) {
    if (ch == ' ' || ch == '\t') continue;
    if (std::string_view("-=_*~#").find(ch) == std::string_view::npos || (c != 0 && ch != c))
      return 0;
    c = ch;
    ++count;
  }
  return count >= 3 ? c : 0;
}

struct RawLine {
  std::string_view text;
  int page = 1;
};

std::vector<RawLine> SplitLines(std::string_view text) {
  std::vector<RawLine> lines;
  int page = 1;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    char c = i < text.size() ? text[i] : '\n';
    if (c != '\n' && c != '\r' && c != '\f') continue;
    lines.push_back({text.substr(start, i - start), page});
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    if (c == '\f') {
      ++page;
      lines.push_back({{}, page});  // a page break also ends the paragraph
    }
    start = i + 1;
  }
  return lines;
}

class TextLayout {
 public:
  explicit TextLayout(const ExtractLimits& limits)
      : builder_(limits.max_chars), max_pages_(limits.max_pages) {}

  Status Add(const RawLine& raw) {
    if (raw.page > max_pages_) return TooLarge("more pages than the configured maximum");
    std::size_t indent = 0, columns = 0;
    while (indent < raw.text.size() && (raw.text[indent] == ' ' || raw.text[indent] == '\t'))
      columns += raw.text[indent++] == '\t' ? 4 : 1;
    std::string_view s = raw.text.substr(indent);
    if (std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; })) {
      BreakBlock();
      return {};
    }
    if (char rule = RuleChar(s)) {
      if ((rule == '=' || rule == '-') && previous_was_text_ && !doc_.lines.empty()) {
        Line& heading = doc_.lines.back();
        heading.role = LineRole::kHeading;
        heading.style = rule == '=' ? "h1" : "h2";
      }
      BreakBlock();
      return {};
    }
    Line proto;
    proto.page = raw.page;
    std::size_t hashes = 0;
    while (hashes < s.size() && hashes < 7 && s[hashes] == '#') ++hashes;
    auto bullet = MatchListMarker(s);
    if (hashes >= 1 && hashes <= 6 && hashes < s.size() && s[hashes] == ' ') {
      BreakBlock();
      proto.role = LineRole::kHeading;
      proto.style = "h" + std::to_string(hashes);
      s.remove_prefix(hashes);
      while (!s.empty() && (s.back() == '#' || s.back() == ' ')) s.remove_suffix(1);
    } else if (bullet) {
      proto.role = LineRole::kListItem;
      proto.style = bullet->numbered ? "ListNumber" : "ListBullet";
      proto.list_level = ListLevel(columns);
      s.remove_prefix(bullet->length);
    } else {
      list_indents_.clear();
    }
    if (new_block_) ++block_, new_block_ = false;
    proto.block = block_;
    bool heading = proto.role == LineRole::kHeading;
    bool body = proto.role == LineRole::kBody;
    builder_.Append(s);
    std::size_t before = doc_.lines.size();
    JC_RETURN_IF_ERROR(builder_.Flush(std::move(proto), doc_));
    previous_was_text_ = doc_.lines.size() > before && body;
    if (heading) BreakBlock();
    return {};
  }

  Document Finish() && {
    doc_.kind = FileKind::kText;
    doc_.pages = doc_.lines.empty() ? 1 : doc_.lines.back().page;
    return std::move(doc_);
  }

 private:
  void BreakBlock() {
    new_block_ = !doc_.lines.empty();
    previous_was_text_ = false;
  }

  int ListLevel(std::size_t columns) {
    while (!list_indents_.empty() && list_indents_.back() > columns) list_indents_.pop_back();
    if (list_indents_.empty() || list_indents_.back() < columns) list_indents_.push_back(columns);
    return static_cast<int>(list_indents_.size());
  }

  Document doc_;
  LineBuilder builder_;
  int max_pages_;
  std::vector<std::size_t> list_indents_;
  int block_ = 0;
  bool new_block_ = false;
  bool previous_was_text_ = false;
};

}  // namespace

std::string DecodeText(std::string_view bytes, TextEncoding enc) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  switch (enc) {
    case TextEncoding::kUtf16Le:
    case TextEncoding::kUtf16Be:
      DecodeUtf16(bytes, enc == TextEncoding::kUtf16Le, out);
      break;
    case TextEncoding::kUtf8:
      if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
      for (std::size_t pos = 0; pos < bytes.size();) AppendUtf8(out, NextCodepoint(bytes, pos));
      break;
    case TextEncoding::kLatin1:
    case TextEncoding::kNone:
      for (char c : bytes) AppendUtf8(out, Windows1252ToUnicode(static_cast<unsigned char>(c)));
      break;
  }
  return out;
}

Result<Document> ExtractText(std::string_view bytes, TextEncoding enc,
                             const ExtractLimits& limits) {
  std::string text = DecodeText(bytes, enc);
  TextLayout layout(limits);
  for (const RawLine& raw : SplitLines(text)) JC_RETURN_IF_ERROR(layout.Add(raw));
  Document doc = std::move(layout).Finish();
  if (doc.lines.empty()) return EmptyDocument();
  return doc;
}

}  // namespace jc::parsing
