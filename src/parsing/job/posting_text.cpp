#include "parsing/job/posting_text.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <iterator>

#include "nlp/text_normalize.hpp"

namespace jc::parsing::job {

std::string Lower(std::string_view text) {
  std::string out;
  LowerInto(text, out);
  return out;
}

namespace {

// The eight bytes at p, lowered when they are all ASCII (capitals get bit 0x20); false, and
// nothing written, when one is not.
bool LowerAsciiWord(char* p) {
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  std::uint64_t w = 0;
  std::memcpy(&w, p, sizeof w);
  if ((w & kHigh) != 0) return false;
  // Per byte, with no carry between bytes (each is below 0x80): the high bit of `from_a` is set
  // from 'A' up, that of `past_z` from '['.
  const std::uint64_t from_a = w + 0x3F3F3F3F3F3F3F3FULL;
  const std::uint64_t past_z = w + 0x2525252525252525ULL;
  w |= ((from_a & ~past_z) & kHigh) >> 2;
  std::memcpy(p, &w, sizeof w);
  return true;
}

}  // namespace

void LowerInto(std::string_view text, std::string& out) {
  out.assign(text);
  char* const data = out.data();
  for (std::size_t i = 0; i < out.size(); ++i) {
    // Runs of ASCII eight bytes at a time; a byte after 0xC3 is never the start of one, as the
    // loop below steps over it.
    while (i + 8 <= out.size() && LowerAsciiWord(data + i)) i += 8;
    if (i >= out.size()) break;
    const auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      // Latin-1 capitals U+00C0-U+00DE (not U+00D7 '×') differ from their small letters by 0x20.
      const auto n = static_cast<unsigned char>(out[i + 1]);
      if (n >= 0x80 && n <= 0x9E && n != 0x97) out[i + 1] = static_cast<char>(n + 0x20);
      ++i;
    }
  }
}

std::size_t FindBytes(std::string_view text, std::string_view needle, std::size_t from) {
  if (from > text.size()) return std::string_view::npos;
  if (needle.empty()) return from;
  const void* at = memmem(text.data() + from, text.size() - from, needle.data(), needle.size());
  return at == nullptr ? std::string_view::npos
                       : static_cast<std::size_t>(static_cast<const char*>(at) - text.data());
}

bool LowerEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;  // Lower keeps the length
  // Lower's walk over both at once; `second_*`: this byte follows a 0xC3 that Lower paired it
  // with (and may lower).
  bool second_a = false;
  bool second_b = false;
  const auto lowered = [](std::string_view s, std::size_t i, bool& second) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (second) {
      second = false;
      return c >= 0x80 && c <= 0x9E && c != 0x97 ? static_cast<unsigned char>(c + 0x20) : c;
    }
    if (c >= 'A' && c <= 'Z') return static_cast<unsigned char>(c + 32);
    if (c == 0xC3 && i + 1 < s.size()) second = true;
    return c;
  };
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lowered(a, i, second_a) != lowered(b, i, second_b)) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  // Non-breaking spaces (U+00A0, U+202F) at the ends too.
  while (s.size() >= 2 && s[0] == '\xC2' && s[1] == '\xA0') s.remove_prefix(2);
  while (s.size() >= 2 && s[s.size() - 2] == '\xC2' && s.back() == '\xA0') s.remove_suffix(2);
  return s;
}

std::uint32_t CueIndex::Prefix(std::string_view s, std::size_t pos) {
  const auto byte = [&](std::size_t k) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(s[pos + k])) << (8 * k);
  };
  if (pos + 4 <= s.size()) return byte(0) | byte(1) | byte(2) | byte(3);  // one load
  std::uint32_t prefix = 0;
  for (std::size_t k = 0; k < 4 && pos + k < s.size(); ++k) {
    prefix |= static_cast<std::uint32_t>(static_cast<unsigned char>(s[pos + k])) << (8 * k);
  }
  return prefix;
}

std::size_t SkipWord(std::string_view s, std::size_t i, bool word) {
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (IsAsciiWordByte(c) != word) break;
      ++i;
    } else {
      if (nlp::IsWordCharAt(s, i) != word) break;
      i += nlp::DecodeUtf8(s, i).len;
    }
  }
  return i;
}

