// The truthfulness check that runs on every generated document, whoever wrote it (our local
// templates or an LLM): every employer, job title, degree, institution, date, skill and number a
// CV, a cover letter or a tailored profile states about the candidate must be traceable to the
// candidate's original profile. What is not is removed (the sentence, the item or the entry) and
// reported.
//
// The claims and who they are about are defined in claims.hpp; what supports each in
// fact_base.hpp. In short: CV and profile text is always about the candidate; in a letter a
// first-person clause is about the candidate and a clause addressed to the reader or naming the
// posting ("You are looking for Kubernetes", "the role") may restate the posting. Applying ("I am
// applying for the Staff Engineer role at Helios") may name the job's title and company, but
// "I worked at Helios" is a candidate claim like any other.
//
// Functions edit their argument in place and add to the report; they never fail. Thread-safe
// for distinct arguments (the FactBase is shared read-only).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/profile.hpp"
#include "generation/claims.hpp"
#include "generation/document.hpp"
#include "generation/fact_base.hpp"

namespace jc::generation {

struct Violation {
  ClaimKind kind = ClaimKind::kSkill;
  std::string claim;     // the unsupported claim as written: "Google", "2015", "Rust", "45%"
  std::string location;  // "coverLetter/paragraphs/2", "cv/experience/0/bullets/1",
                         // "profile/summary"
  std::string text;      // the sentence, item or entry that was removed
};

struct TruthReport {
  int claims_checked = 0;             // claims found and verified (supported + unsupported)
  std::vector<Violation> violations;  // every unsupported claim
  int removed = 0;                    // sentences, items and entries removed because of them
};

// `text` without every sentence that holds an unsupported claim; the others keep their words
// and spacing. Each removed sentence counts once in report.removed, each unsupported claim is a
// violation. kCandidate for CV and profile text, kLetter for letter paragraphs.
std::string CheckText(std::string_view text, std::string_view location, const FactBase& facts,
                      TruthReport& report, TextKind kind = TextKind::kCandidate);

// Checks every string of a generated Document in place. A CV's sections are read by id
// (document.hpp): "experience" and "education" entries must match a role or a programme of the
// profile (title, employer, degree, institution, dates) or are removed whole; skills and
// language items must be shown by the profile; the header's name and contact items must be the
// profile's. Letters: paragraphs are kLetter text; recipient, subject, salutation and closing
// may name the job; the signature must be the candidate's name. Items left empty are dropped.
void CheckDocument(Document& doc, const FactBase& facts, TruthReport& report);

// Checks a tailored profile against the original in place: every role, education entry,
// certification, project, language and skill must exist in the original (same employer, title
// and dates; same institution, degree and dates...), highlights and descriptions must be
// original text or pass CheckText, and the headline and summary pass CheckText. Contact fields
// must be the original's. What fails is removed.
void CheckProfile(domain::Profile& tailored, const FactBase& facts, TruthReport& report);

}  // namespace jc::generation
