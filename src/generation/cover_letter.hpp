// WriteCoverLetter: a cover letter for one job, written by the local engine from the job's top
// requirements paired with evidence from the profile: the bullets that show them, with their
// employers and titles, and the profile's own numbers. It names the role and the company, and
// says nothing about the candidate that the profile does not (the frames are in phrases.hpp).
// Aims at 250-400 words (professional, enthusiastic) or about 150-250 (concise); a thin profile
// gives a shorter letter rather than filler.
//
// Pure function of its arguments; thread-safe.
#pragma once

#include <string>

#include "domain/fit.hpp"
#include "domain/job.hpp"
#include "domain/profile.hpp"
#include "generation/document.hpp"
#include "generation/labels.hpp"
#include "generation/phrases.hpp"

namespace jc::generation {

struct LetterDate {
  int year = 2026;
  int month = 1;
  int day = 1;
};

struct CoverLetter {
  Document document;  // DocumentKind::kCoverLetter
  std::string text;   // plain text: salutation, paragraphs, closing, signature
  int words = 0;      // in the paragraphs
};

// `fit` must have been scored on `profile` (its evidence pointers index into it).
CoverLetter WriteCoverLetter(const domain::Profile& profile, const domain::Job& job,
                             const domain::Requirements& requirements, const domain::Fit& fit,
                             LetterTone tone, const Labels& labels, LetterDate date);

// The plain text of a letter Document (what CoverLetter::text holds), also used after the
// truthfulness check has edited the document.
std::string LetterText(const Document& letter);

// Words in a text: runs of letters or digits.
int CountWords(std::string_view text);

}  // namespace jc::generation
