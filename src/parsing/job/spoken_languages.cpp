#include "parsing/job/spoken_languages.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>

#include "nlp/text_normalize.hpp"
#include "parsing/job/posting_text.hpp"

namespace jc::parsing::job {
namespace {

constexpr std::string_view kProficiency[] = {"written",
                                             "spoken",
                                             "verbal",
                                             "fluent",
                                             "fluency",
                                             "fluently",
                                             "native",
                                             "proficient",
                                             "proficiency",
                                             "level",
                                             "business",
                                             "excellent",
                                             "good",
                                             "strong",
                                             "conversational",
                                             "bilingual",
                                             "working knowledge",
                                             "speak",
                                             "speaks",
                                             "speaking",
                                             "c1",
                                             "c2",
                                             "b1",
                                             "b2",
                                             "a2",
                                             "kenntnisse",
                                             "sprachkenntnisse",
                                             "gute",
                                             "sehr gute",
                                             "fließend",
                                             "verhandlungssicher",
                                             "muttersprache",
                                             "muttersprachlich",
                                             "wort und schrift",
                                             "courant",
                                             "niveau",
                                             "bilingue",
                                             "maîtrise",
                                             "parlé",
                                             "écrit",
                                             "nivel",
                                             "intermedio",
                                             "avanzado",
                                             "hablado",
                                             "escrito",
                                             "fluido",
                                             "dominio",
                                             "nativo",
                                             "fluente",
                                             "avançado",
                                             "ottimo",
                                             "buona",
                                             "conoscenza",
                                             "vloeiend",
                                             "goede",
                                             "beheersing",
                                             "technical",
                                             "technique",
                                             "lu",
                                             "écrit et parlé",
                                             "language",
                                             "languages",
                                             "idioma",
                                             "langue",
                                             "sprache"};

constexpr std::string_view kNotNeeded[] = {
    "not required",    "not needed",          "not necessary",  "nicht erforderlich",
    "nicht notwendig", "keine voraussetzung", "pas nécessaire", "pas obligatoire",
    "pas exigé",       "no es necesario",     "no se requiere", "no imprescindible",
    "non richiesto",   "niet vereist"};

bool NearProficiency(std::string_view lower, std::size_t begin, std::size_t end) {
  const std::size_t b = begin >= 30 ? begin - 30 : 0;
  const std::string_view before = lower.substr(b, begin - b);
  const std::string_view after = lower.substr(end, 30);
  for (const auto cue : kProficiency) {
    // Only within the clause: stop at sentence ends and line breaks.
    const std::size_t at_after = FindCue(after, cue);
    if (at_after != std::string_view::npos &&
        after.substr(0, at_after).find_first_of(".;\n:") == std::string_view::npos) {
      return true;
    }
    const std::size_t at_before = FindCue(before, cue);
    if (at_before != std::string_view::npos &&
        before.substr(at_before).find_first_of(".;\n:") == std::string_view::npos) {
      return true;
    }
  }
  return false;
}

// Single-word forms of every spoken language, lower-cased, and which (first byte, length) pairs
// they have: most words of a posting are no language, and are passed over without a lookup.
struct LanguageFormSet {
  std::unordered_map<std::string, nlp::SkillId> forms;
  // A filter on (first two bytes, length): bit Key(word) is set when some form may have the
  // word's; keys collide, so a set bit only means "look it up".
  static constexpr std::size_t kKeys = 4096;
  std::array<std::uint64_t, kKeys / 64> keys{};

  static std::size_t Key(std::string_view word) {
    const auto a = static_cast<unsigned char>(word[0]);
    const auto b = static_cast<unsigned char>(word.size() > 1 ? word[1] : 0);
    return (a * 961u + b * 31u + std::min<std::size_t>(word.size(), 255)) % kKeys;
  }
  void Add(std::string_view word) {
    const std::size_t k = Key(word);
    keys[k / 64] |= std::uint64_t{1} << (k % 64);
  }
  bool MayHave(std::string_view word) const {
    const std::size_t k = Key(word);
    return (keys[k / 64] >> (k % 64) & 1u) != 0;
  }
};

// Cached per thread for the taxonomy last used (a taxonomy never changes after Load), so a
// posting costs one pass over its words.
const LanguageFormSet& LanguageForms(const nlp::Taxonomy& taxonomy) {
  thread_local const nlp::Taxonomy* cached_for = nullptr;
  thread_local std::string cached_version;
  thread_local std::size_t cached_size = 0;
  thread_local LanguageFormSet set;
  auto& forms = set.forms;
  if (cached_for == &taxonomy && cached_size == taxonomy.Size() &&
      cached_version == taxonomy.Version()) {
    return set;
  }
  forms.clear();
  set.keys = {};
  for (const auto& skill : taxonomy.Skills()) {
    if (skill.category != nlp::Category::kSpokenLanguage) continue;
    std::vector<std::string> names{Lower(skill.name)};
    for (const auto& a : skill.aliases) names.push_back(Lower(a));
    for (const auto& n : names) {
      // Acronyms ("DGS") and several-word names are the matcher's job.
      if (n.size() >= 4 && n.find(' ') == std::string::npos) forms.emplace(n, skill.id);
    }
  }
  for (const auto& [form, id] : forms) set.Add(form);
  cached_for = &taxonomy;
  cached_version = std::string(taxonomy.Version());
  cached_size = taxonomy.Size();
  return set;
}

}  // namespace

std::vector<nlp::SkillMatch> FindLanguages(const nlp::Taxonomy& taxonomy, std::string_view lower) {
  static constexpr std::string_view kCompound = "kenntnisse";
  static constexpr std::string_view kCompound2 = "sprachkenntnisse";
  const LanguageFormSet& set = LanguageForms(taxonomy);
  const auto& forms = set.forms;
  std::vector<nlp::SkillMatch> out;
  std::string key;
  for (std::size_t i = 0; i < lower.size();) {
    if (!IsWordByte(lower, i)) {
      i += CharLen(lower, i);
      continue;
    }
    std::size_t end = i;
    while (end < lower.size() && IsWordByte(lower, end)) end += CharLen(lower, end);
    std::string_view word = lower.substr(i, end - i);
    bool compound = false;
    for (const auto suffix : {kCompound2, kCompound}) {
      if (word.size() > suffix.size() + 3 && word.substr(word.size() - suffix.size()) == suffix) {
        word.remove_suffix(suffix.size());  // "deutschkenntnisse" -> "deutsch"
        compound = true;
        break;
      }
    }
    if (!set.MayHave(word)) {
      i = end;
      continue;
    }
    key.assign(word);
    const auto it = forms.find(key);
    if (it != forms.end()) {
      const std::size_t word_end = i + word.size();
      // "Deutsch- und Englischkenntnisse": the first language shares the compound.
      if (!compound && lower.substr(word_end, 2) == "- ") {
        compound = lower.substr(word_end, 40).find(kCompound) != std::string_view::npos;
      }
      if (compound || NearProficiency(lower, i, word_end)) {
        const Span sentence = SentenceAround(lower, i);
        const std::string_view rest =
            lower.substr(word_end, sentence.end > word_end ? sentence.end - word_end : 0);
        bool negated = false;
        for (const auto n : kNotNeeded) negated = negated || HasCue(rest, n);
        out.push_back({it->second, i, word_end, negated});
      }
    }
    i = end;
  }
  return out;
}

}  // namespace jc::parsing::job