CueIndex::CueIndex(std::string_view lower) : text_(lower), bucket_begin_(kBuckets + 1, 0) {
  words_.reserve(lower.size() / 5);
  for (std::size_t i = SkipWord(lower, 0, false); i < lower.size();) {
    const std::size_t end = SkipWord(lower, i, true);
    words_.push_back({static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(end)});
    i = SkipWord(lower, end, false);
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> starts;  // (key, position)
  starts.reserve(words_.size());
  for (const Word& w : words_) {
    const auto a = static_cast<unsigned char>(lower[w.begin]);
    const auto b = static_cast<unsigned char>(w.begin + 1 < lower.size() ? lower[w.begin + 1] : 0);
    starts.emplace_back(static_cast<std::uint32_t>(Key(a, b)), w.begin);
  }
  for (const auto& s : starts) ++bucket_begin_[s.first + 1];
  for (std::size_t k = 0; k < kBuckets; ++k) bucket_begin_[k + 1] += bucket_begin_[k];
  starts_.resize(starts.size());
  std::vector<std::uint32_t> fill(bucket_begin_.begin(), bucket_begin_.end() - 1);
  for (const auto& s : starts) starts_[fill[s.first]++] = {s.second, Prefix(lower, s.second)};
}

std::size_t CueIndex::Find(std::string_view cue, std::size_t from) const {
  if (cue.size() < 2 || !IsWordByte(cue, 0)) return FindCue(text_, cue, from);
  const bool stem = cue.back() == '*';
  const std::string_view body = stem ? cue.substr(0, cue.size() - 1) : cue;
  if (body.size() < 2) return FindCue(text_, cue, from);
  const std::size_t key =
      Key(static_cast<unsigned char>(body[0]), static_cast<unsigned char>(body[1]));
  const auto begin = starts_.begin() + bucket_begin_[key];
  const auto end = starts_.begin() + bucket_begin_[key + 1];
  const bool right_word = IsWordByteBefore(body, body.size());
  // The cue's first bytes against each start's: equal prefixes and an equal rest make equal
  // texts (a start near the end of the text has zeros where a cue has none).
  const std::uint32_t want = Prefix(body, 0);
  const std::uint32_t mask =
      body.size() >= 4 ? 0xFFFFFFFFu : (std::uint32_t{1} << (8 * body.size())) - 1;
  const std::string_view rest = body.size() > 4 ? body.substr(4) : std::string_view();
  auto it = begin;
  if (from > 0) {
    it =
        std::lower_bound(begin, end, from, [](const Start& s, std::size_t p) { return s.pos < p; });
  }
  for (; it != end; ++it) {
    if ((it->prefix & mask) != want) continue;
    if (!rest.empty() && !BytesAt(text_, it->pos + 4, rest)) continue;
    if (stem || !right_word || !IsWordByte(text_, it->pos + body.size())) return it->pos;
  }
  return std::string_view::npos;
}

std::size_t FindCue(const CueIndex& index, std::string_view cue, std::size_t from) {
  return index.Find(cue, from);
}

bool HasCue(const CueIndex& index, std::string_view cue) {
  return index.Find(cue) != std::string_view::npos;
}

bool HasAnyCue(const CueIndex& index, std::span<const std::string_view> cues) {
  for (const auto cue : cues) {
    if (HasCue(index, cue)) return true;
  }
  return false;
}

bool HasAnyCue(const CueIndex& index, std::initializer_list<std::string_view> cues) {
  return HasAnyCue(index, std::span<const std::string_view>(cues.begin(), cues.size()));
}

std::size_t FindCue(std::string_view lower, std::string_view cue, std::size_t from) {
  if (cue.empty()) return std::string_view::npos;
  const bool stem = cue.back() == '*';
  if (stem) cue.remove_suffix(1);
  if (cue.empty()) return lower.find(cue, from);
  const bool left_word = IsWordByte(cue, 0);
  const bool right_word = IsWordByteBefore(cue, cue.size());
  // Candidates by their first byte; the cheap boundary test before the comparison, since most
  // occurrences of a letter are inside words.
  for (std::size_t at = lower.find(cue.front(), from);
       at != std::string_view::npos && cue.size() <= lower.size() - at;
       at = lower.find(cue.front(), at + 1)) {
    if (left_word && IsWordByteBefore(lower, at)) continue;
    if (!BytesAt(lower, at, cue)) continue;
    if (stem || !right_word || !IsWordByte(lower, at + cue.size())) return at;
  }
  return std::string_view::npos;
}

bool FindCueAt(std::string_view lower, std::string_view cue, std::size_t at) {
  if (cue.empty() || at > lower.size()) return false;
  const bool stem = cue.back() == '*';
  if (stem) cue.remove_suffix(1);
  if (cue.empty()) return true;  // lower.find("", at) == at
  if (at >= lower.size() || cue.size() > lower.size() - at || lower[at] != cue.front())
    return false;
  if (IsWordByte(cue, 0) && IsWordByteBefore(lower, at)) return false;
  if (!BytesAt(lower, at, cue)) return false;
  return stem || !IsWordByteBefore(cue, cue.size()) || !IsWordByte(lower, at + cue.size());
}

bool HasCue(std::string_view lower, std::string_view cue) {
  return FindCue(lower, cue) != std::string_view::npos;
}

bool HasAnyCue(std::string_view lower, std::span<const std::string_view> cues) {
  // A short text (a title, a clause) against a long list: most cues start with two bytes the
  // text does not hold together, or are longer than it, and are passed over without a search.
  if (lower.size() <= 16 * cues.size()) {
    constexpr std::size_t kPairBits = 2048;
    const auto pair_key = [](char a, char b) {
      return (static_cast<unsigned char>(a) * 131U + static_cast<unsigned char>(b)) % kPairBits;
    };
    std::array<std::uint64_t, kPairBits / 64> pairs{};
    for (std::size_t i = 0; i + 1 < lower.size(); ++i) {
      const std::size_t k = pair_key(lower[i], lower[i + 1]);
      pairs[k / 64] |= std::uint64_t{1} << (k % 64);
    }
    for (const auto cue : cues) {
      const std::size_t body = cue.size() - (!cue.empty() && cue.back() == '*' ? 1 : 0);
      if (body > lower.size()) continue;
      if (body >= 2) {
        const std::size_t k = pair_key(cue[0], cue[1]);
        if ((pairs[k / 64] >> (k % 64) & 1U) == 0) continue;
      }
      if (HasCue(lower, cue)) return true;
    }
    return false;
  }
  for (const auto cue : cues) {
    if (HasCue(lower, cue)) return true;
  }
  return false;
}

bool HasAnyCue(std::string_view lower, std::initializer_list<std::string_view> cues) {
  return HasAnyCue(lower, std::span<const std::string_view>(cues.begin(), cues.size()));
}

std::size_t FindAnyCue(std::string_view lower, std::initializer_list<std::string_view> cues,
                       std::size_t from) {
  std::size_t best = std::string_view::npos;
  for (const auto cue : cues) {
    const std::size_t at = FindCue(lower, cue, from);
    if (at < best) best = at;
  }
  return best;
}

CueSet::CueSet(std::span<const std::string_view> cues) {
  for (const std::string_view cue : cues) Add(cue);
  Compile();
}

void CueSet::Add(std::string_view cue) {
  const bool stem = !cue.empty() && cue.back() == '*';
  if (stem) cue.remove_suffix(1);
  // FindCue never finds an empty cue (and finds an empty stem everywhere): not cue lists.
  if (cue.empty()) {
    ++added_;
    return;
  }
  entries_.push_back({cue, static_cast<std::uint16_t>(added_++), stem, IsWordByte(cue, 0),
                      IsWordByteBefore(cue, cue.size())});
}

void CueSet::Compile() {
  std::stable_sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
    return static_cast<unsigned char>(a.body[0]) < static_cast<unsigned char>(b.body[0]);
  });
  for (const auto& e : entries_) {
    const auto a = static_cast<unsigned char>(e.body[0]);
    ++bucket_begin_[a + 1u];
    if (e.body.size() == 1) {
      short_first_[a] = true;
    } else {
      const std::size_t key = PairKey(a, static_cast<unsigned char>(e.body[1]));
      pairs_[key / 64] |= std::uint64_t{1} << (key % 64);
    }
  }
  for (std::size_t b = 0; b < 256; ++b) bucket_begin_[b + 1] += bucket_begin_[b];
  all_start_words_ =
      std::all_of(entries_.begin(), entries_.end(), [](const Entry& e) { return e.left_word; });
}

