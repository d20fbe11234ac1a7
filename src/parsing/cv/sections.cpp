#include "parsing/cv/sections.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "nlp/date_parser.hpp"
#include "parsing/cv/entry_lines.hpp"

namespace jc::parsing {
namespace {

struct Vocabulary {
  SectionKind kind;
  std::vector<std::string_view> phrases;  // lower case, as written in CVs
};

// Heading names per section kind in en, de, fr, es, pt, it, nl. Matched against whole lines
// only, after normalisation, so ordinary sentences never match.
const std::vector<Vocabulary>& Vocabularies() {
  static const std::vector<Vocabulary> kVocabularies = {
      {SectionKind::kContact,
       {"contact",
        "contacts",
        "contact information",
        "contact info",
        "contact details",
        "personal information",
        "personal details",
        "personal data",
        "personal info",
        "kontakt",
        "kontaktdaten",
        "kontaktinformationen",
        "persönliche daten",
        "persönliche angaben",
        "angaben zur person",
        "persönliches",
        "coordonnées",
        "contact et informations",
        "informations personnelles",
        "état civil",
        "contacto",
        "datos personales",
        "datos de contacto",
        "información personal",
        "información de contacto",
        "contato",
        "contatos",
        "dados pessoais",
        "informações pessoais",
        "contatti",
        "dati personali",
        "informazioni personali",
        "contactgegevens",
        "persoonlijke gegevens",
        "personalia"}},
      {SectionKind::kSummary,
       {"podsumowanie",
        "o mnie",
        "profil zawodowy",
        "summary",
        "profile",
        "professional summary",
        "career summary",
        "executive summary",
        "summary of qualifications",
        "about me",
        "about",
        "objective",
        "career objective",
        "personal statement",
        "professional profile",
        "personal profile",
        "overview",
        "profile summary",
        "profil",
        "kurzprofil",
        "über mich",
        "zusammenfassung",
        "berufliches profil",
        "persönliches profil",
        "profil professionnel",
        "résumé",
        "à propos",
        "à propos de moi",
        "objectif",
        "objectif professionnel",
        "perfil",
        "perfil profesional",
        "resumen",
        "resumen profesional",
        "sobre mí",
        "acerca de mí",
        "objetivo",
        "objetivo profesional",
        "perfil profissional",
        "resumo",
        "resumo profissional",
        "sobre mim",
        "objetivo profissional",
        "profilo",
        "profilo professionale",
        "profilo personale",
        "chi sono",
        "sommario",
        "obiettivo",
        "obiettivo professionale",
        "profiel",
        "samenvatting",
        "over mij",
        "persoonlijk profiel",
        "doelstelling"}},
      {SectionKind::kExperience,
       {"doświadczenie zawodowe",
        "doświadczenie",
        "przebieg pracy",
        "historia zatrudnienia",
        "experience",
        "work experience",
        "professional experience",
        "employment",
        "employment history",
        "work history",
        "career history",
        "professional background",
        "employment record",
        "work record",
        "career background",
        "where i've worked",
        "where i have worked",
        "stationen",
        "berufliche stationen",
        "beruflicher hintergrund",
        "parcours",
        "expérience professionnelle et stages",
        "trayectoria",
        "trayectoria laboral",
        "trajetória profissional",
        "trajetória",
        "percorso professionale",
        "percorso lavorativo",
        "esperienze di lavoro",
        "loopbaan en ervaring",
        "relevant experience",
        "career",
        "experience and employment",
        "professional history",
        "working experience",
        "berufserfahrung",
        "erfahrung",
        "berufliche erfahrung",
        "berufliche laufbahn",
        "beruflicher werdegang",
        "werdegang",
        "praxiserfahrung",
        "berufspraxis",
        "expérience",
        "expériences",
        "expérience professionnelle",
        "expériences professionnelles",
        "parcours professionnel",
        "experiencia",
        "experiencia laboral",
        "experiencia profesional",
        "trayectoria profesional",
        "historial laboral",
        "experiência",
        "experiência profissional",
        "experiências profissionais",
        "histórico profissional",
        "percurso profissional",
        "esperienza",
        "esperienze",
        "esperienza professionale",
        "esperienze professionali",
        "esperienza lavorativa",
        "esperienze lavorative",
        "werkervaring",
        "ervaring",
        "professionele ervaring",
        "loopbaan",
        "arbeidsverleden",
        "werkgeschiedenis"}},
      {SectionKind::kEducation,
       {"educación y formación",
        "education and training",
        "éducation et formation",
        "educação e formação",
        "onderwijs en opleiding",
        "wykształcenie",
        "edukacja",
        "education",
        "academic background",
        "education and training",
        "education & training",
        "qualifications",
        "academic qualifications",
        "training",
        "academic history",
        "educational background",
        "education and qualifications",
        "ausbildung",
        "bildung",
        "bildungsweg",
        "schulbildung",
        "studium",
        "akademischer werdegang",
        "aus- und weiterbildung",
        "ausbildung und studium",
        "schul- und berufsausbildung",
        "formation",
        "formations",
        "parcours académique",
        "études",
        "diplômes",
        "formation et diplômes",
        "educación",
        "formación",
        "formación académica",
        "estudios",
        "educação",
        "formação",
        "formação académica",
        "formação acadêmica",
        "escolaridade",
        "istruzione",
        "formazione",
        "istruzione e formazione",
        "percorso di studi",
        "titoli di studio",
        "opleiding",
        "opleidingen",
        "onderwijs",
        "opleiding en cursussen"}},
      {SectionKind::kSkills,
       {"umiejętności",
        "umiejętności miękkie",
        "umiejętności techniczne",
        "kompetencje",
        "skills",
        "technical skills",
        "core competencies",
        "competencies",
        "key skills",
        "expertise",
        "areas of expertise",
        "skills and abilities",
        "skills & abilities",
        "tools",
        "technologies",
        "tech stack",
        "it skills",
        "computer skills",
        "core skills",
        "skills and tools",
        "skills & tools",
        "skills summary",
        "professional skills",
        "technical proficiencies",
        "kenntnisse",
        "fähigkeiten",
        "kompetenzen",
        "fachkenntnisse",
        "it-kenntnisse",
        "edv-kenntnisse",
        "qualifikationen",
        "fähigkeiten und kenntnisse",
        "kenntnisse und fähigkeiten",
        "compétences",
        "compétences techniques",
        "compétences clés",
        "savoir-faire",
        "habilidades",
        "competencias",
        "conocimientos",
        "aptitudes",
        "habilidades técnicas",
        "competencias técnicas",
        "competências",
        "conhecimentos",
        "competências técnicas",
        "competenze",
        "competenze tecniche",
        "capacità",
        "capacità e competenze",
        "vaardigheden",
        "competenties",
        "kennis",
        "kennis en vaardigheden"}},
      {SectionKind::kLanguages,
       {"języki", "języki obce", "znajomość języków", "languages", "language skills", "language",
        "sprachen", "sprachkenntnisse", "langues", "compétences linguistiques", "idiomas",
        "lenguas", "línguas", "lingue", "conoscenze linguistiche", "competenze linguistiche",
        "talen", "talenkennis"}},
      {SectionKind::kCertifications,
       {"certyfikaty",
        "kursy i certyfikaty",
        "uprawnienia",
        "certifications",
        "certificates",
        "licenses",
        "licences",
        "certifications and licenses",
        "certifications & licenses",
        "licenses and certifications",
        "licenses & certifications",
        "courses and certifications",
        "zertifikate",
        "zertifizierungen",
        "lizenzen",
        "weiterbildungen",
        "fortbildungen",
        "certificats",
        "certifications professionnelles",
        "certificaciones",
        "certificados",
        "cursos y certificaciones",
        "certificações",
        "certificazioni",
        "certificati",
        "certificaten",
        "certificeringen"}},
      {SectionKind::kProjects,
       {"projekty", "projects", "key projects", "selected projects", "personal projects",
        "side projects", "projekte", "projets", "proyectos", "projetos", "progetti", "projecten"}},
      {SectionKind::kAwards,
       {"awards", "honors", "honours", "achievements", "awards and honors", "awards & honors",
        "honors and awards", "auszeichnungen", "preise", "distinctions", "prix", "premios",
        "reconocimientos", "prêmios", "prémios", "premi", "riconoscimenti", "prijzen",
        "onderscheidingen"}},
      {SectionKind::kPublications,
       {"publications", "publikationen", "veröffentlichungen", "publicaciones", "publicações",
        "pubblicazioni", "publicaties"}},
      {SectionKind::kVolunteering,
       {"volunteering", "volunteer experience", "volunteer work", "community involvement",
        "ehrenamt", "ehrenamtliches engagement", "soziales engagement", "bénévolat", "voluntariado",
        "volontariato", "vrijwilligerswerk"}},
      {SectionKind::kInterests,
       {"zainteresowania", "interests", "hobbies", "hobbies and interests", "hobbies & interests",
        "interessen", "hobbys", "freizeit", "freizeitinteressen", "centres d'intérêt",
        "centres d'intérêts", "loisirs", "intereses", "aficiones", "interesses", "passatempos",
        "interessi", "hobby", "hobby's"}},
      {SectionKind::kReferences,
       {"references", "referees", "referenzen", "références", "referencias", "referências",
        "referenze", "referenties"}},
  };
  return kVocabularies;
}

// Lower-cases ASCII and the Latin-1 capitals (U+00C0-U+00DE, except U+00D7) in UTF-8. The copy
// is folded in place: no character grows, and each branch reads its bytes before it writes.
std::string FoldCase(std::string_view s) {
  std::string out(s);
  std::size_t w = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[w++] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      const auto d = static_cast<unsigned char>(out[i + 1]);
      out[w++] = static_cast<char>(c);
      out[w++] = static_cast<char>(d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 0x20 : d);
      ++i;
    } else if ((c == 0xC4 || c == 0xC5) && i + 1 < out.size()) {
      // Latin Extended-A (Polish, Czech...): capitals and small letters alternate; the parity
      // flips in U+0139-U+0148 and from U+0179 on.
      unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(out[i + 1]) & 0x3Fu);
      const bool odd_capitals = (cp >= 0x139 && cp <= 0x148) || cp >= 0x179;
      const bool capital =
          cp != 0x138 && cp != 0x149 && cp != 0x17F && (cp % 2 == 1) == odd_capitals;
      if (capital) ++cp;
      out[w++] = static_cast<char>(0xC0 | (cp >> 6));
      out[w++] = static_cast<char>(0x80 | (cp & 0x3F));
      ++i;
    } else if (c == 0xE2 && i + 2 < out.size() && out[i + 1] == '\x80' &&
               (out[i + 2] == '\x98' || out[i + 2] == '\x99')) {
      out[w++] = '\'';  // curly apostrophes
      i += 2;
    } else {
      out[w++] = static_cast<char>(c);
    }
  }
  out.resize(w);
  return out;
}

