// The fit of a profile to a job's requirements: an explainable, deterministic score with its
// sub-scores, the evidence for every requirement, and prioritised suggestions.
//
// Plain values; safe to copy and share between threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/profile.hpp"

namespace jc::domain {

enum class Verdict : std::uint8_t { kStrong, kGood, kPartial, kWeak };

// How a requirement is met by the profile.
enum class MatchKind : std::uint8_t {
  kExact,    // the profile names the skill (any alias: "JS" for JavaScript, "k8s" for Kubernetes)
  kImplied,  // a skill the profile names implies it (Django -> Python) or is a kind of it
             // (PostgreSQL for "SQL databases")
  kRelated,  // only a related but different skill is shown (MySQL for PostgreSQL): not counted
  kMissing,  // no sign of it
};

// Where a skill was found in the profile.
enum class Presence : std::uint8_t {
  kSkillsList,  // in skills.technical / skills.soft (and maybe elsewhere too)
  kOnlyInText,  // in a bullet, description, headline, summary, project or certification, but
                // not in the skills list ("add it to your skills")
  kNowhere,
};

struct Evidence {
  std::string field;  // JSON Pointer into the profile, e.g. "/workExperience/0/highlights/2"
  std::string text;   // the text of that value (a bullet, a skill...), shortened
};

struct RequirementMatch {
  std::string skill;  // the requirement, as in Requirements
  bool required = true;
  MatchKind kind = MatchKind::kMissing;
  Presence presence = Presence::kNowhere;
  std::optional<std::string> via;        // the profile's skill that implies / is related to it
  std::vector<Evidence> evidence;        // where the profile shows it (first few places)
  std::optional<double> months;          // merged months of the dated roles that mention it
  std::optional<double> required_years;  // the posting's per-skill minimum, if any
};

// One sub-score: 0-100, its weight in the total, and whether the job asks for it at all (a
// category the job does not mention has weight 0 and does not count against the candidate).
struct SubScore {
  double score = 0;
  double weight = 0;
  bool applies = false;
};

struct FitBreakdown {
  SubScore required_skills;
  SubScore preferred_skills;
  SubScore experience;
  SubScore seniority;
  SubScore education;
  SubScore languages;
  SubScore certifications;
};

struct Fit {
  double score = 0;  // 0-100, the weighted mean of the sub-scores that apply, 1 decimal
  Verdict verdict = Verdict::kWeak;
  FitBreakdown breakdown;
  std::vector<RequirementMatch> requirements;  // required first, in the posting's order
  std::vector<std::string> matched_skills;     // exact and implied
  std::vector<std::string> related_skills;     // requirements met only by a related skill
  std::optional<double> required_years;
  std::optional<double> candidate_years;  // merged, non-overlapping years of experience
  std::vector<std::string> explanation;   // sentences, most important first
};

struct Suggestion {
  Severity priority = Severity::kMedium;
  std::string section;  // "skills", "experience", "summary", "education", "contact"...
  std::string message;
  std::optional<std::string> example;
};

}  // namespace jc::domain