bool CueSet::MatchAt(const Entry& e, std::string_view lower, std::size_t at, int& word_before) {
  // FindCue's tests, in its order.
  if (e.body.size() > lower.size() - at) return false;
  if (e.left_word) {
    if (word_before < 0) word_before = IsWordByteBefore(lower, at) ? 1 : 0;
    if (word_before == 1) return false;
  }
  if (!BytesAt(lower, at, e.body)) return false;
  return e.stem || !e.right_word || !IsWordByte(lower, at + e.body.size());
}

std::size_t CueSet::Find(std::string_view lower, std::size_t from) const {
  for (std::size_t at = from; at < lower.size(); ++at) {
    const auto [first, last] = Candidates(lower, at);
    int word_before = -1;
    for (std::size_t k = first; k < last; ++k) {
      if (MatchAt(entries_[k], lower, at, word_before)) return at;
    }
  }
  return std::string_view::npos;
}

std::size_t CueSet::FirstCueIn(std::string_view lower) const {
  std::size_t first_cue = std::string_view::npos;
  for (std::size_t at = 0; at < lower.size(); ++at) {
    const auto [first, last] = Candidates(lower, at);
    int word_before = -1;
    for (std::size_t k = first; k < last; ++k) {
      const Entry& e = entries_[k];
      if (e.index < first_cue && MatchAt(e, lower, at, word_before)) first_cue = e.index;
    }
  }
  return first_cue;
}