bool IsAsciiLetter(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The byte length of a decoration code point at `s[i]` (a UTF-8 lead byte), or 0 for a letter:
// ASCII punctuation and digits (numbering), Latin-1 symbols ("»", "·", "§"), the general
// punctuation, arrows, shapes and dingbats blocks (U+2000-U+2BFF), private-use icons and emoji.
std::size_t DecorationLength(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return IsAsciiLetter(c) ? 0 : 1;
  if (c == 0xC2 && i + 1 < s.size()) return 2;
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xB0) return 3;
  if (c == 0xEF && i + 2 < s.size()) return 3;
  if (c >= 0xF0 && i + 3 < s.size()) return 4;
  return 0;
}

// Strips decoration from both ends of `s`; reports whether anything but spaces and a final
// colon went ("*** Loopbaan ***", "[ FORMAÇÃO ]", "» EXPERIENCIA").
std::string_view StripDecoration(std::string_view s, bool* front, bool* back) {
  *front = *back = false;
  while (!s.empty()) {
    const auto n = DecorationLength(s, 0);
    if (n == 0) break;
    if (s[0] != ' ') *front = true;
    s.remove_prefix(n);
  }
  while (!s.empty()) {
    std::size_t b = s.size() - 1;
    while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
    const auto n = DecorationLength(s, b);
    if (n == 0 || b + n != s.size()) break;
    if (s[b] != ' ' && !(s[b] == ':' && b + 1 == s.size())) *back = true;
    s.remove_suffix(n);
  }
  return s;
}

