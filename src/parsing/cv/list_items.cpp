#include "parsing/cv/list_items.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "nlp/text_normalize.hpp"

namespace jc::parsing {
namespace {

// Label vocabularies, folded like nlp::Normalize (lower case, '-' as a space). A leading '*'
// matches the end of a word ("*kenntnisse": "Fachkenntnisse"), a trailing '*' its start.
struct Vocabulary {
  LabelKind kind;
  std::vector<std::string_view> phrases;
};

const std::array<Vocabulary, 8>& Vocabularies() {
  static const std::array<Vocabulary, 8> kVocabularies = {{
      // Checked first: "Programmiersprachen" and "programming languages" are skills.
      {LabelKind::kSkills,
       {"programming*", "programmier*", "programmation", "programación", "programação",
        "programmazione", "programmeertalen", "programowanie", "tech stack"}},
      {LabelKind::kSoft,
       {"soft skill*",
        "softskills",
        "personal skills",
        "interpersonal*",
        "people skills",
        "strengths",
        "behavioural*",
        "behavioral*",
        "personal qualities",
        "soziale kompetenz*",
        "persönliche kompetenz*",
        "persönliche stärken",
        "stärken",
        "sozialkompetenz*",
        "savoir être",
        "qualités*",
        "qualites*",
        "compétences personnelles",
        "compétences comportementales",
        "compétences relationnelles",
        "habilidades blandas",
        "competencias blandas",
        "competencias personales",
        "competencias sociales",
        "habilidades personales",
        "habilidades sociales",
        "competências pessoais",
        "competências comportamentais",
        "habilidades interpessoais",
        "competenze trasversali",
        "competenze relazionali",
        "competenze personali",
        "capacità relazionali",
        "persoonlijke vaardigheden",
        "persoonlijke eigenschappen",
        "sociale vaardigheden",
        "umiejętności miękkie",
        "kompetencje miękkie",
        "umiejętności interpersonalne",
        "cechy osobiste"}},
      {LabelKind::kLanguages,
       {"languages",
        "language skills",
        "language",
        "spoken languages",
        "*sprachen",
        "*sprachkenntnisse",
        "sprache",
        "langues",
        "compétences linguistiques",
        "idiomas",
        "idioma",
        "lenguas",
        "lingue",
        "conoscenze linguistiche",
        "competenze linguistiche",
        "línguas",
        "talen",
        "talenkennis",
        "języki",
        "języki obce",
        "znajomość języków"}},
      // Licences and professional registrations (a chamber, a board, a state recognition).
      {LabelKind::kCertifications,
       {"certification*", "certificate*",    "licence",        "licences",       "license",
        "licenses",       "licensure",       "licensing",      "accreditation*", "registration*",
        "registrier*",    "registratie*",    "registro*",      "registo*",       "registri",
        "*zertifikat*",   "zertifizierung*", "lizenz*",        "führerschein*",  "*prüfungen",
        "zulassung*",     "approbation*",    "anerkennung*",   "kammer*",        "certificat*",
        "habilitation*",  "agrément*",       "agrement*",      "permis",         "permits",
        "certificacion*", "certificado*",    "licencia*",      "colegiación",    "inscripción*",
        "certificaç*",    "inscrição*",      "inscrições",     "certificazion*", "abilitazion*",
        "iscrizion*",     "certificaten",    "certificering*", "erkenning*",     "bevoegdhe*",
        "licença*",       "licenze",         "licenza",        "licenties",      "licentie",
        "vergunning*",    "ratings",         "inscription*",   "colegiatura",    "colegiado",
        "cédula*",        "carnet*",         "carné*",         "certyfikat*",    "kursy",
        "uprawnienia"}},
      {LabelKind::kProjects,
       {"projects", "project", "side projects", "selected work", "case studies", "projekte",
        "projets", "proyectos", "projetos", "progetti", "projecten", "projekty", "portfolio"}},
      {LabelKind::kSummary,
       {"summary",          "profile",      "about me",     "about",     "objective",
        "career objective", "profil",       "kurzprofil",   "über mich", "zusammenfassung",
        "à propos",         "présentation", "perfil",       "sobre mí",  "resumen",
        "resumo",           "sobre mim",    "profilo",      "chi sono",  "sommario",
        "profiel",          "over mij",     "samenvatting", "o mnie",    "podsumowanie"}},
      {LabelKind::kSkills,
       {"skills",       "skill",         "competencies",  "competences",  "competence",
        "expertise",    "technologies",  "tools",         "*kenntnisse",  "fähigkeiten",
        "*kompetenzen", "kompetenz",     "compétences",   "compétence",   "habilidades",
        "competencias", "aptitudes",     "conocimientos", "competências", "competenze",
        "capacità",     "vaardigheden",  "competenties",  "kennis",       "umiejętności",
        "kompetencje",  "toolbox",       "toolkit",       "skillset",     "capabilities",
        "know how",     "fachwissen",    "outils",        "herramientas", "ferramentas",
        "strumenti",    "conhecimentos", "conoscenze",    "logiciels",    "kundigheden"}},
      // Body headings the section splitter may not know ("Clinical Experience", "» ESTUDIOS"):
      // they end the region before them. Checked last: "Skills & Experience" is skills.
      {LabelKind::kOther,
       {"experience",   "experiences", "*erfahrung",  "berufspraxis", "werdegang",
        "expérience*",  "experiencia", "experiência", "esperienz*",   "ervaring",
        "werkervaring", "loopbaan",    "employment",  "work history", "career history",
        "education",    "*ausbildung", "studium",     "formation*",   "études",
        "estudios",     "formación",   "formação",    "educación",    "educação",
        "istruzione",   "formazione",  "opleiding*",  "interests",    "hobbies",
        "references",   "referenzen",  "intérêts",    "intereses",    "interessi",
        "interesses"}},
  }};
  return kVocabularies;
}

// Headings of other kinds that the section splitter may not know (Polish, Europass rows).
constexpr std::array<std::string_view, 8> kOtherHeadings = {
    "doświadczenie",          "wykształcenie", "edukacja",   "zainteresowania",
    "doświadczenie zawodowe", "hobby",         "referencje", "osiągnięcia"};

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    const std::size_t b = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

bool WordMatches(std::string_view word, std::string_view pattern) {
  const bool suffix = !pattern.empty() && pattern.front() == '*';
  const bool prefix = !pattern.empty() && pattern.back() == '*';
  if (suffix) pattern.remove_prefix(1);
  if (prefix) pattern.remove_suffix(1);
  if (suffix && prefix) return word.find(pattern) != std::string_view::npos;
  if (suffix) return word.size() >= pattern.size() && word.ends_with(pattern);
  if (prefix) return word.starts_with(pattern);
  return word == pattern;
}

struct SplitPhrase {
  LabelKind kind;
  std::vector<std::string_view> words;
  bool anywhere = false;  // matches with any number of other words (kOtherHeadings)
};

// Every vocabulary phrase split into words once, in checking order, indexed by the first byte
// of its first word (phrases starting with a '*' wildcard are under index 0).
struct PhraseIndex {
  std::vector<SplitPhrase> phrases;
  std::array<std::vector<std::uint16_t>, 256> by_first_byte;
};

const PhraseIndex& Phrases() {
  static const PhraseIndex kIndex = [] {
    PhraseIndex out;
    for (const auto& vocabulary : Vocabularies()) {
      for (const auto phrase : vocabulary.phrases) {
        out.phrases.push_back({vocabulary.kind, Words(phrase)});
      }
    }
    for (const auto phrase : kOtherHeadings) {
      out.phrases.push_back({LabelKind::kOther, Words(phrase), true});
    }
    for (std::size_t i = 0; i < out.phrases.size(); ++i) {
      const auto first = out.phrases[i].words.front();
      const auto byte = first.front() == '*' ? 0 : static_cast<unsigned char>(first.front());
      out.by_first_byte[byte].push_back(static_cast<std::uint16_t>(i));
    }
    return out;
  }();
  return kIndex;
}

// Whether phrase `pw` matches `words` at position i.
bool MatchesAt(const std::vector<std::string_view>& words, std::size_t i,
               const std::vector<std::string_view>& pw) {
  if (i + pw.size() > words.size()) return false;
  for (std::size_t k = 0; k < pw.size(); ++k) {
    std::string_view pattern = pw[k];
    // Wildcards only at the phrase's ends.
    if (k > 0 && pattern.front() == '*') pattern.remove_prefix(1);
    if (k + 1 < pw.size() && pattern.back() == '*') pattern.remove_suffix(1);
    if (!WordMatches(words[i + k], pattern)) return false;
  }
  return true;
}

// Drops decorations around a heading ("---- SKILLS ----", "## Skills", "**Skills:**").
std::string_view Undecorate(std::string_view s) {
  // Typographic marks in front of or around a heading: "» ESTUDIOS", "▶ Skills", "■ Profil".
  static constexpr std::array<std::string_view, 12> kMarks = {"»", "«", "›", "‹", "▶", "►",
                                                              "■", "●", "◆", "▪", "—", "–"};
  s = TrimText(s, " \t-=#*:_|.>~");
  // Every mark is a multi-byte character: plain ASCII ends need no more work.
  while (!s.empty() && (static_cast<unsigned char>(s.front()) >= 0x80 ||
                        static_cast<unsigned char>(s.back()) >= 0x80)) {
    const auto before = s.size();
    for (const auto m : kMarks) {
      if (s.starts_with(m)) s.remove_prefix(m.size());
      if (s.ends_with(m)) s.remove_suffix(m.size());
    }
    if (s.size() == before) break;
    s = TrimText(s, " \t-=#*:_|.>~");
  }
  return s;
}

bool IsSeparatorChar(char c) {
  return c == ',' || c == ';' || c == '|';
}

bool HasListSeparator(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (IsSeparatorChar(s[i])) return true;
  }
  return s.find("•") != std::string_view::npos || s.find("·") != std::string_view::npos;
}

bool StartsLower(std::string_view s) {
  if (s.empty()) return false;
  const auto c = static_cast<unsigned char>(s[0]);
  if (c >= 'a' && c <= 'z') return true;
  // Latin-1 small letters (U+00DF-U+00FF).
  return c == 0xC3 && s.size() > 1 && static_cast<unsigned char>(s[1]) >= 0x9F;
}

bool HasUnclosedBracket(std::string_view s) {
  int depth = 0;
  for (const char c : s) {
    if (c == '(' || c == '[') ++depth;
    if ((c == ')' || c == ']') && depth > 0) --depth;
  }
  return depth > 0;
}

bool IsPageMarker(std::string_view text) {
  if (text.size() > 60 || text.empty()) return false;
  const char last = text.back();
  if (!(last >= '0' && last <= '9')) return false;
  const auto norm = nlp::Normalize(text).folded;
  const auto words = Words(norm);
  if (words.empty() || words.size() > 6) return false;
  static constexpr std::array<std::string_view, 7> kPage = {"page",   "seite", "página", "pagina",
                                                            "strona", "pag",   "blz"};
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (std::find(kPage.begin(), kPage.end(), TrimText(words[i], ".")) == kPage.end()) continue;
    const auto n = words[i + 1];
    if (!n.empty() && n[0] >= '0' && n[0] <= '9') return true;
  }
  return false;
}