void CueSet::AllMatches(std::string_view lower,
                        std::vector<std::pair<std::size_t, std::size_t>>& out) const {
  out.clear();
  for (std::size_t at = 0; at < lower.size(); ++at) {
    const auto [first, last] = Candidates(lower, at);
    int word_before = -1;
    for (std::size_t k = first; k < last; ++k) {
      if (MatchAt(entries_[k], lower, at, word_before)) out.emplace_back(entries_[k].index, at);
    }
  }
  std::sort(out.begin(), out.end());
}

bool HasAnyCue(std::string_view lower, const CueSet& cues) {
  return cues.In(lower);
}

std::string_view StripBullet(std::string_view line, bool* had_bullet) {
  line = Trim(line);
  bool bullet = false;
  static constexpr std::array<std::string_view, 14> kMarks = {"- ",
                                                              "* ",
                                                              "+ ",
                                                              "\xE2\x80\xA2",   // •
                                                              "\xE2\x80\x93 ",  // –
                                                              "\xE2\x9C\x94",   // ✔
                                                              "\xE2\x9C\x93",   // ✓
                                                              "\xE2\x96\xAA",   // ▪
                                                              "\xE2\x97\x8F",   // ●
                                                              "\xC2\xB7 ",      // ·
                                                              "\xE2\x86\x92",   // →
                                                              "\xE2\x96\xBA",   // ►
                                                              "\xEF\x82\xA7",  // private-use bullet
                                                              "> "};
  for (const auto mark : kMarks) {
    if (line.substr(0, mark.size()) == mark) {
      line = Trim(line.substr(mark.size()));
      bullet = true;
      break;
    }
  }
  if (!bullet && line.size() > 3 && (IsAsciiDigit(line[0]) || (line[0] >= 'a' && line[0] <= 'h'))) {
    std::size_t i = 1;
    while (i < 3 && IsAsciiDigit(line[i])) ++i;
    if ((line[i] == '.' || line[i] == ')') && line[i + 1] == ' ' &&
        (IsAsciiDigit(line[0]) || i == 1)) {
      // "1. " or "a) "; but not "3.5 years" (no space) or a sentence starting with "a".
      line = Trim(line.substr(i + 2));
      bullet = true;
    }
  }
  if (had_bullet) *had_bullet = bullet;
  return line;
}

