// Claims: the facts a sentence of generated text states, found without a model. The
// truthfulness check (truthfulness.hpp) verifies each against the candidate's profile.
//
// What is a claim (kind: how it is found):
// - skill: a taxonomy skill the SkillMatcher finds, not negated;
// - number: digits, percentages, money ("€2M", "$1.5 million"), counts, and the number words
//   two..twenty, thirty..ninety, hundred, dozen in English and German (claim_numbers.hpp);
// - date: a year 1950..2100 standing alone, with its month when one is written next to it;
// - employer / institution: a run of capitalised words after a cue (at, with, for, joined, from,
//   bei), before a company suffix (GmbH, AG, Inc., Ltd, SAS, S.p.A., AS, Lda., plc...) or around
//   a school word (University, Universität, Hochschule, École...);
// - title: the words after "as (a)", "als", "I am a", "Ich bin", "role of", "position of",
//   "promoted to", when their head noun names a job (engineer, manager, Entwickler...);
// - degree: a degree word or abbreviation (Bachelor, Master's, MBA, PhD, B.Sc., Diplom...).
//
// Who a claim is about (Voice) is decided per clause; see Voice below. Pure functions;
// thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "domain/partial_date.hpp"
#include "nlp/skill_matcher.hpp"

namespace jc::generation {

enum class ClaimKind : std::uint8_t {
  kEmployer,
  kTitle,
  kDegree,
  kInstitution,
  kDate,
  kSkill,
  kNumber,
  kCertification,  // a certification entry of a CV or profile
  kProject,        // a project entry
  kContact,        // the name or a contact item of the header
};
std::string_view ClaimKindName(ClaimKind kind);  // "employer", "title", ...

// What kind of text is checked. kCandidate: CV and profile text, where every sentence is about
// the candidate. kLetter: letter text, where a clause may speak about the posting (Voice).
// kAboutJob: text about the posting only (a letter's subject, recipient, salutation): no skill
// claims, and names, numbers and dates may come from the posting.
enum class TextKind : std::uint8_t { kCandidate, kLetter, kAboutJob };

// Who a clause of letter text speaks about, decided from small closed word lists (EN, DE):
// - kCandidate: a clause with a first-person word (I, me, my, we, our / ich, mich, mir, mein-,
//   wir, uns, unser-): everything it names must be in the profile.
// - kApplication: a first-person clause that applies, aspires or offers to contribute (apply,
//   application, would, will, hope, excited, join, bring, help, contribute / bewerbe,
//   Bewerbung, möchte, würde, freue, beitragen...) or refers to the posting ("the role", "this
//   position", "die Stelle"), and has no past employment verb (worked, joined, served,
//   employed, spent, held / arbeitete, gearbeitet, angestellt, beschäftigt) nor, unless it
//   applies or aspires, a present one (work, working / arbeite, tätig). It may also name the
//   job's company and title (and the skills in that title); other skills, numbers, dates and
//   degrees still need the profile. "I worked at Helios" and "I work at Helios" stay
//   kCandidate; "I would love to work at Helios" applies.
// - kJob: a clause without a first-person word that addresses the reader (you, your / Sie,
//   Ihr-, Ihnen, or opens with a salutation: Dear, Sehr geehrte) or refers to the posting: may
//   restate anything the posting says.
// A clause with none of these takes the voice of the nearest such clause of its sentence (the
// previous one first); alone it is kCandidate. Clauses end at , ; : ( ) – — and at but,
// while, whereas, aber, während.
enum class Voice : std::uint8_t { kCandidate, kApplication, kJob };

enum class DegreeLevel : std::uint8_t { kNone, kHighSchool, kAssociate, kBachelor, kMaster, kPhd };

enum class NumberUnit : std::uint8_t { kCount, kPercent, kMoney };

// How a "N years" figure is qualified: "12 years", "over 10 years" / "10+ years", "nearly 13".
enum class YearsBound : std::uint8_t { kExact, kAtLeast, kAbout };

struct NumberValue {
  double value = 0;
  double alt = 0;  // a second reading of "1.200" / "1,200" (thousands or decimals)
  bool has_alt = false;
  NumberUnit unit = NumberUnit::kCount;
  std::string currency;  // "EUR", "USD", "GBP", "CHF", "JPY" for money when written; else ""
  bool years = false;    // followed by years / Jahre: a duration
  YearsBound bound = YearsBound::kExact;
};

struct Claim {
  ClaimKind kind = ClaimKind::kSkill;
  Voice voice = Voice::kCandidate;
  std::size_t begin = 0;  // byte span in the sentence
  std::size_t end = 0;
  std::string text;                        // as written: "Google", "45%", "Rust"
  nlp::SkillId skill = 0;                  // kSkill
  NumberValue number;                      // kNumber
  domain::PartialDate date;                // kDate; month 0 when only the year is written
  DegreeLevel level = DegreeLevel::kNone;  // kDegree
  char degree_type = 0;                    // kDegree: 's' M.Sc., 'b' MBA... (claim_words.hpp)
};

// A sentence of `text` as a byte span [begin, end), trailing spaces excluded. Ends at . ! ? …
// followed by a space and not after an abbreviation ("B.Sc.", "e.g.", "Inc.", "z.B.").
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};
std::vector<Span> SplitSentences(std::string_view text);

// Every claim of one sentence, in no particular order. kCandidate text gives only
// Voice::kCandidate claims.
std::vector<Claim> ExtractClaims(std::string_view sentence, TextKind kind,
                                 const nlp::SkillMatcher& matcher);

// The highest degree level `text` names ("M.Sc. Computer Science" -> kMaster), kNone if none.
DegreeLevel DegreeLevelOf(std::string_view text);

// Whether a job-title head noun ends `title` ("Senior Backend Engineer", "Entwicklerin").
bool LooksLikeTitle(std::string_view title);

}  // namespace jc::generation
