// The CV corpus evaluator behind bench/accuracy/cv_accuracy and the corpus regression test:
// runs the same engine as POST /api/parse-cv on every document of a labelled corpus (a folder
// of documents, each beside its NNN-slug.gold.json) and compares the profile it answers with
// the gold.
//
// Scalar fields (fullName, email, phone, location, headline, summary) and the value lists
// (companies, titles, institutions, degrees, skills...) are scored as multisets per document:
// a found value is a true positive when the gold has an equal value not yet matched, after
// normalisation (case, spacing, and trailing punctuation; digits only for phones; URLs without
// scheme, "www." and trailing "/"). Precision, recall and F1 are summed over the corpus
// (micro-average). Dates are scored per gold entry: the entry the parser found for it (aligned
// on company/title, or institution/degree) must have exactly the gold start and end (and
// `current`); entries the parser missed count as wrong. totalYearsExperience counts as right
// within 0.5 years of the gold.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "api/cv_parse_job.hpp"
#include "domain/partial_date.hpp"

namespace jc::testing {

struct FieldScore {
  long true_pos = 0, false_pos = 0, false_neg = 0;
  double Precision() const;
  double Recall() const;
  double F1() const;
};

struct RateScore {
  long right = 0, total = 0;
  double Value() const;
};

struct CorpusReport {
  int documents = 0;
  std::vector<std::string> failed;           // documents the engine refused, with the reason
  std::map<std::string, FieldScore> scores;  // "fullName", "work.company", "skills.soft"...
  std::map<std::string, RateScore> rates;    // "work.dates", "education.dates", "totalYears(+-0.5)"
  std::vector<std::string> misses;           // one line per miss, when asked for
};

// Every document in `dir` that has a gold file, in name order.
CorpusReport EvaluateCvCorpus(const std::filesystem::path& dir, api::CvParseEngine& engine,
                              domain::PartialDate as_of, bool collect_misses = false);

}  // namespace jc::testing
