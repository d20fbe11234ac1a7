// Text normalisation shared by the skill taxonomy and the skill matcher: UTF-8 decoding, the
// case-folding Normalize() both apply, word-boundary tests, and the spelling variants generated
// for every name and alias (node.js -> nodejs, front end -> frontend, accents, plurals).
//
// Everything here is a pure function of its arguments: safe to call from any thread. Invalid
// UTF-8 is never an error; it decodes byte by byte.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jc::nlp {

// One code point at byte i (i < s.size()). A malformed or truncated sequence reads as the single
// byte s[i] with length 1, so a caller can always advance.
struct Utf8Char {
  std::uint32_t cp = 0;
  std::size_t len = 1;
};
Utf8Char DecodeUtf8(std::string_view s, std::size_t i);

// Text normalised for matching. folded and exact have the same length; source[i] is the byte
// offset in the input of the byte that produced folded[i]. Whitespace runs, '-', '_' and dashes
// become one ' '; letters are case-folded (ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic)
// in folded only. Taxonomy builds its forms with the same function.
struct NormalizedText {
  std::string folded;
  std::string exact;
  std::vector<std::uint32_t> source;
};
NormalizedText Normalize(std::string_view text);

// Like Normalize, into `out` (cleared first), so a caller can reuse its buffers.
void NormalizeInto(std::string_view text, NormalizedText& out);

// Whether the character starting at / ending just before `pos` is a word character: a letter or
// digit of a script written with spaces (CJK counts as a boundary). False outside the string.
bool IsWordCharAt(std::string_view text, std::size_t pos);
bool IsWordCharBefore(std::string_view text, std::size_t pos);

// A name or alias after Normalize, without leading or trailing spaces. `folded` is the matching
// key; `exact` holds the same bytes before case folding.
struct Term {
  std::string folded;
  std::string exact;
};
Term NormalizeTerm(std::string_view raw);

// Safe respellings of `term`, without `term` itself, in a fixed order: '.' and '/' between
// letters or digits become ' ' or vanish (node.js -> node js, nodejs); two or three short ASCII
// words also join (front end -> frontend). Unless exact_case: accent-free spellings (Français ->
// francais), and when with_plural the plural of the last word (REST API -> rest apis). May
// contain duplicates; the caller decides which to keep.
std::vector<Term> SpellingVariants(const Term& term, bool exact_case, bool with_plural);

}  // namespace jc::nlp
