#include "parsing/job/requirement_cues.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "nlp/text_normalize.hpp"
#include "parsing/job/posting_text.hpp"

namespace jc::parsing::job {
namespace {

enum class Reach : std::uint8_t { kForward, kBackward, kBoth };

struct Cue {
  std::string_view text;
  Need need;
  Reach reach;
};

// kForward: governs what follows ("ideally X"); kBackward: what precedes ("X is a plus").
constexpr Cue kCues[] = {
    {"nice to have", Need::kPreferred, Reach::kBoth},
    {"nice-to-have", Need::kPreferred, Reach::kBoth},
    {"a plus", Need::kPreferred, Reach::kBackward},
    {"big plus", Need::kPreferred, Reach::kBackward},
    {"strong plus", Need::kPreferred, Reach::kBackward},
    {"plus point", Need::kPreferred, Reach::kBackward},
    {"bonus", Need::kPreferred, Reach::kBoth},
    {"preferred", Need::kPreferred, Reach::kBoth},
    {"preferably", Need::kPreferred, Reach::kForward},
    {"preferable", Need::kPreferred, Reach::kBackward},
    {"good to have", Need::kPreferred, Reach::kBoth},
    {"ideally", Need::kPreferred, Reach::kForward},
    {"desirable", Need::kPreferred, Reach::kBoth},
    {"desired", Need::kPreferred, Reach::kBoth},
    {"helpful", Need::kPreferred, Reach::kBackward},
    {"an advantage", Need::kPreferred, Reach::kBackward},
    {"advantageous", Need::kPreferred, Reach::kBackward},
    {"beneficial", Need::kPreferred, Reach::kBackward},
    {"extra credit", Need::kPreferred, Reach::kBoth},
    {"would be great", Need::kPreferred, Reach::kBackward},
    {"is welcome", Need::kPreferred, Reach::kBackward},
    {"are welcome", Need::kPreferred, Reach::kBackward},
    {"if you can", Need::kPreferred, Reach::kForward},
    {"we'd love", Need::kPreferred, Reach::kForward},
    {"we would love", Need::kPreferred, Reach::kForward},
    {"love it if", Need::kPreferred, Reach::kForward},
    {"great if", Need::kPreferred, Reach::kForward},
    {"if you have", Need::kPreferred, Reach::kForward},
    {"von vorteil", Need::kPreferred, Reach::kBoth},
    {"wünschenswert", Need::kPreferred, Reach::kBoth},
    {"idealerweise", Need::kPreferred, Reach::kForward},
    {"gerne", Need::kPreferred, Reach::kForward},
    {"wäre schön", Need::kPreferred, Reach::kBackward},
    {"pluspunkt*", Need::kPreferred, Reach::kBoth},
    {"un plus", Need::kPreferred, Reach::kBackward},
    {"atout*", Need::kPreferred, Reach::kBoth},
    {"apprécié*", Need::kPreferred, Reach::kBackward},
    {"souhaité*", Need::kPreferred, Reach::kBoth},
    {"souhaitable", Need::kPreferred, Reach::kBoth},
    {"idéalement", Need::kPreferred, Reach::kForward},
    {"de préférence", Need::kPreferred, Reach::kForward},
    {"se valorará", Need::kPreferred, Reach::kBoth},
    {"se valora", Need::kPreferred, Reach::kBoth},
    {"valorable", Need::kPreferred, Reach::kBoth},
    {"deseable", Need::kPreferred, Reach::kBoth},
    {"preferiblemente", Need::kPreferred, Reach::kForward},
    {"preferentemente", Need::kPreferred, Reach::kForward},
    {"de preferencia", Need::kPreferred, Reach::kForward},
    {"idealmente", Need::kPreferred, Reach::kForward},
    {"gradit*", Need::kPreferred, Reach::kBoth},
    {"preferibil*", Need::kPreferred, Reach::kBoth},
    {"costituisce titolo preferenziale", Need::kPreferred, Reach::kBackward},
    {"pluspunt", Need::kPreferred, Reach::kBackward},
    {"strekt tot aanbeveling", Need::kPreferred, Reach::kBackward},
    {"desejável", Need::kPreferred, Reach::kBoth},
    {"diferencial", Need::kPreferred, Reach::kBackward},
    {"must", Need::kRequired, Reach::kForward},
    {"required", Need::kRequired, Reach::kBoth},
    {"requires", Need::kRequired, Reach::kForward},
    {"requirement", Need::kRequired, Reach::kBoth},
    {"essential", Need::kRequired, Reach::kBoth},
    {"mandatory", Need::kRequired, Reach::kBoth},
    {"you have", Need::kRequired, Reach::kForward},
    {"you bring", Need::kRequired, Reach::kForward},
    {"you'll need", Need::kRequired, Reach::kForward},
    {"you need", Need::kRequired, Reach::kForward},
    {"we require", Need::kRequired, Reach::kForward},
    {"erforderlich", Need::kRequired, Reach::kBackward},
    {"vorausgesetzt", Need::kRequired, Reach::kBackward},
    {"voraussetzung", Need::kRequired, Reach::kBoth},
    {"setzen wir voraus", Need::kRequired, Reach::kBackward},
    {"zwingend", Need::kRequired, Reach::kBoth},
    {"unabdingbar", Need::kRequired, Reach::kBackward},
    {"exigé*", Need::kRequired, Reach::kBoth},
    {"requis*", Need::kRequired, Reach::kBoth},
    {"obligatoire", Need::kRequired, Reach::kBoth},
    {"indispensable", Need::kRequired, Reach::kBoth},
    {"impératif", Need::kRequired, Reach::kBoth},
    {"imprescindible", Need::kRequired, Reach::kBoth},
    {"obligatori*", Need::kRequired, Reach::kBoth},
    {"requisito", Need::kRequired, Reach::kBoth},
    {"indispensabile", Need::kRequired, Reach::kBoth},
    {"richiest*", Need::kRequired, Reach::kBoth},
    {"obrigatório", Need::kRequired, Reach::kBoth},
    {"vereist", Need::kRequired, Reach::kBackward},
    {"noodzakelijk", Need::kRequired, Reach::kBackward},
};

struct Found {
  std::size_t begin;
  std::size_t end;
  const Cue* cue;
};

// Depth of '(' at each byte of s, so cues inside another parenthetical are not applied.
void ParenIds(std::string_view s, std::vector<int>& ids) {
  ids.assign(s.size(), 0);
  int id = 0, next = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '(') id = ++next;
    ids[i] = id;
    if (s[i] == ')') id = 0;
  }
}