// Lower case, without decoration around it (numbering, colons, dashes, bullets, brackets).
std::string Normalize(std::string_view text, bool* decorated = nullptr) {
  std::string s = FoldCase(text);
  // Multi-byte decorations inside become spaces: bullets, dashes, squares (none in ASCII
  // text). Each is a whole UTF-8 sequence, so no two occurrences overlap and one pass over
  // `s`, rewriting it in place behind the reads, replaces them all.
  const bool ascii = std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
  if (!ascii) {
    static constexpr std::string_view kDecorations[] = {"•", "■", "▪", "–", "—", "►",
                                                        "●", "◆", "»", "«", "·"};
    std::size_t w = 0;
    for (std::size_t i = 0; i < s.size();) {
      const auto lead = static_cast<unsigned char>(s[i]);
      std::size_t deco = 0;
      if (lead == 0xC2 || lead == 0xE2) {
        for (const auto d : kDecorations) {
          if (s.compare(i, d.size(), d) == 0) {
            deco = d.size();
            break;
          }
        }
      }
      if (deco > 0) {
        s[w++] = ' ';
        i += deco;
      } else {
        s[w++] = s[i++];
      }
    }
    s.resize(w);
  }
  bool front = false, back = false;
  const auto core = StripDecoration(s, &front, &back);
  if (decorated) *decorated = front && back;
  // Runs of spaces collapse; `core` lies inside `s`, whose front is rewritten behind the reads.
  std::size_t w = 0;
  for (const char c : core) {
    if (c == ' ' && (w == 0 || s[w - 1] == ' ')) continue;
    s[w++] = c;
  }
  s.resize(w);
  return s;
}

