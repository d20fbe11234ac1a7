#include "generation/text_fold.hpp"

#include <cstdint>

#include "nlp/text_normalize.hpp"

namespace jc::generation {
namespace {

// Latin-1 letters U+00C0..U+00FF without accents; '*' marks the two symbols (× ÷).
constexpr std::string_view kLatin1 =
    "aaaaaaaceeeeiiiidnooooo*ouuuuyts"   // U+00C0..U+00DF (ß handled apart)
    "aaaaaaaceeeeiiiidnooooo*ouuuuyty";  // U+00E0..U+00FF

// The accent-free lower-case ASCII letter of a Latin code point, or 0 when there is none.
char BaseLetter(std::uint32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return static_cast<char>(cp - 'A' + 'a');
  if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) return static_cast<char>(cp);
  if (cp >= 0xC0 && cp <= 0xFF) {
    const char c = kLatin1[cp - 0xC0];
    return c == '*' ? '\0' : c;
  }
  if (cp >= 0x100 && cp <= 0x17F) {
    // Latin Extended-A comes in case pairs grouped by base letter.
    static constexpr std::string_view kExtA =
        "aaaaaa"
        "cccccccc"
        "dddd"
        "eeeeeeeeee"
        "gggggggg"
        "hhhh"
        "iiiiiiiiiiii"
        "jj"
        "kkk"
        "llllllllll"
        "nnnnnnnnn"
        "oooooooo"
        "rrrrrr"
        "ssssssss"
        "tttttt"
        "uuuuuuuuuuuu"
        "ww"
        "yyy"
        "zzzzzz"
        "s";
    static_assert(kExtA.size() == 128);
    const std::size_t i = cp - 0x100;
    return i < kExtA.size() ? kExtA[i] : '\0';
  }
  return '\0';
}

}  // namespace

std::string Fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (std::size_t i = 0; i < text.size();) {
    const nlp::Utf8Char ch = nlp::DecodeUtf8(text, i);
    i += ch.len;
    if (ch.cp == 0xDF) {  // ß
      if (space && !out.empty()) out += ' ';
      out += "ss";
      space = false;
      continue;
    }
    const char base = BaseLetter(ch.cp);
    const bool other_letter = base == '\0' && ch.cp >= 0x370 && nlp::IsWordCharAt(text, i - ch.len);
    if (base == '\0' && !other_letter) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    if (base != '\0') {
      out += base;
    } else {
      out.append(text.substr(i - ch.len, ch.len));  // other scripts: kept as written
    }
  }
  return out;
}

std::vector<std::string> FoldWords(std::string_view text) {
  std::vector<std::string> words;
  const std::string folded = Fold(text);
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    words.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

bool ContainsFolded(std::string_view folded, std::string_view needle) {
  if (needle.empty()) return false;
  for (auto at = folded.find(needle); at != std::string_view::npos;
       at = folded.find(needle, at + 1)) {
    const bool left = at == 0 || folded[at - 1] == ' ' || folded[at - 1] == '\n';
    const bool right = at + needle.size() == folded.size() || folded[at + needle.size()] == ' ' ||
                       folded[at + needle.size()] == '\n';
    if (left && right) return true;
  }
  return false;
}

bool IsUpperAt(std::string_view text, std::size_t i) {
  if (i >= text.size()) return false;
  const std::uint32_t cp = nlp::DecodeUtf8(text, i).cp;
  if (cp >= 'A' && cp <= 'Z') return true;
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x17F) {
    // Case pairs start on an even code point, except in U+0139..U+0148 and U+0179..U+017E.
    const bool odd_first = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    return cp != 0x138 && cp != 0x149 && cp != 0x17F && (cp % 2 == 1) == odd_first;
  }
  if (cp >= 0x391 && cp <= 0x3A9) return true;  // Greek
  return cp >= 0x400 && cp <= 0x42F;            // Cyrillic
}

bool StartsWithLetter(std::string_view text) {
  if (text.empty()) return false;
  const std::uint32_t cp = nlp::DecodeUtf8(text, 0).cp;
  return BaseLetter(cp) != '\0' ? !(cp >= '0' && cp <= '9') : cp >= 0x370;
}

}  // namespace jc::generation