// The cues of one clause, and its ParenIds when it has any cue. A line's mentions mostly share
// a clause, so the last clause's are kept per thread (with the clause's text, so a new posting
// never reuses stale cues).
struct ClauseCues {
  std::vector<Found> found;
  std::vector<int> parens;
};
const ClauseCues& CluesOf(std::string_view c) {
  thread_local std::string last_clause;
  thread_local ClauseCues last;
  std::vector<Found>& last_found = last.found;
  if (c == last_clause && !last_clause.empty()) return last;
  last_clause.assign(c);
  last_found.clear();
  // Cues by the first byte of their first word (without a stem's '*'), longest first word first:
  // a clause costs a look at a few cues per word, not one scan per cue.
  struct Entry {
    std::string_view first_word;
    const Cue* cue;
  };
  static const auto* const by_first_byte = [] {
    auto* buckets = new std::array<std::vector<Entry>, 256>();
    for (const auto& cue : kCues) {
      std::string_view first = cue.text.substr(0, cue.text.find(' '));
      if (first.back() == '*') first.remove_suffix(1);
      (*buckets)[static_cast<unsigned char>(first[0])].push_back({first, &cue});
    }
    for (auto& b : *buckets) {
      std::stable_sort(b.begin(), b.end(), [](const Entry& x, const Entry& y) {
        return x.first_word.size() > y.first_word.size();
      });
    }
    return buckets;
  }();
  for (std::size_t i = 0; i < c.size();) {
    if (!IsWordByte(c, i) || (i > 0 && IsWordByte(c, i - 1))) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < c.size() && IsWordByte(c, j)) j += CharLen(c, j);
    // A cue is tried where its first word is the word at i or, for stems ("atout*" for
    // "atouts"), a prefix of it at least 3 bytes long; then it must match there as FindCue does.
    const std::string_view word = c.substr(i, j - i);
    for (const Entry& e : (*by_first_byte)[static_cast<unsigned char>(c[i])]) {
      const std::size_t len = e.first_word.size();
      if (len > word.size() || (len < word.size() && len < 3)) continue;
      if (word.compare(0, len, e.first_word) != 0) continue;
      if (FindCueAt(c, e.cue->text, i)) last_found.push_back({i, i + e.cue->text.size(), e.cue});
    }
    i = j;
  }
  std::sort(last_found.begin(), last_found.end(),
            [](const Found& a, const Found& b) { return a.begin < b.begin; });
  if (!last_found.empty()) ParenIds(c, last.parens);
  return last;
}

}  // namespace

