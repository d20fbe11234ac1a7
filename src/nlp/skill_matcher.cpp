#include "nlp/skill_matcher.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <utility>

namespace jc::nlp {

namespace {

// ASCII letters and digits by byte: one look-up instead of three ranges.
constexpr std::array<bool, 128> kAsciiWord = [] {
  std::array<bool, 128> table{};
  for (int c = 0; c < 128; ++c) {
    table[static_cast<std::size_t>(c)] =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  return table;
}();

// IsWordCharBefore / IsWordCharAt with the ASCII case inline: asked for nearly every byte.
bool WordCharBefore(std::string_view s, std::size_t pos) {
  if (pos > 0 && pos <= s.size() && static_cast<unsigned char>(s[pos - 1]) < 0x80) {
    return kAsciiWord[static_cast<unsigned char>(s[pos - 1])];
  }
  return IsWordCharBefore(s, pos);
}

bool WordCharAt(std::string_view s, std::size_t pos) {
  if (pos < s.size() && static_cast<unsigned char>(s[pos]) < 0x80) {
    return kAsciiWord[static_cast<unsigned char>(s[pos])];
  }
  return IsWordCharAt(s, pos);
}

std::size_t CharLength(std::string_view s, std::size_t pos) {
  return static_cast<unsigned char>(s[pos]) < 0x80 ? 1 : DecodeUtf8(s, pos).len;
}

// The end of the word starting at pos.
std::size_t WordRunEnd(std::string_view s, std::size_t pos) {
  while (pos < s.size() && WordCharAt(s, pos)) pos += CharLength(s, pos);
  return pos;
}

}  // namespace

SkillMatcher::SkillMatcher(const Taxonomy& taxonomy) : taxonomy_(&taxonomy) {
  const auto& forms = taxonomy.Forms();
  // Each form's key (see the header), then the forms ordered by key so a group is contiguous.
  struct Keyed {
    std::string_view key;
    std::uint32_t form;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(forms.size());
  for (std::uint32_t f = 0; f < forms.size(); ++f) {
    const std::string& folded = forms[f].folded;
    std::size_t lead = 0;
    while (lead < folded.size() && !WordCharAt(folded, lead)) lead += CharLength(folded, lead);
    const Entry entry{f,
                      0,
                      static_cast<std::uint32_t>(folded.size()),
                      0,
                      0,
                      IsWordCharBefore(folded, folded.size()),
                      forms[f].exact_case};
    if (lead == folded.size()) {
      wordless_.push_back(entry);
      continue;
    }
    max_lead_ = std::max(max_lead_, lead);
    if (lead > 0) lead_first_[static_cast<unsigned char>(folded[0])] = true;
    keyed.push_back({std::string_view(folded).substr(0, WordRunEnd(folded, lead)), f});
  }
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const Keyed& a, const Keyed& b) { return a.key < b.key; });
  for (Entry& w : wordless_) {
    w.bytes = static_cast<std::uint32_t>(pool_.size());
    pool_ += forms[w.form].folded;
  }
  for (std::size_t i = 0; i < keyed.size(); ++i) {
    const std::string& folded = forms[keyed[i].form].folded;
    if (i == 0 || keyed[i].key != keyed[i - 1].key) {
      const auto at = static_cast<std::uint32_t>(entries_.size());
      groups_.push_back({static_cast<std::uint32_t>(pool_.size()),
                         static_cast<std::uint32_t>(keyed[i].key.size()), at, at});
    }
    const std::string_view after_key = std::string_view(folded).substr(keyed[i].key.size());
    const std::size_t next_length = std::min<std::size_t>(after_key.size(), 4);
    entries_.push_back({keyed[i].form, static_cast<std::uint32_t>(pool_.size()),
                        static_cast<std::uint32_t>(folded.size()), Pack(after_key),
                        next_length == 4 ? 0xFFFFFFFFU : (1U << (8 * next_length)) - 1,
                        IsWordCharBefore(folded, folded.size()), forms[keyed[i].form].exact_case});
    pool_ += folded;
    groups_.back().end = static_cast<std::uint32_t>(entries_.size());
  }
  std::size_t size = 16;
  while (size < 2 * groups_.size()) size *= 2;
  slots_.assign(size, Slot{});
  for (std::uint32_t g = 0; g < groups_.size(); ++g) {
    const std::uint32_t hash =
        Hash(std::string_view(pool_).substr(groups_[g].key, groups_[g].key_length));
    std::size_t i = hash & (size - 1);
    while (slots_[i].group != kEmpty) i = (i + 1) & (size - 1);
    slots_[i] = {hash, g};
    const std::uint32_t bit = hash >> 16;
    filter_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
}

std::uint32_t SkillMatcher::Hash(std::string_view key) {
  std::uint32_t h = kHashBasis;
  for (const char c : key) h = HashStep(h, c);
  return h;
}

std::uint32_t SkillMatcher::Pack(std::string_view s) {
  std::uint32_t packed = 0;
  for (std::size_t i = 0; i < s.size() && i < 4; ++i) {
    packed |= static_cast<std::uint32_t>(static_cast<unsigned char>(s[i])) << (8 * i);
  }
  return packed;
}

const SkillMatcher::Group* SkillMatcher::Lookup(std::string_view key) const {
  return Lookup(key, Hash(key));
}

const SkillMatcher::Group* SkillMatcher::Lookup(std::string_view key, std::uint32_t hash) const {
  const std::uint32_t bit = hash >> 16;
  if ((filter_[bit / 64] >> (bit % 64) & 1U) == 0) return nullptr;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask; slots_[i].group != kEmpty; i = (i + 1) & mask) {
    if (slots_[i].hash != hash) continue;
    const Group& g = groups_[slots_[i].group];
    if (std::string_view(pool_).substr(g.key, g.key_length) == key) return &g;
  }
  return nullptr;
}

void SkillMatcher::Collect(const NormalizedText& text, std::size_t begin, std::size_t known,
                           const Entry& entry, std::vector<Candidate>& out) const {
  const std::string_view folded = text.folded;
  if (entry.length > folded.size() - begin) return;
  const std::size_t rest = begin + known;
  if (folded.compare(rest, entry.length - known, pool_, entry.bytes + known,
                     entry.length - known) != 0) {
    return;
  }
  const std::size_t end = begin + entry.length;
  if (entry.ends_in_word && WordCharAt(folded, end)) return;
  if (entry.exact_case) {
    const SurfaceForm& form = taxonomy_->Forms()[entry.form];
    if (text.exact.compare(begin, form.exact.size(), form.exact) != 0) return;
  }
  out.push_back({begin, end, entry.form});
}

namespace {

using Words = std::span<const std::string_view>;
// Words right before / after an ambiguous word that make the skill reading the likely one.
constexpr std::string_view kLeftCues[] = {"in",   "with",     "using",      "use",    "uses",
                                          "of",   "advanced", "proficient", "mit",    "en",
                                          "avec", "con",      "basic",      "strong", "expert"};
constexpr std::string_view kRightCues[] = {
    "developer",    "developers",  "development",  "engineer",    "engineers",      "programmer",
    "programming",  "language",    "code",         "coding",      "script",         "scripts",
    "scripting",    "framework",   "experience",   "skills",      "knowledge",      "proficiency",
    "expertise",    "spreadsheet", "spreadsheets", "formulas",    "macros",         "modules",
    "dev",          "kenntnisse",  "entwickler",   "entwicklung", "programmierung", "développeur",
    "desarrollador"};
constexpr std::string_view kConjunctions[] = {"and", "or", "und", "oder", "et",
                                              "ou",  "y",  "o",   "e",    "i"};
constexpr std::string_view kNegations[] = {
    "no",     "not",           "without", "never",   "neither", "nor",     "keine",  "kein",
    "keinen", "keiner",        "ohne",    "nicht",   "sans",    "aucun",   "aucune", "pas",
    "sin",    "ning\xC3\xBAn", "ninguna", "ninguno", "senza",   "nessuna", "geen",   "zonder"};
constexpr std::string_view kNotNegating[] = {"only",      "just", "limited",  "nur",
                                             "seulement", "solo", "solamente"};
constexpr std::string_view kNeeded[] = {"required",
                                        "needed",
                                        "necessary",
                                        "mandatory",
                                        "essential",
                                        "requirement",
                                        "erforderlich",
                                        "notwendig",
                                        "n\xC3\xB6tig",
                                        "vorausgesetzt",
                                        "requis",
                                        "n\xC3\xA9"
                                        "cessaire",
                                        "obligatoire",
                                        "requerido",
                                        "requerida",
                                        "necesario",
                                        "necesaria",
                                        "obligatorio",
                                        "richiesto",
                                        "necessario",
                                        "vereist",
                                        "nodig"};
constexpr std::string_view kClauseBreaks[] = {"but",     "aber",    "mais",    "pero",
                                              "however", "sondern", "although"};

char LowerAscii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

// A list of lower-case words with the lengths it holds per first byte, so that most words are
// found absent without a comparison: this runs for every word around every mention.
class WordList {
 public:
  template <std::size_t N>
  constexpr explicit WordList(const std::string_view (&words)[N]) : words_(words) {
    for (const std::string_view w : words) {
      lengths_by_first_[static_cast<unsigned char>(w[0])] |= std::uint32_t{1} << LengthBit(w);
    }
  }

