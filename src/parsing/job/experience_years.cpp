#include "parsing/job/experience_years.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>

#include "parsing/job/posting_text.hpp"
#include "parsing/job/requirement_cues.hpp"

namespace jc::parsing::job {
namespace {

// The first bytes of a list of words: most places hold none of them, and are passed over
// without comparing any word.
class FirstBytes {
 public:
  explicit constexpr FirstBytes(std::span<const std::string_view> words) {
    for (const auto w : words) bits_[static_cast<unsigned char>(w[0]) / 64] |= Bit(w[0]);
  }
  constexpr bool Has(char c) const {
    return (bits_[static_cast<unsigned char>(c) / 64] & Bit(c)) != 0;
  }

 private:
  static constexpr std::uint64_t Bit(char c) {
    return std::uint64_t{1} << (static_cast<unsigned char>(c) % 64);
  }
  std::array<std::uint64_t, 4> bits_{};
};

constexpr std::string_view kYearWords[] = {"years", "year", "yrs",  "yr",     "jahre", "jahren",
                                           "jahr",  "ans",  "an",   "années", "année", "años",
                                           "año",   "anni", "anno", "jaar",   "anos",  "ano"};
constexpr std::string_view kMonthWords[] = {"months", "month", "monate", "monaten", "monat",
                                            "mois",   "meses", "mes",    "mesi",    "maanden"};
constexpr std::string_view kRangeWords[] = {"-", "–",   "—", "to", "bis",  "à",  "a",
                                            "y", "and", "o", "or", "oder", "ou", "tot"};
constexpr FirstBytes kYearFirsts(kYearWords);
constexpr FirstBytes kMonthFirsts(kMonthWords);
constexpr FirstBytes kRangeFirsts(kRangeWords);

void SkipSpaces(std::string_view s, std::size_t& i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '+' || s[i] == '(' || s[i] == ')')) ++i;
  while (i + 1 < s.size() && s[i] == '\xC2' && s[i + 1] == '\xA0') i += 2;
}

// Matches one of `words` (whose first bytes are `firsts`) at i (word-bounded at its end);
// advances i past it.
bool Eat(std::string_view s, std::size_t& i, std::span<const std::string_view> words,
         const FirstBytes& firsts) {
  if (i >= s.size() || !firsts.Has(s[i])) return false;  // every word is at least one byte
  for (const auto w : words) {
    if (BytesAt(s, i, w)) {
      const std::size_t end = i + w.size();
      const bool symbol = !IsWordByte(w, 0);
      if (symbol || end >= s.size() || !IsWordByte(s, end)) {
        i = end;
        return true;
      }
    }
  }
  return false;
}

// Sentences whose figures are not a candidate's experience.
bool NotExperience(std::string_view sentence) {
  static const CueSet kNotExperience{"old",           "alt",           "âgé*",
                                     "edad",          "age",           "ages",
                                     "aged",          "since",         "founded",
                                     "in business",   "ago",           "dui",
                                     "dwi",           "violation*",    "accident*",
                                     "look-back",     "lookback",      "within the last",
                                     "in the past",   "seit",          "depuis",
                                     "desde hace",    "semester*",     "semestre*",
                                     "warranty",      "guarantee",     "we have",
                                     "we've",         "our company",   "for over",
                                     "retention",     "history of",    "record",
                                     "convictions",   "tenure",        "vesting",
                                     "vest",          "in the last",   "last",
                                     "en el mercado", "somos",         "nous sommes",
                                     "wir sind",      "on the market", "trayectoria",
                                     "fundada",       "fundado"};
  return HasAnyCue(sentence, kNotExperience);
}

bool IsExperience(std::string_view sentence, std::string_view after_unit) {
  static const CueSet kExperience{"experience",
                                  "exp",
                                  "experienced",
                                  "erfahrung*",
                                  "berufserfahrung",
                                  "expérience*",
                                  "experiencia",
                                  "esperienza",
                                  "ervaring",
                                  "experiência",
                                  "track record",
                                  "background",
                                  "working as",
                                  "work experience",
                                  "in a similar",
                                  "in the field",
                                  "practice",
                                  "praxis",
                                  "pratique",
                                  "práctica",
                                  "professional",
                                  "post-qualification",
                                  "pqe",
                                  "in industry",
                                  "progressive"};
  // German compounds ("Fahrpraxis", "Führungserfahrung") and the words in any position.
  for (const std::string_view stem : {"erfahrung", "praxis", "experience", "expérience",
                                      "experiencia", "esperienza", "ervaring"}) {
    if (sentence.find(stem) != std::string_view::npos) return true;
  }
  if (HasAnyCue(sentence, kExperience)) {
    return true;
  }
  // "5+ years of Python", "3 years in B2B sales", "2 ans en comptabilité", "4 años como".
  std::size_t i = 0;
  SkipSpaces(after_unit, i);
  static constexpr std::string_view kMinimum[] = {"minimum",  "min.",    "mínimo", "minimo",
                                                  "at least", "or more", "o más",  "ou plus"};
  static constexpr FirstBytes kMinimumFirsts(kMinimum);
  if (Eat(after_unit, i, kMinimum, kMinimumFirsts)) SkipSpaces(after_unit, i);
  static constexpr std::string_view kLinks[] = {
      "of",      "in",       "with",    "as",       "en",      "de",       "como",
      "als",     "im",       "in der",  "mit",      "dans",    "comme",    "d'",
      "di",      "van",      "working", "doing",    "leading", "managing", "selling",
      "driving", "teaching", "running", "building", "writing", "hands-on", "post"};
  static constexpr FirstBytes kLinkFirsts(kLinks);
  return Eat(after_unit, i, kLinks, kLinkFirsts);
}