std::string WithoutSpaces(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c != ' ') out.push_back(c);
  }
  return out;
}

struct Lookup {
  std::unordered_map<std::string, SectionKind> exact;
  std::unordered_map<std::string, SectionKind> spaceless;  // "W O R K  E X P E R I E N C E"
};

const Lookup& HeadingLookup() {
  static const Lookup kLookup = [] {
    Lookup l;
    for (const auto& v : Vocabularies()) {
      for (const auto phrase : v.phrases) {
        l.exact.emplace(std::string(phrase), v.kind);
        l.spaceless.emplace(WithoutSpaces(phrase), v.kind);
      }
    }
    return l;
  }();
  return kLookup;
}

// Head nouns of section headings per kind: a short heading that ends (English, German, Dutch)
// or starts (French, Spanish, Portuguese, Italian) with one names that kind whatever its
// modifiers ("Clinical Experience", "Expérience clinique", "Schule und Ausbildung").
const std::unordered_map<std::string_view, SectionKind>& HeadNouns() {
  static const std::unordered_map<std::string_view, SectionKind> kNouns = [] {
    std::unordered_map<std::string_view, SectionKind> m;
    const auto add = [&](SectionKind kind, std::initializer_list<std::string_view> words) {
      for (const auto w : words) m.emplace(w, kind);
    };
    add(SectionKind::kExperience,
        {"experience",   "experiences", "employment",   "erfahrung",    "berufserfahrung",
         "laufbahn",     "werdegang",   "stationen",    "berufspraxis", "expérience",
         "expériences",  "experiencia", "experiencias", "trayectoria",  "experiência",
         "experiências", "trajetória",  "percurso",     "esperienza",   "esperienze",
         "percorso",     "ervaring",    "werkervaring", "loopbaan",     "doświadczenie"});
    add(SectionKind::kEducation,
        {"education", "ausbildung",  "bildung",   "bildungsweg",   "schulbildung", "studium",
         "formation", "formations",  "études",    "educación",     "formación",    "estudios",
         "educação",  "formação",    "estudos",   "istruzione",    "formazione",   "studi",
         "opleiding", "opleidingen", "onderwijs", "wykształcenie", "edukacja"});
    add(SectionKind::kSkills,
        {"skills", "competencies", "competences", "kenntnisse", "fähigkeiten", "kompetenzen",
         "compétences", "habilidades", "competencias", "conocimientos", "competências",
         "conhecimentos", "competenze", "vaardigheden", "competenties", "umiejętności"});
    add(SectionKind::kLanguages, {"languages", "sprachen", "sprachkenntnisse", "langues", "idiomas",
                                  "línguas", "lingue", "talen", "języki"});
    add(SectionKind::kCertifications,
        {"certifications", "certificates", "licenses", "licences", "zertifikate",
         "zertifizierungen", "certificats", "certificaciones", "certificados", "certificações",
         "certificazioni", "certificati", "certificaten", "certyfikaty"});
    add(SectionKind::kProjects, {"projects", "projekte", "projets", "proyectos", "projetos",
                                 "progetti", "projecten", "projekty"});
    // Not "honours" / "distinction": "First Class Honours" is a grade.
    add(SectionKind::kAwards,
        {"awards", "auszeichnungen", "premios", "prémios", "prêmios", "premi", "prijzen"});
    add(SectionKind::kPublications, {"publications", "publikationen", "veröffentlichungen",
                                     "publicaciones", "publicações", "pubblicazioni"});
    add(SectionKind::kVolunteering, {"volunteering", "ehrenamt", "bénévolat", "voluntariado",
                                     "volontariato", "vrijwilligerswerk"});
    add(SectionKind::kInterests, {"interests", "hobbies", "interessen", "hobbys", "loisirs",
                                  "intereses", "interesses", "interessi"});
    add(SectionKind::kReferences, {"references", "referees", "referenzen", "références",
                                   "referencias", "referências", "referenze", "referenties"});
    add(SectionKind::kSummary, {"summary", "profile", "profil", "perfil", "profilo", "profiel"});
    return m;
  }();
  return kNouns;
}