  // Whether `w`, with its ASCII capitals lowered, is one of the words.
  bool Has(std::string_view w) const {
    if (w.empty()) return false;
    const auto first = static_cast<unsigned char>(LowerAscii(w[0]));
    if ((lengths_by_first_[first] >> LengthBit(w) & 1U) == 0) return false;
    for (const std::string_view x : words_) {
      if (x.size() != w.size() || x[0] != static_cast<char>(first)) continue;
      std::size_t k = 1;
      while (k < x.size() && x[k] == LowerAscii(w[k])) ++k;
      if (k == x.size()) return true;
    }
    return false;
  }

 private:
  static constexpr std::size_t LengthBit(std::string_view w) {
    return w.size() < 31 ? w.size() : 31;
  }

  Words words_;
  // By first byte: bit n set when a word of n bytes starts with it (31: longer).
  std::array<std::uint32_t, 256> lengths_by_first_{};
};

constexpr WordList kLeftCueWords(kLeftCues);
constexpr WordList kRightCueWords(kRightCues);
constexpr WordList kConjunctionWords(kConjunctions);
constexpr WordList kNegationWords(kNegations);
constexpr WordList kNotNegatingWords(kNotNegating);
constexpr WordList kNeededWords(kNeeded);
constexpr WordList kClauseBreakWords(kClauseBreaks);

std::size_t SkipSpacesBack(std::string_view t, std::size_t p) {
  while (p > 0 && (t[p - 1] == ' ' || t[p - 1] == '\t')) --p;
  return p;
}

std::size_t SkipSpaces(std::string_view t, std::size_t p) {
  while (p < t.size() && (t[p] == ' ' || t[p] == '\t')) ++p;
  return p;
}

// Start of the word ending at p (p itself when there is none).
std::size_t WordStart(std::string_view t, std::size_t p) {
  while (WordCharBefore(t, p)) {
    --p;
    while (p > 0 && (static_cast<unsigned char>(t[p]) & 0xC0U) == 0x80U) --p;
  }
  return p;
}

std::size_t WordEnd(std::string_view t, std::size_t p) {
  while (WordCharAt(t, p)) p += CharLength(t, p);
  return p;
}

std::string_view WordBefore(std::string_view t, std::size_t pos) {
  const std::size_t end = SkipSpacesBack(t, pos);
  const std::size_t start = WordStart(t, end);
  return t.substr(start, end - start);
}

std::string_view WordAfter(std::string_view t, std::size_t pos) {
  const std::size_t begin = SkipSpaces(t, pos);
  return t.substr(begin, WordEnd(t, begin) - begin);
}

bool IsSentenceEnd(std::string_view t, std::size_t dot) {
  return t[dot] != '.' || dot + 1 == t.size() || t[dot + 1] == ' ' || t[dot + 1] == '\n';
}

// A list slot: "Skills: Go, Rust" or a bullet, as opposed to a word inside a sentence.
bool InListSlot(std::string_view t, std::size_t begin, std::size_t end) {
  const std::size_t l = SkipSpacesBack(t, begin);
  const bool left = l == 0 ||
                    std::string_view("\n\r,;:/|*-+&").find(t[l - 1]) != std::string_view::npos ||
                    (t[l - 1] == '(' && !WordCharBefore(t, l - 1)) ||
                    (static_cast<unsigned char>(t[l - 1]) >= 0x80 && !WordCharBefore(t, l));
  const std::size_t r = SkipSpaces(t, end);
  const bool right = r == t.size() ||
                     std::string_view("\n\r,;)/|&").find(t[r]) != std::string_view::npos ||
                     (t[r] == '.' && IsSentenceEnd(t, r)) ||
                     (static_cast<unsigned char>(t[r]) >= 0x80 && !WordCharAt(t, r));
  return left && right;
}

// Only separators and at most one conjunction between two mentions: "Go, Rust", "C/C++".
bool Adjacent(std::string_view t, std::size_t from, std::size_t to) {
  if (to < from || to - from > 12) return false;
  std::string_view gap = t.substr(from, to - from);
  std::string word;
  for (const char c : gap) {
    if (std::string_view(" \t,;/|&+").find(c) != std::string_view::npos) continue;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
    word += c;
  }
  return word.empty() || kConjunctionWords.Has(word);
}

bool SelfEvident(std::string_view t, const SkillMatch& m) {
  const std::string_view after = WordAfter(t, m.end);
  return kLeftCueWords.Has(WordBefore(t, m.begin)) || kRightCueWords.Has(after) ||
         (!after.empty() && after.front() >= '0' && after.front() <= '9') ||
         InListSlot(t, m.begin, m.end);
}

// A negation among the three words before the mention, within its clause.
bool NegatedBefore(std::string_view t, std::size_t p) {
  for (int words = 0; words < 3 && p > 0;) {
    const char c = t[p - 1];
    if (c == '\n' || c == ';' || c == '!' || c == '?' || (c == '.' && IsSentenceEnd(t, p - 1)))
      return false;
    if (!WordCharBefore(t, p)) {
      if (static_cast<unsigned char>(c) >= 0x80) return false;  // dash or bullet: new clause
      --p;
      continue;
    }
    const std::size_t start = WordStart(t, p);
    const std::string_view w = t.substr(start, p - start);
    if (kClauseBreakWords.Has(w)) return false;
    if (kNegationWords.Has(w)) return !kNotNegatingWords.Has(WordAfter(t, p));
    p = start;
    ++words;
  }
  return false;
}

// "Java is not required", "Java-Kenntnisse nicht erforderlich": a negation, then soon a need.
bool NegatedAfter(std::string_view t, std::size_t p) {
  int since_negation = -1;
  for (int words = 0; words < 6 && p < t.size();) {
    const char c = t[p];
    if (c == '\n' || c == ',' || c == ';' || c == '!' || c == '?' ||
        (c == '.' && IsSentenceEnd(t, p)))
      return false;
    if (!WordCharAt(t, p)) {
      ++p;
      continue;
    }
    const std::size_t end = WordEnd(t, p);
    const std::string_view w = t.substr(p, end - p);
    if (kClauseBreakWords.Has(w)) return false;
    if (since_negation >= 0 && kNeededWords.Has(w)) return true;
    since_negation = kNegationWords.Has(w)
                         ? 0
                         : (since_negation >= 0 && since_negation < 2 ? since_negation + 1 : -1);
    p = end;
    ++words;
  }
  return false;
}

std::vector<SkillMatch> ResolveContext(std::string_view text, std::vector<SkillMatch> matches,
                                       const std::vector<bool>& needs_context) {
  std::vector<bool> evident(matches.size());
  for (std::size_t i = 0; i < matches.size(); ++i) {
    evident[i] = !needs_context[i] || SelfEvident(text, matches[i]);
  }
  std::vector<SkillMatch> kept;
  for (std::size_t i = 0; i < matches.size(); ++i) {
    const bool by_neighbour =
        (i > 0 && evident[i - 1] && Adjacent(text, matches[i - 1].end, matches[i].begin)) ||
        (i + 1 < matches.size() && evident[i + 1] &&
         Adjacent(text, matches[i].end, matches[i + 1].begin));
    if (!evident[i] && !by_neighbour) continue;
    SkillMatch m = matches[i];
    m.negated = NegatedBefore(text, m.begin) || NegatedAfter(text, m.end);
    kept.push_back(m);
  }
  return kept;
}

}  // namespace

std::vector<SkillMatch> SkillMatcher::FindAll(std::string_view text) const {
  // Per-thread scratch, reused across calls: the normalised copy alone is 6 bytes per input
  // byte. Kept only up to kKeepBytes of input, so one huge document does not pin its memory.
  constexpr std::size_t kKeepBytes = std::size_t{1} << 20;
  thread_local NormalizedText norm;
  thread_local std::vector<Candidate> candidates;
  NormalizeInto(text, norm);
  candidates.clear();
  const std::string_view folded = norm.folded;
  for (std::size_t i = 0; i < folded.size();) {
    if (!WordCharAt(folded, i)) {
      i += CharLength(folded, i);
      continue;
    }
    // The end of the word and its hash (as Hash would give it), in one pass over its bytes.
    std::size_t word_end = i;
    std::uint32_t word_hash = kHashBasis;
    while (word_end < folded.size()) {
      const auto c = static_cast<unsigned char>(folded[word_end]);
      if (c < 0x80) {
        if (!kAsciiWord[c]) break;
        word_hash = HashStep(word_hash, folded[word_end++]);
        continue;
      }
      if (!IsWordCharAt(folded, word_end)) break;
      const std::size_t next = word_end + DecodeUtf8(folded, word_end).len;
      while (word_end < next) word_hash = HashStep(word_hash, folded[word_end++]);
    }
    // The word itself, then with the non-word bytes before it that a form may start with.
    for (std::size_t lead = 0; lead <= max_lead_ && lead <= i; ++lead) {
      const std::size_t begin = i - lead;
      if (lead > 0 && WordCharBefore(folded, begin)) break;
      if (lead > 0 && !lead_first_[static_cast<unsigned char>(folded[begin])]) continue;
      const std::string_view key = folded.substr(begin, word_end - begin);
      const Group* g = lead == 0 ? Lookup(key, word_hash) : Lookup(key);
      if (g == nullptr) continue;
      // The bytes after the key, once for the whole group: most entries differ there.
      const std::uint32_t next = Pack(folded.substr(word_end, 4));
      for (std::uint32_t e = g->begin; e < g->end; ++e) {
        const Entry& entry = entries_[e];
        if ((next & entry.next_mask) != entry.next) continue;
        Collect(norm, begin, word_end - begin, entry, candidates);
      }
    }
    i = word_end;
  }
  for (const Entry& w : wordless_) {
    const std::string_view form = std::string_view(pool_).substr(w.bytes, w.length);
    for (std::size_t at = folded.find(form); at != std::string_view::npos;
         at = folded.find(form, at + 1)) {
      if (!WordCharBefore(folded, at)) Collect(norm, at, 0, w, candidates);
    }
  }
  // The form breaks ties only between forms that differ in case ("Swift", "SWIFT"), of which
  // the case check lets one through.
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.end != b.end ? a.end > b.end : a.form < b.form;
  });
  std::vector<SkillMatch> matches;
  std::vector<bool> needs_context;
  std::size_t taken_end = 0;
  for (const Candidate& c : candidates) {
    if (c.begin < taken_end) continue;
    taken_end = c.end;
    const SurfaceForm& form = taxonomy_->Forms()[c.form];
    matches.push_back({form.skill, norm.source[c.begin], norm.source[c.end - 1] + std::size_t{1}});
    needs_context.push_back(form.needs_context);
  }
  if (text.size() > kKeepBytes) {
    norm = NormalizedText{};
    candidates = std::vector<Candidate>{};
  }
  return ResolveContext(text, std::move(matches), needs_context);
}

}  // namespace jc::nlp
