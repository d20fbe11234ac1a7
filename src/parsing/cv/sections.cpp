#include "parsing/cv/sections.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

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

// Lower-cases ASCII and the Latin-1 capitals (U+00C0-U+00DE, except U+00D7) in UTF-8.
std::string FoldCase(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c + 32));
    } else if (c == 0xC3 && i + 1 < s.size()) {
      const auto d = static_cast<unsigned char>(s[i + 1]);
      out.push_back(static_cast<char>(c));
      out.push_back(static_cast<char>(d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 0x20 : d));
      ++i;
    } else if ((c == 0xC4 || c == 0xC5) && i + 1 < s.size()) {
      // Latin Extended-A (Polish, Czech...): capitals and small letters alternate; the parity
      // flips in U+0139-U+0148 and from U+0179 on.
      unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
      const bool odd_capitals = (cp >= 0x139 && cp <= 0x148) || cp >= 0x179;
      const bool capital =
          cp != 0x138 && cp != 0x149 && cp != 0x17F && (cp % 2 == 1) == odd_capitals;
      if (capital) ++cp;
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
      ++i;
    } else if (c == 0xE2 && i + 2 < s.size() && s[i + 1] == '\x80' &&
               (s[i + 2] == '\x98' || s[i + 2] == '\x99')) {
      out.push_back('\'');  // curly apostrophes
      i += 2;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

bool IsDecoration(unsigned char c) {
  return c == ' ' || c == ':' || c == '#' || c == '*' || c == '-' || c == '|' || c == '.' ||
         c == '_' || c == '=' || c == '/' || c == '>' || (c >= '0' && c <= '9');
}

// Lower case, without decoration around it (numbering, colons, dashes, bullets).
std::string Normalize(std::string_view text) {
  std::string s = FoldCase(text);
  // Multi-byte decorations: bullets, dashes, squares.
  for (std::string_view deco : {"•", "■", "▪", "–", "—", "►", "●", "◆"}) {
    for (auto at = s.find(deco); at != std::string::npos; at = s.find(deco))
      s.replace(at, deco.size(), " ");
  }
  std::size_t b = 0, e = s.size();
  while (b < e && IsDecoration(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && IsDecoration(static_cast<unsigned char>(s[e - 1]))) --e;
  std::string out;
  for (std::size_t i = b; i < e; ++i) {
    if (s[i] == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(s[i]);
  }
  return out;
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

// The section a line opens, with its confidence, or nullopt for an ordinary line.
std::optional<std::pair<SectionKind, double>> HeadingAt(const Document& doc, std::size_t i,
                                                        double median_size) {
  const Line& line = doc.lines[i];
  if (line.role == LineRole::kHeader || line.role == LineRole::kFooter) return std::nullopt;
  if (line.text.size() > 80) return std::nullopt;
  const std::string norm = Normalize(line.text);
  if (norm.empty() || CountWords(norm) > 6) {
    if (!IsLetterSpaced(norm)) return std::nullopt;
  }
  const bool styled = LooksStyledAsHeading(line, median_size);
  // "2.1 Honours" in plain type is a grade, not a numbered heading.
  const bool numbered = !line.text.empty() && line.text[0] >= '0' && line.text[0] <= '9';
  if (numbered && !styled && line.role != LineRole::kHeading) return std::nullopt;
  if (auto kind = ClassifyHeadingText(line.text)) {
    double confidence = 0.6;
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
  const std::string norm = Normalize(text);
  if (norm.empty()) return std::nullopt;
  const auto& lookup = HeadingLookup();
  if (auto it = lookup.exact.find(norm); it != lookup.exact.end()) return it->second;
  if (IsLetterSpaced(norm)) {
    if (auto it = lookup.spaceless.find(WithoutSpaces(norm)); it != lookup.spaceless.end()) {
      return it->second;
    }
  }
  return std::nullopt;
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
  return sections;
}

}  // namespace jc::parsing