namespace {

bool SentenceEndAt(std::string_view t, std::size_t i) {
  const char c = t[i];
  if (c == '\n' || c == ';') return true;
  if (c != '.' && c != '!' && c != '?') return false;
  // A full stop ends a sentence only before a space or the end ("e.g. ", "3.5" and "Node.js" do
  // not end one; "e.g." followed by a space does, which errs on the short side).
  return i + 1 >= t.size() || t[i + 1] == ' ' || t[i + 1] == '\n';
}

// The bytes that may end a clause (`kClauseEnd`, with ',' when commas count) or a sentence
// (`kSentenceEnd`): the scans below skip every other byte with one look-up.
constexpr std::array<bool, 256> EndBytes(std::string_view bytes) {
  std::array<bool, 256> table{};
  for (const char c : bytes) table[static_cast<unsigned char>(c)] = true;
  return table;
}
constexpr std::array<bool, 256> kClauseEnd = EndBytes("\n;.!?");
constexpr std::array<bool, 256> kClauseEndOrComma = EndBytes("\n;.!?,");
constexpr std::array<bool, 256> kSentenceEnd = EndBytes("\n.!?");

bool EndByte(const std::array<bool, 256>& table, char c) {
  return table[static_cast<unsigned char>(c)];
}

}  // namespace

Span ClauseAround(std::string_view text, std::size_t pos, bool commas) {
  const std::array<bool, 256>& ends = commas ? kClauseEndOrComma : kClauseEnd;
  Span s{0, text.size()};
  for (std::size_t i = pos; i > 0; --i) {
    if (!EndByte(ends, text[i - 1])) continue;
    if (SentenceEndAt(text, i - 1) || (commas && text[i - 1] == ',')) {
      s.begin = i;
      break;
    }
  }
  for (std::size_t i = pos; i < text.size(); ++i) {
    if (!EndByte(ends, text[i])) continue;
    if (SentenceEndAt(text, i) || (commas && text[i] == ',')) {
      s.end = i;
      break;
    }
  }
  return s;
}

Span SentenceAround(std::string_view text, std::size_t pos) {
  Span s{0, text.size()};
  for (std::size_t i = pos; i > 0; --i) {
    const char c = text[i - 1];
    if (!EndByte(kSentenceEnd, c)) continue;
    if (c == '\n' || ((c == '.' || c == '!' || c == '?') && (i >= text.size() || text[i] == ' '))) {
      s.begin = i;
      break;
    }
  }
  for (std::size_t i = pos; i < text.size(); ++i) {
    const char c = text[i];
    if (!EndByte(kSentenceEnd, c)) continue;
    if (c == '\n' ||
        ((c == '.' || c == '!' || c == '?') && (i + 1 >= text.size() || text[i + 1] == ' '))) {
      s.end = i;
      break;
    }
  }
  return s;
}

