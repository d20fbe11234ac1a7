// Job titles and degrees: the scanners of claim_words.hpp that read roles and qualifications.
#include <algorithm>
#include <iterator>

#include "generation/claim_words.hpp"

namespace jc::generation::words {
namespace {

constexpr std::string_view kTitleStops[] = {
    "at",    "for",     "with",  "in",    "on",     "from",   "to",    "and",  "or",
    "where", "who",     "which", "since", "during", "within", "until", "bei",  "fur",
    "mit",   "im",      "von",   "und",   "oder",   "seit",   "an",    "am",   "zu",
    "wo",    "wahrend", "bis",   "i",     "ich",    "the",    "my",    "your", "that"};
constexpr std::string_view kAsBlockers[] = {"such",  "well",     "so",   "same", "as",
                                            "known", "regarded", "seen", "just", "soon"};
constexpr std::string_view kAlsBlockers[] = {"mehr",    "weniger",   "besser", "anders", "sowohl",
                                             "eher",    "lieber",    "fruher", "spater", "grosser",
                                             "kleiner", "schneller", "langer", "starker"};
constexpr std::string_view kTitleArticles[] = {"a",     "an",  "the", "ein", "eine", "einer",
                                               "einen", "der", "die", "das", "dem",  "den"};
constexpr std::string_view kHeadSplitters[] = {"of", "von", "fur", "for"};
constexpr std::string_view kRoleNouns[] = {"engineer",
                                           "developer",
                                           "programmer",
                                           "manager",
                                           "director",
                                           "lead",
                                           "leader",
                                           "head",
                                           "architect",
                                           "consultant",
                                           "analyst",
                                           "scientist",
                                           "researcher",
                                           "designer",
                                           "administrator",
                                           "admin",
                                           "specialist",
                                           "officer",
                                           "intern",
                                           "trainee",
                                           "apprentice",
                                           "student",
                                           "assistant",
                                           "associate",
                                           "coordinator",
                                           "technician",
                                           "tester",
                                           "owner",
                                           "master",
                                           "accountant",
                                           "nurse",
                                           "teacher",
                                           "lecturer",
                                           "professor",
                                           "editor",
                                           "writer",
                                           "advisor",
                                           "adviser",
                                           "supervisor",
                                           "executive",
                                           "president",
                                           "founder",
                                           "cofounder",
                                           "partner",
                                           "fellow",
                                           "contractor",
                                           "freelancer",
                                           "representative",
                                           "agent",
                                           "clerk",
                                           "operator",
                                           "mechanic",
                                           "electrician",
                                           "chef",
                                           "cook",
                                           "driver",
                                           "strategist",
                                           "marketer",
                                           "recruiter",
                                           "planner",
                                           "auditor",
                                           "controller",
                                           "cto",
                                           "ceo",
                                           "cfo",
                                           "coo",
                                           "cio",
                                           "vp",
                                           "sre",
                                           "physician",
                                           "doctor",
                                           "lawyer",
                                           "attorney",
                                           "paralegal",
                                           "pharmacist",
                                           "therapist",
                                           "instructor",
                                           "trainer",
                                           "tutor",
                                           "coach",
                                           "maintainer",
                                           "evangelist",
                                           "advocate",
                                           "expert",
                                           "experte",
                                           "expertin",
                                           "praktikant",
                                           "praktikantin",
                                           "werkstudent",
                                           "werkstudentin",
                                           "azubi",
                                           "leiter",
                                           "leiterin",
                                           "entwickler",
                                           "entwicklerin",
                                           "ingenieur",
                                           "ingenieurin",
                                           "berater",
                                           "beraterin",
                                           "fachkraft",
                                           "referent",
                                           "referentin",
                                           "kaufmann",
                                           "kauffrau",
                                           "geschaftsfuhrer",
                                           "geschaftsfuhrerin",
                                           "mitarbeiter",
                                           "mitarbeiterin"};
constexpr std::string_view kGermanAgentEndings[] = {"er",    "erin", "eur",   "eurin", "ent",
                                                    "entin", "ant",  "antin", "ist",   "istin",
                                                    "or",    "orin", "kraft", "mann",  "frau"};

}  // namespace

std::size_t TitleEnd(const std::vector<Tok>& toks, std::size_t begin, std::size_t end,
                     bool german_cue) {
  auto is_noun = [&](const Tok& t) {
    const std::string& f = t.folded;
    if (In(kRoleNouns, f)) return true;
    if (f.size() > 3 && f.ends_with("s") &&
        In(kRoleNouns, std::string_view(f).substr(0, f.size() - 1))) {
      return true;
    }
    if (!german_cue || !t.upper || f.size() < 5) return false;
    return std::any_of(std::begin(kGermanAgentEndings), std::end(kGermanAgentEndings),
                       [&](std::string_view e) { return f.ends_with(e); });
  };
  std::size_t last = begin;
  for (std::size_t j = begin; j < end; ++j) {
    if (is_noun(toks[j])) last = j + 1;
  }
  if (last == begin) return begin;
  // "Head of Engineering", "Leiter für Vertrieb".
  if (last + 1 < end && In(kHeadSplitters, toks[last].folded) && toks[last + 1].upper) {
    last += 2;
    while (last < end && toks[last].upper) ++last;
  }
  return last;
}

std::vector<NameSpan> FindTitles(std::string_view sentence, const std::vector<Tok>& toks) {
  std::vector<NameSpan> out;
  for (std::size_t k = 0; k < toks.size(); ++k) {
    const Tok& t = toks[k];
    const std::string_view f = t.folded;
    const std::string_view prev = k > 0 ? std::string_view(toks[k - 1].folded) : "";
    bool cue = false;
    bool german = false;
    if (f == "as" && (!t.upper || k == 0) && !In(kAsBlockers, prev)) cue = true;
    if (f == "als" && !In(kAlsBlockers, prev)) cue = german = true;
    if ((f == "of" && (prev == "role" || prev == "position")) ||
        (f == "to" && prev == "promoted")) {
      cue = true;
    }
    if (f == "am" && prev == "i" && k + 1 < toks.size() &&
        (toks[k + 1].folded == "a" || toks[k + 1].folded == "an")) {
      cue = true;
    }
    if (f == "bin" && prev == "ich") cue = german = true;
    if (!cue || k + 1 >= toks.size()) continue;
    std::size_t start = k + 1;
    while (start < toks.size() && In(kTitleArticles, toks[start].folded) && !toks[start].upper) {
      ++start;
    }
    if (start >= toks.size() || IsPunctGap(GapBefore(sentence, toks, start))) continue;
    if (IsPersonWord(toks[start].folded)) continue;
    std::size_t end = start;
    while (end < toks.size() && end < start + 7) {
      if (end > start && IsPunctGap(GapBefore(sentence, toks, end))) break;
      if (In(kTitleStops, toks[end].folded) && !toks[end].upper) break;
      ++end;
    }
    if (const std::size_t title_end = TitleEnd(toks, start, end, german); title_end > start) {
      out.push_back({toks[start].begin, toks[title_end - 1].end, false});
    }
  }
  return out;
}

std::vector<Degree> FindDegrees(const std::vector<Tok>& toks,
                                const std::vector<nlp::SkillMatch>& skills) {
  std::vector<Degree> out;
  for (std::size_t k = 0; k < toks.size(); ++k) {
    const Tok& t = toks[k];
    if (InsideSkill(skills, t.begin, t.end)) continue;
    // string_views: comparisons against literals check the size first.
    const std::string_view f = t.folded;
    const std::string_view c = t.compact;
    const std::string_view next = k + 1 < toks.size() ? std::string_view(toks[k + 1].folded) : "";
    DegreeLevel level = DegreeLevel::kNone;
    if (c == "BA" || c == "BSc" || c == "BEng" || c == "BBA" || c == "LLB" || c == "BCom" ||
        f == "bsc" || f == "b sc" || f == "beng" || f == "bachelor" || f == "bachelors" ||
        (t.upper && f.starts_with("bachelor"))) {
      level = DegreeLevel::kBachelor;
    } else if (c == "MA" || c == "MSc" || c == "MEng" || c == "MBA" || c == "LLM" || c == "MPhil" ||
               c == "MRes" || f == "msc" || f == "m sc" || f == "mba" || f == "meng" ||
               f == "magister" || f == "staatsexamen" || f == "dipl" || f == "diplom" ||
               (f.starts_with("diplom") && !f.starts_with("diploma") &&
                !f.starts_with("diplomat")) ||
               ((f == "master" || f == "masters") &&
                (t.upper || next == "s" || next == "degree" || next == "of")) ||
               (t.upper && f.starts_with("master") && f.size() > 7)) {
      level = DegreeLevel::kMaster;
    } else if (c == "PhD" || c == "DPhil" || f == "phd" || f == "ph d" || f == "doctorate" ||
               f == "doctoral" || f == "promoviert" || f.starts_with("doktor")) {
      level = DegreeLevel::kPhd;
    } else if (f == "abitur" || f == "matura" || (f == "high" && next == "school")) {
      level = DegreeLevel::kHighSchool;
    } else if (f == "associate" && next == "degree") {
      level = DegreeLevel::kAssociate;
    }
    if (level == DegreeLevel::kNone) continue;
    char type = 0;
    const std::string_view lower = f;
    if (c == "BSc" || c == "MSc" || lower == "bsc" || lower == "msc" || lower == "b sc" ||
        lower == "m sc") {
      type = 's';
    } else if (c == "BA" || c == "MA") {
      type = 'a';
    } else if (c == "BEng" || c == "MEng" || lower == "beng" || lower == "meng") {
      type = 'e';
    } else if (c == "MBA" || c == "BBA" || lower == "mba") {
      type = 'b';
    } else if (c == "LLB" || c == "LLM") {
      type = 'l';
    } else if (k + 2 < toks.size() && toks[k + 1].folded == "of") {
      const std::string_view subject = toks[k + 2].folded;
      type = subject == "science"       ? 's'
             : subject == "arts"        ? 'a'
             : subject == "engineering" ? 'e'
             : subject == "business"    ? 'b'
             : subject == "laws"        ? 'l'
                                        : '\0';
    }
    out.push_back({t.begin, t.end, level, type});
  }
  return out;
}

}  // namespace jc::generation::words
