#include "nlp/language_detector.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jc::nlp {
namespace {

struct LanguageWords {
  std::string_view code;
  std::vector<std::string_view> words;  // lower case; chosen to be rare in the other languages
};

const std::vector<LanguageWords>& FunctionWords() {
  static const std::vector<LanguageWords> k = {
      {"en",
       {"the",  "and",   "of",   "to",  "in",        "for",         "with",  "on",  "at", "by",
        "from", "as",    "an",   "is",  "was",       "were",        "my",    "our", "we", "this",
        "that", "which", "have", "has", "including", "responsible", "years", "team"}},
      {"de", {"und",  "der",  "die",   "das",  "mit",   "für",  "von",
              "zu",   "im",   "bei",   "auf",  "ein",   "eine", "einer",
              "ist",  "sind", "wir",   "ich",  "des",   "dem",  "den",
              "als",  "auch", "sowie", "nach", "durch", "über", "verantwortlich",
              "jahre"}},
      {"fr",
       {"et",   "le",  "la",  "les",         "des", "du",     "de",     "pour", "avec", "dans",
        "sur",  "au",  "aux", "une",         "un",  "est",    "nous",   "je",   "en",   "par",
        "chez", "ses", "son", "responsable", "ans", "équipe", "depuis", "à"}},
      {"es",
       {"y",    "el",     "la",    "los", "las",         "del",         "de",      "para", "con",
        "en",   "por",    "una",   "un",  "es",          "nuestro",     "nuestra", "como", "sobre",
        "años", "equipo", "desde", "al",  "responsable", "experiencia", "gestión"}},
      {"pt", {"e",      "o",     "os",   "as",          "do",          "da",    "dos",
              "das",    "de",    "para", "com",         "em",          "no",    "na",
              "nos",    "uma",   "um",   "é",           "como",        "anos",  "equipe",
              "equipa", "desde", "ao",   "responsável", "experiência", "gestão"}},
      {"it",
       {"e",    "il",   "lo",      "la",  "gli", "le",           "di",         "del",     "della",
        "dei",  "per",  "con",     "in",  "nel", "nella",        "una",        "un",      "è",
        "sono", "anni", "squadra", "dal", "al",  "responsabile", "esperienza", "gestione"}},
      {"nl", {"en",       "de",       "het",   "van",   "voor",
              "met",      "in",       "op",    "een",   "is",
              "bij",      "naar",     "door",  "wij",   "ik",
              "als",      "ook",      "jaar",  "jaren", "verantwoordelijk",
              "ervaring", "werkzaam", "binnen"}},
      {"pl",
       {"i", "w", "z", "na", "do", "dla", "oraz", "się", "jest", "od", "po", "przez", "lat",
        "doświadczenie", "zespół", "odpowiedzialny", "odpowiedzialna"}},
  };
  return k;
}

// The characters of a token: `len` bytes from a lead byte `c` (cut short at the text's end).
std::size_t CharBytes(unsigned char c) {
  return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
}

bool IsAsciiLetter(unsigned char c) {
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

// Splits text into words and calls on_token(raw) for each, in order, with the word as written:
// ASCII letters and multi-byte characters make words; anything else (digits, ASCII punctuation,
// spaces, and characters led by 0xC2 or 0xE2: U+0080-U+00BF and U+2000-U+2FFF punctuation)
// splits. LowerToken gives the word's lower-cased form.
template <typename OnToken>
void ForEachToken(std::string_view text, OnToken&& on_token) {
  // The length a character is stepped over by, cut short at the text's end.
  const auto step = [&](std::size_t i, unsigned char c) {
    return std::min(CharBytes(c), text.size() - i);
  };
  std::size_t i = 0;
  while (i < text.size()) {
    // Between words: ASCII non-letters and the separators led by 0xC2 or 0xE2.
    while (i < text.size()) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (c < 0x80) {
        if (IsAsciiLetter(c)) break;
        ++i;
      } else {
        if (c != 0xE2 && c != 0xC2) break;
        i += step(i, c);
      }
    }
    if (i >= text.size()) return;
    const std::size_t begin = i;
    while (i < text.size()) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (c < 0x80) {
        if (!IsAsciiLetter(c)) break;
        ++i;
      } else {
        if (c == 0xE2 || c == 0xC2) break;
        i += step(i, c);
      }
    }
    on_token(text.substr(begin, i - begin));
  }
}