bool PartOfTotal(std::string_view before) {
  static const CueSet kPartOfTotal{"of them",   "of which", "dont",          "davon",
                                   "including", "incl",     "de los cuales", "de ellos",
                                   "of these",  "thereof",  "among them"};
  return HasAnyCue(before, kPartOfTotal);
}

// "No prior industry experience required": a negation a few words before the experience word,
// and a word of need after it.
bool NegatedExperience(std::string_view lower) {
  for (const std::string_view word : {"experience", "erfahrung", "expérience", "experiencia"}) {
    for (std::size_t at = FindBytes(lower, word); at != std::string_view::npos;
         at = FindBytes(lower, word, at + 1)) {
      // The negation right before, with at most two qualifying words between: "no prior
      // industry experience", not "no Java experience" (a skill, not experience as such).
      std::size_t b = at;
      bool negated = false;
      for (int words = 0; words < 3 && b > 0; ++words) {
        std::size_t e = b;
        while (e > 0 && lower[e - 1] == ' ') --e;
        std::size_t s = e;
        while (s > 0 && lower[s - 1] != ' ' && lower[s - 1] != '\n') --s;
        const std::string_view w = lower.substr(s, e - s);
        if (w == "no" || w == "without" || w == "keine" || w == "ohne" || w == "sin" ||
            w == "aucune" || w == "sans" || w == "nessuna" || w == "geen") {
          negated = true;
          break;
        }
        if (!(w == "prior" || w == "previous" || w == "professional" || w == "industry" ||
              w == "work" || w == "formal" || w == "relevant" || w == "paid" || w == "direct" ||
              w == "vorherige" || w == "berufliche")) {
          break;
        }
        b = s;
      }
      if (!negated) continue;
      const std::string_view after = lower.substr(at, 40);
      if (HasAnyCue(after, {"required", "needed", "necessary", "erforderlich", "nötig", "notwendig",
                            "necesaria", "requise", "exigée", "necessaria"})) {
        return true;
      }
    }
  }
  return false;
}

bool SaysNoExperience(const CueIndex& body) {
  return HasAnyCue(body, {"no experience",
                          "no prior experience",
                          "no previous experience",
                          "experience not required",
                          "experience is not required",
                          "no experience required",
                          "experience not necessary",
                          "keine berufserfahrung",
                          "ohne berufserfahrung",
                          "keine erfahrung",
                          "sin experiencia",
                          "no se requiere experiencia",
                          "aucune expérience",
                          "sans expérience",
                          "pas d'expérience",
                          "nessuna esperienza",
                          "geen ervaring",
                          "sem experiência",
                          "no experience needed",
                          "no experience necessary",
                          "0-1 years",
                          "0–1 years"}) ||
         NegatedExperience(body.text());
}

}  // namespace

ExperienceYears ExtractExperienceYears(const CueIndex& body,
                                       const std::vector<PostingLine>& lines) {
  const std::string_view lower = body.text();
  ExperienceYears out;
  for (const auto& line : lines) {
    if (line.heading || line.part == PartKind::kBenefits || line.part == PartKind::kAbout) {
      continue;
    }
    const std::string_view l = lower.substr(line.begin, line.end - line.begin);
    for (std::size_t i = 0; i < l.size(); ++i) {
      // Numbers start words: skip the inside of words before trying the number words.
      if (i > 0 && !IsAsciiDigit(l[i]) && (IsWordByte(l, i - 1) || !IsWordByte(l, i))) continue;
      std::size_t j = 0;
      const auto value = ReadSmallNumber(l, i, &j);
      if (!value) continue;
      std::size_t k = j;
      SkipSpaces(l, k);
      std::size_t r = k;
      if (Eat(l, r, kRangeWords, kRangeFirsts)) {
        SkipSpaces(l, r);
        std::size_t r2 = 0;
        if (ReadSmallNumber(l, r, &r2)) {
          k = r2;
          SkipSpaces(l, k);
        }
      }
      const bool years = Eat(l, k, kYearWords, kYearFirsts);
      const bool months = !years && Eat(l, k, kMonthWords, kMonthFirsts);
      if (!years && !months) {
        i = j > i ? j - 1 : i;
        continue;
      }
      const Span sentence = SentenceAround(l, i);
      const std::string_view s = l.substr(sentence.begin, sentence.end - sentence.begin);
      // What makes a figure not experience sits next to it ("at least 23 years old", "no DUI
      // in 5 years", "in the last 3 years"), not anywhere in the sentence.
      const std::size_t near_begin = std::max(sentence.begin, i >= 40 ? i - 40 : 0);
      const std::size_t near_end = std::min(sentence.end, k + 25);
      const std::string_view near = l.substr(near_begin, near_end - near_begin);
      if (NotExperience(near) || !IsExperience(s, l.substr(k, 40))) {
        i = k - 1;
        continue;
      }
      YearsMention m;
      m.begin = line.begin + i;
      m.end = line.begin + k;
      m.years = months ? *value / 12.0 : *value;
      m.preferred = line.part == PartKind::kPreferred || NeedAt(l, i, k) == Need::kPreferred;
      m.part_of_total = PartOfTotal(l.substr(i >= 30 ? i - 30 : 0, std::min<std::size_t>(i, 30)));
      out.mentions.push_back(m);
      i = k - 1;
    }
  }
  double best = -1;
  for (const auto& m : out.mentions) {
    if (!m.preferred && !m.part_of_total) best = std::max(best, m.years);
  }
  if (best < 0) {
    for (const auto& m : out.mentions) {
      if (!m.preferred) best = std::max(best, m.years);
    }
  }
  out.explicitly_none = SaysNoExperience(body);
  if (best >= 0) {
    out.min_years = best;
  } else if (out.explicitly_none) {
    out.min_years = 0.0;
  }
  return out;
}

}  // namespace jc::parsing::job
