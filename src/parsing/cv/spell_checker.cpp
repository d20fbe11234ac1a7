#include "parsing/cv/spell_checker.hpp"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <hunspell.hxx>
#include <optional>
#include <utility>

#include "nlp/date_parser.hpp"
#include "nlp/text_normalize.hpp"

namespace jc::parsing {

namespace {

// The cache holds verdicts for every distinct word checked; a long-running worker would grow it
// without bound, so it starts over past this size (a CV has a few hundred distinct words).
constexpr std::size_t kMaxCachedWords = 50'000;
constexpr std::size_t kMinLetters = 3;
constexpr std::size_t kMaxLetters = 40;  // longer "words" are glued text, not prose

const iconv_t kNoIconv = reinterpret_cast<iconv_t>(static_cast<std::intptr_t>(-1));

// One Hunspell instance and the verdicts it gave. Hunspell works in the dictionary's own
// encoding, so words go through iconv when that is not UTF-8 (pl_PL is ISO8859-2).
struct HunspellDictionary {
  std::unique_ptr<Hunspell> hunspell;
  iconv_t to_dict = kNoIconv;  // UTF-8 -> dictionary encoding; kNoIconv for UTF-8 dictionaries
  std::unordered_map<std::string, bool> known;  // word as written -> Hunspell accepts it

  HunspellDictionary() = default;
  HunspellDictionary(const HunspellDictionary&) = delete;
  HunspellDictionary& operator=(const HunspellDictionary&) = delete;
  ~HunspellDictionary() {
    if (to_dict != kNoIconv) iconv_close(to_dict);
  }
};

// Words every CV uses that en_US lacks. Loaded into the English dictionary at start-up (and
// found in it by the other languages' English fallback).
constexpr std::array<std::string_view, 24> kEnglishCvWords = {
    "lifecycle",  "lifecycles",   "rollout",       "rollouts",     "onboarding",  "offboarding",
    "upskilling", "reskilling",   "upskill",       "dashboarding", "backend",     "frontend",
    "fullstack",  "microservice", "microservices", "skillset",     "skillsets",   "ecommerce",
    "hackathon",  "hackathons",   "cybersecurity", "geospatial",   "omnichannel", "laude",
};

// Dictionary file stems for a language, in order of preference.
std::vector<std::string_view> Candidates(std::string_view language) {
  static const std::array<std::pair<std::string_view, std::vector<std::string_view>>, 8> kTable = {{
      {"en", {"en_US", "en_GB"}},
      {"de", {"de_DE", "de_AT", "de_CH"}},
      {"fr", {"fr_FR", "fr"}},
      {"es", {"es_ES", "es"}},
      {"pt", {"pt_PT", "pt_BR"}},
      {"it", {"it_IT"}},
      {"nl", {"nl_NL", "nl"}},
      {"pl", {"pl_PL"}},
  }};
  for (const auto& [code, stems] : kTable) {
    if (code == language) return stems;
  }
  return {};
}

enum class CharClass : std::uint8_t { kSpace, kSeparator, kLetter, kJoiner, kOther };

bool IsLetter(std::uint32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;       // Latin-1, Latin Extended
  if (cp >= 0x300 && cp <= 0x36F) return true;                          // combining accents
  return (cp >= 0x386 && cp <= 0x3FF) || (cp >= 0x400 && cp <= 0x52F);  // Greek, Cyrillic
}

bool IsUpper(std::uint32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x17F) {
    // Latin Extended-A alternates capital/small; the parity flips in U+0139-U+0148 and from
    // U+0179 on.
    const bool odd_capitals = (cp >= 0x139 && cp <= 0x148) || cp >= 0x179;
    return cp == 0x178 || (cp % 2 == 1) == odd_capitals;
  }
  return (cp >= 0x391 && cp <= 0x3AB) || (cp >= 0x400 && cp <= 0x42F);
}

// Spaces (no-break and thin too); punctuation and bullets that separate words; characters that
// join the parts of a word ("well-organised", "don't", "e.g") or are stripped at its ends.
constexpr std::u32string_view kSpaces = U" \t\u00A0\u2009\u202F";
constexpr std::u32string_view kSeparators =
    U",;:!?()[]{}\"/|*\u2013\u2014\u2022\u2026\u201C\u201D\u201E\u00AB\u00BB\u00B7\u25AA\u25CF"
    U"\u2023\u25E6";
constexpr std::u32string_view kJoiners = U"'-.\u2019\u2010\u2011\u02BC";

CharClass ClassifyByLists(std::uint32_t cp) {
  const auto c = static_cast<char32_t>(cp);
  if (kSpaces.find(c) != std::u32string_view::npos) return CharClass::kSpace;
  if (kSeparators.find(c) != std::u32string_view::npos) return CharClass::kSeparator;
  if (kJoiners.find(c) != std::u32string_view::npos) return CharClass::kJoiner;
  return IsLetter(cp) ? CharClass::kLetter : CharClass::kOther;
}

CharClass Classify(std::uint32_t cp) {
  // ASCII, nearly every character of a CV, from a table built once from the lists above.
  static const auto kAscii = [] {
    std::array<CharClass, 0x80> table{};
    for (std::uint32_t c = 0; c < table.size(); ++c) table[c] = ClassifyByLists(c);
    return table;
  }();
  return cp < kAscii.size() ? kAscii[cp] : ClassifyByLists(cp);
}

// URLs, e-mail addresses and domain names, judged on the whole space-delimited chunk.
bool IsUrlOrEmail(std::string_view chunk) {
  if (chunk.find('@') != std::string_view::npos) return true;
  if (chunk.find("://") != std::string_view::npos || chunk.starts_with("www.")) return true;
  // "github.com/jane", "example.org": a dot followed by a letter inside the chunk.
  for (std::size_t i = 1; i + 1 < chunk.size(); ++i) {
    const auto next = static_cast<unsigned char>(chunk[i + 1]);
    if (chunk[i] == '.' && next < 0x80 && std::isalpha(next) != 0) return true;
  }
  return false;
}

// A candidate word: letters, with apostrophes and hyphens only inside.
struct Word {
  std::string text;  // UTF-8, typographic apostrophes as '\''
  std::size_t letters = 0;
  bool first_upper = false;
  bool other_upper = false;  // a capital after the first letter: "JavaScript", "NASA"
  bool has_other = false;    // a digit or symbol: never prose
  bool has_dot = false;      // "e.g", "U.S": abbreviations
};

// Splits `token` on hyphens or apostrophes into parts worth checking on their own.
std::vector<std::string_view> Parts(std::string_view token, char joiner) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= token.size(); ++i) {
    if (i == token.size() || token[i] == joiner) {
      if (i > start) out.push_back(token.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

std::size_t Letters(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = nlp::DecodeUtf8(s, i);
    if (IsLetter(c.cp)) ++n;
    i += c.len;
  }
  return n;
}

bool StartsUpper(std::string_view s) {
  return !s.empty() && IsUpper(nlp::DecodeUtf8(s, 0).cp);
}

// The UTF-8 word in the dictionary's encoding; nullopt when it cannot be written there.
std::optional<std::string> ToDictionary(iconv_t cd, std::string_view word) {
  iconv(cd, nullptr, nullptr, nullptr, nullptr);  // reset the shift state
  std::string out(word.size() * 4, '\0');
  char* in_ptr = const_cast<char*>(word.data());  // iconv's signature; it does not write
  std::size_t in_left = word.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  if (iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left) == static_cast<std::size_t>(-1)) {
    return std::nullopt;
  }
  out.resize(out.size() - out_left);
  return out;
}

}  // namespace

