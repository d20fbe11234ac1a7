#include "nlp/language_detector.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <unordered_map>
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

// Lower-cases ASCII and Latin-1 capitals in UTF-8 and splits on anything but letters.
std::vector<std::string> Tokens(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (std::isalpha(c)) {
        current.push_back(static_cast<char>(std::tolower(c)));
        continue;
      }
    } else {
      // Keep multi-byte letters; fold Latin-1 capitals (U+00C0-U+00DE) to small letters.
      std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      if (i + len > text.size()) len = text.size() - i;
      std::string ch(text.substr(i, len));
      if (c == 0xC3 && ch.size() == 2) {
        const auto d = static_cast<unsigned char>(ch[1]);
        if (d >= 0x80 && d <= 0x9E && d != 0x97) ch[1] = static_cast<char>(d + 0x20);
      }
      const bool punctuation = c == 0xE2 || (c == 0xC2);  // dashes, quotes, bullets, nbsp
      if (!punctuation) {
        current += ch;
        i += len - 1;
        continue;
      }
      i += len - 1;
    }
    if (!current.empty()) out.push_back(std::move(current));
    current.clear();
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

}  // namespace

DetectedLanguage DetectLanguage(std::string_view text) {
  static const auto kIndex = [] {
    std::unordered_map<std::string, std::vector<std::size_t>> index;
    const auto& langs = FunctionWords();
    for (std::size_t l = 0; l < langs.size(); ++l) {
      for (const auto w : langs[l].words) index[std::string(w)].push_back(l);
    }
    return index;
  }();
  const auto& langs = FunctionWords();
  std::vector<double> votes(langs.size(), 0);
  double total = 0;
  for (const auto& token : Tokens(text)) {
    const auto it = kIndex.find(token);
    if (it == kIndex.end()) continue;
    // A word shared by several languages is weaker evidence for each.
    const double weight = 1.0 / static_cast<double>(it->second.size());
    for (const auto l : it->second) votes[l] += weight;
    total += 1;
  }
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
