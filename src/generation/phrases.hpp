// Phrases: the sentence frames the local engine writes around the profile's facts, per language
// (English, German) and tone. A frame holds placeholders ({title}, {company}, {years}, {skills},
// {bullet}...) that are filled only with values taken from the profile or the posting; the
// frames themselves state nothing about the candidate.
//
// Constant tables and pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "generation/labels.hpp"

namespace jc::generation {

enum class LetterTone : std::uint8_t { kProfessional, kEnthusiastic, kConcise };

// Frames per language and tone; the comments show the English professional ones.
struct LetterFrames {
  std::string_view salutation;            // "Dear Hiring Manager,"
  std::string_view subject;               // "Application for {role}"
  std::string_view any_subject;           // when the posting names no role: "Application"
  std::string_view role_phrase;           // "the {role} position"
  std::string_view any_role_phrase;       // "the advertised position"
  std::string_view any_company;           // "your company"
  std::string_view hiring_team;           // the first recipient line
  std::string_view opening;               // "I am writing to apply for {role_phrase} at {company}."
  std::string_view intro_years;           // "I am {article} {title} with {years} years of ..."
  std::string_view intro;                 // "I am {article} {title}."
  std::string_view latest;                // "Most recently, I have worked at {company}."
  std::string_view before;                // "Before that, I worked {roles}."
  std::string_view role_at;               // "as {title} at {company}": an item of {roles}
  std::string_view asks;                  // "Your posting asks for {skills}."
  std::string_view evidence_verb;         // "As {title} at {company}, I {bullet}"
  std::string_view evidence_plain;        // "One result from my time at {company}: {bullet}"
  std::string_view evidence_again;        // the employer named already: "There, I also {bullet}"
  std::string_view evidence_again_plain;  // "Also at {company}: {bullet}"
  std::string_view evidence_named;        // named earlier: "At {company}, I also {bullet}"
  std::string_view current_role;          // "In my current role at {company}: {description}"
  std::string_view more_skills;           // "My skills also include {skills}, which ..."
  std::string_view soft_skills;           // "Beyond technical work, I bring {skills} to a team."
  std::string_view degree;                // "I hold {article} {degree} from {institution}."
  std::string_view certification;         // "I also hold the following certification: {name}."
  std::string_view languages;             // "I speak {languages}."
  std::string_view based_in;              // "I am based in {location}."
  std::string_view motivation;            // "I am confident ... contribute to {company} ..."
  std::string_view closing_paragraph;     // "I would welcome the opportunity ... {company} ..."
  std::string_view closing;               // "Kind regards,"
  std::string_view conjunction;           // "and" in "A, B and C"
};

const LetterFrames& FramesFor(const Labels& labels, LetterTone tone);

// Replaces each {name} in `frame` by its value; unknown placeholders stay as written.
std::string Fill(std::string_view frame,
                 const std::vector<std::pair<std::string_view, std::string>>& values);

// "A", "A and B", "A, B and C" with the language's conjunction.
std::string JoinList(const std::vector<std::string>& items, std::string_view conjunction);

// The English indefinite article for a noun phrase, by its sound as far as letters tell:
// "an" before a vowel and before an initialism read with a vowel sound ("an M.Sc.", "an MBA").
std::string_view IndefiniteArticle(std::string_view phrase);

// A summary from facts: "Senior Nurse with 7 years of experience. Skilled in A, B and C."
// years <= 0 leaves the years out; no skills leaves the second sentence out.
std::string ComposeSummary(const Labels& labels, std::string_view title, int years,
                           const std::vector<std::string>& skills);

}  // namespace jc::generation