struct SpellChecker::Dictionary : HunspellDictionary {};

SpellChecker::SpellChecker(std::string dictionary_dir) : dir_(std::move(dictionary_dir)) {}
SpellChecker::~SpellChecker() = default;

bool SpellChecker::Supports(std::string_view language) {
  const std::lock_guard lock(mu_);
  const std::string key(language);
  if (auto it = installed_.find(key); it != installed_.end()) return it->second;
  bool installed = false;
  std::error_code ec;
  for (const auto stem : Candidates(language)) {
    const std::string base = dir_ + "/" + std::string(stem);
    if (std::filesystem::exists(base + ".aff", ec) && std::filesystem::exists(base + ".dic", ec)) {
      installed = true;
      break;
    }
  }
  return installed_.emplace(key, installed).first->second;
}

SpellChecker::Dictionary* SpellChecker::Load(std::string_view language) {
  const std::string key(language);
  if (auto it = loaded_.find(key); it != loaded_.end()) return it->second.get();
  std::unique_ptr<Dictionary> dict;  // stays null when nothing is installed: asked once only
  std::error_code ec;
  for (const auto stem : Candidates(language)) {
    const std::string base = dir_ + "/" + std::string(stem);
    if (!std::filesystem::exists(base + ".aff", ec) ||
        !std::filesystem::exists(base + ".dic", ec)) {
      continue;
    }
    dict = std::make_unique<Dictionary>();
    dict->hunspell = std::make_unique<Hunspell>((base + ".aff").c_str(), (base + ".dic").c_str());
    const std::string& encoding = dict->hunspell->get_dict_encoding();
    if (encoding != "UTF-8" && encoding != "utf-8") {
      dict->to_dict = iconv_open(encoding.c_str(), "UTF-8");
      if (dict->to_dict == kNoIconv) {
        dict.reset();  // an encoding iconv does not know: this dictionary is of no use
        continue;
      }
    }
    if (language == "en") {
      for (const auto word : kEnglishCvWords) dict->hunspell->add(std::string(word));
    }
    break;
  }
  return loaded_.emplace(key, std::move(dict)).first->second.get();
}

