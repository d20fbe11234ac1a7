#include "parsing/text/text_util.hpp"

#include <array>
#include <optional>

namespace jc::parsing {
namespace {

// Windows-1252 0x80-0x9F; the five undefined bytes map to U+FFFD.
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

bool IsSpace(char32_t cp) {
  return cp <= 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0xA0 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

bool IsInvisible(char32_t cp) {
  return cp == 0xFEFF || cp == 0x200B || cp == 0xAD;
}

// Latin Extended-A pairs upper/lower as even/odd, except in 0x0139-0x0148 and 0x0179-0x017E.
bool ExtAOddIsUpper(char32_t cp) {
  return (cp >= 0x0139 && cp <= 0x0148) || (cp >= 0x0179 && cp <= 0x017E);
}

char32_t ToLower(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  if (cp >= 0x0100 && cp <= 0x017F && cp != 0x0130 && cp != 0x0131 && cp != 0x0138 &&
      cp != 0x0149 && cp != 0x017F) {
    if (cp == 0x0178) return 0xFF;
    bool odd = (cp & 1) != 0;
    if (ExtAOddIsUpper(cp)) return odd ? cp + 1 : cp;
    return odd ? cp : cp + 1;
  }
  if (cp >= 0x0391 && cp <= 0x03A9 && cp != 0x03A2) return cp + 32;
  if (cp >= 0x0410 && cp <= 0x042F) return cp + 32;
  if (cp >= 0x0400 && cp <= 0x040F) return cp + 80;
  return cp;
}

bool IsLetterWithCase(char32_t cp) {
  return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
         (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
         (cp >= 0x0386 && cp <= 0x03FF) || (cp >= 0x0400 && cp <= 0x04FF);
}

}  // namespace

void AppendUtf8(std::string& out, char32_t cp) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = kReplacementChar;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

char32_t NextCodepoint(std::string_view s, std::size_t& pos) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char b0 = byte(pos);
  if (b0 < 0x80) {
    ++pos;
    return b0;
  }
  int len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, cp = b0 & 0x1Fu, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, cp = b0 & 0x0Fu, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, cp = b0 & 0x07u, min = 0x10000;
  } else {
    ++pos;
    return kReplacementChar;
  }
  if (pos + static_cast<std::size_t>(len) > s.size()) {
    ++pos;
    return kReplacementChar;
  }
  for (int k = 1; k < len; ++k) {
    unsigned char b = byte(pos + static_cast<std::size_t>(k));
    if ((b & 0xC0) != 0x80) {
      ++pos;
      return kReplacementChar;
    }
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++pos;
    return kReplacementChar;
  }
  pos += static_cast<std::size_t>(len);
  return cp;
}

char32_t Windows1252ToUnicode(unsigned char byte) {
  if (byte >= 0x80 && byte <= 0x9F) return kCp1252High[byte - 0x80u];
  return byte;
}

bool IsAllCaps(std::string_view utf8) {
  int upper = 0;
  for (std::size_t pos = 0; pos < utf8.size();) {
    char32_t cp = NextCodepoint(utf8, pos);
    if (!IsLetterWithCase(cp)) continue;
    if (ToLower(cp) != cp) {
      ++upper;
    } else if (cp != 0xDF) {
      return false;
    }
  }
  return upper >= 2;
}

std::string FoldCase(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t pos = 0; pos < utf8.size();) AppendUtf8(out, ToLower(NextCodepoint(utf8, pos)));
  return out;
}

std::optional<ListMarker> MatchListMarker(std::string_view s) {
  constexpr std::array<std::string_view, 21> kGlyphs = {"•", "◦", "▪", "▫", "■", "□", "●",
                                                        "○", "·", "‣", "►", "▶", "➢", "➤",
                                                        "✓", "✔", "–", "—", "-", "*", "+"};
  auto space_at = [&](std::size_t n) { return n < s.size() && (s[n] == ' ' || s[n] == '\t'); };
  for (std::string_view glyph : kGlyphs) {
    if (s.substr(0, glyph.size()) != glyph) continue;
    if (space_at(glyph.size())) return ListMarker{glyph.size() + 1, false};
    // A multi-byte glyph needs no space after it ("•Go"); "-" and "*" do ("-5%").
    if (glyph.size() > 1 && s.size() > glyph.size()) return ListMarker{glyph.size(), false};
    return std::nullopt;
  }
  std::size_t digits = 0;
  while (digits < s.size() && digits < 3 && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (digits > 0 && digits < s.size() && (s[digits] == '.' || s[digits] == ')') &&
      space_at(digits + 1))
    return ListMarker{digits + 2, true};
  if (s.size() > 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] == ')' && space_at(2))
    return ListMarker{3, true};
  return std::nullopt;
}

void PromoteTypedBullet(Line& line) {
  if (line.role != LineRole::kBody) return;
  auto marker = MatchListMarker(line.text);
  if (!marker || marker->length >= line.text.size()) return;
  line.text.erase(0, marker->length);
  line.role = LineRole::kListItem;
  line.list_level = 1;
  if (line.style.empty() || line.style == "Normal")
    line.style = marker->numbered ? "ListNumber" : "ListBullet";
}

Error TooLarge(std::string_view what) {
  return Error::Make(ErrorCode::kPayloadTooLarge,
                     "the document is too large to process: " + std::string(what),
                     "document_too_large");
}

Error EmptyDocument() {
  return Error::Make(ErrorCode::kValidation, "the document contains no text", "empty_document");
}

void LineBuilder::Append(std::string_view utf8, bool bold, bool italic) {
  for (std::size_t pos = 0; pos < utf8.size();)
    AppendCodepoint(NextCodepoint(utf8, pos), bold, italic);
}

void LineBuilder::AppendCodepoint(char32_t cp, bool bold, bool italic) {
  if (IsInvisible(cp)) return;
  if (IsSpace(cp)) {
    pending_space_ = !text_.empty();
    return;
  }
  if (pending_space_) {
    text_.push_back(' ');
    pending_space_ = false;
  }
  AppendUtf8(text_, cp);
  ++chars_;
  if (bold) ++bold_chars_;
  if (italic) ++italic_chars_;
}

Status LineBuilder::Flush(Line proto, Document& doc, BoldRule rule) {
  if (!text_.empty()) {
    total_chars_ += text_.size();
    if (total_chars_ > max_chars_) return TooLarge("more text than the configured maximum");
    auto styled = [&](std::size_t n) {
      return rule == BoldRule::kWholeLine ? n == chars_ : n * 2 > chars_;
    };
    proto.bold = proto.bold || styled(bold_chars_);
    proto.italic = proto.italic || styled(italic_chars_);
    proto.all_caps = proto.all_caps || IsAllCaps(text_);
    proto.text = std::move(text_);
    doc.lines.push_back(std::move(proto));
  }
  text_.clear();
  chars_ = bold_chars_ = italic_chars_ = 0;
  pending_space_ = false;
  return {};
}

}  // namespace jc::parsing
