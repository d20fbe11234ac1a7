#include "nlp/skill_matcher.hpp"

#include <algorithm>
#include <span>
#include <stdexcept>
#include <utility>

namespace jc::nlp {

SkillMatcher::SkillMatcher(const Taxonomy& taxonomy) : taxonomy_(&taxonomy) {
  // Build a pointer trie first, then flatten it; the trie is only needed here.
  std::vector<std::vector<std::pair<unsigned char, std::uint32_t>>> children(1);
  std::vector<std::vector<std::uint32_t>> outs(1);
  const auto& forms = taxonomy.Forms();
  for (std::uint32_t f = 0; f < forms.size(); ++f) {
    std::uint32_t node = 0;
    for (const char ch : forms[f].folded) {
      const auto byte = static_cast<unsigned char>(ch);
      auto& kids = children[node];
      auto it =
          std::find_if(kids.begin(), kids.end(), [&](const auto& e) { return e.first == byte; });
      if (it != kids.end()) {
        node = it->second;
        continue;
      }
      const auto next = static_cast<std::uint32_t>(children.size());
      kids.emplace_back(byte, next);
      children.emplace_back();
      outs.emplace_back();
      node = next;
    }
    outs[node].push_back(f);
  }
  // Lay the records out in node order (which keeps a chain of single children together).
  std::vector<std::uint32_t> offset(children.size() + 1, 0);
  for (std::size_t n = 0; n < children.size(); ++n) {
    offset[n + 1] = offset[n] + kHeader + static_cast<std::uint32_t>(children[n].size());
  }
  automaton_.assign(offset.back(), 0);
  for (std::size_t n = 0; n < children.size(); ++n) {
    std::sort(children[n].begin(), children[n].end());
    std::uint32_t* record = &automaton_[offset[n]];
    record[kOutBegin] = static_cast<std::uint32_t>(outputs_.size());
    for (const std::uint32_t f : outs[n]) {
      const SurfaceForm& form = forms[f];
      outputs_.push_back({f, static_cast<std::uint32_t>(form.folded.size()),
                          IsWordCharBefore(form.folded, form.folded.size()), form.exact_case});
    }
    record[kOutEnd] = static_cast<std::uint32_t>(outputs_.size());
    record[kEdgeCount] = static_cast<std::uint32_t>(children[n].size());
    for (std::size_t e = 0; e < children[n].size(); ++e) {
      const auto& [byte, target] = children[n][e];
      record[kHeader + e] = static_cast<std::uint32_t>(byte) << 24 | offset[target];
    }
  }
  if (offset.back() > kTargetMask) throw std::length_error("SkillMatcher: taxonomy too large");
  for (const auto& [byte, target] : children[0]) root_[byte] = offset[target];
  // Breadth-first, so every fail target is final before its dependants read it.
  std::vector<std::uint32_t> queue;
  for (const auto& edge : children[0]) queue.push_back(edge.second);
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const std::uint32_t node = queue[head];
    for (const auto& [byte, target] : children[node]) {
      const std::uint32_t fail = Step(automaton_[offset[node] + kFail], byte);
      std::uint32_t* record = &automaton_[offset[target]];
      record[kFail] = fail;
      record[kDict] = automaton_[fail + kOutEnd] > automaton_[fail + kOutBegin]
                          ? fail
                          : automaton_[fail + kDict];
      queue.push_back(target);
    }
  }
}

std::uint32_t SkillMatcher::Step(std::uint32_t state, unsigned char byte) const {
  for (;;) {
    if (state == 0) return root_[byte];
    const std::uint32_t* record = &automaton_[state];
    const std::uint32_t* edge = record + kHeader;
    const std::uint32_t* const edges_end = edge + record[kEdgeCount];
    for (; edge != edges_end; ++edge) {
      const std::uint32_t edge_byte = *edge >> 24;
      if (edge_byte == byte) return *edge & kTargetMask;
      if (edge_byte > byte) break;
    }
    state = record[kFail];
  }
}

namespace {

// IsWordCharBefore / IsWordCharAt with the ASCII case inline: asked for every candidate.
bool WordCharBefore(std::string_view s, std::size_t pos) {
  if (pos > 0 && pos <= s.size() && static_cast<unsigned char>(s[pos - 1]) < 0x80) {
    const auto c = static_cast<unsigned char>(s[pos - 1]);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  return IsWordCharBefore(s, pos);
}

bool WordCharAt(std::string_view s, std::size_t pos) {
  if (pos < s.size() && static_cast<unsigned char>(s[pos]) < 0x80) {
    const auto c = static_cast<unsigned char>(s[pos]);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  return IsWordCharAt(s, pos);
}

}  // namespace

void SkillMatcher::Collect(const NormalizedText& text, std::size_t end, std::uint32_t node,
                           std::vector<Candidate>& out) const {
  const auto& forms = taxonomy_->Forms();
  if (automaton_[node + kOutBegin] == automaton_[node + kOutEnd]) node = automaton_[node + kDict];
  for (; node != 0; node = automaton_[node + kDict]) {
    for (std::uint32_t o = automaton_[node + kOutBegin]; o < automaton_[node + kOutEnd]; ++o) {
      const Output& output = outputs_[o];
      const std::size_t begin = end - output.length;
      if (WordCharBefore(text.folded, begin)) continue;
      if (output.ends_in_word && WordCharAt(text.folded, end)) continue;
      if (output.exact_case) {
        const SurfaceForm& form = forms[output.form];
        if (text.exact.compare(begin, form.exact.size(), form.exact) != 0) continue;
      }
      out.push_back({begin, end, output.form});
    }
  }
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

bool In(Words words, std::string_view w) {
  // Length and first byte before the bytes: most words differ there.
  for (const std::string_view x : words) {
    if (x.size() == w.size() && (w.empty() || x[0] == w[0]) && x == w) return true;
  }
  return false;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return out;
}

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
  while (WordCharAt(t, p)) p += DecodeUtf8(t, p).len;
  return p;
}

std::string WordBefore(std::string_view t, std::size_t pos) {
  const std::size_t end = SkipSpacesBack(t, pos);
  return Lower(t.substr(WordStart(t, end), end - WordStart(t, end)));
}

std::string WordAfter(std::string_view t, std::size_t pos) {
  const std::size_t begin = SkipSpaces(t, pos);
  return Lower(t.substr(begin, WordEnd(t, begin) - begin));
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
  return word.empty() || In(kConjunctions, Lower(word));
}

bool SelfEvident(std::string_view t, const SkillMatch& m) {
  const std::string after = WordAfter(t, m.end);
  return In(kLeftCues, WordBefore(t, m.begin)) || In(kRightCues, after) ||
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
    const std::string w = Lower(t.substr(start, p - start));
    if (In(kClauseBreaks, w)) return false;
    if (In(kNegations, w)) return !In(kNotNegating, WordAfter(t, p));
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
    const std::string w = Lower(t.substr(p, end - p));
    if (In(kClauseBreaks, w)) return false;
    if (since_negation >= 0 && In(kNeeded, w)) return true;
    since_negation = In(kNegations, w)
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
  std::uint32_t state = 0;
  for (std::size_t i = 0; i < norm.folded.size(); ++i) {
    state = Step(state, static_cast<unsigned char>(norm.folded[i]));
    if (state != 0) Collect(norm, i + 1, state, candidates);
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
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
