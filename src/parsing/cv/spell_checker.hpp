// SpellChecker: finds misspelt words in CV text with Hunspell and Debian's dictionaries
// (/usr/share/hunspell: en_US, de_DE, fr_FR, es_ES, pt_PT, it_IT, nl_NL). A dictionary is
// loaded the first time its language is asked for and kept. Words that are not prose are never
// flagged: known skills and their aliases, capitalised words that may be proper nouns, words
// with digits or symbols, acronyms, URLs and e-mail addresses.
// Thread safety: Check() and Supports() are serialised by an internal mutex (Hunspell objects
// are not thread-safe); the sandbox runs one parse per worker process, so it is never contended
// there.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "nlp/skill_matcher.hpp"

namespace jc::parsing {

struct Misspelling {
  std::string word;
  std::size_t line = 0;  // index into Document::lines
};

class SpellChecker {
 public:
  explicit SpellChecker(std::string dictionary_dir = "/usr/share/hunspell");
  ~SpellChecker();
  SpellChecker(const SpellChecker&) = delete;
  SpellChecker& operator=(const SpellChecker&) = delete;

  // True when a dictionary for the ISO 639-1 language code is installed; the answer is looked
  // up once per language and kept.
  bool Supports(std::string_view language);

  // Misspellings in `lines` (the text of Document lines, by index) for `language`; empty when
  // the language has no dictionary.
  std::vector<Misspelling> Check(const std::vector<std::string_view>& lines,
                                 std::string_view language, const nlp::SkillMatcher& skills);

 private:
  struct Dictionary;
  Dictionary* Load(std::string_view language);  // guarded by mu_; nullptr when missing

  std::string dir_;
  std::mutex mu_;
  std::unordered_map<std::string, std::unique_ptr<Dictionary>> loaded_;  // guarded by mu_
  std::unordered_map<std::string, bool> installed_;                      // guarded by mu_
};

}  // namespace jc::parsing
