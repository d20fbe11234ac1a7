// Small text helpers shared by the job-posting extractors: a length-preserving lower-casing,
// word-bounded cue search (no std::regex), trimming, bullets and clause bounds.
//
// Offsets into a Lower()ed string are offsets into the original (Lower keeps every byte's
// position). Pure functions; thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nlp/text_normalize.hpp"

namespace jc::parsing::job {

// ASCII and Latin-1 upper-case letters lowered in place; every other byte kept, so the result
// has the input's length and offsets.
std::string Lower(std::string_view text);
// Lower(text) into `out`, reusing its capacity.
void LowerInto(std::string_view text, std::string& out);
// Lower(a) == Lower(b), without building either: compared byte by byte, so two different words
// usually differ at once.
bool LowerEquals(std::string_view a, std::string_view b);

std::string_view Trim(std::string_view s);

// A cue is found where it starts at a word boundary and ends at one; a cue ending in '*' is a
// stem ("experien*" matches "experience" and "experienced"). npos when absent.
std::size_t FindCue(std::string_view lower, std::string_view cue, std::size_t from = 0);
bool HasCue(std::string_view lower, std::string_view cue);
// Whether FindCue(lower, cue, at) == at: the cue is found right at `at`.
bool FindCueAt(std::string_view lower, std::string_view cue, std::size_t at);
bool HasAnyCue(std::string_view lower, std::span<const std::string_view> cues);
bool HasAnyCue(std::string_view lower, std::initializer_list<std::string_view> cues);
// The earliest position of any cue, npos when none is found.
std::size_t FindAnyCue(std::string_view lower, std::initializer_list<std::string_view> cues,
                       std::size_t from = 0);

// The line without a leading bullet ("- ", "• ", "* ", "✔ ", "1. ", "a) "); `had_bullet` says
// whether one was there.
std::string_view StripBullet(std::string_view line, bool* had_bullet = nullptr);

// [begin, end) of the clause around pos in `text`: bounded by sentence ends ('.', '!', '?'
// followed by a space), ';', bullets' line ends and, when `commas`, by commas too.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};
Span ClauseAround(std::string_view text, std::size_t pos, bool commas = false);
Span SentenceAround(std::string_view text, std::size_t pos);

inline bool IsAsciiDigit(char c) {
  return c >= '0' && c <= '9';
}

// ASCII letters and digits by byte (false from 0x80 up): one look-up instead of three ranges.
inline constexpr std::array<bool, 256> kAsciiWordBytes = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c) {
    table[static_cast<std::size_t>(c)] =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  return table;
}();

// nlp::IsWordCharAt / IsWordCharBefore, with the ASCII case inline: the extractors ask this for
// nearly every byte of a posting.
inline bool IsAsciiWordByte(unsigned char c) {
  return kAsciiWordBytes[c];
}
inline bool IsWordByte(std::string_view s, std::size_t pos) {
  if (pos < s.size() && static_cast<unsigned char>(s[pos]) < 0x80) {
    return IsAsciiWordByte(static_cast<unsigned char>(s[pos]));
  }
  return nlp::IsWordCharAt(s, pos);
}
inline bool IsWordByteBefore(std::string_view s, std::size_t pos) {
  if (pos > 0 && pos <= s.size() && static_cast<unsigned char>(s[pos - 1]) < 0x80) {
    return IsAsciiWordByte(static_cast<unsigned char>(s[pos - 1]));
  }
  return nlp::IsWordCharBefore(s, pos);
}
// Whether `s` holds `p` at `pos` (s.substr(pos, p.size()) == p), compared inline: the cues and
// words compared are a few bytes long, shorter than a call to memcmp.
inline bool BytesAt(std::string_view s, std::size_t pos, std::string_view p) {
  if (pos > s.size() || p.size() > s.size() - pos) return false;
  for (std::size_t k = 0; k < p.size(); ++k) {
    if (s[pos + k] != p[k]) return false;
  }
  return true;
}

// text.find(needle, from) with glibc's memmem, much faster over a whole posting than the
// first-byte scan of std::string_view::find when that byte is a common letter.
std::size_t FindBytes(std::string_view text, std::string_view needle, std::size_t from = 0);

// The end of the run of word characters (`word`) or of other characters (!`word`) from i, as
// stepping over them with IsWordByte and CharLen would find it.
std::size_t SkipWord(std::string_view s, std::size_t i, bool word);

// The byte length of the character at pos (1 for ASCII and for invalid bytes).
inline std::size_t CharLen(std::string_view s, std::size_t pos) {
  return static_cast<unsigned char>(s[pos]) < 0x80 ? 1 : nlp::DecodeUtf8(s, pos).len;
}

// A constant list of cues compiled once (keep it in a function-local or namespace `static`), so
// a text is scanned once for the whole list instead of once per cue: the cues are bucketed by
// their first byte, and each byte of the text is checked only against the cues starting with it.
// Finds exactly what FindCue finds for each cue of the list.
class CueSet {
 public:
  CueSet(std::initializer_list<std::string_view> cues)
      : CueSet(std::span<const std::string_view>(cues.begin(), cues.size())) {}
  explicit CueSet(std::span<const std::string_view> cues);
  // The earliest position where any cue is found (as FindAnyCue), npos when none.
  std::size_t Find(std::string_view lower, std::size_t from = 0) const;
  bool In(std::string_view lower) const { return Find(lower) != std::string_view::npos; }