// A token lowered into `out` (which holds raw.size() bytes): ASCII capitals, and Latin-1
// capitals (U+00C0-U+00DE but U+00D7) in UTF-8.
void LowerToken(std::string_view raw, char* out) {
  std::copy(raw.begin(), raw.end(), out);
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c < 0x80) {
      out[i] = static_cast<char>(c | 0x20);  // tokens hold only letters of ASCII
      continue;
    }
    const std::size_t len = std::min(CharBytes(c), raw.size() - i);
    if (c == 0xC3 && len == 2) {
      const auto d = static_cast<unsigned char>(out[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
    }
    i += len - 1;
  }
}

// The words sit in an open-addressing table (FNV-1a hash, linear probing) a few times larger
// than the ~200 words, so a lookup is a hash of a short word and a probe or two.
struct FunctionWord {
  std::string_view text;
  std::vector<std::size_t> languages;  // in FunctionWords() order
};
struct FunctionWordIndex {
  static constexpr std::size_t kSlots = 1024;
  std::vector<FunctionWord> words;
  std::array<std::int16_t, kSlots> slots{};  // index into words, -1 when empty
  std::array<std::uint32_t, 256> lengths_by_first{};

  static std::size_t Hash(std::string_view w) {
    std::uint32_t h = 2166136261u;
    for (const char c : w) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h % kSlots;
  }
  // The slot holding w, or the empty slot where it would go.
  std::size_t SlotOf(std::string_view w) const {
    std::size_t s = Hash(w);
    while (slots[s] >= 0 && words[static_cast<std::size_t>(slots[s])].text != w) {
      s = (s + 1) % kSlots;
    }
    return s;
  }
  const FunctionWord* Find(std::string_view w) const {
    const std::size_t s = SlotOf(w);
    return slots[s] < 0 ? nullptr : &words[static_cast<std::size_t>(slots[s])];
  }
};

}  // namespace

DetectedLanguage DetectLanguage(std::string_view text) {
  // Function word -> the languages that use it. Most words of a text are not function words, so
  // a word is looked up only when some function word has its first byte and its length
  // (`lengths_by_first[b]` has bit n set when a function word of n bytes starts with b).
  static const FunctionWordIndex kIndex = [] {
    FunctionWordIndex index;
    index.slots.fill(-1);
    const auto& langs = FunctionWords();
    for (std::size_t l = 0; l < langs.size(); ++l) {
      for (const auto w : langs[l].words) {
        index.lengths_by_first[static_cast<unsigned char>(w[0])] |= std::uint32_t{1} << w.size();
        const std::size_t s = index.SlotOf(w);
        if (index.slots[s] >= 0) {
          index.words[static_cast<std::size_t>(index.slots[s])].languages.push_back(l);
        } else {
          index.slots[s] = static_cast<std::int16_t>(index.words.size());
          index.words.push_back({w, {l}});
        }
      }
    }
    return index;
  }();
  const auto& langs = FunctionWords();
  std::vector<double> votes(langs.size(), 0);
  double total = 0;
  ForEachToken(text, [&](std::string_view raw) {
    // The lowered first byte and the length, as the token will have them.
    const auto first = static_cast<unsigned char>(raw[0]);
    const auto lowered_first = static_cast<unsigned char>(first < 0x80 ? first | 0x20 : first);
    if (raw.size() >= 32 || (kIndex.lengths_by_first[lowered_first] >> raw.size() & 1u) == 0) {
      return;
    }
    std::array<char, 32> token;  // shorter than 32 bytes, as tested above
    LowerToken(raw, token.data());
    const FunctionWord* word = kIndex.Find(std::string_view(token.data(), raw.size()));
    if (word == nullptr) return;
    // A word shared by several languages is weaker evidence for each.
    const double weight = 1.0 / static_cast<double>(word->languages.size());
    for (const auto l : word->languages) votes[l] += weight;
    total += 1;
  });
  const auto best = std::max_element(votes.begin(), votes.end());
  if (total < 3 || *best <= 0) return {};
  double runner_up = 0;
  for (std::size_t l = 0; l < votes.size(); ++l) {
    if (static_cast<std::ptrdiff_t>(l) != best - votes.begin())
      runner_up = std::max(runner_up, votes[l]);
  }
  const double margin = (*best - runner_up) / *best;
  const double amount = std::min(1.0, total / 30.0);
  DetectedLanguage d;
  d.code = std::string(langs[static_cast<std::size_t>(best - votes.begin())].code);
  d.confidence = std::clamp(margin * amount, 0.0, 1.0);
  return d;
}

}  // namespace jc::nlp