bool IsListItem(const Line& line) {
  return line.role == LineRole::kListItem || line.list_level > 0;
}

std::size_t CountWords(std::string_view s) {
  std::size_t n = 0;
  bool in_word = false;
  for (const char c : s) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

}  // namespace

bool LooksLikeHeading(const Document& doc, std::size_t i) {
  const Line& line = doc.lines[i];
  const std::string_view text = line.text;
  const auto bare = Undecorate(text);
  if (bare.empty() || bare.size() > 60 || CountWords(bare) > 5) return false;
  if (HasListSeparator(bare) || IsListItem(line)) return false;
  if (text.ends_with(".")) return false;
  const bool markup = text.starts_with("**") || text.starts_with("#") || text.starts_with("---") ||
                      text.starts_with("===");
  const bool colon = text.ends_with(":");
  const bool label_cell = line.role == LineRole::kTableCell && i + 1 < doc.lines.size() &&
                          doc.lines[i + 1].block == line.block && !line.text.starts_with("•");
  return line.role == LineRole::kHeading || line.bold || line.all_caps || markup || colon ||
         label_cell;
}

namespace {

// A heading no vocabulary knows that still cannot be list content: heading style in capitals,
// or bold and clearly larger than the text after it.
bool StrongUnknownHeading(const Document& doc, std::size_t i) {
  const Line& line = doc.lines[i];
  if (CountWords(line.text) > 5 || HasListSeparator(line.text)) return false;
  // Heading style alone also marks job and project titles (HTML h3): capitals too.
  if (line.role == LineRole::kHeading && line.all_caps) return true;
  if (!line.bold || line.font_size <= 0 || i + 1 >= doc.lines.size()) return false;
  return line.font_size >= doc.lines[i + 1].font_size + 1.5f;
}

// Whether `line` stands out as a heading at least as much as `heading` does: type size and
// weight, else heading style level, else capitals.
bool AsStrongAs(const Line& line, const Line& heading) {
  if (line.font_size > 0 && heading.font_size > 0) {
    return line.font_size >= heading.font_size - 0.5f && (line.bold || !heading.bold);
  }
  if (heading.role == LineRole::kHeading) {
    if (line.role != LineRole::kHeading) return false;
    if (line.style.size() == 2 && heading.style.size() == 2 && line.style[0] == 'h' &&
        heading.style[0] == 'h') {
      return line.style[1] <= heading.style[1];
    }
    return line.style == heading.style;
  }
  if (heading.all_caps) return line.all_caps;
  return true;
}

// A top-level heading by style (HTML h1/h2, a document Title or Heading 1): never list content,
// whatever its words.
bool TopLevelHeadingStyle(const Line& line) {
  if (line.role != LineRole::kHeading) return false;
  const auto style = nlp::Normalize(line.style).folded;
  return style == "h1" || style == "h2" || style == "title" || style == "heading1" ||
         style == "heading 1";
}

bool HasYear(std::string_view s) {
  for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
    if ((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0')) {
      const bool digits = s[i + 2] >= '0' && s[i + 2] <= '9' && s[i + 3] >= '0' && s[i + 3] <= '9';
      const bool alone = (i == 0 || !(s[i - 1] >= '0' && s[i - 1] <= '9')) &&
                         (i + 4 == s.size() || !(s[i + 4] >= '0' && s[i + 4] <= '9'));
      if (digits && alone) return true;
    }
  }
  return false;
}

// The end of a run of lines from `begin` that are plain lists of short items ("Latte art,
// Stock control, Square POS, Team motivation"): at least four items of at most five words in
// all, no sentence, no year. `begin` when the line there is not such a list.
std::size_t ShortItemListEnd(const Document& doc, std::size_t begin) {
  std::size_t i = begin, items = 0;
  for (; i < doc.lines.size() && i < begin + 4; ++i) {
    const Line& line = doc.lines[i];
    if (line.role == LineRole::kHeader || line.role == LineRole::kFooter) break;
    const auto text = StripMarks(line.text);
    if (text.empty() || HasYear(text) || text.ends_with(".") || !HasListSeparator(text)) break;
    const auto parts = SplitItems(text);
    bool all_short = parts.size() >= 2;
    for (const auto& p : parts) all_short = all_short && CountWords(p) <= 5;
    if (!all_short) break;
    items += parts.size();
  }
  return items >= 4 ? i : begin;
}

// A line of another column under a list heading: in a page region the splitter could attach
// to no section, and far to the side of the heading.
bool ForeignColumnLine(const Document& doc, const std::vector<const Section*>& section_of,
                       std::size_t heading, std::size_t i) {
  if (i >= doc.lines.size() || heading >= doc.lines.size()) return false;
  const Section* s = section_of[i];
  if (s == nullptr || s->kind != SectionKind::kHeader || s->begin == 0) return false;
  const Line& h = doc.lines[heading];
  const Line& line = doc.lines[i];
  if (line.page != h.page || line.x1 <= 0 || h.x1 <= 0) return false;
  const float width = doc.page_width > 0 ? doc.page_width : 600.0f;
  return std::fabs(line.x0 - h.x0) > 0.2f * width;
}

// Line `next` continues line `prev` of a laid-out page: just below it in the same column, and
// `prev` reached (nearly) the right edge of the lines around it in [begin, end).
bool WrappedAtEdge(const Document& doc, std::size_t begin, std::size_t end, std::size_t prev,
                   std::size_t next) {
  const Line& a = doc.lines[prev];
  const Line& b = doc.lines[next];
  if (a.x1 <= 0 || b.x1 <= 0 || a.page != b.page || a.column != b.column) return false;
  const float size = a.font_size > 0 ? a.font_size : 10.0f;
  if (b.y0 <= a.y0 || b.y0 - a.y0 > 2.2f * size) return false;
  float right = a.x1;
  std::vector<float> ends;
  for (std::size_t i = begin; i < end && i < doc.lines.size(); ++i) {
    const Line& l = doc.lines[i];
    if (i == prev || l.page != a.page || l.column != a.column || l.x0 >= a.x1) continue;
    right = std::max(right, l.x1);
    ends.push_back(l.x1);
  }
  // The edge must be one other lines reach too: the longest item of a list says nothing.
  const float tolerance = 0.1f * (right - a.x0);
  if (std::none_of(ends.begin(), ends.end(), [&](float x) { return x >= right - tolerance; }) ||
      a.x1 < right - tolerance) {
    return false;
  }
  // The next line's first word would not have fitted after `prev`.
  const auto space = b.text.find(' ');
  const float per_char =
      (a.x1 - a.x0) / static_cast<float>(std::max<std::size_t>(a.text.size(), 1));
  const float word =
      per_char * static_cast<float>(space == std::string::npos ? b.text.size() : space);
  return a.x1 + per_char + word > right - 1.0f;
}

LabelKind FromSection(SectionKind kind) {
  switch (kind) {
    case SectionKind::kHeader:
      return LabelKind::kNone;
    case SectionKind::kSummary:
      return LabelKind::kSummary;
    case SectionKind::kSkills:
      return LabelKind::kSkills;
    case SectionKind::kLanguages:
      return LabelKind::kLanguages;
    case SectionKind::kCertifications:
      return LabelKind::kCertifications;
    case SectionKind::kProjects:
      return LabelKind::kProjects;
    case SectionKind::kContact:
    case SectionKind::kExperience:
    case SectionKind::kEducation:
    case SectionKind::kAwards:
    case SectionKind::kPublications:
    case SectionKind::kVolunteering:
    case SectionKind::kInterests:
    case SectionKind::kReferences:
    case SectionKind::kOther:
      return LabelKind::kOther;
  }
  return LabelKind::kOther;
}

}  // namespace