std::optional<double> ReadSmallNumber(std::string_view lower, std::size_t pos, std::size_t* end) {
  if (pos >= lower.size()) return std::nullopt;
  if (IsAsciiDigit(lower[pos])) {
    if (pos > 0 && (IsAsciiDigit(lower[pos - 1]) || lower[pos - 1] == '.' || lower[pos - 1] == ','))
      return std::nullopt;
    double value = 0;
    std::size_t i = pos;
    while (i < lower.size() && IsAsciiDigit(lower[i])) value = value * 10 + (lower[i++] - '0');
    if (i + 1 < lower.size() && (lower[i] == '.' || lower[i] == ',') &&
        IsAsciiDigit(lower[i + 1]) && (i + 2 >= lower.size() || !IsAsciiDigit(lower[i + 2]))) {
      value += (lower[i + 1] - '0') / 10.0;
      i += 2;
    }
    *end = i;
    return value;
  }
  if (IsWordByteBefore(lower, pos)) return std::nullopt;
  struct Word {
    std::string_view text;
    double value;
  };
  static constexpr Word kWords[] = {
      {"one", 1},   {"two", 2},     {"three", 3},  {"four", 4},   {"five", 5},    {"six", 6},
      {"seven", 7}, {"eight", 8},   {"nine", 9},   {"ten", 10},   {"twelve", 12}, {"fifteen", 15},
      {"ein", 1},   {"eins", 1},    {"einem", 1},  {"einen", 1},  {"zwei", 2},    {"drei", 3},
      {"vier", 4},  {"fünf", 5},    {"sechs", 6},  {"sieben", 7}, {"acht", 8},    {"zehn", 10},
      {"un", 1},    {"une", 1},     {"deux", 2},   {"trois", 3},  {"quatre", 4},  {"cinq", 5},
      {"sept", 7},  {"huit", 8},    {"dix", 10},   {"uno", 1},    {"una", 1},     {"dos", 2},
      {"tres", 3},  {"cuatro", 4},  {"cinco", 5},  {"seis", 6},   {"siete", 7},   {"ocho", 8},
      {"diez", 10}, {"um", 1},      {"dois", 2},   {"três", 3},   {"quatro", 4},  {"due", 2},
      {"tre", 3},   {"quattro", 4}, {"cinque", 5}, {"een", 1},    {"twee", 2},    {"drie", 3},
      {"vijf", 5},  {"an", 1},      {"a", 1}};
  // The number words by first byte and length (0-15): by_key[b * 16 + n] is the [begin, end)
  // of those in `sorted`, and first[b] says some starts with b. Most words are none, and a word
  // is compared with at most a few.
  struct Index {
    std::array<Word, std::size(kWords)> sorted{};
    std::array<std::pair<std::uint8_t, std::uint8_t>, 256 * 16> by_key{};
    std::array<bool, 256> first{};
  };
  static const Index kIndex = [] {
    Index index;
    std::copy(std::begin(kWords), std::end(kWords), index.sorted.begin());
    const auto key = [](const Word& w) {
      return static_cast<unsigned char>(w.text[0]) * 16u +
             static_cast<unsigned>(std::min<std::size_t>(w.text.size(), 15));
    };
    std::stable_sort(index.sorted.begin(), index.sorted.end(),
                     [&](const Word& a, const Word& b) { return key(a) < key(b); });
    for (std::size_t i = 0; i < index.sorted.size(); ++i) {
      auto& range = index.by_key[key(index.sorted[i])];
      if (range.first == range.second) range.first = static_cast<std::uint8_t>(i);
      range.second = static_cast<std::uint8_t>(i + 1);
      index.first[static_cast<unsigned char>(index.sorted[i].text[0])] = true;
    }
    return index;
  }();
  if (!kIndex.first[static_cast<unsigned char>(lower[pos])]) return std::nullopt;
  // Compare whole words (length first), and "a couple of" on its own.
  std::size_t word_end = pos;
  while (word_end < lower.size() && word_end - pos <= 8) {
    const auto c = static_cast<unsigned char>(lower[word_end]);
    if (c < 0x80) {
      if (!IsAsciiWordByte(c)) break;
      ++word_end;
    } else {
      if (!nlp::IsWordCharAt(lower, word_end)) break;
      word_end += nlp::DecodeUtf8(lower, word_end).len;
    }
  }
  const std::string_view word = lower.substr(pos, word_end - pos);
  if (word.empty() || word.size() > 8) return std::nullopt;
  // Before the table, where "a" alone reads as one.
  if (word == "a" && lower.substr(pos, 11) == "a couple of") {
    *end = pos + 11;
    return 2.0;
  }
  const auto [first, last] = kIndex.by_key[static_cast<unsigned char>(word[0]) * 16u + word.size()];
  for (std::size_t i = first; i < last; ++i) {
    if (kIndex.sorted[i].text == word) {
      *end = word_end;
      return kIndex.sorted[i].value;
    }
  }
  return std::nullopt;
}

}  // namespace jc::parsing::job