Need NeedAt(std::string_view lower, std::size_t pos, std::size_t end) {
  const Span clause = ClauseAround(lower, pos);
  const std::string_view c = lower.substr(clause.begin, clause.end - clause.begin);
  const std::size_t p = pos - clause.begin;
  const std::size_t e = std::min(end - clause.begin, c.size());
  const ClauseCues& cues = CluesOf(c);
  const std::vector<Found>& all = cues.found;
  if (all.empty()) return Need::kNone;
  const std::vector<int>& parens = cues.parens;
  // A per-thread buffer: this runs for every mention.
  thread_local std::vector<Found> found;
  const int own = p < parens.size() ? parens[p] : 0;

  // A cue that closes a parenthetical speaks for all it holds ("(Azure preferiblemente)") and,
  // when it is all the parenthetical holds, for the mention right before it ("Forklift
  // Certification (Preferred)"), whichever way the cue reaches elsewhere.
  const auto closes = [&](const Found& f) {
    const std::size_t after = f.end + (f.end < c.size() && c[f.end] == ' ' ? 1 : 0);
    return parens[f.begin] != 0 && after < c.size() && c[after] == ')';
  };
  const auto right_after = [&](const Found& f) {
    std::size_t open = e;
    while (open < c.size() && c[open] == ' ') ++open;
    if (open >= c.size() || c[open] != '(' || parens[f.begin] != parens[open]) return false;
    std::size_t first = open + 1;
    while (first < f.begin && c[first] == ' ') ++first;
    return first == f.begin && closes(f);
  };
  found.clear();
  for (const auto& f : all) {
    if (f.begin >= p && f.begin < e) continue;  // inside the mention itself
    if (right_after(f) || (own != 0 && parens[f.begin] == own && closes(f))) return f.cue->need;
    // A cue inside another parenthetical applies only there; inside our own it wins.
    if (parens[f.begin] != 0 && parens[f.begin] != own) continue;
    found.push_back(f);
  }
  // "Ideally you have X": a required cue right after a preferred one belongs to it.
  const auto shadowed = [&](const Found& f) {
    if (f.cue->need != Need::kRequired) return false;
    for (const auto& g : found) {
      if (g.cue->need == Need::kPreferred && g.end <= f.begin && f.begin - g.end <= 20) return true;
    }
    return false;
  };
  const Found* best = nullptr;
  std::size_t best_distance = std::string_view::npos;
  bool best_own_paren = false;
  for (const auto& f : found) {
    if (shadowed(f)) continue;
    std::size_t distance = 0;
    if (f.end <= p) {
      if (f.cue->reach == Reach::kBackward) continue;
      distance = p - f.end;
    } else {
      if (f.cue->reach == Reach::kForward) continue;
      distance = f.begin - e;
    }
    const bool own_paren = own != 0 && parens[f.begin] == own;
    if (best == nullptr || (own_paren && !best_own_paren) ||
        (own_paren == best_own_paren && distance < best_distance)) {
      best = &f;
      best_distance = distance;
      best_own_paren = own_paren;
    }
  }
  return best ? best->cue->need : Need::kNone;
}

namespace {

// The texts of the cues of one need, in table order.
std::vector<std::string_view> CueTexts(Need need) {
  std::vector<std::string_view> out;
  for (const auto& cue : kCues) {
    if (cue.need == need) out.push_back(cue.text);
  }
  return out;
}

}  // namespace

bool HasPreferredCue(std::string_view lower) {
  static const CueSet kPreferred(CueTexts(Need::kPreferred));
  return HasAnyCue(lower, kPreferred);
}

bool AsksForQualification(std::string_view s) {
  // The required cues, then the words that ask for a qualification: one set, one pass.
  static const CueSet kAsks = [] {
    std::vector<std::string_view> cues = CueTexts(Need::kRequired);
    for (const std::string_view cue : {"experience",
                                       "experienced",
                                       "years of",
                                       "knowledge of",
                                       "knowledge",
                                       "proficien*",
                                       "familiar*",
                                       "skills in",
                                       "skilled in",
                                       "background in",
                                       "certified",
                                       "certification",
                                       "license",
                                       "licence",
                                       "licensed",
                                       "degree",
                                       "fluent",
                                       "fluency",
                                       "looking for",
                                       "ideal candidate",
                                       "should have",
                                       "you know",
                                       "you're comfortable",
                                       "comfortable with",
                                       "you are comfortable",
                                       "hands-on",
                                       "track record",
                                       "ability to",
                                       "qualified",
                                       "erfahrung*",
                                       "berufserfahrung",
                                       "kenntnisse",
                                       "bringst",
                                       "bringen sie",
                                       "sicher im",
                                       "sicherer umgang",
                                       "suchen wir",
                                       "du hast",
                                       "sie haben",
                                       "maîtrise*",
                                       "maîtrisez",
                                       "expérience",
                                       "connaissance*",
                                       "vous avez",
                                       "vous êtes",
                                       "nous recherchons",
                                       "experiencia",
                                       "conocimiento*",
                                       "dominio",
                                       "manejo",
                                       "buscamos",
                                       "tienes",
                                       "cuentas con",
                                       "esperienza",
                                       "conoscenza",
                                       "ervaring",
                                       "kennis",
                                       "experiência",
                                       "conhecimento*"}) {
      cues.push_back(cue);
    }
    return CueSet(cues);
  }();
  return HasAnyCue(s, kAsks);
}

}  // namespace jc::parsing::job
