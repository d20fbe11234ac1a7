// Small text helpers shared by the job-posting extractors: a length-preserving lower-casing,
// word-bounded cue search (no std::regex), trimming, bullets and clause bounds.
//
// Offsets into a Lower()ed string are offsets into the original (Lower keeps every byte's
// position). Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/text_normalize.hpp"

namespace jc::parsing::job {

// ASCII and Latin-1 upper-case letters lowered in place; every other byte kept, so the result
// has the input's length and offsets.
std::string Lower(std::string_view text);

std::string_view Trim(std::string_view s);

// A cue is found where it starts at a word boundary and ends at one; a cue ending in '*' is a
// stem ("experien*" matches "experience" and "experienced"). npos when absent.
std::size_t FindCue(std::string_view lower, std::string_view cue, std::size_t from = 0);
bool HasCue(std::string_view lower, std::string_view cue);
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

 private:
  static constexpr std::size_t kBuckets = 1024;
  static std::size_t Key(unsigned char a, unsigned char b) { return (a * 31u + b) % kBuckets; }
  std::string_view text_;
  std::vector<std::uint32_t> bucket_begin_;  // kBuckets + 1 offsets into positions_
  std::vector<std::uint32_t> positions_;     // word starts, ascending within a bucket
};
std::size_t FindCue(const CueIndex& index, std::string_view cue, std::size_t from = 0);
bool HasCue(const CueIndex& index, std::string_view cue);
bool HasAnyCue(const CueIndex& index, std::span<const std::string_view> cues);
bool HasAnyCue(const CueIndex& index, std::initializer_list<std::string_view> cues);

inline bool IsAsciiDigit(char c) {
  return c >= '0' && c <= '9';
}

// nlp::IsWordCharAt / IsWordCharBefore, with the ASCII case inline: the extractors ask this for
// nearly every byte of a posting.
inline bool IsAsciiWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
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
// The byte length of the character at pos (1 for ASCII and for invalid bytes).
inline std::size_t CharLen(std::string_view s, std::size_t pos) {
  return static_cast<unsigned char>(s[pos]) < 0x80 ? 1 : nlp::DecodeUtf8(s, pos).len;
}

}  // namespace jc::parsing::job