std::string_view TrimText(std::string_view text, std::string_view chars) {
  const auto b = text.find_first_not_of(chars);
  if (b == std::string_view::npos) return {};
  return text.substr(b, text.find_last_not_of(chars) - b + 1);
}

std::string StripMarks(std::string_view text) {
  static constexpr std::array<std::string_view, 9> kBullets = {"•", "▪", "◦", "●", "■",
                                                               "►", "–", "·", "✓"};
  text = TrimText(text);
  for (bool again = true; again;) {
    again = false;
    for (const auto b : kBullets) {
      if (text.starts_with(b) && text.size() > b.size() && text[b.size()] == ' ') {
        text = TrimText(text.substr(b.size()));
        again = true;
      }
    }
    if (text.size() > 2 && (text[0] == '-' || text[0] == '*' || text[0] == 'o') && text[1] == ' ') {
      text = TrimText(text.substr(2));
      again = true;
    }
  }
  // Most lines carry no markdown emphasis: nothing to strip but the spaces.
  if (text.find('*') == std::string_view::npos) return std::string(TrimText(text));
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "**") == 0) {
      ++i;
      continue;
    }
    out += text[i];
  }
  return std::string(TrimText(out));
}

LabelKind ClassifyLabel(std::string_view text) {
  const auto bare = Undecorate(text);
  if (bare.empty() || CountWords(bare) > 5) return LabelKind::kNone;
  // Reused buffers: headings are classified often (three extractors over every bold line).
  thread_local nlp::NormalizedText norm;
  nlp::NormalizeInto(
      bare.find('*') == std::string_view::npos ? std::string(bare) : StripMarks(bare), norm);
  const auto words = Words(norm.folded);
  if (words.empty()) return LabelKind::kNone;
  // The earliest phrase in checking order that occurs with at most three other words
  // ("Key Skills", "Capacità e competenze tecniche").
  const auto& index = Phrases();
  std::size_t best = index.phrases.size();
  for (std::size_t i = 0; i < words.size(); ++i) {
    for (const auto* list :
         {&index.by_first_byte[static_cast<unsigned char>(words[i][0])], &index.by_first_byte[0]}) {
      for (const auto p : *list) {
        if (p >= best) break;
        const auto& phrase = index.phrases[p];
        if (!phrase.anywhere && words.size() - phrase.words.size() > 3) continue;
        if (MatchesAt(words, i, phrase.words)) best = p;
      }
    }
  }
  if (best < index.phrases.size()) return index.phrases[best].kind;
  return LabelKind::kNone;
}

