#include "parsing/job/spoken_languages.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

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

// Whether a proficiency cue sits within 30 bytes of the language, in its clause: for a cue after
// it, its first occurrence comes before any sentence end or line break; for a cue before it,
// none comes between its first occurrence and the language.
bool NearProficiency(std::string_view lower, std::size_t begin, std::size_t end) {
  static const CueSet kCues(kProficiency);
  static constexpr std::string_view kBreaks = ".;\n:";
  const std::size_t b = begin >= 30 ? begin - 30 : 0;
  const std::string_view before = lower.substr(b, begin - b);
  const std::string_view after = lower.substr(end, 30);
  // No cue starts with a break, so the earliest cue of all is the test for every cue after.
  const std::size_t first_after = kCues.Find(after);
  if (first_after != std::string_view::npos && first_after < after.find_first_of(kBreaks)) {
    return true;
  }
  const std::size_t last_break = before.find_last_of(kBreaks);
  if (last_break == std::string_view::npos) return kCues.In(before);
  thread_local std::vector<std::pair<std::size_t, std::size_t>> found;  // (cue, position)
  found.clear();
  kCues.AllMatches(before, found);
  for (std::size_t i = 0; i < found.size(); ++i) {
    const bool first_of_cue = i == 0 || found[i].first != found[i - 1].first;
    if (first_of_cue && found[i].second > last_break) return true;
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

std::vector<nlp::SkillMatch> FindLanguages(const nlp::Taxonomy& taxonomy, const CueIndex& body) {
  const std::string_view lower = body.text();
  static constexpr std::string_view kCompound = "kenntnisse";
  static constexpr std::string_view kCompound2 = "sprachkenntnisse";
  const LanguageFormSet& set = LanguageForms(taxonomy);
  const auto& forms = set.forms;
  std::vector<nlp::SkillMatch> out;
  std::string key;
  for (const CueIndex::Word& w : body.Words()) {
    const std::size_t i = w.begin;
    std::string_view word = lower.substr(i, w.end - i);
    bool compound = false;
    for (const auto suffix : {kCompound2, kCompound}) {
      if (word.size() > suffix.size() + 3 && word.substr(word.size() - suffix.size()) == suffix) {
        word.remove_suffix(suffix.size());  // "deutschkenntnisse" -> "deutsch"
        compound = true;
        break;
      }
    }
    if (!set.MayHave(word)) continue;
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
  }
  return out;
}

}  // namespace jc::parsing::job