namespace {

// Whether Hunspell accepts `word`, from the cache when it was asked before. A word that the
// dictionary's encoding cannot express counts as known: it is not the dictionary's to judge.
bool Known(HunspellDictionary& dict, const std::string& word) {
  if (auto it = dict.known.find(word); it != dict.known.end()) return it->second;
  bool ok = true;
  if (dict.to_dict == kNoIconv) {
    ok = dict.hunspell->spell(word);
  } else if (auto converted = ToDictionary(dict.to_dict, word)) {
    ok = dict.hunspell->spell(*converted);
  }
  if (dict.known.size() >= kMaxCachedWords) dict.known.clear();
  dict.known.emplace(word, ok);
  return ok;
}

// `word` with the first `from` found at or after `pos` replaced; empty when there is none.
std::string Replaced(std::string_view word, std::string_view from, std::string_view to,
                     bool at_end) {
  const std::size_t at =
      at_end ? word.size() - std::min(word.size(), from.size()) : word.find(from);
  if (at == std::string_view::npos || word.substr(at, from.size()) != from) return {};
  std::string out(word.substr(0, at));
  out += to;
  out += word.substr(at + from.size());
  return out;
}

// The American spellings of a British word, one rule each (only en_US is installed):
// organisation, analyse, colour, centre, catalogue, licence, travelled, programme, judgement,
// enrolment, fulfil, ageing.
std::vector<std::string> AmericanSpellings(std::string_view word) {
  struct Rule {
    std::string_view from, to;
    bool at_end;
  };
  static constexpr Rule kRules[] = {
      {"isation", "ization", false}, {"ise", "ize", true},         {"ised", "ized", true},
      {"ises", "izes", true},        {"ising", "izing", true},     {"iser", "izer", true},
      {"isers", "izers", true},      {"yse", "yze", true},         {"ysed", "yzed", true},
      {"ysing", "yzing", true},      {"our", "or", false},         {"tre", "ter", true},
      {"tres", "ters", true},        {"tred", "tered", true},      {"ogue", "og", true},
      {"ence", "ense", true},        {"lled", "led", true},        {"lling", "ling", true},
      {"ller", "ler", true},         {"llers", "lers", true},      {"mme", "m", true},
      {"mmes", "ms", true},          {"ement", "ment", false},     {"lment", "llment", false},
      {"il", "ill", true},           {"ilment", "illment", false}, {"lful", "llful", false},
      {"ageing", "aging", true},
  };
  std::vector<std::string> out;
  for (const Rule& rule : kRules) {
    if (auto variant = Replaced(word, rule.from, rule.to, rule.at_end); !variant.empty()) {
      out.push_back(std::move(variant));
    }
  }
  return out;
}

// Whether `dict` (English) accepts the word or its American spelling.
bool KnownEnglish(HunspellDictionary& dict, const std::string& word) {
  if (Known(dict, word)) return true;
  for (const auto& variant : AmericanSpellings(word)) {
    if (Known(dict, variant)) return true;
  }
  return false;
}

// Month names and abbreviations in any language the date parser reads ("feb", "dic", "fev"):
// dictionaries lack most abbreviations, and CVs are full of them.
bool IsMonthName(const std::string& word) {
  const auto date = nlp::ParseDate(word + " 2000");
  return date && date->HasMonth();
}

// The misspelt part of a lower-case word, or nullopt when `accepts` takes it. A hyphenated
// compound or an elision ("well-organised", "l'entreprise") that fails whole is judged part by
// part.
template <typename Accepts>
std::optional<std::string> Misspelt(const Accepts& accepts, const std::string& word) {
  if (accepts(word)) return std::nullopt;
  for (const char joiner : {'-', '\''}) {
    if (word.find(joiner) == std::string::npos) continue;
    for (const auto part : Parts(word, joiner)) {
      if (Letters(part) < kMinLetters || StartsUpper(part)) continue;
      if (!accepts(std::string(part))) return std::string(part);
    }
    return std::nullopt;
  }
  return word;
}

// The candidate words of one space-free chunk ("(managment,", "well-organised.", "R&D"), into
// `out` (cleared first; the caller reuses it from chunk to chunk).
void Words(std::string_view chunk, std::vector<Word>& out) {
  out.clear();
  Word word;
  auto finish = [&] {
    // Hyphens and apostrophes only count inside a word: "co-" and "teams'" lose them.
    while (!word.text.empty() && (word.text.back() == '-' || word.text.back() == '\'')) {
      word.text.pop_back();
    }
    if (word.letters > 0 || word.has_other) out.push_back(std::move(word));
    word = Word{};
  };
  for (std::size_t i = 0; i < chunk.size();) {
    const auto ch = nlp::DecodeUtf8(chunk, i);
    const std::size_t next = i + ch.len;
    switch (Classify(ch.cp)) {
      case CharClass::kSpace:
      case CharClass::kSeparator:
        finish();
        break;
      case CharClass::kJoiner:
        if (word.text.empty()) break;  // a leading "-", "'" or "." is punctuation
        if (ch.cp != '.') {
          word.text += (ch.cp == '-' || ch.cp == 0x2010 || ch.cp == 0x2011) ? '-' : '\'';
        } else if (next < chunk.size() && IsLetter(nlp::DecodeUtf8(chunk, next).cp)) {
          word.has_dot = true;  // "e.g", "U.S", "node.js": abbreviations and names
          word.text += '.';
        } else {
          finish();  // a full stop
        }
        break;
      case CharClass::kLetter:
        if (word.letters == 0) {
          word.first_upper = IsUpper(ch.cp);
        } else if (IsUpper(ch.cp)) {
          word.other_upper = true;
        }
        ++word.letters;
        word.text.append(chunk.substr(i, ch.len));
        break;
      case CharClass::kOther:
        word.has_other = true;
        word.text.append(chunk.substr(i, ch.len));
        break;
    }
    i = next;
  }
  finish();
}

// Whether a word is prose the dictionary should judge. Capitalised words never are: mid-sentence
// they are probably names, and at a sentence start a CV's "Acme" or "Kubernetes" is as likely
// as a misspelt "Recieved", so a capital that fails the dictionary is not flagged either way.
bool Checkable(const Word& word) {
  return !word.has_other && !word.has_dot && word.letters >= kMinLetters &&
         word.letters <= kMaxLetters && !word.first_upper && !word.other_upper;
}

}  // namespace

