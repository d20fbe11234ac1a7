#include "analysis/levels.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>
#include <vector>

namespace jc::analysis {
namespace {

using domain::EducationLevel;
using domain::Seniority;

// Lower-cased ASCII words; dots vanish ("Ph.D." -> "phd", "B.Sc." -> "bsc") and every other
// non-alphanumeric ASCII byte separates words. Non-ASCII bytes stay inside words.
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (const char raw : text) {
    const auto c = static_cast<unsigned char>(raw);
    if (c == '.') continue;
    if (c >= 0x80 || std::isalnum(c) != 0) {
      word += static_cast<char>(std::tolower(c));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// " w1 w2 ... " so that phrases match on word boundaries with find(" phrase ").
std::string Joined(const std::vector<std::string>& words) {
  std::string out = " ";
  for (const auto& w : words) out += w + " ";
  return out;
}

// Whether " phrase " occurs in `joined`, without building that string: this runs for every
// phrase of a table against every title and degree of a profile.
bool Has(std::string_view joined, std::string_view phrase) {
  for (std::size_t at = joined.find(phrase, 1); at != std::string_view::npos;
       at = joined.find(phrase, at + 1)) {
    if (joined[at - 1] == ' ' && at + phrase.size() < joined.size() &&
        joined[at + phrase.size()] == ' ') {
      return true;
    }
  }
  return false;
}

template <typename T, std::size_t N>
std::optional<T> Highest(const std::string& joined,
                         const std::array<std::pair<std::string_view, T>, N>& table) {
  std::optional<T> best;
  for (const auto& [phrase, level] : table) {
    if (Has(joined, phrase) && (!best || *best < level)) best = level;
  }
  return best;
}

constexpr std::array<std::pair<std::string_view, EducationLevel>, 56> kDegrees = {{
    {"phd", EducationLevel::kPhd},
    {"dphil", EducationLevel::kPhd},
    {"doctorate", EducationLevel::kPhd},
    {"doctor", EducationLevel::kPhd},
    {"doktor", EducationLevel::kPhd},
    {"doctorat", EducationLevel::kPhd},
    {"doctorado", EducationLevel::kPhd},
    {"dottorato", EducationLevel::kPhd},
    {"dr", EducationLevel::kPhd},
    {"promotion", EducationLevel::kPhd},
    {"master", EducationLevel::kMaster},
    {"masters", EducationLevel::kMaster},
    {"msc", EducationLevel::kMaster},
    {"ms", EducationLevel::kMaster},
    {"ma", EducationLevel::kMaster},
    {"mba", EducationLevel::kMaster},
    {"meng", EducationLevel::kMaster},
    {"mphil", EducationLevel::kMaster},
    {"mres", EducationLevel::kMaster},
    {"llm", EducationLevel::kMaster},
    {"mfa", EducationLevel::kMaster},
    {"diplom", EducationLevel::kMaster},
    {"dipl", EducationLevel::kMaster},
    {"magister", EducationLevel::kMaster},
    {"máster", EducationLevel::kMaster},
    {"mastère", EducationLevel::kMaster},
    {"magistrale", EducationLevel::kMaster},
    {"maestría", EducationLevel::kMaster},
    {"bachelor", EducationLevel::kBachelor},
    {"bachelors", EducationLevel::kBachelor},
    {"bsc", EducationLevel::kBachelor},
    {"bs", EducationLevel::kBachelor},
    {"ba", EducationLevel::kBachelor},
    {"beng", EducationLevel::kBachelor},
    {"btech", EducationLevel::kBachelor},
    {"bba", EducationLevel::kBachelor},
    {"llb", EducationLevel::kBachelor},
    {"bfa", EducationLevel::kBachelor},
    {"licence", EducationLevel::kBachelor},
    {"licenciatura", EducationLevel::kBachelor},
    {"laurea", EducationLevel::kBachelor},
    {"grado", EducationLevel::kBachelor},
    {"associate", EducationLevel::kAssociate},
    {"aas", EducationLevel::kAssociate},
    {"hnd", EducationLevel::kAssociate},
    {"bts", EducationLevel::kAssociate},
    {"dut", EducationLevel::kAssociate},
    {"high school", EducationLevel::kHighSchool},
    {"abitur", EducationLevel::kHighSchool},
    {"a levels", EducationLevel::kHighSchool},
    {"gcse", EducationLevel::kHighSchool},
    {"matura", EducationLevel::kHighSchool},
    {"baccalauréat", EducationLevel::kHighSchool},
    {"bachillerato", EducationLevel::kHighSchool},
    {"ged", EducationLevel::kHighSchool},
    {"secondary school", EducationLevel::kHighSchool},
}};

constexpr std::array<std::pair<std::string_view, Seniority>, 30> kTitles = {{
    {"intern", Seniority::kIntern},
    {"internship", Seniority::kIntern},
    {"trainee", Seniority::kIntern},
    {"apprentice", Seniority::kIntern},
    {"praktikant", Seniority::kIntern},
    {"werkstudent", Seniority::kIntern},
    {"stagiaire", Seniority::kIntern},
    {"becario", Seniority::kIntern},
    {"junior", Seniority::kJunior},
    {"jr", Seniority::kJunior},
    {"graduate", Seniority::kJunior},
    {"entry level", Seniority::kJunior},
    {"senior", Seniority::kSenior},
    {"sr", Seniority::kSenior},
    {"lead", Seniority::kLead},
    {"staff", Seniority::kLead},
    {"head", Seniority::kLead},
    {"team lead", Seniority::kLead},
    {"leiter", Seniority::kLead},
    {"leiterin", Seniority::kLead},
    {"principal", Seniority::kPrincipal},
    {"distinguished", Seniority::kPrincipal},
    {"director", Seniority::kPrincipal},
    {"vp", Seniority::kPrincipal},
    {"vice president", Seniority::kPrincipal},
    {"chief", Seniority::kPrincipal},
    {"cto", Seniority::kPrincipal},
    {"ceo", Seniority::kPrincipal},
    {"cfo", Seniority::kPrincipal},
    {"fellow", Seniority::kPrincipal},
}};

// Checked in order, first match wins: longer phrases before the words inside them.
constexpr std::array<std::pair<std::string_view, int>, 48> kProficiency = {{
    {"native", 7},
    {"mother tongue", 7},
    {"muttersprache", 7},
    {"muttersprachlich", 7},
    {"langue maternelle", 7},
    {"maternelle", 7},
    {"nativo", 7},
    {"nativa", 7},
    {"lengua materna", 7},
    {"madrelingua", 7},
    {"bilingual", 7},
    {"bilingue", 7},
    {"bilingüe", 7},
    {"zweisprachig", 7},
    {"near native", 6},
    {"full professional", 6},
    {"proficient", 6},
    {"verhandlungssicher", 5},
    {"business fluent", 5},
    {"fluent", 5},
    {"fließend", 5},
    {"courant", 5},
    {"fluide", 5},
    {"fluido", 5},
    {"advanced", 5},
    {"fortgeschritten", 5},
    {"avancé", 5},
    {"avanzado", 5},
    {"very good", 5},
    {"sehr gut", 5},
    {"sehr gute", 5},
    {"upper intermediate", 4},
    {"professional working", 4},
    {"limited working", 2},
    {"working", 4},
    {"good", 4},
    {"gut", 4},
    {"gute", 4},
    {"conversational", 3},
    {"intermediate", 3},
    {"intermédiaire", 3},
    {"intermedio", 3},
    {"basic", 2},
    {"elementary", 2},
    {"grundkenntnisse", 2},
    {"beginner", 1},
    {"débutant", 1},
    {"básico", 2},
}};

std::optional<int> Cefr(std::string_view word) {
  if (word.size() != 2) return std::nullopt;
  const int letter = word[0] == 'a' ? 0 : word[0] == 'b' ? 2 : word[0] == 'c' ? 4 : -1;
  if (letter < 0 || (word[1] != '1' && word[1] != '2')) return std::nullopt;
  return letter + (word[1] - '0');
}

// Words that only state a level in a requirement ("German (C1 level)", "fluent English").
constexpr std::array<std::string_view, 16> kLevelNoise = {
    "level", "proficiency", "skills", "business", "working", "professional", "written", "spoken",
    "and",   "in",          "full",   "language", "min",     "minimum",      "at",      "least"};

}  // namespace

std::optional<EducationLevel> DegreeLevel(std::string_view degree) {
  return Highest(Joined(Words(degree)), kDegrees);
}

std::optional<Seniority> TitleSeniority(std::string_view title) {
  return Highest(Joined(Words(title)), kTitles);
}

Seniority YearsSeniority(double years) {
  if (years < 2) return Seniority::kJunior;
  if (years < 5) return Seniority::kMid;
  return Seniority::kSenior;
}

std::optional<int> LanguageLevel(std::string_view proficiency) {
  const auto words = Words(proficiency);
  std::optional<int> cefr;
  for (const auto& w : words) {
    if (const auto level = Cefr(w); level && (!cefr || *cefr < *level)) cefr = level;
  }
  if (cefr) return cefr;
  const std::string joined = Joined(words);
  for (const auto& [phrase, level] : kProficiency) {
    if (Has(joined, phrase)) return level;
  }
  return std::nullopt;
}

LanguageNeed ParseLanguageNeed(std::string_view requirement) {
  LanguageNeed need;
  need.level = LanguageLevel(requirement);
  if (!need.level) {
    need.language = std::string(requirement);
    return need;
  }
  // Keep the words that are neither a level nor level noise, in their original spelling.
  std::string word;
  std::string lower;
  auto flush = [&] {
    if (word.empty()) return;
    const bool noise =
        Cefr(lower) || LanguageLevel(word) ||
        std::find(kLevelNoise.begin(), kLevelNoise.end(), lower) != kLevelNoise.end();
    if (!noise) need.language += (need.language.empty() ? "" : " ") + word;
    word.clear();
    lower.clear();
  };
  for (const char raw : requirement) {
    const auto c = static_cast<unsigned char>(raw);
    if (c >= 0x80 || std::isalnum(c) != 0) {
      word += raw;
      lower += static_cast<char>(std::tolower(c));
    } else {
      flush();
    }
  }
  flush();
  return need;
}

std::string_view SeniorityName(Seniority level) {
  switch (level) {
    case Seniority::kIntern:
      return "intern";
    case Seniority::kJunior:
      return "junior";
    case Seniority::kMid:
      return "mid";
    case Seniority::kSenior:
      return "senior";
    case Seniority::kLead:
      return "lead";
    case Seniority::kPrincipal:
      return "principal";
  }
  return "mid";
}

std::string_view EducationName(EducationLevel level) {
  switch (level) {
    case EducationLevel::kNone:
      return "no formal degree";
    case EducationLevel::kHighSchool:
      return "a high-school diploma";
    case EducationLevel::kAssociate:
      return "an associate degree";
    case EducationLevel::kBachelor:
      return "a bachelor's degree";
    case EducationLevel::kMaster:
      return "a master's degree";
    case EducationLevel::kPhd:
      return "a PhD";
  }
  return "a degree";
}

std::string LanguageLevelName(int level) {
  if (level >= kNativeLevel) return "native";
  if (level < 1) return "unknown";
  const char letter = level <= 2 ? 'A' : level <= 4 ? 'B' : 'C';
  return std::string{letter, static_cast<char>('0' + (level % 2 == 1 ? 1 : 2))};
}

}  // namespace jc::analysis
