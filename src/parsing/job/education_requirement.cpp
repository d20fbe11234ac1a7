// EducationOf (declared in job_attributes.hpp): the lowest completed level a posting requires.
#include <algorithm>
#include <cctype>

#include "parsing/job/job_attributes.hpp"
#include "parsing/job/posting_text.hpp"
#include "parsing/job/requirement_cues.hpp"

namespace jc::parsing::job {
namespace {

using domain::EducationLevel;

struct LevelCue {
  std::string_view text;  // lower-case
  EducationLevel level;
  bool acronym = false;  // must be written in capitals in the posting ("CAP", "DEC", "BS")
};

// Specific qualifications; the generic "a degree in X" is bachelor only when none of these
// is in the same clause ("Master's degree in X" is a master).
constexpr LevelCue kLevels[] = {
    {"phd", EducationLevel::kPhd},
    {"ph.d", EducationLevel::kPhd},
    {"doctorate", EducationLevel::kPhd},
    {"doctoral degree", EducationLevel::kPhd},
    {"juris doctor", EducationLevel::kPhd},
    {"j.d.", EducationLevel::kPhd},
    {"jd", EducationLevel::kPhd, true},
    {"pharmd", EducationLevel::kPhd},
    {"pharm.d", EducationLevel::kPhd},
    {"doctor of", EducationLevel::kPhd},
    {"m.d.", EducationLevel::kPhd},
    {"doctorat", EducationLevel::kPhd},
    {"doctorado", EducationLevel::kPhd},
    {"dottorato", EducationLevel::kPhd},
    {"promotion", EducationLevel::kPhd, true},
    {"master's", EducationLevel::kMaster},
    {"master’s", EducationLevel::kMaster},
    {"masters", EducationLevel::kMaster},
    {"master degree", EducationLevel::kMaster},
    {"master of", EducationLevel::kMaster},
    {"master in", EducationLevel::kMaster},
    {"master en", EducationLevel::kMaster},
    {"master", EducationLevel::kMaster, true},
    {"máster", EducationLevel::kMaster},
    {"mestrado", EducationLevel::kMaster},
    {"mba", EducationLevel::kMaster},
    {"msc", EducationLevel::kMaster},
    {"m.sc", EducationLevel::kMaster},
    {"ms", EducationLevel::kMaster, true},
    {"m.s.", EducationLevel::kMaster},
    {"meng", EducationLevel::kMaster, true},
    {"bac+5", EducationLevel::kMaster},
    {"bac +5", EducationLevel::kMaster},
    {"bac + 5", EducationLevel::kMaster},
    {"école d'ingénieur*", EducationLevel::kMaster},
    {"ecole d'ingénieur*", EducationLevel::kMaster},
    {"diplom-*", EducationLevel::kMaster},
    {"diplom", EducationLevel::kMaster},
    {"magister", EducationLevel::kMaster},
    {"laurea magistrale", EducationLevel::kMaster},
    {"bachelor*", EducationLevel::kBachelor},
    {"bs", EducationLevel::kBachelor, true},
    {"b.s.", EducationLevel::kBachelor},
    {"ba", EducationLevel::kBachelor, true},
    {"b.a.", EducationLevel::kBachelor},
    {"bsc", EducationLevel::kBachelor},
    {"b.sc", EducationLevel::kBachelor},
    {"bsn", EducationLevel::kBachelor},
    {"beng", EducationLevel::kBachelor},
    {"b.eng", EducationLevel::kBachelor},
    {"bba", EducationLevel::kBachelor},
    {"btech", EducationLevel::kBachelor},
    {"b.tech", EducationLevel::kBachelor},
    {"b.com", EducationLevel::kBachelor},
    {"undergraduate degree", EducationLevel::kBachelor},
    {"four-year degree", EducationLevel::kBachelor},
    {"4-year degree", EducationLevel::kBachelor},
    {"hochschulabschluss", EducationLevel::kBachelor},
    {"hochschulstudium", EducationLevel::kBachelor},
    {"studium", EducationLevel::kBachelor},
    {"studienabschluss", EducationLevel::kBachelor},
    {"licence", EducationLevel::kBachelor, true},
    {"bac+3", EducationLevel::kBachelor},
    {"bac +3", EducationLevel::kBachelor},
    {"bac + 3", EducationLevel::kBachelor},
    {"baccalauréat en", EducationLevel::kBachelor},
    {"grado en", EducationLevel::kBachelor},
    {"grado universitario", EducationLevel::kBachelor},
    {"licenciatura", EducationLevel::kBachelor},
    {"titulación universitaria", EducationLevel::kBachelor},
    {"título universitario", EducationLevel::kBachelor},
    {"graduate in any", EducationLevel::kBachelor},
    {"tertiary qualification", EducationLevel::kBachelor},
    {"tertiary degree", EducationLevel::kBachelor},
    {"laurea", EducationLevel::kBachelor},
    {"graduação", EducationLevel::kBachelor},
    {"hbo", EducationLevel::kBachelor},
    {"associate degree", EducationLevel::kAssociate},
    {"associate's", EducationLevel::kAssociate},
    {"associates degree", EducationLevel::kAssociate},
    {"associate of", EducationLevel::kAssociate},
    {"adn", EducationLevel::kAssociate, true},
    {"aas", EducationLevel::kAssociate, true},
    {"a.a.s", EducationLevel::kAssociate},
    {"bts", EducationLevel::kAssociate, true},
    {"dut", EducationLevel::kAssociate, true},
    {"bac+2", EducationLevel::kAssociate},
    {"bac +2", EducationLevel::kAssociate},
    {"bac + 2", EducationLevel::kAssociate},
    {"dec", EducationLevel::kAssociate, true},
    {"ausbildung", EducationLevel::kAssociate},
    {"berufsausbildung", EducationLevel::kAssociate},
    {"ausbildung als", EducationLevel::kAssociate},
    {"ausbildung zum", EducationLevel::kAssociate},
    {"ausbildung zur", EducationLevel::kAssociate},
    {"ihk", EducationLevel::kAssociate},
    {"cfc", EducationLevel::kAssociate, true},
    {"efz", EducationLevel::kAssociate, true},
    {"cap", EducationLevel::kAssociate, true},
    {"bep", EducationLevel::kAssociate, true},
    {"bac pro", EducationLevel::kAssociate},
    {"formación profesional", EducationLevel::kAssociate},
    {"ciclo formativo", EducationLevel::kAssociate},
    {"grado medio", EducationLevel::kAssociate},
    {"grado superior", EducationLevel::kAssociate},
    {"fp", EducationLevel::kAssociate, true},
    {"certificate program*", EducationLevel::kAssociate},
    {"paralegal certificate", EducationLevel::kAssociate},
    {"post-secondary certificate", EducationLevel::kAssociate},
    {"postsecondary certificate", EducationLevel::kAssociate},
    {"trade certificate", EducationLevel::kAssociate},
    {"technical certificate", EducationLevel::kAssociate},
    {"trade school", EducationLevel::kAssociate},
    {"vocational", EducationLevel::kAssociate},
    {"apprenticeship", EducationLevel::kAssociate},
    {"mbo", EducationLevel::kAssociate},
    {"high school", EducationLevel::kHighSchool},
    {"ged", EducationLevel::kHighSchool, true},
    {"secondary school", EducationLevel::kHighSchool},
    {"bachillerato", EducationLevel::kHighSchool},
    {"eso", EducationLevel::kHighSchool, true},
    {"abitur", EducationLevel::kHighSchool},
    {"matura", EducationLevel::kHighSchool},
    {"baccalauréat", EducationLevel::kHighSchool},
    {"bac", EducationLevel::kHighSchool, true},
    {"a-levels", EducationLevel::kHighSchool},
    {"hauptschulabschluss", EducationLevel::kHighSchool},
    {"realschulabschluss", EducationLevel::kHighSchool},
    {"mittlere reife", EducationLevel::kHighSchool},
    {"schulabschluss", EducationLevel::kHighSchool},
    {"ensino médio", EducationLevel::kHighSchool},
    {"havo", EducationLevel::kHighSchool},
};
constexpr std::string_view kGenericDegree[] = {"degree",
                                               "college degree",
                                               "university degree",
                                               "degree in",
                                               "degree from",
                                               "graduate of",
                                               "diploma universitario",
                                               "diplôme universitaire",
                                               "universitätsabschluss"};
constexpr std::string_view kNoDegree[] = {"no degree",
                                          "degree not required",
                                          "degree is not required",
                                          "no high school diploma",
                                          "don't need a degree",
                                          "do not need a degree",
                                          "no diploma",
                                          "no formal education",
                                          "no formal qualification*",
                                          "sin titulación",
                                          "ohne abschluss",
                                          "kein abschluss",
                                          "aucun diplôme",
                                          "no education requirement*",
                                          "diploma not required",
                                          "without a degree"};

bool UpperAt(std::string_view text, std::size_t pos, std::size_t n) {
  for (std::size_t i = pos; i < pos + n && i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (std::islower(c)) return false;
  }
  return true;
}

// Title-cased field names after "in"/"of"/"en" that follows a degree word, split on "or" and
// commas, without "or related field".
void CollectFields(std::string_view text, std::string_view lower, std::size_t from,
                   std::size_t clause_end, std::vector<std::string>& fields) {
  std::size_t at = std::string_view::npos;
  for (const std::string_view w : {" in ", " of ", " en ", " im ", " in the "}) {
    const std::size_t p = lower.substr(from, clause_end - from).find(w);
    if (p != std::string_view::npos && p < 40 && p < at) at = p + w.size();
  }
  if (at == std::string_view::npos) return;
  std::size_t b = from + at;
  std::size_t e = b;
  while (e < clause_end && text[e] != ',' && text[e] != ';' && text[e] != '(' && text[e] != ')' &&
         !(text[e] == '.' && (e + 1 >= text.size() || text[e + 1] == ' '))) {
    ++e;
  }
  std::string_view span = lower.substr(b, e - b);
  for (const std::string_view stop :
       {" or related", " or a related", " or equivalent", " or similar", " with ", " and/or ",
        " ou équivalent", " o similar", " oder vergleichbar", " required", " is "}) {
    const std::size_t p = span.find(stop);
    if (p != std::string_view::npos) span = span.substr(0, p);
  }
  std::string_view raw = text.substr(b, span.size());
  while (!raw.empty()) {
    std::size_t cut = raw.size();
    for (const std::string_view sep : {" or ", " / ", "/", " and ", " oder ", " ou ", " o "}) {
      const std::size_t p = raw.find(sep);
      if (p != std::string_view::npos && p < cut) cut = p;
    }
    std::string_view item = Trim(raw.substr(0, cut));
    for (const std::string_view art : {"a ", "an ", "the "}) {
      if (item.substr(0, art.size()) == art) item.remove_prefix(art.size());
    }
    if (!item.empty() && item.size() < 50) {
      std::string f(item);
      bool start = true;
      for (char& c : f) {
        if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
        start = c == ' ';
      }
      if (std::find(fields.begin(), fields.end(), f) == fields.end()) fields.push_back(f);
    }
    if (cut >= raw.size()) break;
    const std::size_t skip = raw.find(' ', cut + 1) == cut + 3 ? cut + 4 : cut + 1;
    raw = raw.substr(std::min(raw.size(), raw[cut] == '/' ? cut + 1 : skip));
    if (raw.substr(0, 3) == "or ") raw.remove_prefix(3);
  }
}

// "6 months of experience, or a completed degree": the degree is one path among others, one of
// which asks for no education.
bool AlternativeToExperience(std::string_view l, std::size_t at) {
  const Span clause = ClauseAround(l, at);
  const std::string_view before = l.substr(clause.begin, at - clause.begin);
  const std::size_t or_at = before.rfind(" or ");
  if (or_at == std::string_view::npos) return false;
  return before.substr(0, or_at).find("experience") != std::string_view::npos;
}

}  // namespace

Education EducationOf(std::string_view text, const CueIndex& body,
                      const std::vector<PostingLine>& lines, bool student_role) {
  const std::string_view lower = body.text();
  Education out;
  std::optional<EducationLevel> lowest;
  // Lines that name a qualification at all, found with the index in one pass per cue.
  std::vector<bool> named(lines.size(), false);
  const auto mark = [&](std::string_view cue) {
    for (std::size_t at = body.Find(cue); at != std::string_view::npos;
         at = body.Find(cue, at + 1)) {
      auto it = std::upper_bound(lines.begin(), lines.end(), at,
                                 [](std::size_t p, const PostingLine& l) { return p < l.begin; });
      if (it != lines.begin()) named[static_cast<std::size_t>(it - lines.begin()) - 1] = true;
    }
  };
  for (const auto& cue : kLevels) mark(cue.text);
  for (const auto cue : kGenericDegree) mark(cue);
  for (std::size_t index = 0; index < lines.size(); ++index) {
    const PostingLine& line = lines[index];
    if (!named[index]) continue;
    if (line.heading || line.part == PartKind::kDuties || line.part == PartKind::kAbout ||
        line.part == PartKind::kBenefits || line.part == PartKind::kPreferred) {
      continue;
    }
    const std::string_view l = lower.substr(line.begin, line.end - line.begin);
    const std::string_view t = text.substr(line.begin, line.end - line.begin);
    std::size_t clause_begin = std::string_view::npos;
    std::optional<EducationLevel> found;
    std::size_t found_at = 0;
    // The longest cue at a position wins ("baccalauréat en sciences" is a Québec bachelor's,
    // "baccalauréat" alone a school leaving certificate).
    struct Hit {
      std::size_t at;
      std::size_t len;
      EducationLevel level;
    };
    std::vector<Hit> hits;
    // Every level cue's every position, in one pass over the line, in the order of the cues.
    static const CueSet kLevelCues = [] {
      std::vector<std::string_view> texts;
      for (const auto& cue : kLevels) texts.push_back(cue.text);
      return CueSet(texts);
    }();
    thread_local std::vector<std::pair<std::size_t, std::size_t>> level_matches;
    kLevelCues.AllMatches(l, level_matches);
    for (const auto& [cue_index, at] : level_matches) {
      const LevelCue& cue = kLevels[cue_index];
      if (cue.acronym && !UpperAt(t, at, cue.text.size())) continue;
      const std::size_t end = at + cue.text.size();
      if (end < l.size() && (l[end] == '&' || l[end] == '-')) continue;  // "FP&A"
      if (cue.text == "master" && at >= 6 && l.substr(at - 6, 6) == "scrum ") continue;
      if (NeedAt(l, at, end) == Need::kPreferred || AlternativeToExperience(l, at)) continue;
      hits.push_back({at, cue.text.size(), cue.level});
    }
    for (const auto& h : hits) {
      const bool shadowed = std::any_of(hits.begin(), hits.end(), [&](const Hit& o) {
        return o.at <= h.at && o.at + o.len >= h.at + h.len && o.len > h.len;
      });
      if (shadowed) continue;
      if (!found || h.level < *found) {
        found = h.level;
        found_at = h.at;
      }
    }
    if (!found) {
      for (const auto cue : kGenericDegree) {
        const std::size_t at = FindCue(l, cue);
        if (at == std::string_view::npos || NeedAt(l, at, at + cue.size()) == Need::kPreferred ||
            AlternativeToExperience(l, at)) {
          continue;
        }
        // "degree" in "associate degree" / "a degree of autonomy" aside: a degree to hold.
        if (HasAnyCue(l, {"degree of", "degrees", "360 degree", "degree celsius"})) continue;
        found = EducationLevel::kBachelor;
        found_at = at;
        break;
      }
    }
    if (!found) continue;
    clause_begin = found_at;
    const Span clause = ClauseAround(l, found_at);
    CollectFields(t, l, clause_begin, clause.end, out.fields);
    if (!lowest || *found < *lowest) lowest = found;
  }
  if (student_role) return out;
  if (HasAnyCue(body, kNoDegree)) {
    out.level = EducationLevel::kNone;
    return out;
  }
  out.level = lowest;
  return out;
}

}  // namespace jc::parsing::job
