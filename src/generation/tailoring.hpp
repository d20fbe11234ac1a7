// TailorProfile: a profile reshaped for one job. It chooses and orders what the profile already
// says, most relevant to the job's requirements first, and never adds a fact:
// - skills the job asks for come first (in the posting's order), the rest keep their order;
// - within each role, bullets that show required skills come first; a role keeps at most
//   kMaxBullets bullets, the least relevant are left out;
// - roles stay in the profile's order (reverse-chronological, as recruiters read them); when
//   there are more than kMaxRoles, roles that ended over 15 years before as_of and show none of
//   the job's skills are left out;
// - projects and certifications that show the job's skills come first; past kMaxProjects,
//   projects that show none are left out;
// - a missing headline becomes the most recent title; a missing summary is composed from the
//   profile's facts (latest title, merged years, matched skills); an existing summary is kept
//   word for word.
// Every change is listed so that a person can review it.
//
// Pure function of its arguments; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/fit.hpp"
#include "domain/job.hpp"
#include "domain/profile.hpp"
#include "generation/labels.hpp"
#include "nlp/skill_matcher.hpp"

namespace jc::generation {

enum class ChangeKind : std::uint8_t {
  kReordered,
  kOmitted,
  kComposed,
  kRephrased,  // reworded by the LLM, facts unchanged (checked for truthfulness)
};

struct Change {
  ChangeKind kind = ChangeKind::kReordered;
  std::string section;  // JSON Pointer into the original profile: "/skills/technical"
  std::string message;  // a sentence in English for the person reviewing it
};

struct TailoredProfile {
  domain::Profile profile;
  std::vector<Change> changes;
};

inline constexpr std::size_t kMaxBullets = 6;
inline constexpr std::size_t kMaxRoles = 8;
inline constexpr std::size_t kMaxProjects = 4;

TailoredProfile TailorProfile(const domain::Profile& profile,
                              const domain::Requirements& requirements,
                              const nlp::SkillMatcher& skills, const Labels& labels,
                              domain::PartialDate as_of);

}  // namespace jc::generation
