// The lexer of the date parser (date_parser.hpp): one line of UTF-8 text into numbers, folded
// words, dashes and other marks, each with its byte span. Words are folded without ICU: ASCII
// lowercased, Latin-1 accents stripped, combining accents of decomposed text dropped, so "März",
// "MÄRZ" and "Ma\u0308rz" all read "marz". Also the '|'-separated word lists the parser uses.
//
// Pure functions: safe to call from any thread. Any input is valid; malformed UTF-8 reads as
// U+FFFD, one byte at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jc::nlp::date_lexer {

enum class Kind : std::uint8_t { kSpace, kNumber, kWord, kDash, kApostrophe, kMark };

struct Token {
  Kind kind = Kind::kMark;
  std::size_t begin = 0;
  std::size_t end = 0;
  bool spaced = false;       // whitespace or the line start precedes it
  bool glued_alpha = false;  // a number touching a letter: "v2019", "2019abc"
  int value = 0;             // numbers: the first nine digits; dashes and marks: the code point
  int digits = 0;            // numbers: how many digits
  std::string word;          // words: folded (see the header comment)
};

// The tokens of `text`, left to right; whitespace only sets the next token's `spaced`. A number
// keeps an ordinal suffix ("15th", "1er"); other letters touching it set glued_alpha.
std::vector<Token> Lex(std::string_view text);

// Calls visit(entry) for each entry of a list split on `separator`, until visit returns true.
template <typename Visit>
bool AnyOf(std::string_view list, char separator, Visit visit) {
  while (!list.empty()) {
    const std::size_t cut = list.find(separator);
    if (visit(list.substr(0, cut))) return true;
    list = cut == std::string_view::npos ? std::string_view{} : list.substr(cut + 1);
  }
  return false;
}

// Whether `word` is one of the '|'-separated entries of `list`.
bool Contains(std::string_view list, std::string_view word);

}  // namespace jc::nlp::date_lexer