// Modifiers that decide the kind whatever the head noun: "Academic Background", "Parcours
// académique", "Volunteer Experience".
std::optional<SectionKind> DecidingModifier(std::string_view w) {
  for (std::string_view a : {"academic", "académique", "académica", "académico", "acadêmica",
                             "acadêmico", "académicos", "accademico", "accademica", "scolaire",
                             "universitaire", "educational", "akademischer", "schulischer"}) {
    if (w == a) return SectionKind::kEducation;
  }
  for (std::string_view a : {"volunteer", "voluntary", "bénévole", "voluntario", "volontario",
                             "ehrenamtliche", "ehrenamtliches", "vrijwillige"}) {
    if (w == a) return SectionKind::kVolunteering;
  }
  return std::nullopt;
}

bool IsConnector(std::string_view w) {
  for (std::string_view c : {"and", "&", "und", "et", "y", "e", "en", "-", "+", "i", "og"}) {
    if (w == c) return true;
  }
  return false;
}

// A heading by its head noun: up to four words of letters (connectors aside), none a job-title
// word, the first or last a head noun. `norm` is normalised; `raw` the text as written.
std::optional<SectionKind> HeadNounKind(std::string_view norm, std::string_view raw) {
  if (norm.empty()) return std::nullopt;
  // A heading starts with a capital (or a non-ASCII letter): "experience in sales" is prose.
  bool f = false, b = false;
  const auto core = StripDecoration(raw, &f, &b);
  if (core.empty() || (core[0] >= 'a' && core[0] <= 'z')) return std::nullopt;
  // Digits anywhere make an entry line ("Ausbildung zur Köchin 2015 – 2018"), not a heading.
  if (std::any_of(raw.begin(), raw.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < norm.size()) {
    while (i < norm.size() && norm[i] == ' ') ++i;
    const auto start = i;
    while (i < norm.size() && norm[i] != ' ') ++i;
    if (i == start) break;
    const auto w = norm.substr(start, i - start);
    for (const char c : w) {
      if ((c >= '0' && c <= '9') || c == '@' || c == ',' || c == '.' || c == '|' || c == '(' ||
          c == ')' || c == '/' || c == ';') {
        return std::nullopt;
      }
    }
    if (!IsConnector(w)) words.push_back(w);
  }
  if (words.empty() || words.size() > 4) return std::nullopt;
  const auto& nouns = HeadNouns();
  std::optional<SectionKind> first, last;
  if (auto it = nouns.find(words.back()); it != nouns.end()) last = it->second;
  if (auto it = nouns.find(words.front()); it != nouns.end()) first = it->second;
  if (!first && !last) return std::nullopt;
  if (entry::TitleScore(norm) > 0) return std::nullopt;
  // "Ausbildung zur Köchin", "Experience as a nurse": a preposition makes an entry line.
  for (const auto w : words) {
    for (std::string_view p : {"zur", "zum", "als", "bei", "im", "am", "in", "at", "as", "for",
                               "für", "of", "with", "mit", "à", "chez", "como", "presso"}) {
      if (w == p) return std::nullopt;
    }
  }
  for (const auto w : words) {
    if (auto kind = DecidingModifier(w)) return kind;
  }
  return last ? last : first;
}

std::size_t CountWords(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : s) {
    const bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// Single characters separated by spaces: "E X P E R I E N C E".
bool IsLetterSpaced(std::string_view s) {
  std::size_t singles = 0, words = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i == start) break;
    ++words;
    const std::size_t len = i - start;
    const auto lead = static_cast<unsigned char>(s[start]);
    const std::size_t cp = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (len == cp) ++singles;
  }
  return words >= 4 && singles * 10 >= words * 8;
}