std::vector<Misspelling> SpellChecker::Check(const std::vector<std::string_view>& lines,
                                             std::string_view language,
                                             const nlp::SkillMatcher& skills) {
  std::vector<Misspelling> out;
  const std::lock_guard lock(mu_);
  Dictionary* dict = Load(language);
  if (dict == nullptr) return out;
  // CVs in every language borrow English words ("skills", "forecast", "retail"): a word the
  // CV's dictionary rejects is accepted when English has it. English loads on first need.
  const bool english_cv = language == "en";
  Dictionary* english = english_cv ? dict : nullptr;
  bool english_tried = english_cv;
  auto accepts = [&](const std::string& word) {
    if (Known(*dict, word)) return true;
    if (!english_tried) {
      english = Load("en");
      english_tried = true;
    }
    return english != nullptr && KnownEnglish(*english, word);
  };

  std::vector<Word> words;
  for (std::size_t line_no = 0; line_no < lines.size(); ++line_no) {
    const std::string_view line = lines[line_no];
    std::size_t pos = 0;
    while (pos < line.size()) {
      const std::size_t begin = line.find_first_not_of(" \t", pos);
      if (begin == std::string_view::npos) break;
      // A plain loop: find_first_of with a set asks memchr once per character.
      std::size_t end = begin;
      while (end < line.size() && line[end] != ' ' && line[end] != '\t') ++end;
      pos = end;
      const std::string_view chunk = line.substr(begin, end - begin);
      if (IsUrlOrEmail(chunk)) continue;
      Words(chunk, words);
      for (const Word& word : words) {
        if (!Checkable(word)) continue;
        auto bad = Misspelt(accepts, word.text);
        if (!bad) continue;
        const nlp::Taxonomy& taxonomy = skills.taxonomy();
        if (taxonomy.FindByName(*bad) != nullptr || taxonomy.FindByName(word.text) != nullptr ||
            IsMonthName(*bad)) {
          continue;
        }
        out.push_back({std::move(*bad), line_no});
      }
    }
  }
  return out;
}

}  // namespace jc::parsing
