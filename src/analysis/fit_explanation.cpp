// The explanation sentences of a fit, most important first: required skills, years, related
// skills, seniority, education, languages, certifications, preferred skills, then notes on how
// matches were shown.
#include <cmath>
#include <cstdio>

#include "analysis/fit_parts.hpp"
#include "analysis/levels.hpp"

namespace jc::analysis {
namespace {

using domain::MatchKind;
using domain::Presence;
using Group = RequirementGroup;

std::string Capitalised(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

std::string Years(double years) {
  return Number(years) + (years == 1 ? " year" : " years");
}

void SkillSentence(const std::vector<ScoredRequirement>& reqs, bool required,
                   std::vector<std::string>& out) {
  std::size_t all = 0, met = 0;
  std::vector<std::string> missing;
  for (const auto& r : reqs) {
    if (r.group != Group::kSkill || r.match.required != required) continue;
    ++all;
    if (Counts(r.match)) {
      ++met;
    } else {
      missing.push_back(r.name);
    }
  }
  if (all == 0) return;
  const std::string kind = required ? "required" : "preferred";
  if (missing.empty()) {
    out.push_back("Matches all " + std::to_string(all) + " " + kind + " skills");
  } else if (met == 0) {
    out.push_back("Matches none of the " + std::to_string(all) + " " + kind + " skills; missing " +
                  JoinNames(missing));
  } else {
    out.push_back("Matches " + std::to_string(met) + " of " + std::to_string(all) + " " + kind +
                  " skills; missing " + JoinNames(missing));
  }
}

void ExperienceSentences(const domain::Fit& fit, const std::vector<ScoredRequirement>& years_reqs,
                         std::vector<std::string>& out) {
  if (fit.required_years) {
    if (fit.candidate_years) {
      out.push_back(Capitalised(Years(*fit.candidate_years)) + " of experience against " +
                    Number(*fit.required_years) + " required");
    } else {
      out.push_back("No dated roles, so the " + Years(*fit.required_years) +
                    " of experience required cannot be shown");
    }
  }
  for (const auto& r : years_reqs) {
    const double asked = r.match.required_years.value_or(0);
    if (!Counts(r.match)) continue;  // reported as a missing skill
    if (!r.match.months) {
      out.push_back(r.name + " is shown but no dated role mentions it, so the " + Years(asked) +
                    " asked cannot be checked");
      continue;
    }
    const double have = std::round(*r.match.months / 12 * 10) / 10;
    out.push_back(r.name + ": " + Years(have) + " in dated roles against " + Number(asked) +
                  " asked");
  }
}

void LevelSentences(const domain::Requirements& req, const CandidateFacts& facts,
                    std::vector<std::string>& out) {
  if (req.seniority) {
    const std::string asked = Capitalised(SeniorityName(*req.seniority)) + " level asked";
    if (!facts.seniority) {
      out.push_back(asked + "; no dated roles or titles show your level");
    } else if (*facts.seniority >= *req.seniority) {
      out.push_back(asked + "; your titles and years suggest " +
                    std::string(SeniorityName(*facts.seniority)) + " level");
    } else {
      out.push_back(asked + "; your titles and years suggest only " +
                    std::string(SeniorityName(*facts.seniority)) + " level");
    }
  }
  if (req.education_level && *req.education_level != domain::EducationLevel::kNone) {
    const std::string asked = Capitalised(EducationName(*req.education_level)) + " asked";
    if (!facts.education) {
      out.push_back(asked + "; no degree found in the profile");
    } else if (*facts.education >= *req.education_level) {
      out.push_back(asked + "; you have " + std::string(EducationName(*facts.education)));
    } else {
      out.push_back(asked + "; your highest degree found is " +
                    std::string(EducationName(*facts.education)));
    }
  }
  if (!req.fields_of_study.empty()) {
    out.push_back(facts.field_matched
                      ? "Your field of study matches " + JoinNames(req.fields_of_study, 3)
                      : "No degree in " + JoinNames(req.fields_of_study, 3) + " found");
  }
}

void LanguageSentences(const std::vector<ScoredRequirement>& reqs, std::vector<std::string>& out) {
  std::size_t all = 0, met = 0;
  std::vector<std::string> missing;
  for (const auto& r : reqs) {
    if (r.group == Group::kCertification) {
      ++all;
      if (Counts(r.match)) {
        ++met;
      } else {
        missing.push_back(r.name);
      }
    }
    if (r.group != Group::kLanguage) continue;
    const std::string asked =
        r.name + (r.needed_level ? " at " + LanguageLevelName(*r.needed_level) : "") + " asked";
    if (!Counts(r.match)) {
      out.push_back(asked + "; your profile does not show it");
    } else if (r.have_level) {
      out.push_back(asked + "; you list " + r.name + " at " + LanguageLevelName(*r.have_level));
    } else {
      out.push_back(asked + "; your profile mentions " + r.name + " without a level");
    }
  }
  if (all == 0) return;
  out.push_back("Has " + std::to_string(met) + " of " + std::to_string(all) +
                " certifications asked" +
                (missing.empty() ? "" : "; missing " + JoinNames(missing)));
}

void NoteSentences(const std::vector<ScoredRequirement>& reqs, std::vector<std::string>& out) {
  std::vector<std::string> implied, text_only;
  for (const auto& r : reqs) {
    if (r.match.kind == MatchKind::kImplied && r.match.via) {
      implied.push_back(r.name + " (through " + *r.match.via + ")");
    }
    if (r.match.kind == MatchKind::kExact && r.match.presence == Presence::kOnlyInText) {
      text_only.push_back(r.name);
    }
  }
  if (!implied.empty())
    out.push_back("Counted as implied by skills you show: " + JoinNames(implied));
  if (!text_only.empty()) {
    out.push_back(JoinNames(text_only) + (text_only.size() == 1 ? " appears" : " appear") +
                  " in your experience or projects but not in your skills list");
  }
}

}  // namespace

std::string Number(double value) {
  const double rounded = std::round(value * 10) / 10;
  char buffer[32];
  if (rounded == std::floor(rounded)) {
    std::snprintf(buffer, sizeof buffer, "%.0f", rounded);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.1f", rounded);
  }
  return buffer;
}

std::string JoinNames(const std::vector<std::string>& names, std::size_t max_named) {
  std::string out;
  const std::size_t named = std::min(names.size(), max_named);
  for (std::size_t i = 0; i < named; ++i) {
    if (i > 0) out += (i + 1 == named && named == names.size()) ? " and " : ", ";
    out += names[i];
  }
  if (names.size() > named) out += " and " + std::to_string(names.size() - named) + " more";
  return out;
}

std::vector<std::string> Explain(const domain::Fit& fit, const domain::Requirements& req,
                                 const std::vector<ScoredRequirement>& reqs,
                                 const std::vector<ScoredRequirement>& years_reqs,
                                 const CandidateFacts& facts) {
  std::vector<std::string> out;
  SkillSentence(reqs, true, out);
  ExperienceSentences(fit, years_reqs, out);
  for (const auto& r : reqs) {
    if (r.match.kind == MatchKind::kRelated && r.match.via) {
      out.push_back(r.name + " is only shown through the related " + *r.match.via +
                    (r.match.required ? "" : " (preferred)"));
    }
  }
  LevelSentences(req, facts, out);
  LanguageSentences(reqs, out);
  SkillSentence(reqs, false, out);
  NoteSentences(reqs, out);
  if (out.empty()) out.push_back("The posting states no requirement that can be scored");
  return out;
}

}  // namespace jc::analysis