double MedianFontSize(const Document& doc) {
  std::vector<float> sizes;
  for (const auto& line : doc.lines) {
    if (line.font_size > 0) sizes.push_back(line.font_size);
  }
  if (sizes.empty()) return 0;
  std::nth_element(sizes.begin(), sizes.begin() + static_cast<std::ptrdiff_t>(sizes.size() / 2),
                   sizes.end());
  return sizes[sizes.size() / 2];
}

bool LooksStyledAsHeading(const Line& line, double median_size) {
  return line.role == LineRole::kHeading || line.bold || line.all_caps ||
         (median_size > 0 && line.font_size >= median_size * 1.15);
}

bool StandsAlone(const Document& doc, std::size_t i) {
  const auto& lines = doc.lines;
  const bool own_start = i == 0 || lines[i - 1].block != lines[i].block;
  const bool own_end = i + 1 >= lines.size() || lines[i + 1].block != lines[i].block;
  return own_start && own_end;
}

// The kind a heading text names: a known phrase (`exact`), or a short line around a head noun.
// `norm` is Normalize(text).
std::optional<SectionKind> ClassifyNormalized(const std::string& norm, std::string_view text,
                                              bool* exact) {
  *exact = false;
  if (norm.empty()) return std::nullopt;
  const auto& lookup = HeadingLookup();
  if (auto it = lookup.exact.find(norm); it != lookup.exact.end()) {
    *exact = true;
    return it->second;
  }
  if (IsLetterSpaced(norm)) {
    if (auto it = lookup.spaceless.find(WithoutSpaces(norm)); it != lookup.spaceless.end()) {
      *exact = true;
      return it->second;
    }
  }
  return HeadNounKind(norm, text);
}