std::vector<Region> FindRegions(const Document& doc, const std::vector<Section>& sections) {
  const std::size_t n = doc.lines.size();
  // The splitter's section of every line (nullptr before the first).
  std::vector<const Section*> section_of(n, nullptr);
  for (const auto& s : sections) {
    for (std::size_t i = s.begin; i < s.end && i < n; ++i) section_of[i] = &s;
    if (s.kind != SectionKind::kHeader && s.heading_line < n) section_of[s.heading_line] = &s;
  }
  // Heading line -> kind, from the splitter first, then from heading-like lines it missed.
  std::vector<std::pair<std::size_t, LabelKind>> cuts;
  for (const auto& s : sections) {
    if (s.kind == SectionKind::kHeader) continue;
    // The splitter's kind wins ("Aus- und Weiterbildung" is education); a "Soft skills"
    // heading refines skills, and the vocabulary here names what the splitter left unknown.
    auto kind = FromSection(s.kind);
    const auto label = ClassifyLabel(s.heading);
    if (kind == LabelKind::kOther || (kind == LabelKind::kSkills && label == LabelKind::kSoft)) {
      if (label != LabelKind::kNone) kind = label;
    }
    cuts.emplace_back(s.heading_line, kind);
  }
  std::vector<bool> is_cut(n, false);
  for (const auto& c : cuts) {
    if (c.first < is_cut.size()) is_cut[c.first] = true;
  }
  // Unknown headings count only after the first known one: above it, a large bold line is the
  // name.
  std::size_t first_known = n;
  for (const auto& c : cuts) first_known = std::min(first_known, c.first);
  for (std::size_t i = 0; i < n; ++i) {
    if (is_cut[i] || !LooksLikeHeading(doc, i)) continue;
    auto kind = ClassifyLabel(doc.lines[i].text);
    const Section* in = section_of[i];
    const bool in_entries = in != nullptr && (in->kind == SectionKind::kExperience ||
                                              in->kind == SectionKind::kEducation ||
                                              in->kind == SectionKind::kProjects);
    // Inside an entry section a bold line naming a credential ("Certificate III in Plumbing")
    // is an entry, not a heading: a heading there stands out as much as the section's own.
    if (kind != LabelKind::kNone && kind != LabelKind::kOther && in_entries &&
        in->heading_line < n && !AsStrongAs(doc.lines[i], doc.lines[in->heading_line])) {
      continue;
    }
    if (kind == LabelKind::kNone && i > first_known &&
        (StrongUnknownHeading(doc, i) || TopLevelHeadingStyle(doc.lines[i]))) {
      kind = LabelKind::kOther;
    }
    // An unnamed heading ("What I'm good at:") over a plain list of short items outside the
    // entry sections: a skills list; its region ends with the list.
    const bool in_work = in != nullptr && (in->kind == SectionKind::kExperience ||
                                           in->kind == SectionKind::kProjects);
    const bool own_heading =
        !in_entries || TrimText(doc.lines[i].text).ends_with(":") ||
        (in->heading_line < n && AsStrongAs(doc.lines[i], doc.lines[in->heading_line]));
    if (kind == LabelKind::kNone && i > first_known && !in_work && own_heading) {
      if (const std::size_t list_end = ShortItemListEnd(doc, i + 1); list_end > i + 1) {
        cuts.emplace_back(i, LabelKind::kSkills);
        if (list_end < n && !LooksLikeHeading(doc, list_end)) {
          cuts.emplace_back(list_end, LabelKind::kOther);
        }
        continue;
      }
    }
    if (kind != LabelKind::kNone) cuts.emplace_back(i, kind);
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end(),
                         [](const auto& a, const auto& b) { return a.first == b.first; }),
             cuts.end());
  std::vector<Region> out;
  const std::size_t first = cuts.empty() ? n : cuts.front().first;
  out.push_back({LabelKind::kNone, 0, 0, first});
  for (std::size_t k = 0; k < cuts.size(); ++k) {
    const std::size_t end = k + 1 < cuts.size() ? cuts[k + 1].first : n;
    const Region region{cuts[k].second, cuts[k].first, cuts[k].first + 1, end};
    const bool list = region.kind == LabelKind::kSkills || region.kind == LabelKind::kSoft ||
                      region.kind == LabelKind::kLanguages ||
                      region.kind == LabelKind::kCertifications;
    if (!list) {
      out.push_back(region);
      continue;
    }
    // Lines of another column that a page's reading order put under the heading (a table of
    // employers beside a skills list) are set apart as kOther, so they feed no list.
    std::size_t b = region.begin;
    for (std::size_t i = region.begin; i <= region.end; ++i) {
      const bool foreign =
          i < region.end && ForeignColumnLine(doc, section_of, region.heading_line, i);
      const bool was_foreign =
          i > region.begin && ForeignColumnLine(doc, section_of, region.heading_line, i - 1);
      if (i < region.end && i > b && foreign == was_foreign) continue;
      if (i > b) {
        out.push_back({was_foreign ? LabelKind::kOther : region.kind, region.heading_line, b, i});
      }
      b = i;
    }
    if (region.begin == region.end) out.push_back(region);
  }
  return out;
}

