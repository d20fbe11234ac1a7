#include "nlp/date_lexer.hpp"

#include <utility>

namespace jc::nlp::date_lexer {
namespace {

constexpr std::string_view kOrdinals = "st|nd|rd|th|er|e|eme|o|a";

// One code point; a malformed or truncated sequence reads as U+FFFD of length one.
char32_t Decode(std::string_view text, std::size_t i, std::size_t& length) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned lead = byte(i);
  length = 1;
  if (lead < 0x80) return lead;
  const std::size_t extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
  if (extra == 0 || i + extra >= text.size()) return 0xFFFD;
  char32_t code = lead & (0x3Fu >> extra);
  for (std::size_t k = 1; k <= extra; ++k) {
    if ((byte(i + k) & 0xC0u) != 0x80u) return 0xFFFD;
    code = (code << 6) | (byte(i + k) & 0x3Fu);
  }
  length = extra + 1;
  return code;
}

Kind KindOf(char32_t c) {
  if (c >= '0' && c <= '9') return Kind::kNumber;
  if ((c | 0x20u) >= 'a' && (c | 0x20u) <= 'z') return Kind::kWord;
  if (c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) ||
      c == 0x202F || c == 0x3000 || c == 0xFEFF) {
    return Kind::kSpace;
  }
  if (c == '-' || c == '~' || c == 0xAD || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 ||
      c == 0x2192 || c == 0xFE63 || c == 0xFF0D) {
    return Kind::kDash;  // hyphen, en and em dashes, minus, soft hyphen, tilde, arrow
  }
  if (c == '\'' || c == '`' || c == 0xB4 || c == 0x2BC || c == 0x2018 || c == 0x2019) {
    return Kind::kApostrophe;
  }
  const bool letter = (c >= 0xC0 && c < 0x2000 && c != 0xD7 && c != 0xF7) || c >= 0x3040;
  return letter && c < 0xD800 ? Kind::kWord : Kind::kMark;
}

// Case and accent folding for the Latin scripts of the seven languages, without ICU: lowercase
// ASCII, Latin-1 accents stripped, combining accents of decomposed text dropped ('\0'); other
// letters become '#', which no table entry contains.
char FoldedLetter(char32_t c) {
  static constexpr std::string_view kLatin1 = "aaaaaaaceeeeiiiidnooooo_ouuuuyts";  // U+00C0..
  if (c < 0x80) return static_cast<char>(c | 0x20u);
  if (c >= 0xC0 && c <= 0xFF) return c == 0xFF ? 'y' : kLatin1[(c - 0xC0) & 0x1F];
  return c >= 0x300 && c <= 0x36F ? '\0' : '#';
}

std::string ReadLetters(std::string_view text, std::size_t& i) {
  std::string folded;
  std::size_t length = 0;
  for (char32_t c; i < text.size() && KindOf(c = Decode(text, i, length)) == Kind::kWord;
       i += length) {
    if (const char letter = FoldedLetter(c)) folded += letter;
  }
  return folded;
}

void ReadNumber(std::string_view text, std::size_t& i, Token& token, const Token* previous) {
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++token.digits) {
    if (token.digits < 9) token.value = token.value * 10 + (text[i] - '0');
  }
  token.glued_alpha = !token.spaced && previous && previous->kind == Kind::kWord;
  std::size_t j = i;
  const std::string suffix = ReadLetters(text, j);
  if (suffix.empty()) return;
  if (token.digits <= 2 && Contains(kOrdinals, suffix)) {
    i = j;  // "15th", "1er": the ordinal belongs to the number
  } else {
    token.glued_alpha = true;
  }
}

}  // namespace

std::vector<Token> Lex(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 4 + 4);  // about a token per word and one per separator
  bool spaced = true;
  for (std::size_t i = 0, length = 0; i < text.size();) {
    const char32_t c = Decode(text, i, length);
    const Kind kind = KindOf(c);
    if (kind == Kind::kSpace) {
      spaced = true;
      i += length;
      continue;
    }
    Token token{kind, i, i, spaced};
    spaced = false;
    if (kind == Kind::kNumber) {
      ReadNumber(text, i, token, tokens.empty() ? nullptr : &tokens.back());
    } else if (kind == Kind::kWord) {
      token.word = ReadLetters(text, i);
    } else {
      token.value = static_cast<int>(c);
      i += length;
    }
    token.end = i;
    tokens.push_back(std::move(token));
  }
  return tokens;
}

bool Contains(std::string_view list, std::string_view word) {
  if (word.empty()) {
    return AnyOf(list, '|', [](std::string_view entry) { return entry.empty(); });
  }
  if (word.find('|') != std::string_view::npos) return false;  // no entry holds a separator
  // The occurrences of the word in the whole list that are whole entries: one search instead
  // of a comparison per entry.
  for (std::size_t at = list.find(word); at != std::string_view::npos;
       at = list.find(word, at + 1)) {
    const std::size_t end = at + word.size();
    if ((at == 0 || list[at - 1] == '|') && (end == list.size() || list[end] == '|')) return true;
  }
  return false;
}

}  // namespace jc::nlp::date_lexer