std::optional<SectionKind> Classify(std::string_view text, bool* exact, bool* decorated) {
  return ClassifyNormalized(Normalize(text, decorated), text, exact);
}

// The section a line opens, with its confidence, or nullopt for an ordinary line.
std::optional<std::pair<SectionKind, double>> HeadingAt(const Document& doc, std::size_t i,
                                                        double median_size) {
  const Line& line = doc.lines[i];
  if (line.role == LineRole::kHeader || line.role == LineRole::kFooter) return std::nullopt;
  if (line.text.size() > 80) return std::nullopt;
  bool decorated = false;
  const std::string norm = Normalize(line.text, &decorated);
  if (norm.empty() || CountWords(norm) > 6) {
    if (!IsLetterSpaced(norm)) return std::nullopt;
  }
  const bool styled = LooksStyledAsHeading(line, median_size);
  // "2.1 Honours" in plain type is a grade, not a numbered heading.
  const bool numbered = !line.text.empty() && line.text[0] >= '0' && line.text[0] <= '9';
  if (numbered && !styled && line.role != LineRole::kHeading) return std::nullopt;
  bool exact = false;
  if (auto kind = ClassifyNormalized(norm, line.text, &exact)) {
    // A head-noun heading ("Clinical Experience") needs the look of one too: style, markup,
    // decoration on both sides, a final colon, or a block of its own.
    const bool evidence = styled || decorated || line.text.back() == ':' ||
                          line.role == LineRole::kHeading || StandsAlone(doc, i);
    if (!exact && (!evidence || line.role == LineRole::kListItem)) return std::nullopt;
    double confidence = exact ? 0.6 : 0.5;
    if (styled) confidence += 0.25;
    if (StandsAlone(doc, i)) confidence += 0.1;
    if (!line.text.empty() && line.text.back() == ':') confidence += 0.05;
    return std::make_pair(*kind, std::min(confidence, 1.0));
  }
  // An explicit heading (style or markup) in capitals with no digits: an unknown section.
  const bool digits =
      std::any_of(norm.begin(), norm.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (line.role == LineRole::kHeading && line.all_caps && !digits && CountWords(norm) <= 4 &&
      norm.find('@') == std::string::npos) {
    return std::make_pair(SectionKind::kOther, 0.4);
  }
  return std::nullopt;
}

// A line with a date range ("Jan 2019 – Present", "2016 - 2020") that is no list item.
bool HasDateRange(const Line& line) {
  if (line.role == LineRole::kListItem || line.text.size() > 160) return false;
  std::size_t run = 0, longest = 0;
  for (const char c : line.text) {
    run = c >= '0' && c <= '9' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  if (longest < 2) return false;
  return !nlp::FindDateRanges(line.text, domain::PartialDate{2100, 12}).empty();
}

bool LooksLikeSentence(std::string_view text) {
  std::size_t words = 1;
  for (const char c : text) words += c == ' ' ? 1 : 0;
  return words > 10 || text.ends_with(".");
}

// A CV without an experience heading the vocabulary knows still lists its roles: a run of
// dated entries under an unknown heading (kOther), or after the prose of a summary, is the
// experience section. Only when the document has no experience section at all.
void AdoptDatedRuns(const Document& doc, double median_size, std::vector<Section>& sections) {
  if (std::any_of(sections.begin(), sections.end(),
                  [](const Section& s) { return s.kind == SectionKind::kExperience; })) {
    return;
  }
  for (std::size_t k = 0; k < sections.size(); ++k) {
    Section& s = sections[k];
    if (s.kind != SectionKind::kOther && s.kind != SectionKind::kSummary) continue;
    std::vector<std::size_t> dated;
    for (std::size_t i = s.begin; i < s.end; ++i) {
      if (HasDateRange(doc.lines[i])) dated.push_back(i);
    }
    if (dated.size() < 2) continue;
    if (s.kind == SectionKind::kOther) {
      s.kind = SectionKind::kExperience;
      s.confidence = 0.4;
      return;
    }
    // A summary: the roles start at most two heading lines above the first dated line, after
    // the prose; a short styled line of its own there is their (unknown) heading.
    std::size_t start = dated[0];
    while (start > s.begin && dated[0] - start < 2 && !LooksLikeSentence(doc.lines[start - 1].text))
      --start;
    if (start == s.begin) continue;  // no prose before: no summary to split from
    Section exp{SectionKind::kExperience, "", start, start, s.end, 0.4};
    const Line& first = doc.lines[start];
    if (start < dated[0] && LooksStyledAsHeading(first, median_size) && StandsAlone(doc, start) &&
        !LooksLikeSentence(first.text)) {
      exp.heading = first.text;
      exp.begin = start + 1;
    } else if (start > s.begin) {
      exp.heading_line = start - 1;
    }
    s.end = start;
    sections.insert(sections.begin() + static_cast<std::ptrdiff_t>(k) + 1, exp);
    return;
  }
}

}  // namespace

std::string_view SectionKindName(SectionKind kind) {
  switch (kind) {
    case SectionKind::kHeader:
      return "header";
    case SectionKind::kContact:
      return "contact";
    case SectionKind::kSummary:
      return "summary";
    case SectionKind::kExperience:
      return "experience";
    case SectionKind::kEducation:
      return "education";
    case SectionKind::kSkills:
      return "skills";
    case SectionKind::kLanguages:
      return "languages";
    case SectionKind::kCertifications:
      return "certifications";
    case SectionKind::kProjects:
      return "projects";
    case SectionKind::kAwards:
      return "awards";
    case SectionKind::kPublications:
      return "publications";
    case SectionKind::kVolunteering:
      return "volunteering";
    case SectionKind::kInterests:
      return "interests";
    case SectionKind::kReferences:
      return "references";
    case SectionKind::kOther:
      return "other";
  }
  return "other";
}

std::optional<SectionKind> ClassifyHeadingText(std::string_view text) {
  bool exact = false, decorated = false;
  return Classify(text, &exact, &decorated);
}

std::vector<Section> SplitSections(const Document& doc) {
  std::vector<Section> sections;
  const double median_size = MedianFontSize(doc);
  Section current;
  current.kind = SectionKind::kHeader;
  current.confidence = 1.0;
  auto close = [&](std::size_t end) {
    current.end = end;
    if (current.end > current.begin || current.kind != SectionKind::kHeader) {
      sections.push_back(current);
    }
  };
  for (std::size_t i = 0; i < doc.lines.size(); ++i) {
    if (auto heading = HeadingAt(doc, i, median_size)) {
      close(i);
      current = Section{heading->first, doc.lines[i].text, i, i + 1, i + 1, heading->second};
      continue;
    }
    // A new column that does not open with a heading (a sidebar with the contact data) is a
    // preamble of its own, not the continuation of the previous column's last section.
    // On a new page the section runs on whatever the columns: a page break is no sidebar.
    if (i > 0 && doc.lines[i].column != doc.lines[i - 1].column &&
        doc.lines[i].page == doc.lines[i - 1].page) {
      close(i);
      current = Section{SectionKind::kHeader, "", i, i, i, 0.5};
    }
  }
  close(doc.lines.size());
  AdoptDatedRuns(doc, median_size, sections);
  return sections;
}

}  // namespace jc::parsing
