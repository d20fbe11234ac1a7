// Levels read from a profile's free text: the education level of a degree as written, the
// seniority a job title signals, the CEFR level of a spoken-language proficiency, and the level
// a language requirement asks for ("German (C1)", "fluent English"). Multilingual where CVs are
// (English, German, French, Spanish, Italian). Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/job.hpp"

namespace jc::analysis {

// "M.Sc.", "Master of Science", "Diplom-Ingenieur", "PhD", "Abitur"... nullopt when the text
// names no level we know (the highest named wins: "Bachelor and Master" is a master).
std::optional<domain::EducationLevel> DegreeLevel(std::string_view degree);

// The level a title states: "Senior Engineer" -> senior, "Werkstudent" -> intern, "Head of
// Data" -> lead, "VP Engineering" -> principal. nullopt when the title states none ("Engineer").
std::optional<domain::Seniority> TitleSeniority(std::string_view title);

// The level years alone support: under 2 junior, under 5 mid, else senior (lead and principal
// need a title that says so).
domain::Seniority YearsSeniority(double years);

// Spoken-language levels: 1..6 for A1..C2, 7 for native or bilingual.
inline constexpr int kNativeLevel = 7;
inline constexpr int kDefaultNeededLevel = 4;  // B2: what a bare "German" in a posting asks

// A proficiency as written ("C1", "Muttersprache", "fluent", "B2/C1", "basic") -> 1..7;
// nullopt when it says nothing we know.
std::optional<int> LanguageLevel(std::string_view proficiency);

// A language requirement split into the language and the level it asks: "German (C1)" ->
// {"German", 5}; "Fluent English" -> {"English", 5}; "French" -> {"French", nullopt}.
struct LanguageNeed {
  std::string language;
  std::optional<int> level;
};
LanguageNeed ParseLanguageNeed(std::string_view requirement);

std::string_view SeniorityName(domain::Seniority level);       // "senior"
std::string_view EducationName(domain::EducationLevel level);  // "a master's degree"
std::string LanguageLevelName(int level);                      // "C1", "native"

}  // namespace jc::analysis
