#include "parsing/cv/education_extractor.hpp"

#include <algorithm>

#include "parsing/cv/entry_layout.hpp"
#include "parsing/cv/entry_lines.hpp"

namespace jc::parsing {
namespace {

using entry::EntryLine;
using entry::Fold;
using entry::Words;

std::string_view StripPunct(std::string_view w) {
  while (!w.empty() && (w.front() == '(' || w.front() == '"')) w.remove_prefix(1);
  while (!w.empty() && (w.back() == ')' || w.back() == ',' || w.back() == ';' || w.back() == ':' ||
                        w.back() == '"')) {
    w.remove_suffix(1);
  }
  return w;
}

bool OneOf(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Qualification words that head a degree name ("Master", "B.Sc.", "Licence", "Laurea").
bool IsDegreeHead(std::string_view folded) {
  const auto w = StripPunct(folded);
  if (w.starts_with("diplom-") || w.starts_with("bachelor") || w.starts_with("master")) {
    return true;
  }
  return OneOf(w, {"diplom",
                   "diploma",
                   "diplôme",
                   "magister",
                   "licencjat",
                   "licence",
                   "licenciatura",
                   "bacharelado",
                   "mestrado",
                   "laurea",
                   "grado",
                   "máster",
                   "maestría",
                   "mba",
                   "bsc",
                   "msc",
                   "ba",
                   "ma",
                   "b.sc.",
                   "m.sc.",
                   "b.s.",
                   "m.s.",
                   "b.a.",
                   "m.a.",
                   "bs",
                   "ms",
                   "meisterprüfung",
                   "lehrabschlussprüfung",
                   "fachweiterbildung",
                   "weiterbildung",
                   "bts",
                   "cap",
                   "dcg",
                   "dut",
                   "tecnólogo",
                   "baccalauréat",
                   "especialidad",
                   "ingeniería",
                   "ph.d.",
                   "phd",
                   "doctorat",
                   "dottorato",
                   "doctorado",
                   "doutorado",
                   "associate",
                   "mpharm",
                   "llb",
                   "llm",
                   "beng",
                   "meng",
                   "b.eng.",
                   "m.eng.",
                   "b.e.",
                   "m.e.",
                   "b.tech",
                   "m.tech",
                   "b.com.",
                   "b.com",
                   "bfa",
                   "mfa",
                   "pgce",
                   "abitur",
                   "matura",
                   "licenciado",
                   "bachiller",
                   "mestre",
                   "doctor",
                   "bcom",
                   "mcom",
                   "bba",
                   "bbus",
                   "bsn",
                   "aas",
                   "a.a.s.",
                   "a.a.",
                   "a.s.",
                   "especialización",
                   "especialização",
                   "specializzazione",
                   "pregrado",
                   "posgrado",
                   "pós-graduação",
                   "postgrado",
                   "bacharel",
                   "título",
                   "titulo",
                   "diplôme",
                   "mastère",
                   "deust",
                   "dmv",
                   "dvm",
                   "bmid",
                   "msn",
                   "pgdip",
                   "pgcert",
                   "efz",
                   "cfc",
                   "gesellenbrief",
                   "lehre",
                   "diploma",
                   "hnd",
                   "hnc",
                   "nvq"});
}

double DegreeScore(std::string_view text) {
  const std::string f = Fold(text);
  double score = 0;
  for (const auto w : Words(f)) {
    const auto s = StripPunct(w);
    if (IsDegreeHead(s)) score += 2;
    if (s.starts_with("ausbildung") || s.starts_with("apprentice") || s.starts_with("certific") ||
        OneOf(s, {"program",       "programme", "course",       "training",      "degree",
                  "diploma",       "hons",      "postgraduate", "undergraduate", "classes",
                  "préparatoires", "cfu",       "geprüfte",     "geprüfter",     "staatsexamen",
                  "maturità",      "btec",      "gcse",         "a-levels",      "cdl",
                  "capa",          "ects",      "studium",      "studies",       "prüfung"})) {
      score += 1.5;
    }
  }
  return score;
}

double InstitutionScore(std::string_view text) {
  const std::string f = Fold(text);
  double score = entry::OrganisationScore(text);
  for (const auto w : Words(f)) {
    const auto s = StripPunct(w);
    if (s.ends_with("schule") || s.ends_with("akademie") || s.ends_with("kolleg") ||
        s.starts_with("universi") || s.starts_with("uniwersyt") || s.starts_with("politec") ||
        s.starts_with("polytech") || s.starts_with("hogeschol") || s.starts_with("hogeschool") ||
        OneOf(s,
              {"school",    "college", "école",     "escuela",   "escola",        "scuola",
               "liceo",     "lycée",   "gymnasium", "institute", "institut",      "instituto",
               "istituto",  "academy", "academia",  "accademia", "conservatoire", "conservatorio",
               "faculdade", "faculty", "facultad",  "faculté",   "szkoła",        "akademia",
               "ihk",       "ifsi",    "cfa",       "iae",       "chu",           "campus",
               "hospital",  "centro",  "center",    "centre"})) {
      score += 2;
    }
  }
  return score;
}

bool LooksLikeGrade(std::string_view text) {
  if (entry::WordCount(text) > 6 || text.empty()) return false;
  const std::string f = Fold(text);
  std::size_t run = 0, longest = 0;
  bool numeric = true, digit = false;
  for (const char c : f) {
    const bool d = c >= '0' && c <= '9';
    run = d ? run + 1 : 0;
    longest = std::max(longest, run);
    digit = digit || d;
    if (!d && c != '.' && c != ',' && c != '/' && c != ':' && c != ' ') numeric = false;
  }
  if (longest >= 4) return false;  // a year
  if (numeric && digit && f.size() <= 12) return true;
  for (std::string_view label :
       {"gpa",        "cgpa",         "note",           "grade",   "nota",
        "promedio",   "media",        "mention",        "moyenne", "voto",
        "punteggio",  "calificación", "ocena",          "cijfer",  "abschlussnote",
        "gesamtnote", "result",       "classification", "score",   "final grade"}) {
    if (f.starts_with(label) &&
        (f.size() == label.size() || f[label.size()] == ' ' || f[label.size()] == ':')) {
      return true;
    }
  }
  for (std::string_view key :
       {"cum laude",    "summa",          "magna",         "honours",        "honors",
        "distinction",  "merit",          "first class",   "second class",   "upper second",
        "lower second", "valores",        "sobresaliente", "notable",        "aprobado",
        "lode",         "onderscheiding", "mit gutem",     "mit sehr gutem", "sehr gut",
        "gut (",        "dobry",          "celujący",      "très bien",      "assez bien",
        "mention",      "pass with",      "with honors",   "matrícula"}) {
    if (f.find(key) != std::string::npos) return true;
  }
  return f == "gut" || f == "bien" || f == "pass" || f == "first";
}

// Drops a generic label ("Note: 1,7" -> "1,7"); intrinsic words stay ("GPA 3.6", "Note 1,8").
std::string CleanGrade(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon > 16) return std::string(text);
  const std::string label = Fold(text.substr(0, colon));
  auto value = entry::TrimSeparators(text.substr(colon + 1));
  if (label == "gpa" || label == "cgpa")
    return std::string(text.substr(0, colon)) + " " + std::string(value);
  if (value.find(':') != std::string_view::npos && value.size() <= 3) return std::string(text);
  // "2:1" has a colon too: only a label of letters is one.
  const bool letters =
      std::none_of(label.begin(), label.end(), [](char c) { return c >= '0' && c <= '9'; });
  return letters ? std::string(value) : std::string(text);
}

bool IsSplitter(std::string_view folded) {
  return folded == "in" || folded == "en" || folded == "em";
}

// "B.Sc. in Computer Science" -> {"B.Sc.", "Computer Science"}; "Master Wiskunde" ->
// {"Master", "Wiskunde"}; "Diploma accademico di primo livello in Graphic Design" -> split at
// the last "in"; "Ausbildung zum Koch" and "Bachelor of Economics" stay whole.
std::pair<std::string, std::optional<std::string>> SplitDegree(std::string_view text) {
  const auto words = Words(text);
  auto join = [&](std::size_t b, std::size_t e) {
    if (b >= e) return std::string();
    const auto begin = static_cast<std::size_t>(words[b].data() - text.data());
    const auto end =
        static_cast<std::size_t>(words[e - 1].data() - text.data()) + words[e - 1].size();
    return std::string(text.substr(begin, end - begin));
  };
  if (words.empty()) return {std::string(text), std::nullopt};
  const std::string first = Fold(words[0]);
  if (first.starts_with("ausbildung")) return {std::string(text), std::nullopt};
  std::size_t head = words.size();
  for (std::size_t w = 0; w < std::min<std::size_t>(2, words.size()); ++w) {
    if (IsDegreeHead(Fold(words[w]))) {
      head = w;
      break;
    }
  }
  if (head < words.size()) {
    std::size_t e = head + 1;
    bool comma = words[head].ends_with(",");
    // "of Science", "(Hons)", "(FH)", "2" belong to the degree.
    if (!comma && e + 1 < words.size() && Fold(words[e]) == "of" &&
        OneOf(Fold(StripPunct(words[e + 1])),
              {"science", "arts", "engineering", "laws", "education", "technology", "commerce",
               "business", "fine", "applied"})) {
      e += 2;
      if (Fold(words[e - 1]) == "fine" || Fold(words[e - 1]) == "applied") ++e;
      comma = words[e - 1].ends_with(",");
    }
    while (!comma && e < words.size() &&
           (words[e].starts_with("(") ||
            (words[e].size() <= 2 && words[e][0] >= '0' && words[e][0] <= '9'))) {
      comma = words[e].ends_with(",");
      ++e;
    }
    if (e >= words.size()) return {std::string(text), std::nullopt};
    std::string degree = join(0, e);
    if (comma) {
      degree.pop_back();
      return {degree, join(e, words.size())};
    }
    // "Laurea Magistrale a ciclo unico in Medicina Veterinaria": a later "in" ends the degree.
    bool later_splitter = false;
    for (std::size_t w = e + 1; w + 1 < words.size(); ++w) {
      later_splitter = later_splitter || Fold(words[w]) == "in";
    }
    const std::string next = Fold(words[e]);
    const auto c = static_cast<unsigned char>(words[e][0]);
    const bool upper = (c >= 'A' && c <= 'Z') || (c == 0xC3 && words[e].size() > 1 &&
                                                  static_cast<unsigned char>(words[e][1]) < 0x9F);
    if (!IsSplitter(next) && upper && !later_splitter) {
      const auto field = join(e, words.size());
      if (field.size() >= 3) return {degree, field};
      return {std::string(text), std::nullopt};
    }
  }
  // The last "in" / "en" / "em" splits degree from field.
  for (std::size_t w = words.size() - 1; w >= 1; --w) {
    if (IsSplitter(Fold(words[w])) && w + 1 < words.size()) {
      return {join(0, w), join(w + 1, words.size())};
    }
  }
  return {std::string(text), std::nullopt};
}

void AddSource(EducationResult& out, std::size_t i, std::string_view field, double confidence,
               std::size_t line) {
  out.sources.push_back(
      FieldSource{"/education/" + std::to_string(i) + "/" + std::string(field), confidence, line});
}

struct Parts {
  std::optional<entry::Unit> degree, institution, grade;
  std::optional<domain::DateRange> dates;
  std::size_t dates_line = 0;
};

void Emit(const Parts& p, EducationResult& out) {
  if (!p.degree && !p.institution) return;
  const std::size_t i = out.entries.size();
  domain::Education e;
  if (p.institution) {
    e.institution = p.institution->text;
    AddSource(out, i, "institution", 0.8, p.institution->line);
  }
  if (p.degree) {
    auto [degree, field] = SplitDegree(p.degree->text);
    e.degree = degree;
    AddSource(out, i, "degree", 0.8, p.degree->line);
    if (field) {
      e.field = field;
      AddSource(out, i, "field", 0.7, p.degree->line);
    }
  }
  if (p.grade) {
    e.grade = CleanGrade(p.grade->text);
    AddSource(out, i, "grade", 0.7, p.grade->line);
  }
  if (p.dates) {
    // A lone graduation year is an end; an open range is an ongoing programme.
    e.start = p.dates->start;
    e.end = p.dates->end;
    if (e.start) AddSource(out, i, "startDate", 0.9, p.dates_line);
    if (e.end) AddSource(out, i, "endDate", 0.9, p.dates_line);
  }
  out.entries.push_back(std::move(e));
}

enum class Label { kNone, kDates, kDegree, kInstitution, kGrade, kOther };

Label ClassifyLabel(std::string_view text) {
  if (entry::WordCount(text) > 10) return Label::kNone;
  const std::string f = Fold(entry::TrimSeparators(text));
  if (OneOf(f, {"date", "dates", "fechas", "datum", "data", "daty", "période", "periodo", "período",
                "zeitraum", "datas"})) {
    return Label::kDates;
  }
  const auto has = [&](std::initializer_list<std::string_view> keys) {
    return std::any_of(keys.begin(), keys.end(),
                       [&](std::string_view k) { return f.find(k) != std::string::npos; });
  };
  if (has({"title of qualification", "titolo della qualifica", "cualificación obtenida",
           "intitulé du", "bezeichnung der erworbenen", "naam van de kwalificatie", "tytuł",
           "designação da qualificação", "qualification awarded"})) {
    return Label::kDegree;
  }
  if (has({"name and type of organisation", "nome e tipo d", "nombre y tipo del centro",
           "nom et type de l", "name und art der", "naam en type", "nazwa i typ",
           "nome e tipo da organização"})) {
    return Label::kInstitution;
  }
  if (has({"level in national", "livello nella classificazione", "nivel / calificación",
           "niveau dans la classification", "stufe der nationalen", "niveau in nationale",
           "poziom w krajowej", "nível segundo"})) {
    return Label::kGrade;
  }
  if (has({"principal subjects", "principali materie", "principales materias",
           "principales matières", "hauptfächer", "belangrijkste vakken", "główne przedmioty"})) {
    return Label::kOther;
  }
  return Label::kNone;
}

bool ExtractEuropass(const std::vector<EntryLine>& lines, EducationResult& out) {
  // Cheap test first: a table of this kind has a bare "Dates" row label.
  if (std::none_of(lines.begin(), lines.end(), [](const EntryLine& l) {
        return !l.bullet && l.text.size() <= 12 && ClassifyLabel(l.text) == Label::kDates;
      })) {
    return false;
  }
  Parts p;
  Label current = Label::kNone;
  for (const auto& l : lines) {
    const Label label = ClassifyLabel(l.text);
    if (label != Label::kNone && !l.dates) {
      if (label == Label::kDates) {
        Emit(p, out);
        p = Parts{};
      }
      current = label;
      continue;
    }
    const entry::Unit u{l.text, l.index, false};
    switch (current) {
      case Label::kDates:
        if (l.dates && !p.dates) {
          p.dates = l.dates;
          p.dates_line = l.index;
        }
        break;
      case Label::kDegree:
        if (!p.degree) p.degree = u;
        break;
      case Label::kInstitution:
        if (!p.institution) p.institution = u;
        break;
      case Label::kGrade:
        if (!p.grade) p.grade = u;
        break;
      case Label::kOther:
      case Label::kNone:
        break;
    }
  }
  Emit(p, out);
  return true;
}

// "X | grade" -> {X, grade} when the part after the last separator reads as a grade.
std::optional<std::pair<entry::Unit, entry::Unit>> SplitTrailingGrade(const entry::Unit& u) {
  const std::string_view t = u.text;
  std::size_t best = std::string_view::npos, len = 0;
  for (std::string_view sep : {" | ", " · ", ", ", " – ", " — ", " - "}) {
    const auto at = t.rfind(sep);
    if (at != std::string_view::npos && at > 0 && (best == std::string_view::npos || at > best)) {
      best = at;
      len = sep.size();
    }
  }
  if (best == std::string_view::npos) return std::nullopt;
  const auto left = entry::TrimSeparators(t.substr(0, best));
  const auto right = entry::TrimSeparators(t.substr(best + len));
  if (left.empty() || right.empty() || !LooksLikeGrade(right) || DegreeScore(right) > 0) {
    return std::nullopt;
  }
  // A numeric right part must carry a label or a fraction: "Acme, 12" is no grade.
  if (std::all_of(right.begin(), right.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return std::make_pair(entry::Unit{std::string(left), u.line, u.directional},
                        entry::Unit{std::string(right), u.line, false});
}

// The heading units of one entry, a unit holding both degree and institution split apart.
std::vector<entry::Unit> Candidates(const entry::Entry& e, std::optional<entry::Unit>* grade) {
  std::vector<entry::Unit> out;
  for (const auto& u : e.units) {
    // A grade at the end of the line: "University of Nairobi · Second Class Honours",
    // "Lycée Ibn Toumert, mention assez bien", "Universität Lüneburg | Note: 1,8".
    if (!*grade) {
      if (auto split = SplitTrailingGrade(u)) {
        *grade = split->second;
        out.push_back(split->first);
        continue;
      }
    }
    if (LooksLikeGrade(u.text) && DegreeScore(u.text) == 0) {
      if (!*grade) *grade = u;
      continue;
    }
    out.push_back(u);
  }
  if (out.size() == 1) {
    if (auto split = entry::SplitUnit(out[0])) {
      const auto& a = (*split)[0];
      const auto& b = (*split)[1];
      const double da = DegreeScore(a.text) - InstitutionScore(a.text);
      const double db = DegreeScore(b.text) - InstitutionScore(b.text);
      // One side a degree, the other not: "PGCE in Science – University of Leeds"; or one side
      // a school, the other not: "Técnico em Radiologia | Instituto Politécnico do Porto".
      const double ia = InstitutionScore(a.text);
      const double ib = InstitutionScore(b.text);
      if ((da > 0 && db <= 0) || (da <= 0 && db > 0) || (ia == 0 && ib > 0) ||
          (ia > 0 && ib == 0)) {
        out = *split;
      }
    }
  }
  return out;
}

void ExtractSection(const std::vector<EntryLine>& lines, EducationResult& out) {
  const auto entries = entry::GroupEntries(lines);
  // The section's order of degree and institution, from all its two-unit entries.
  double order = 0;
  for (const auto& e : entries) {
    std::optional<entry::Unit> grade;
    const auto c = Candidates(e, &grade);
    if (c.size() < 2) continue;
    order += (DegreeScore(c[0].text) - InstitutionScore(c[0].text)) -
             (DegreeScore(c[1].text) - InstitutionScore(c[1].text));
  }
  const bool degree_first = order >= 0;
  for (const auto& e : entries) {
    Parts p;
    const auto c = Candidates(e, &p.grade);
    // A sub-heading the section splitter did not know ("Personal Skills"): no dates, and
    // nothing that reads as a degree or a school.
    if (!e.dates && std::all_of(c.begin(), c.end(), [](const entry::Unit& u) {
          return DegreeScore(u.text) == 0 && InstitutionScore(u.text) == 0;
        })) {
      continue;
    }
    p.dates = e.dates;
    p.dates_line = e.dates_line;
    if (c.size() == 1) {
      if (DegreeScore(c[0].text) >= InstitutionScore(c[0].text) && DegreeScore(c[0].text) > 0) {
        p.degree = c[0];
      } else {
        p.institution = c[0];
      }
    } else if (c.size() >= 2) {
      const double d0 = DegreeScore(c[0].text) - InstitutionScore(c[0].text);
      const double d1 = DegreeScore(c[1].text) - InstitutionScore(c[1].text);
      const bool first_is_degree = d0 == d1 ? degree_first : d0 > d1;
      p.degree = first_is_degree ? c[0] : c[1];
      p.institution = first_is_degree ? c[1] : c[0];
    }
    if (!p.grade) {
      // A grade written under the entry as a plain line ("mention bien" as prose or bullet).
      for (const auto& h : e.highlights) {
        if (LooksLikeGrade(h)) {
          p.grade = entry::Unit{h, e.highlight_lines.front(), false};
          break;
        }
      }
    }
    Emit(p, out);
  }
}

}  // namespace

EducationResult ExtractEducation(const Document& doc, const std::vector<Section>& sections,
                                 domain::PartialDate as_of) {
  EducationResult out;
  for (const auto& section : sections) {
    if (section.kind != SectionKind::kEducation) continue;
    const auto lines = entry::CollectLines(doc, {section}, SectionKind::kEducation, as_of);
    if (lines.empty()) continue;
    if (ExtractEuropass(lines, out)) continue;
    ExtractSection(lines, out);
  }
  return out;
}

}  // namespace jc::parsing
