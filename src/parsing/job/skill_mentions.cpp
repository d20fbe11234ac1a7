#include "parsing/job/skill_mentions.hpp"

#include <algorithm>

#include "nlp/text_normalize.hpp"
#include "parsing/job/posting_text.hpp"

namespace jc::parsing::job {
namespace {

// Ordinary words that taxonomy aliases turn into broad domains ("production experience with
// Kubernetes" is not Manufacturing; "insurance" is not Insurance Sales; "legal" is not Law).
constexpr std::string_view kPlainWords[] = {"production",
                                            "productions",
                                            "insurance",
                                            "medical",
                                            "legal",
                                            "nurse",
                                            "nurses",
                                            "teacher",
                                            "teachers",
                                            "hiring",
                                            "instruction",
                                            "solid",
                                            "finances",
                                            "fabrication",
                                            "backend",
                                            "back-end",
                                            "back end",
                                            "frontend",
                                            "front-end",
                                            "front end",
                                            "patient",
                                            "patients",
                                            "sourcing",
                                            "care",
                                            "health",
                                            "healthcare",
                                            "health care",
                                            "sales",
                                            "administración",
                                            "administration",
                                            "software engineer",
                                            "software engineers",
                                            "engineering",
                                            "marketing",
                                            "finance",
                                            "accounting",
                                            "logistics",
                                            "operations",
                                            "security",
                                            "design",
                                            "research",
                                            "support",
                                            "service",
                                            "services",
                                            "analytics",
                                            "construction",
                                            "retail",
                                            "hospitality",
                                            "education",
                                            "training",
                                            "law",
                                            "testing"};

// Whether a sentence announces the opening ("we are looking for", "wir suchen", "buscamos").
bool AnnouncesHire(std::string_view lower_sentence) {
  static const CueSet kHiring{
      "looking for", "seeking",  "hiring", "suchen wir", "wir suchen", "sucht",      "recherchons",
      "recherche",   "buscamos", "busca",  "cerchiamo",  "zoeken",     "procuramos", "procura"};
  thread_local LastAnswer<bool> memo;
  return memo.Get(lower_sentence, [&] { return HasAnyCue(lower_sentence, kHiring); });
}

}  // namespace

// Whether a mention is a real skill mention: not a plain word read as a domain, not a
// lower-case spelling of an all-capitals name ("solid" for SOLID).
bool Meaningful(const nlp::Skill& skill, std::string_view surface, std::string_view after) {
  // "DO-160", "ISO-9001": part of a standard's number, not the acronym it spells.
  if (after.size() >= 2 && (after[0] == '-' || after[0] == '/') && IsAsciiDigit(after[1])) {
    return false;
  }
  // Per-thread buffers: this runs for every mention, and the forms compared are short.
  thread_local std::string lower;
  thread_local std::string form_lower;
  LowerInto(surface, lower);
  if (skill.category == nlp::Category::kDomain) {
    for (const auto w : kPlainWords) {
      if (lower == w) return false;
    }
  }
  bool has_lower = false;
  for (const char c : surface) has_lower |= c >= 'a' && c <= 'z';
  if (!has_lower) return true;
  const auto all_caps = [](std::string_view s) {
    for (const char c : s) {
      if (c >= 'a' && c <= 'z') return false;
    }
    return true;
  };
  bool any_equal = false;
  const auto check = [&](const std::string& form) {
    if (form.size() != lower.size()) return false;  // Lower keeps the length
    LowerInto(form, form_lower);
    if (form_lower != lower) return false;
    any_equal = true;
    return !all_caps(form);
  };
  if (check(skill.name)) return true;
  for (const auto& a : skill.aliases) {
    if (check(a)) return true;
  }
  return !any_equal;
}

// Whether a mention at [begin, end) of a line asks for the skill, and how strongly.
Need NeedOf(const PostingLine& line, std::string_view lower, std::size_t begin, std::size_t end,
            bool domain) {
  const std::string_view l = std::string_view(lower).substr(line.begin, line.end - line.begin);
  const std::size_t p = begin - line.begin;
  const Need cue = NeedAt(l, p, end - line.begin);
  switch (line.part) {
    case PartKind::kRequired:
      return cue == Need::kPreferred ? Need::kPreferred : Need::kRequired;
    case PartKind::kPreferred:
      return cue == Need::kRequired ? Need::kRequired : Need::kPreferred;
    case PartKind::kIntro:
    case PartKind::kOther: {
      if (cue != Need::kNone) return cue;
      const Span s = SentenceAround(l, p);
      const std::string_view sentence = l.substr(s.begin, s.end - s.begin);
      // "We're looking for a Frontend Developer to join...", "Für unser Rechnungswesen suchen
      // wir...": the opening announcement names the role and its team, not what it asks.
      if (domain && line.part == PartKind::kIntro && AnnouncesHire(sentence)) return Need::kNone;
      thread_local LastAnswer<Need> memo;
      return memo.Get(sentence, [&] {
        if (!AsksForQualification(sentence)) return Need::kNone;
        // "You will build pipelines with Spark": a duty, unless it also asks for something.
        static const CueSet kDuty{"you will",   "you'll", "you would", "you'd",    "we use",
                                  "our stack",  "we run", "wirst du",  "du wirst", "vous serez",
                                  "vous allez", "serás",  "trabajarás"};
        static const CueSet kAsks{"experience",  "need",      "must",
                                  "required",    "erfahrung", "expérience",
                                  "experiencia", "knowledge", "proficien*"};
        if (HasAnyCue(sentence, kDuty) && !HasAnyCue(sentence, kAsks)) {
          return Need::kNone;
        }
        return Need::kRequired;
      });
    }
    case PartKind::kTitle:
    case PartKind::kDuties:
    case PartKind::kAbout:
    case PartKind::kBenefits:
      return Need::kNone;
  }
  return Need::kNone;
}

// A broad domain that a more specific listed skill already shows ("Nursing" beside "ICU
// Nursing", "Software Development" beside "Go") adds nothing to match on.
void DropImpliedDomains(const nlp::Taxonomy& taxonomy, std::vector<std::string>& list,
                        const std::vector<std::string>& by) {
  std::vector<const nlp::Skill*> shown;
  for (const auto& name : by) {
    if (const auto* s = taxonomy.FindByName(name)) shown.push_back(s);
  }
  std::erase_if(list, [&](const std::string& name) {
    const nlp::Skill* broad = taxonomy.FindByName(name);
    if (broad == nullptr || broad->category != nlp::Category::kDomain) return false;
    return std::any_of(shown.begin(), shown.end(), [&](const nlp::Skill* s) {
      return s->id != broad->id && taxonomy.Implies(s->id, broad->id);
    });
  });
}

// Inside a requirements list, a capitalised name that is also an ordinary word ("Excel", "Go",
// "Chef") is the product: the list is the context the matcher looks for in prose. Only names
// written with their capital inside a line (not opening it), so "Excel at..." is not one.
std::vector<nlp::SkillMatch> NamesInRequirementLists(std::string_view text,
                                                     const std::vector<PostingLine>& lines,
                                                     const nlp::Taxonomy& taxonomy) {
  std::vector<nlp::SkillMatch> out;
  for (const auto& line : lines) {
    if (line.part != PartKind::kRequired && line.part != PartKind::kPreferred) continue;
    std::size_t i = line.begin;
    while (i < line.end) {
      if (!IsWordByte(text, i)) {
        i += CharLen(text, i);
        continue;
      }
      std::size_t end = i;
      while (end < line.end && IsWordByte(text, end)) end += CharLen(text, end);
      const std::string_view word = text.substr(i, end - i);
      const bool capital = word.size() >= 2 && word[0] >= 'A' && word[0] <= 'Z';
      const bool opens = i == line.begin || text[i - 1] == '\n' ||
                         (i >= line.begin + 2 && text[i - 2] == '.' && text[i - 1] == ' ');
      if (capital && !opens) {
        const nlp::Skill* s = taxonomy.FindByName(word);
        if (s != nullptr && s->flags.ambiguous && s->category != nlp::Category::kSpokenLanguage &&
            (s->name == word ||
             std::find(s->aliases.begin(), s->aliases.end(), word) != s->aliases.end())) {
          out.push_back({s->id, i, end, false});
        }
      }
      i = end;
    }
  }
  return out;
}

bool InDegreeClause(std::string_view lower, std::size_t pos) {
  static const CueSet kDegree{"degree",       "bachelor*", "master's",   "masters",
                              "diploma",      "studium",   "ausbildung", "berufsausbildung",
                              "licenciatura", "grado en",  "diplôme",    "bac+*",
                              "titulación",   "phd",       "bsc",        "msc",
                              "b.s.",         "m.s.",      "bs",         "ms",
                              "ba",           "mba",       "major*",     "graduate in",
                              "ingeniería",   "école",     "laurea"};
  const Span c = ClauseAround(lower, pos);
  const std::string_view clause = lower.substr(c.begin, c.end - c.begin);
  thread_local LastAnswer<bool> memo;
  return memo.Get(clause, [&] { return HasAnyCue(clause, kDegree); });
}

bool AsksForExperience(std::string_view lower, std::size_t pos) {
  static const CueSet kExperience{
      "experience", "years",         "year",        "knowledge",   "background in", "expertise",
      "proficien*", "grounding",     "erfahrung*",  "kenntnisse",  "jahre",         "expérience",
      "ans",        "connaissance*", "experiencia", "años",        "conocimiento*", "esperienza",
      "anni",       "ervaring",      "jaar",        "experiência", "anos"};
  const Span c = ClauseAround(lower, pos);
  const std::string_view clause = lower.substr(c.begin, c.end - c.begin);
  thread_local LastAnswer<bool> memo;
  return memo.Get(clause, [&] { return HasAnyCue(clause, kExperience); });
}

bool AcronymFitsPosting(const nlp::Taxonomy& taxonomy, nlp::SkillId skill,
                        const std::vector<nlp::SkillMatch>& matches) {
  // Kindred: the other shows the skill or something the skill shows, or they are related.
  const std::vector<nlp::SkillId>& broader = taxonomy.Broader(skill);
  std::vector<nlp::SkillId> others;
  for (const auto& m : matches) {
    const nlp::Category c = taxonomy.Get(m.skill).category;
    if (m.skill == skill || c == nlp::Category::kSoft || c == nlp::Category::kSpokenLanguage ||
        std::find(others.begin(), others.end(), m.skill) != others.end()) {
      continue;
    }
    others.push_back(m.skill);
    if (taxonomy.Related(skill, m.skill) || taxonomy.Implies(m.skill, skill)) return true;
    for (const nlp::SkillId b : broader) {
      if (taxonomy.Implies(m.skill, b)) return true;
    }
  }
  return others.size() < 2;
}

// The matcher reads negation over a few words, across ';' ("Fluent English; German is not
// required"); a mention counts as negated only when its own clause holds the negation.
bool ClauseNegates(std::string_view lower, std::size_t pos) {
  const Span c = ClauseAround(lower, pos);
  const std::string_view clause = lower.substr(c.begin, c.end - c.begin);
  // "Home health experience helpful but not required": a plus, not a negation.
  if (HasPreferredCue(clause)) return false;
  static const CueSet kNegations{"no",     "not",    "without", "never",   "keine",   "kein",
                                 "keinen", "ohne",   "nicht",   "sans",    "aucun",   "aucune",
                                 "pas",    "sin",    "ningún",  "ninguna", "ninguno", "senza",
                                 "geen",   "zonder", "n't"};
  return HasAnyCue(clause, kNegations);
}

}  // namespace jc::parsing::job
