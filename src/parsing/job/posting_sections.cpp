#include "parsing/job/posting_sections.hpp"

#include <algorithm>
#include <span>
#include <string>

#include "parsing/job/posting_text.hpp"

namespace jc::parsing::job {
namespace {

// Heading vocabulary, lower-case. A heading is short and contains one of these; the lists are
// checked preferred, required, duties, benefits, about, other, so "preferred qualifications" is
// kPreferred before "qualifications" makes it kRequired, and "what you'll bring" is kRequired
// before "you'll" makes it kDuties.
// Headings that name the requirements with a word that elsewhere marks a plus ("Desired
// Candidate Profile", LinkedIn's "Desired Skills and Experience").
constexpr std::string_view kRequiredFirstHeads[] = {"desired candidate", "desired profile",
                                                    "desired skills", "candidate profile"};
// Duties under a name that elsewhere marks requirements ("Essential Duties").
constexpr std::string_view kDutyFirstHeads[] = {
    "essential duties", "essential functions", "essential job functions",
    "duties and responsibilities", "duties & responsibilities"};
constexpr std::string_view kPreferredHeads[] = {
    "nice to have",  "nice-to-have",  "nice to haves",
    "good to have",  "bonus",         "bonus points",
    "preferred",     "desirable",     "desired",
    "extra credit",  "pluspunkte",    "plus points",
    "wünschenswert", "von vorteil",   "kann",
    "wäre schön",    "idealerweise",  "atouts",
    "atout",         "un plus",       "souhaité*",
    "apprécié*",     "se valorará",   "se valora",
    "valorable",     "deseable",      "deseables",
    "valoramos",     "diferenciais",  "desejável",
    "desejáveis",    "gradit*",       "titolo preferenziale",
    "pluspunten",    "great if you",  "it's a plus",
    "even better",   "would be great"};
constexpr std::string_view kDutyHeads[] = {"what you'll do",
                                           "what you will do",
                                           "what you’ll do",
                                           "what you'd do",
                                           "what you will be doing",
                                           "what you'll be doing",
                                           "ce que vous ferez",
                                           "ce que tu feras",
                                           "you will",
                                           "you'll",
                                           "you would",
                                           "your tasks",
                                           "responsibilities",
                                           "key responsibilities",
                                           "duties",
                                           "your role",
                                           "the role",
                                           "about the role",
                                           "role overview",
                                           "in this role",
                                           "day to day",
                                           "day-to-day",
                                           "your mission",
                                           "job summary",
                                           "position summary",
                                           "essential functions",
                                           "what the job involves",
                                           "your impact",
                                           "ihre aufgaben",
                                           "deine aufgaben",
                                           "aufgaben",
                                           "aufgabengebiet",
                                           "deine rolle",
                                           "ihre rolle",
                                           "das erwartet",
                                           "vos missions",
                                           "missions",
                                           "mission",
                                           "vos responsabilités",
                                           "responsabilités",
                                           "le poste",
                                           "vos tâches",
                                           "tâches",
                                           "funciones",
                                           "tus funciones",
                                           "responsabilidades",
                                           "qué harás",
                                           "que harás",
                                           "tu día a día",
                                           "tus tareas",
                                           "tareas",
                                           "atividades",
                                           "suas atividades",
                                           "mansioni",
                                           "responsabilità",
                                           "attività",
                                           "taken",
                                           "jouw taken",
                                           "wat ga je doen",
                                           "functieomschrijving",
                                           "de functie"};
constexpr std::string_view kBenefitHeads[] = {"benefits",
                                              "what we offer",
                                              "we offer",
                                              "perks",
                                              "compensation",
                                              "pay",
                                              "salary",
                                              "why join",
                                              "why you'll love",
                                              "wir bieten",
                                              "was wir bieten",
                                              "unser angebot",
                                              "benefits",
                                              "vergütung",
                                              "gehalt",
                                              "das bieten wir",
                                              "avantages",
                                              "nous offrons",
                                              "ce que nous offrons",
                                              "nous proposons",
                                              "rémunération",
                                              "salaire",
                                              "ofrecemos",
                                              "qué ofrecemos",
                                              "que ofrecemos",
                                              "beneficios",
                                              "salario",
                                              "oferecemos",
                                              "benefícios",
                                              "offriamo",
                                              "cosa offriamo",
                                              "wij bieden",
                                              "wat bieden wij",
                                              "arbeidsvoorwaarden",
                                              "pay & benefits"};
constexpr std::string_view kAboutHeads[] = {
    "about us",  "about the company", "who we are",    "our company",     "company description",
    "über uns",  "wer wir sind",      "das sind wir",  "qui sommes-nous", "qui sommes nous",
    "à propos",  "l'entreprise",      "quiénes somos", "sobre nosotros",  "la empresa",
    "chi siamo", "over ons",          "sobre nós"};
constexpr std::string_view kRequiredHeads[] = {"requirements",
                                               "requirement",
                                               "must have",
                                               "must-have",
                                               "must haves",
                                               "what you need",
                                               "what you'll need",
                                               "what you’ll need",
                                               "what you will need",
                                               "what we need",
                                               "we need",
                                               "what we expect",
                                               "you should have",
                                               "you should",
                                               "you must have",
                                               "you need",
                                               "what you bring",
                                               "what you'll bring",
                                               "what we're looking for",
                                               "what we are looking for",
                                               "who you are",
                                               "about you",
                                               "your profile",
                                               "your background",
                                               "qualifications",
                                               "minimum qualifications",
                                               "basic qualifications",
                                               "required",
                                               "skills",
                                               "experience",
                                               "education",
                                               "you have",
                                               "you bring",
                                               "you are",
                                               "you'll have",
                                               "ideal candidate",
                                               "the candidate",
                                               "essential",
                                               "what it takes",
                                               "ihr profil",
                                               "dein profil",
                                               "profil",
                                               "anforderungen",
                                               "voraussetzungen",
                                               "das bringst du mit",
                                               "das bringen sie mit",
                                               "was du mitbringst",
                                               "was sie mitbringen",
                                               "du bringst",
                                               "sie bringen",
                                               "muss",
                                               "qualifikation*",
                                               "was wir erwarten",
                                               "profil recherché",
                                               "votre profil",
                                               "ton profil",
                                               "exigences",
                                               "compétences",
                                               "prérequis",
                                               "qualifications requises",
                                               "ce que nous recherchons",
                                               "requisitos",
                                               "perfil",
                                               "buscamos",
                                               "qué buscamos",
                                               "que buscamos",
                                               "lo que buscamos",
                                               "tu perfil",
                                               "imprescindible",
                                               "o que procuramos",
                                               "seu perfil",
                                               "requisiti",
                                               "profilo",
                                               "cosa cerchiamo",
                                               "eisen",
                                               "functie-eisen",
                                               "wat vragen wij",
                                               "wat wij vragen",
                                               "jouw profiel",
                                               "wie ben jij",
                                               "what you should have"};
constexpr std::string_view kOtherHeads[] = {"how to apply",
                                            "to apply",
                                            "apply",
                                            "equal opportunity",
                                            "eeo",
                                            "job details",
                                            "full job description",
                                            "schedule",
                                            "work location",
                                            "location",
                                            "bewerbung",
                                            "kontakt",
                                            "candidature",
                                            "postuler",
                                            "processus",
                                            "process",
                                            "interview process",
                                            "hiring process",
                                            "proceso",
                                            "contacto",
                                            "job type",
                                            "shift",
                                            "physical demands",
                                            "physical requirements",
                                            "infos pratiques",
                                            "informations pratiques",
                                            "working conditions",
                                            "work environment",
                                            "about "};

// Cues so generic that a line naming them is a heading only when very short.
constexpr std::string_view kGenericHeads[] = {
    "experience", "skills",    "education", "profil",  "perfil", "required", "pay",
    "salary",     "essential", "kann",      "muss",    "about ", "mission",  "missions",
    "apply",      "shift",     "location",  "process", "eisen"};

bool IsGeneric(std::string_view cue) {
  for (const auto g : kGenericHeads) {
    if (g == cue) return true;
  }
  return false;
}

std::size_t WordCount(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (const char c : s) {
    const bool space = c == ' ' || c == '\t' || c == '/' || c == '&';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

// Strips decoration around a heading: "## ", "**", emoji, trailing ':' and spaces.
std::string_view HeadingCore(std::string_view s) {
  const auto deco = [](unsigned char c) {
    return c == '#' || c == '*' || c == '_' || c == ':' || c == ' ' || c == '=' || c == '|' ||
           c == '[' || c == ']' || c >= 0xE2;
  };
  while (!s.empty() && deco(static_cast<unsigned char>(s.front()))) {
    // Skip whole multi-byte symbols (emoji, ✔) as one unit.
    const auto c = static_cast<unsigned char>(s.front());
    std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 1;
    s.remove_prefix(std::min(n, s.size()));
  }
  while (!s.empty() && (s.back() == ':' || s.back() == ' ' || s.back() == '*' || s.back() == '#' ||
                        s.back() == '_' || s.back() == '=')) {
    s.remove_suffix(1);
  }
  return s;
}

std::optional<std::pair<PartKind, std::string_view>> MatchHeads(std::string_view core) {
  struct List {
    PartKind kind;
    std::span<const std::string_view> cues;
  };
  static constexpr List kLists[] = {
      {PartKind::kDuties, kDutyFirstHeads},    {PartKind::kRequired, kRequiredFirstHeads},
      {PartKind::kPreferred, kPreferredHeads}, {PartKind::kRequired, kRequiredHeads},
      {PartKind::kDuties, kDutyHeads},         {PartKind::kBenefits, kBenefitHeads},
      {PartKind::kAbout, kAboutHeads},         {PartKind::kOther, kOtherHeads}};
  // Every list's cues in one set, in the lists' order, with the kind of each: the first cue
  // found (in that order) decides, as trying them one by one would.
  struct Heads {
    std::vector<std::pair<PartKind, std::string_view>> cues;
    CueSet set;
  };
  static const Heads kHeads = [] {
    std::vector<std::pair<PartKind, std::string_view>> cues;
    std::vector<std::string_view> texts;
    for (const auto& list : kLists) {
      for (const auto cue : list.cues) {
        cues.emplace_back(list.kind, cue);
        texts.push_back(cue);
      }
    }
    return Heads{std::move(cues), CueSet(texts)};
  }();
  const std::size_t first = kHeads.set.FirstCueIn(core);
  if (first == std::string_view::npos) return std::nullopt;
  return kHeads.cues[first];
}

}  // namespace

std::optional<PartKind> ClassifyJobHeading(std::string_view lower, std::size_t* content_at) {
  *content_at = std::string_view::npos;
  std::string_view head = lower;
  const std::size_t colon = lower.find(':');
  if (colon != std::string_view::npos) {
    head = lower.substr(0, colon);
    const std::string_view rest = Trim(lower.substr(colon + 1));
    if (!rest.empty()) *content_at = colon + 1;
  }
  const std::string_view core = HeadingCore(head);
  if (core.empty() || core.size() > 60) return std::nullopt;
  if (core.back() == '.' || core.back() == ',') return std::nullopt;
  for (const char c : core) {
    if (IsAsciiDigit(c)) return std::nullopt;
  }
  const std::size_t words = WordCount(core);
  if (words > (colon == std::string_view::npos ? 8u : 10u)) return std::nullopt;
  const auto match = MatchHeads(core);
  if (!match) return std::nullopt;
  if (IsGeneric(match->second)) {
    if (words > 3) return std::nullopt;
    for (const auto w : {"with", "in", "of", "mit", "de", "en", "im", "and years"}) {
      if (HasCue(core, w)) return std::nullopt;
    }
  }
  // Without a colon, a heading stands alone: the cue must be most of the line.
  if (colon == std::string_view::npos && words > 8) return std::nullopt;
  // "As a Junior Data Scientist you will:" may be longer, but only when it ends the line.
  if (colon != std::string_view::npos && *content_at != std::string_view::npos && words > 5) {
    return std::nullopt;
  }
  return match->first;
}

std::vector<PostingLine> SplitPosting(std::string_view text) {
  return SplitPosting(text, Lower(text));
}

std::vector<PostingLine> SplitPosting(std::string_view text, std::string_view lower) {
  std::vector<PostingLine> lines;
  PartKind current = PartKind::kIntro;
  bool first = true;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view raw = text.substr(pos, nl - pos);
    bool bullet = false;
    const std::string_view content = StripBullet(raw, &bullet);
    if (!content.empty()) {
      const auto begin = static_cast<std::size_t>(content.data() - text.data());
      const std::string_view content_lower = lower.substr(begin, content.size());
      PostingLine line{begin, begin + content.size(), current, bullet, false};
      std::size_t content_at = std::string_view::npos;
      const bool can_be_heading = !bullet || content.back() == ':';
      // The first line is the title, unless it is a heading that says so with its colon
      // ("Requirements:" opening a posting pasted without its title; not "Requirements
      // Engineer").
      const bool may_classify = !first || content.find(':') != std::string_view::npos;
      const auto kind = can_be_heading && may_classify
                            ? ClassifyJobHeading(content_lower, &content_at)
                            : std::optional<PartKind>();
      if (kind) {
        current = *kind;
        line.part = current;
        line.heading = true;
        if (content_at != std::string_view::npos) {
          line.begin = begin + content_at;
          line.heading = false;  // its content counts
          while (line.begin < line.end && text[line.begin] == ' ') ++line.begin;
        }
      } else if (first && content.size() <= 100) {
        line.part = PartKind::kTitle;
      }
      first = false;
      lines.push_back(line);
    }
    pos = nl + 1;
  }
  return lines;
}

}  // namespace jc::parsing::job
