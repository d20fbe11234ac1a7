#include "generation/claim_words.hpp"

#include <algorithm>

#include "generation/text_fold.hpp"
#include "nlp/text_normalize.hpp"

namespace jc::generation::words {
namespace {

// Voice words (folded). "I" and "us" are checked on the raw text too ("US" is a country).
constexpr std::string_view kFirstPerson[] = {
    "i",   "me",   "my",    "mine",   "myself",  "we",      "us",     "our",    "ours",
    "ich", "mich", "mir",   "mein",   "meine",   "meinen",  "meinem", "meiner", "meines",
    "wir", "uns",  "unser", "unsere", "unseren", "unserem", "unserer"};
constexpr std::string_view kSecondPersonEn[] = {"you", "your", "yours", "yourself"};
// German polite forms count only capitalised: lower-case "sie", "ihr" are she / they / her.
constexpr std::string_view kSecondPersonDe[] = {"sie",   "ihr",   "ihre",  "ihren", "ihrem",
                                                "ihrer", "ihres", "ihnen", "du",    "dein",
                                                "deine", "dich",  "dir",   "euch"};
constexpr std::string_view kPostingNouns[] = {"role",
                                              "position",
                                              "posting",
                                              "vacancy",
                                              "opening",
                                              "job",
                                              "opportunity",
                                              "advert",
                                              "advertisement",
                                              "stelle",
                                              "rolle",
                                              "ausschreibung",
                                              "stellenausschreibung",
                                              "stellenanzeige",
                                              "gelegenheit"};
constexpr std::string_view kOwnDeterminers[] = {"my",     "our",    "mein",   "meine",  "meiner",
                                                "meinen", "meinem", "unsere", "unserer"};
// Applying, wishing, and contributing in the base form (what the candidate would do for the
// company: "bring", "help", "join"; past forms such as "helped" or "joined" are not here).
constexpr std::string_view kApplicationWords[] = {
    "apply",        "applying", "application", "candidacy",  "interested",   "excited",
    "thrilled",     "eager",    "keen",        "delighted",  "would",        "will",
    "hope",         "welcome",  "forward",     "wait",       "join",         "contribute",
    "help",         "support",  "bring",       "bewerbe",    "bewerben",     "bewerbung",
    "interessiere", "freue",    "freuen",      "gerne",      "gern",         "werde",
    "mochte",       "mochten",  "beitragen",   "einbringen", "unterstutzen", "mitwirken"};
// "würde" folds to "wurde" (= was): checked on the raw text.
constexpr std::string_view kApplicationRaw[] = {"würde", "würden", "Würde"};
// Employment verbs. Past forms always make a first-person clause a candidate claim ("I worked at
// Helios"); present forms only without an application or aspiration word ("I would love to work
// at Helios" applies, "I work at Helios" claims).
constexpr std::string_view kEmploymentPast[] = {
    "worked",    "joined",     "served",     "employed",   "spent",      "held",
    "arbeitete", "arbeiteten", "gearbeitet", "angestellt", "beschaftigt"};
constexpr std::string_view kEmploymentPresent[] = {"work", "works", "working", "arbeite", "tatig"};
constexpr std::string_view kSalutations[] = {"dear",  "hello",  "hi",   "sehr",
                                             "liebe", "lieber", "hallo"};
constexpr std::string_view kClauseWords[] = {"but",  "while",   "whereas",
                                             "aber", "wahrend", "jedoch"};

constexpr std::string_view kMonths[] = {
    "january",  "february",  "march",      "april",    "may",      "june",     "july",
    "august",   "september", "october",    "november", "december", "januar",   "februar",
    "marz",     "mai",       "juni",       "juli",     "oktober",  "dezember", "jan",
    "feb",      "mar",       "apr",        "jun",      "jul",      "aug",      "sep",
    "sept",     "oct",       "okt",        "nov",      "dec",      "dez",      "monday",
    "tuesday",  "wednesday", "thursday",   "friday",   "saturday", "sunday",   "montag",
    "dienstag", "mittwoch",  "donnerstag", "freitag",  "samstag",  "sonntag",  "spring",
    "summer",   "autumn",    "winter",     "fruhling", "sommer",   "herbst"};
constexpr std::string_view kPronouns[] = {
    "i",   "you",  "we",    "he",    "she",   "they",  "it",    "ich",  "sie", "wir",
    "er",  "es",   "ihr",   "du",    "this",  "that",  "the",   "a",    "an",  "my",
    "our", "your", "ihnen", "ihrem", "ihrer", "ihren", "ihres", "ihre", "uns", "euch"};

constexpr std::string_view kOrgCues[] = {"at", "with", "for", "joined", "join", "from", "bei"};
constexpr std::string_view kToolCues[] = {"with", "for", "from"};
constexpr std::string_view kArticles[] = {"the", "der", "die", "das", "dem", "den"};
constexpr std::string_view kConnectors[] = {"of", "for", "and", "de",  "du",  "des", "der", "di",
                                            "la", "le",  "von", "van", "fur", "und", "y",   "e"};
constexpr std::string_view kInnerConnectors[] = {"of", "and", "de", "du", "la", "y"};
// Company suffixes, compared case-sensitively without periods ("S.p.A." -> "SpA").
constexpr std::string_view kSuffixes[] = {
    "GmbH",    "AG",  "Inc", "Ltd", "LLC", "SA",   "SAS", "SpA",  "BV",
    "AS",      "Lda", "plc", "PLC", "KG",  "SE",   "Co",  "Corp", "Corporation",
    "Limited", "eV",  "OHG", "UG",  "SL",  "Oy",   "AB",  "NV",   "Pty",
    "SARL",    "SRL", "LLP", "GbR", "mbH", "KGaA", "Srl"};
constexpr std::string_view kSchoolWords[] = {"university",
                                             "universitat",
                                             "universite",
                                             "universidad",
                                             "universita",
                                             "universiteit",
                                             "uniwersytet",
                                             "college",
                                             "institute",
                                             "institut",
                                             "instituto",
                                             "istituto",
                                             "hochschule",
                                             "fachhochschule",
                                             "school",
                                             "academy",
                                             "akademie",
                                             "academie",
                                             "polytechnic",
                                             "politecnico",
                                             "polytechnique",
                                             "ecole",
                                             "gymnasium",
                                             "conservatory",
                                             "tu",
                                             "eth",
                                             "epfl",
                                             "rwth",
                                             "lmu",
                                             "kit",
                                             "mit"};
constexpr std::string_view kSchoolEndings[] = {"hochschule", "universitat", "akademie", "institut",
                                               "schule"};

bool HasAny(std::string_view gap, std::string_view chars) {
  return gap.find_first_of(chars) != std::string_view::npos;
}

bool IsSuffix(const Tok& t) {
  return t.suffix;
}
bool IsSchool(const Tok& t) {
  return t.school;
}
bool IsNameWord(const Tok& t) {
  return t.name;
}

bool SuffixWord(const Tok& t) {
  return In(kSuffixes, t.compact);
}

bool SchoolWord(const Tok& t) {
  if (!t.upper) return false;
  if (In(kSchoolWords, t.folded)) {
    // Short acronyms count only in capitals: "TU", "MIT", not "Kit".
    if (t.folded.size() > 4) return true;
    return std::all_of(t.raw.begin(), t.raw.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  }
  for (const auto e : kSchoolEndings) {
    if (t.folded.size() > e.size() + 2 && t.folded.ends_with(e)) return true;
  }
  return false;
}

// A word that can be part of a name: capitalised or a digit after a name, not a month, a
// weekday, a season or a pronoun.
bool NameWord(const Tok& t) {
  if (t.suffix) return true;
  if (!t.upper) return false;
  return !In(kMonths, t.folded) && !In(kPronouns, t.folded);
}

// The name run starting at toks[k]: name words joined by spaces, hyphens or '&', connectors
// between name words, a suffix after a comma ("Acme, Inc."). Returns one past its last word
// (k when there is none).
std::size_t NameRunFrom(std::string_view s, const std::vector<Tok>& toks, std::size_t k) {
  std::size_t last = k;
  for (std::size_t j = k; j < toks.size() && j < k + 8; ++j) {
    if (j > k) {
      const std::string_view gap = GapBefore(s, toks, j);
      const bool after_abbrev =
          gap.starts_with(".") && (IsSuffix(toks[j - 1]) || toks[j - 1].raw.size() == 1);
      const bool comma_suffix = gap == ", " && IsSuffix(toks[j]);
      const std::string_view rest = after_abbrev ? gap.substr(1) : gap;
      if (IsPunctGap(rest) && !comma_suffix) break;
    }
    if (IsNameWord(toks[j]) || (toks[j].digit && j > k)) {
      last = j + 1;
      // A company suffix ends the name: "Pennine Foods Ltd. Before that, ..." stops at "Ltd".
      if (j > k && IsSuffix(toks[j])) break;
      continue;
    }
    if (j > k && In(kConnectors, toks[j].folded) && !toks[j].upper && j + 1 < toks.size() &&
        IsNameWord(toks[j + 1])) {
      continue;
    }
    break;
  }
  return last;
}

// The first word of the name run that ends just before toks[k] (k when none).
std::size_t NameRunBefore(std::string_view s, const std::vector<Tok>& toks, std::size_t k) {
  std::size_t first = k;
  for (std::size_t j = k; j > 0 && j + 8 > k; --j) {
    const Tok& t = toks[j - 1];
    const std::string_view gap = GapBefore(s, toks, j);
    const bool after_abbrev = gap.starts_with(".") && (IsSuffix(t) || t.raw.size() == 1);
    const std::string_view rest = after_abbrev ? gap.substr(1) : gap;
    const bool comma_suffix = gap == ", " && IsSuffix(toks[j]);
    if (IsPunctGap(rest) && !comma_suffix) break;
    if (In(kOrgCues, t.folded) || In(kArticles, t.folded)) break;
    if (IsNameWord(t) || t.digit) {
      first = j - 1;
      continue;
    }
    // Backwards only connectors inside names ("Bank of America"): German nouns are capitalised,
    // so "Erfolg von Acme GmbH" must stop at "von".
    if (In(kInnerConnectors, t.folded) && !t.upper && j >= 2 && IsNameWord(toks[j - 2])) continue;
    break;
  }
  return first;
}

bool IsFirstPerson(const Tok& t) {
  if (t.folded == "i") return t.raw == "I";
  if (t.folded == "us") return t.raw == "us";
  return In(kFirstPerson, t.folded);
}

bool IsSecondPerson(const Tok& t, bool sentence_start) {
  if (In(kSecondPersonEn, t.folded)) return true;
  if (!In(kSecondPersonDe, t.folded)) return false;
  const bool familiar = t.folded == "du" || t.folded.starts_with("dein") || t.folded == "dich" ||
                        t.folded == "dir" || t.folded == "euch";
  return familiar || t.upper || sentence_start;
}

}  // namespace

bool IsPunctGap(std::string_view gap) {
  for (const char c : gap) {
    if (c != ' ' && c != '-' && c != '&' && c != '/') return true;
  }
  return false;
}

std::string_view GapBefore(std::string_view s, const std::vector<Tok>& toks, std::size_t k) {
  const std::size_t from = k == 0 ? 0 : toks[k - 1].end;
  return s.substr(from, toks[k].begin - from);
}

bool InsideSkill(const std::vector<nlp::SkillMatch>& skills, std::size_t b, std::size_t e) {
  return std::any_of(skills.begin(), skills.end(),
                     [&](const nlp::SkillMatch& m) { return b >= m.begin && e <= m.end; });
}

bool IsPersonWord(std::string_view folded) {
  return In(kPronouns, folded) || In(kFirstPerson, folded);
}

std::vector<Tok> Tokenize(std::string_view text) {
  std::vector<Tok> out;
  for (std::size_t i = 0; i < text.size();) {
    if (!nlp::IsWordCharAt(text, i)) {
      i += nlp::DecodeUtf8(text, i).len;
      continue;
    }
    Tok t;
    t.begin = i;
    while (i < text.size()) {
      if (nlp::IsWordCharAt(text, i)) {
        i += nlp::DecodeUtf8(text, i).len;
      } else if (text[i] == '.' && nlp::IsWordCharAt(text, i + 1) &&
                 !(text[i - 1] >= '0' && text[i - 1] <= '9')) {
        ++i;
      } else {
        break;
      }
    }
    t.end = i;
    t.raw = text.substr(t.begin, t.end - t.begin);
    t.folded = Fold(t.raw);
    for (const char c : t.raw) {
      if (c != '.') t.compact += c;
    }
    t.upper = IsUpperAt(text, t.begin);
    t.digit = text[t.begin] >= '0' && text[t.begin] <= '9';
    t.suffix = SuffixWord(t);
    t.school = SchoolWord(t);
    t.name = NameWord(t);
    out.push_back(std::move(t));
  }
  return out;
}

Voice Voices::At(std::size_t pos) const {
  for (std::size_t i = 0; i < ends.size(); ++i) {
    if (pos < ends[i]) return voice[i];
  }
  return voice.empty() ? Voice::kCandidate : voice.back();
}

Voices ClauseVoices(std::string_view sentence, const std::vector<Tok>& toks, TextKind kind) {
  Voices v;
  if (kind != TextKind::kLetter || toks.empty()) {
    v.ends = {sentence.size()};
    v.voice = {kind == TextKind::kAboutJob ? Voice::kJob : Voice::kCandidate};
    return v;
  }
  struct Clause {
    bool first = false, second = false, posting = false, apply = false, past = false,
         present = false;
  };
  std::vector<Clause> clauses(1);
  for (std::size_t k = 0; k < toks.size(); ++k) {
    const Tok& t = toks[k];
    const bool boundary =
        k > 0 && (HasAny(GapBefore(sentence, toks, k), ",;:()") ||
                  GapBefore(sentence, toks, k).find("â") != std::string_view::npos ||  // –
                  GapBefore(sentence, toks, k).find("â") != std::string_view::npos ||  // —
                  In(kClauseWords, t.folded));
    if (boundary) {
      v.ends.push_back(t.begin);
      clauses.emplace_back();
    }
    Clause& c = clauses.back();
    c.first = c.first || IsFirstPerson(t);
    // A salutation ("Dear Hiring Manager", "Sehr geehrte Frau Berg") addresses the reader.
    const bool clause_start = boundary || k == 0;
    c.second =
        c.second || IsSecondPerson(t, k == 0) || (clause_start && In(kSalutations, t.folded));
    c.apply = c.apply || In(kApplicationWords, t.folded) || In(kApplicationRaw, t.raw);
    c.past = c.past || In(kEmploymentPast, t.folded);
    c.present = c.present || In(kEmploymentPresent, t.folded);
    if (In(kPostingNouns, t.folded)) {
      bool own = false;
      for (std::size_t j = k; j > 0 && j + 4 > k; --j)
        own = own || In(kOwnDeterminers, toks[j - 1].folded);
      c.posting = c.posting || !own;
    }
  }
  v.ends.push_back(sentence.size());
  std::vector<std::optional<Voice>> own(clauses.size());
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    const Clause& c = clauses[i];
    if (c.first) {
      const bool employed = c.past || (c.present && !c.apply);
      own[i] = (c.apply || c.posting) && !employed ? Voice::kApplication : Voice::kCandidate;
    } else if (c.second || c.posting) {
      own[i] = Voice::kJob;
    }
  }
  for (std::size_t i = 0; i < clauses.size(); ++i) {
    std::optional<Voice> voice = own[i];
    for (std::size_t j = i; !voice && j > 0; --j) voice = own[j - 1];
    for (std::size_t j = i + 1; !voice && j < clauses.size(); ++j) voice = own[j];
    v.voice.push_back(voice.value_or(Voice::kCandidate));
  }
  return v;
}

std::vector<NameSpan> FindOrganisations(std::string_view sentence, const std::vector<Tok>& toks,
                                        const std::vector<nlp::SkillMatch>& skills,
                                        const nlp::SkillMatcher& matcher) {
  std::vector<std::pair<std::size_t, std::size_t>> runs;  // token ranges
  std::vector<bool> school;
  auto add = [&](std::size_t b, std::size_t e) {
    if (e <= b) return;
    bool is_school = false;
    for (std::size_t j = b; j < e; ++j) is_school = is_school || IsSchool(toks[j]);
    for (std::size_t r = 0; r < runs.size(); ++r) {
      if (b < runs[r].second && runs[r].first < e) {  // overlap: merge
        runs[r] = {std::min(b, runs[r].first), std::max(e, runs[r].second)};
        school[r] = school[r] || is_school;
        return;
      }
    }
    runs.emplace_back(b, e);
    school.push_back(is_school);
  };
  for (std::size_t k = 0; k < toks.size(); ++k) {
    const Tok& t = toks[k];
    const bool cue_case = !t.upper || k == 0 || t.raw == "At" || t.raw == "Bei";
    if (In(kOrgCues, t.folded) && cue_case && k + 1 < toks.size() &&
        !IsPunctGap(GapBefore(sentence, toks, k + 1))) {
      std::size_t start = k + 1;
      bool article = false;
      if (In(kArticles, toks[start].folded) && !toks[start].upper && start + 1 < toks.size()) {
        article = true;
        ++start;
      }
      const std::size_t end = NameRunFrom(sentence, toks, start);
      if (end > start) {
        bool strong = false;  // suffix or school word: a name even after an article
        for (std::size_t j = start; j < end; ++j)
          strong = strong || IsSuffix(toks[j]) || IsSchool(toks[j]);
        const std::string_view text =
            sentence.substr(toks[start].begin, toks[end - 1].end - toks[start].begin);
        const bool tool =
            In(kToolCues, t.folded) && (InsideSkill(skills, toks[start].begin, toks[start].end) ||
                                        matcher.taxonomy().FindByName(text) != nullptr);
        const bool german_article = article && t.folded == "bei";
        if (!tool && (!german_article || strong)) add(start, end);
      }
    }
    if (IsSuffix(t) && k > 0 && (t.raw.size() > 2 || toks[k - 1].upper)) {
      const std::size_t first = NameRunBefore(sentence, toks, k);
      if (first < k) add(first, NameRunFrom(sentence, toks, first));
    }
    if (IsSchool(t)) {
      const std::size_t first = NameRunBefore(sentence, toks, k);
      add(first, std::max(NameRunFrom(sentence, toks, first), k + 1));
    }
  }
  std::vector<NameSpan> out;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const auto [b, e] = runs[r];
    std::size_t end = toks[e - 1].end;
    const std::string_view last = toks[e - 1].compact;
    const bool abbreviation = last == "Inc" || last == "Ltd" || last == "Co" || last == "Corp" ||
                              last == "Lda" || last == "SpA" || last == "eV" || last == "BV";
    if (abbreviation && end + 1 < sentence.size() && sentence[end] == '.') ++end;
    out.push_back({toks[b].begin, end, school[r]});
  }
  return out;
}

bool IsCalendarWord(std::string_view folded) {
  return In(kMonths, folded);
}

}  // namespace jc::generation::words