std::vector<LogicalLine> LogicalLines(const Document& doc, std::size_t begin, std::size_t end) {
  std::vector<LogicalLine> out;
  std::size_t last = 0;  // the last source line joined into out.back()
  for (std::size_t i = begin; i < end && i < doc.lines.size(); ++i) {
    const Line& line = doc.lines[i];
    if (line.role == LineRole::kHeader || line.role == LineRole::kFooter) continue;
    if (IsPageMarker(line.text)) continue;
    const bool typed_bullet = line.text.starts_with("•") || line.text.starts_with("- ") ||
                              line.text.starts_with("* ") || line.text.starts_with("▪");
    std::string text = StripMarks(line.text);
    if (text.empty()) continue;
    const bool list_item = IsListItem(line) || typed_bullet;
    // A lower-case fragment under a line that ran to the column's edge: a narrow column wrapped
    // one item ("Médecine interne" + "féline"); a hanging indent may mark it as a list item.
    if (!out.empty() && out.back().block == line.block && StartsLower(text) &&
        !out.back().text.ends_with(".") &&
        (!list_item || (!typed_bullet && line.x0 > doc.lines[last].x0 + 1.0f)) &&
        WrappedAtEdge(doc, begin, end, last, i)) {
      out.back().text += ' ';
      out.back().text += text;
      last = i;
      continue;
    }
    if (!out.empty() && out.back().block == line.block && !list_item) {
      auto& prev = out.back();
      const std::string_view p = prev.text;
      const bool trailing_sep = p.ends_with(",") || p.ends_with(";") || p.ends_with("|") ||
                                p.ends_with("/") || p.ends_with("&") || p.ends_with(" and");
      const bool lower_after_list =
          StartsLower(text) && (prev.list_item || HasListSeparator(p)) && !p.ends_with(".");
      if (trailing_sep || HasUnclosedBracket(p) || text.starts_with("(") || lower_after_list) {
        prev.text += ' ';
        prev.text += text;
        last = i;
        continue;
      }
    }
    const bool bold =
        line.bold || line.role == LineRole::kHeading || TrimText(line.text).starts_with("**");
    out.push_back({std::move(text), i, bold, list_item, line.block});
    last = i;
  }
  return out;
}

