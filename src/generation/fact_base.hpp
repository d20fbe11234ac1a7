// FactBase: what a candidate's profile (and the job a document targets) states, indexed once per
// request so that every claim of a generated document is verified against it in microseconds.
// See truthfulness.hpp for the check that uses it.
//
// Holds a copy of the profile and job and a pointer to the matcher, which must outlive it.
// Immutable after construction: const access is thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/job.hpp"
#include "domain/partial_date.hpp"
#include "domain/profile.hpp"
#include "generation/claims.hpp"
#include "nlp/skill_matcher.hpp"

namespace jc::generation {

class FactBase {
 public:
  // `profile` is the original, untailored profile; `job` the posting the document targets
  // (nullptr: none, so nothing may be said about a job). as_of closes current roles when
  // "N years" figures are derived from dates.
  FactBase(const domain::Profile& profile, const domain::Job* job, const nlp::SkillMatcher& matcher,
           domain::PartialDate as_of);

  // Whether `claim` is supported: by the profile, and for job and application voices by the
  // posting as claims.hpp describes.
  bool Supports(const Claim& claim) const;

  // Single facts, used by the structured checks of documents and profiles.
  bool ShowsSkill(nlp::SkillId skill) const;
  // A skills-list item: a skill the profile shows, or words the profile contains.
  bool ShowsSkillItem(std::string_view item) const;
  bool HasEmployer(std::string_view name) const;
  bool HasInstitution(std::string_view name) const;
  bool InProfileText(std::string_view text) const;              // as whole words, after Fold
  bool SameName(std::string_view a, std::string_view b) const;  // fuzzy organisation names
  bool SameTitle(std::string_view claim, std::string_view title) const;
  bool MatchesContact(std::string_view text) const;  // name, email, phone, location or link
  bool MatchesPersonName(std::string_view name) const;

  const domain::Profile& profile() const { return profile_; }
  const domain::Job* job() const { return job_ ? &*job_ : nullptr; }
  const nlp::SkillMatcher& matcher() const { return *matcher_; }
  domain::PartialDate as_of() const { return as_of_; }

 private:
  struct Side {
    std::vector<bool> skills;  // by SkillId
    std::vector<NumberValue> numbers;
    std::vector<domain::PartialDate> dates;      // year-only entries have month 0
    std::vector<std::vector<std::string>> orgs;  // folded words of names
    std::vector<std::vector<std::string>> titles;
    std::vector<std::pair<DegreeLevel, char>> degrees;  // level and type (claim_words.hpp)
    std::string text;                                   // every text, folded, '\n'-separated
  };
  void AddText(Side& side, std::string_view text);
  void IndexProfile();
  void IndexJob();
  bool HasNumber(const Side& side, const NumberValue& n) const;
  bool HasYears(const NumberValue& n) const;
  bool HasDate(const Side& side, domain::PartialDate date) const;
  bool HasOrg(const Side& side, const std::vector<std::string>& words) const;
  bool HasTitle(const Side& side, const std::vector<std::string>& words) const;
  bool SupportedBy(const Side& side, const Claim& claim) const;

  domain::Profile profile_;
  std::optional<domain::Job> job_;
  const nlp::SkillMatcher* matcher_;
  domain::PartialDate as_of_;
  Side mine_;
  Side job_side_;
  std::vector<bool> title_skills_;    // skills the job's title names ("Rust Engineer")
  std::vector<double> year_figures_;  // durations the profile's dates give, in years
  double total_years_ = 0;
};

}  // namespace jc::generation