  // The index (in the list's order) of the first cue of the list found anywhere in `lower`,
  // npos when none is: what trying the cues one by one with HasCue would stop at.
  std::size_t FirstCueIn(std::string_view lower) const;
  // Every (cue index in the list's order, position) where a cue is found, in one pass; sorted
  // by cue, then position: what a FindCue loop per cue would find, in its order.
  void AllMatches(std::string_view lower,
                  std::vector<std::pair<std::size_t, std::size_t>>& out) const;

 private:
  struct Entry {
    std::string_view body;    // the cue without its stem '*'
    std::uint16_t index = 0;  // position in the list given
    bool stem = false;
    bool left_word = false;   // starts with a word character: must start a word
    bool right_word = false;  // ends with one: must end a word (unless a stem)
  };
  static constexpr std::size_t kPairs = 1024;
  static std::size_t PairKey(unsigned char a, unsigned char b) { return (a * 31u + b) % kPairs; }

  void Add(std::string_view cue);
  void Compile();
  // [first, last) of the entries that may match at `at`; empty when none can.
  std::pair<std::size_t, std::size_t> Candidates(std::string_view lower, std::size_t at) const {
    // Inside a word (after an ASCII letter or digit) no cue that must start a word can start.
    if (all_start_words_ && at > 0 && IsAsciiWordByte(static_cast<unsigned char>(lower[at - 1]))) {
      return {0, 0};
    }
    const auto c = static_cast<unsigned char>(lower[at]);
    const std::size_t first = bucket_begin_[c];
    const std::size_t last = bucket_begin_[c + 1u];
    if (first == last) return {0, 0};
    if (!short_first_[c]) {
      // Every cue here is at least two bytes long: the byte after `at` must fit one of them.
      if (at + 1 >= lower.size()) return {0, 0};
      const std::size_t key = PairKey(c, static_cast<unsigned char>(lower[at + 1]));
      if ((pairs_[key / 64] >> (key % 64) & 1u) == 0) return {0, 0};
    }
    return {first, last};
  }
  // Whether `e` matches at `at`, with FindCue's tests; `word_before` caches
  // IsWordByteBefore(lower, at) across the entries of one position (-1: not asked yet).
  static bool MatchAt(const Entry& e, std::string_view lower, std::size_t at, int& word_before);

  std::size_t added_ = 0;                          // cues added so far, empty ones too
  std::vector<Entry> entries_;                     // sorted by first byte
  std::array<std::uint16_t, 257> bucket_begin_{};  // entries_ of first byte b: [b], [b + 1])
  // A filter on the first two bytes: bit PairKey(a, b) is set when some cue may start with
  // "ab" (keys collide, so a set bit only means "check the bucket"). A first byte that starts a
  // one-byte cue skips the filter (`short_first_`).
  std::array<std::uint64_t, kPairs / 64> pairs_{};
  std::array<bool, 256> short_first_{};
  bool all_start_words_ = false;  // every cue starts with a word character
};
bool HasAnyCue(std::string_view lower, const CueSet& cues);

// A number written with digits at `pos` (1, 2.5, 1,5) or as a small number word in en/de/fr/es/
// pt/it/nl ("three", "drei", "trois", "tres"); sets `end` past it.
std::optional<double> ReadSmallNumber(std::string_view lower, std::size_t pos, std::size_t* end);

// The last answer of a pure function of one text, kept per thread by its caller
// (`thread_local LastAnswer<bool> memo;`): consecutive skill mentions mostly share a sentence
// or clause, and each would otherwise ask the same question of it again. Keyed by the text's
// content, so a new posting never reuses a stale answer.
template <typename T>
class LastAnswer {
 public:
  template <typename Compute>
  T Get(std::string_view key, Compute&& compute) {
    if (valid_ && key == key_) return value_;
    value_ = compute();
    key_.assign(key);
    valid_ = true;
    return value_;
  }

 private:
  std::string key_;
  T value_{};
  bool valid_ = false;
};

// Word starts of a lower-cased text bucketed by their first two bytes, so that a posting can be
// asked for hundreds of cues without scanning it once per cue. Views `lower`, which must
// outlive it. Cues that start with a symbol ("(remote)", "/hour") fall back to a scan.
class CueIndex {
 public:
  explicit CueIndex(std::string_view lower);
  std::string_view text() const { return text_; }
  std::size_t Find(std::string_view cue, std::size_t from = 0) const;
  // Every word of the text (a run of IsWordByte characters), in order.
  struct Word {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
  };
  const std::vector<Word>& Words() const { return words_; }

 private:
  static constexpr std::size_t kBuckets = 256;
  static std::size_t Key(unsigned char a, unsigned char b) { return (a * 31u + b) % kBuckets; }
  // The first four bytes of `s` at `pos` in one word (as far as `s` goes; the rest zero).
  static std::uint32_t Prefix(std::string_view s, std::size_t pos);
  // A word start with the bytes it begins with, which tell most candidates apart from a cue
  // without comparing strings.
  struct Start {
    std::uint32_t pos = 0;
    std::uint32_t prefix = 0;
  };
  std::string_view text_;
  std::vector<std::uint32_t> bucket_begin_;  // kBuckets + 1 offsets into starts_
  std::vector<Start> starts_;                // ascending within a bucket
  std::vector<Word> words_;
};
std::size_t FindCue(const CueIndex& index, std::string_view cue, std::size_t from = 0);
bool HasCue(const CueIndex& index, std::string_view cue);
bool HasAnyCue(const CueIndex& index, std::span<const std::string_view> cues);
bool HasAnyCue(const CueIndex& index, std::initializer_list<std::string_view> cues);

}  // namespace jc::parsing::job