std::vector<std::string> SplitItems(std::string_view text) {
  std::vector<std::string> out;
  auto push = [&out](std::string_view item) {
    item = TrimText(item, " \t.");
    if (!item.empty()) out.emplace_back(item);
  };
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '(' || c == '[') ++depth;
    if ((c == ')' || c == ']') && depth > 0) --depth;
    std::size_t sep = 0;
    if (depth == 0) {
      if (c == ';' || c == '|' || c == '\t') sep = 1;
      // A comma between digits is a decimal mark ("1,7"), not a separator.
      if (c == ',' && !(i > 0 && i + 1 < text.size() && text[i - 1] >= '0' && text[i - 1] <= '9' &&
                        text[i + 1] >= '0' && text[i + 1] <= '9')) {
        sep = 1;
      }
      for (const std::string_view s : {"•", "·", "▪", "◦"}) {
        if (text.compare(i, s.size(), s) == 0) sep = s.size();
      }
    }
    if (sep > 0) {
      push(text.substr(start, i - start));
      i += sep;
      start = i;
    } else {
      ++i;
    }
  }
  push(text.substr(start));
  // " / " separates items only in a list of three or more ("Python / Go / Rust"); two sides are
  // one item ("CSS3 / SCSS", "Agile / Scrum").
  std::vector<std::string> split;
  for (auto& item : out) {
    std::vector<std::string> parts;
    std::size_t b = 0;
    for (std::size_t at; (at = item.find(" / ", b)) != std::string::npos; b = at + 3) {
      parts.emplace_back(TrimText(std::string_view(item).substr(b, at - b)));
    }
    parts.emplace_back(TrimText(std::string_view(item).substr(b)));
    if (parts.size() >= 3) {
      for (auto& p : parts) {
        if (!p.empty()) split.push_back(std::move(p));
      }
    } else {
      split.push_back(std::move(item));
    }
  }
  return split;
}

std::size_t InlineLabelEnd(std::string_view text) {
  int depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '(' || c == '[') ++depth;
    if ((c == ')' || c == ']') && depth > 0) --depth;
    if (depth > 0) continue;
    if (c == ',' || c == '|' || c == ';') return std::string_view::npos;
    if (c != ':') continue;
    if (i + 1 < text.size() && text[i + 1] == '/') return std::string_view::npos;  // a URL
    if (i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9' && i > 0 &&
        text[i - 1] >= '0' && text[i - 1] <= '9') {
      return std::string_view::npos;  // a time or a ratio
    }
    const auto label = TrimText(text.substr(0, i));
    if (label.empty() || CountWords(label) > 4) return std::string_view::npos;
    if (TrimText(text.substr(i + 1)).empty()) return std::string_view::npos;
    return i;
  }
  return std::string_view::npos;
}

}  // namespace jc::parsing
