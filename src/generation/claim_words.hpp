// The word-level scanners behind ExtractClaims (claims.hpp): tokens, clause voices,
// organisation names, job titles and degrees. Internal to the truthfulness check; exposed in a
// header so that each scanner stays small and testable through ExtractClaims.
//
// Pure functions; thread-safe.
#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "generation/claims.hpp"
#include "nlp/skill_matcher.hpp"

namespace jc::generation::words {

// A word: letters and digits, with inner periods kept ("B.Sc", "S.p.A", "node.js").
struct Tok {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string_view raw;
  std::string folded;   // Fold(raw)
  std::string compact;  // raw without periods: "BSc", "SpA"
  bool upper = false;   // starts with an upper-case letter
  bool digit = false;   // starts with a digit
  // Computed once per token: the organisation scanner asks for them many times.
  bool suffix = false;  // a company suffix: GmbH, AG, Inc, SpA...
  bool school = false;  // a school word: University, Hochschule, TU...
  bool name = false;    // may be part of a name: capitalised (not a month or a pronoun) or suffix
};
std::vector<Tok> Tokenize(std::string_view text);

// The voice of each clause of a sentence, by byte position.
struct Voices {
  std::vector<std::size_t> ends;  // clause i covers [ends[i-1], ends[i])
  std::vector<Voice> voice;
  Voice At(std::size_t pos) const;
};
Voices ClauseVoices(std::string_view sentence, const std::vector<Tok>& toks, TextKind kind);

struct NameSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool school = false;
};
// Employers and institutions (claims.hpp lists the cues).
std::vector<NameSpan> FindOrganisations(std::string_view sentence, const std::vector<Tok>& toks,
                                        const std::vector<nlp::SkillMatch>& skills,
                                        const nlp::SkillMatcher& matcher);
// Job titles after their cues.
std::vector<NameSpan> FindTitles(std::string_view sentence, const std::vector<Tok>& toks);
// The end of the job title that starts toks[begin, end): through its last job noun and an "of"
// phrase after it ("Head of Engineering"); `begin` when there is no job noun. `german_cue` also
// accepts German agent nouns by their ending (Entwickler, Beraterin, Ingenieur, Fachkraft).
std::size_t TitleEnd(const std::vector<Tok>& toks, std::size_t begin, std::size_t end,
                     bool german_cue);
// Small helpers shared by the scanners.
template <std::size_t N>
bool In(const std::string_view (&list)[N], std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}
// The text between toks[k - 1] (or the start) and toks[k].
std::string_view GapBefore(std::string_view s, const std::vector<Tok>& toks, std::size_t k);
// Whether a gap holds more than spaces, '-', '&' and '/'.
bool IsPunctGap(std::string_view gap);
bool InsideSkill(const std::vector<nlp::SkillMatch>& skills, std::size_t begin, std::size_t end);
// Pronouns, articles and first-person words (folded): never the start of a name or title.
bool IsPersonWord(std::string_view folded);

// Months, weekdays and seasons in English and German (folded).
bool IsCalendarWord(std::string_view folded);

struct Degree {
  std::size_t begin = 0;
  std::size_t end = 0;
  DegreeLevel level = DegreeLevel::kNone;
  char type = 0;  // 's' science, 'a' arts, 'e' engineering, 'b' business, 'l' law; 0 generic
};
// Degree words not inside a skill match ("Scrum Master" is a role, not a degree).
std::vector<Degree> FindDegrees(const std::vector<Tok>& toks,
                                const std::vector<nlp::SkillMatch>& skills);

}  // namespace jc::generation::words
