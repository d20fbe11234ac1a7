#include "analysis/suggestions.hpp"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <string_view>

#include "analysis/fit_parts.hpp"
#include "nlp/measurable.hpp"

namespace jc::analysis {
namespace {

using domain::MatchKind;
using domain::Presence;
using domain::RequirementMatch;
using domain::Severity;
using domain::Suggestion;

constexpr std::size_t kMinSkills = 5;  // docs/cv-feedback.md, "Fewer than 5 skills"

bool Present(const std::optional<std::string>& value) {
  return value && value->find_first_not_of(" \t") != std::string::npos;
}

void Add(std::vector<Suggestion>& out, Severity priority, std::string section, std::string message,
         std::optional<std::string> example = std::nullopt) {
  out.push_back({priority, std::move(section), std::move(message), std::move(example)});
}

// Same naming as the CV feedback: "title at company", the title, the company or "role N".
std::string RoleLabel(const domain::WorkExperience& role, std::size_t index) {
  if (Present(role.title) && Present(role.company)) return *role.title + " at " + *role.company;
  if (Present(role.title)) return *role.title;
  if (Present(role.company)) return *role.company;
  return "role " + std::to_string(index + 1);
}

// The n-th number segment of a JSON Pointer such as "/workExperience/2/highlights/0".
std::optional<std::size_t> PointerIndex(std::string_view pointer, std::string_view prefix) {
  if (pointer.substr(0, prefix.size()) != prefix) return std::nullopt;
  return static_cast<std::size_t>(
      std::strtoul(std::string(pointer.substr(prefix.size())).c_str(), nullptr, 10));
}

// Where the evidence sits, for a message: "your Acme bullet", "your Shop project", "your summary".
std::string PlaceName(const domain::Profile& profile, std::string_view pointer) {
  if (const auto r = PointerIndex(pointer, "/workExperience/");
      r && *r < profile.work_experience.size()) {
    const auto& role = profile.work_experience[*r];
    const std::string who = Present(role.company) ? *role.company : RoleLabel(role, *r);
    if (pointer.find("/highlights/") != std::string_view::npos) return "your " + who + " bullet";
    if (pointer.find("/title") != std::string_view::npos) return "your " + who + " job title";
    return "your " + who + " role description";
  }
  if (const auto p = PointerIndex(pointer, "/projects/"); p && *p < profile.projects.size()) {
    return "your " + profile.projects[*p].name + " project";
  }
  if (pointer == "/summary") return "your summary";
  if (pointer == "/headline") return "your headline";
  if (pointer.substr(0, 16) == "/certifications/") return "your certifications";
  return "your CV";
}

// "Skills: Python, Docker, Kubernetes": the first listed skills plus `extra`.
std::string SkillsLine(const domain::Profile& profile, const std::string& extra) {
  std::vector<std::string> shown;
  for (std::size_t i = 0; i < profile.skills.technical.size() && shown.size() < 3; ++i) {
    shown.push_back(profile.skills.technical[i]);
  }
  shown.push_back(extra);
  std::string line = "Skills: ";
  for (std::size_t i = 0; i < shown.size(); ++i) line += (i > 0 ? ", " : "") + shown[i];
  return line;
}

void SkillSuggestion(const domain::Profile& profile, const RequirementMatch& m,
                     std::vector<Suggestion>& out) {
  const std::string asked = m.required ? "required" : "preferred";
  switch (m.kind) {
    case MatchKind::kExact:
      if (m.presence != Presence::kOnlyInText || m.evidence.empty()) return;
      Add(out, m.required ? Severity::kHigh : Severity::kMedium, "skills",
          m.skill + " is " + asked + " and appears in " +
              PlaceName(profile, m.evidence.front().field) +
              " but not in your skills list — add it to your skills",
          SkillsLine(profile, m.skill));
      return;
    case MatchKind::kImplied:
      if (!m.via) return;
      Add(out, m.required ? Severity::kMedium : Severity::kLow, "skills",
          m.skill + " is " + asked + " and your CV shows it only through " + *m.via + " — name " +
              m.skill + " itself in your skills list",
          SkillsLine(profile, m.skill));
      return;
    case MatchKind::kRelated:
      if (!m.via) return;
      Add(out, m.required ? Severity::kMedium : Severity::kLow, "skills",
          "You show " + *m.via + "; the job asks for " + m.skill + " — mention " + m.skill +
              " experience if you have it");
      return;
    case MatchKind::kMissing:
      Add(out, m.required ? Severity::kHigh : Severity::kLow, "skills",
          "Gap: " + m.skill + " is " + asked +
              " and your CV shows no sign of it — consider learning it or, if you have used "
              "it, describe where (the role or project) in your CV");
      return;
  }
}

void YearsSuggestion(const domain::Profile& profile, const RequirementMatch& m,
                     std::vector<Suggestion>& out) {
  if (!m.required_years || !Counts(m)) return;
  const double asked = *m.required_years;
  if (!m.months) {
    Add(out, Severity::kLow, "experience",
        "The job asks for " + Number(asked) + " years of " + m.skill +
            "; none of your dated roles mentions it — name it in the bullets of the roles where "
            "you used it");
    return;
  }
  const double have = *m.months / 12;
  if (have >= asked) return;
  std::optional<std::string> example;
  if (!profile.work_experience.empty() && !profile.work_experience.front().highlights.empty()) {
    example = "\"" + profile.work_experience.front().highlights.front() + "\" → name the " +
              m.skill + " work in it if it involved " + m.skill;
  }
  Add(out, Severity::kMedium, "experience",
      "The job asks for " + Number(asked) + " years of " + m.skill +
          "; your dated roles that mention it cover about " + Number(have) + " — if you used " +
          m.skill + " in other roles, say so in those roles",
      std::move(example));
}

void FitSuggestions(const domain::Profile& profile, const domain::Fit& fit,
                    std::vector<Suggestion>& out) {
  for (const auto& m : fit.requirements) SkillSuggestion(profile, m, out);
  for (const auto& m : fit.requirements) YearsSuggestion(profile, m, out);
  if (fit.required_years && fit.candidate_years && *fit.candidate_years < *fit.required_years) {
    Add(out, Severity::kLow, "experience",
        "The job asks for " + Number(*fit.required_years) + " years of experience; your CV shows " +
            Number(*fit.candidate_years) +
            " — if you have earlier relevant work (internships, freelance, part-time), list it "
            "with dates");
  }
}

void ContactSuggestions(const domain::Profile& p, std::vector<Suggestion>& out) {
  const bool email = Present(p.email), phone = Present(p.phone);
  if (!email && !phone) {
    Add(out, Severity::kHigh, "contact",
        "No email address and no phone number: nobody can reach you — add both under your name",
        "name@example.com · +49 30 1234567");
  } else if (!email) {
    Add(out, Severity::kMedium, "contact",
        "No email address — add a professional email address under your name");
  } else if (!phone) {
    Add(out, Severity::kLow, "contact",
        "No phone number — add one with its country code under your name");
  }
}

void SummarySuggestion(const domain::Profile& p, const domain::Fit* fit,
                       std::vector<Suggestion>& out) {
  if (Present(p.summary)) return;
  std::string role;
  if (Present(p.headline)) {
    role = *p.headline;
  } else if (!p.work_experience.empty() && Present(p.work_experience.front().title)) {
    role = *p.work_experience.front().title;
  }
  // Only skills the profile shows: the fit's exact matches, else the first listed skills.
  std::vector<std::string> skills;
  if (fit != nullptr) {
    for (const auto& m : fit->requirements) {
      if (m.kind == MatchKind::kExact && skills.size() < 3) skills.push_back(m.skill);
    }
  }
  for (std::size_t i = 0; i < p.skills.technical.size() && skills.size() < 3; ++i) {
    if (std::find(skills.begin(), skills.end(), p.skills.technical[i]) == skills.end()) {
      skills.push_back(p.skills.technical[i]);
    }
  }
  std::string example = role.empty() ? "Professional" : role;
  if (p.total_years_experience && *p.total_years_experience >= 1) {
    example += " with " + Number(*p.total_years_experience) + " years of experience";
  }
  if (!skills.empty()) example += ", working with " + JoinNames(skills);
  example += ".";
  Add(out, Severity::kLow, "summary",
      "No summary at the top of the CV — add 2-4 lines: your role, years of experience and two "
      "or three strengths",
      std::move(example));
}

void ExperienceSuggestions(const domain::Profile& p, std::vector<Suggestion>& out) {
  const auto& roles = p.work_experience;
  if (roles.empty()) {
    Add(out, Severity::kHigh, "experience",
        "No work experience found — list your roles with title, company, dates and results");
    return;
  }
  std::vector<std::string> undated, unmeasured;
  std::optional<std::size_t> first_unmeasured;
  for (std::size_t i = 0; i < roles.size(); ++i) {
    if (!roles[i].dates.start) undated.push_back(RoleLabel(roles[i], i));
    if (!nlp::HasMeasurableResult(roles[i])) {
      unmeasured.push_back(RoleLabel(roles[i], i));
      if (!first_unmeasured) first_unmeasured = i;
    }
  }
  const std::string of = " of " + std::to_string(roles.size()) + " roles";
  if (!undated.empty()) {
    Add(out, Severity::kMedium, "experience",
        std::to_string(undated.size()) + of + (undated.size() == 1 ? " has" : " have") +
            " no dates: " + JoinNames(undated, 3) + " — give each role a start and end month",
        undated.front() + ", MM/YYYY – MM/YYYY");
  }
  if (!unmeasured.empty()) {
    const auto& role = roles[*first_unmeasured];
    std::optional<std::string> example;
    if (!role.highlights.empty()) {
      example = "\"" + role.highlights.front() + "\" → \"" + role.highlights.front() +
                ", <result: e.g. cutting <what> by <N>% or serving <N> users>\"";
    }
    Add(out, Severity::kMedium, "experience",
        std::to_string(unmeasured.size()) + of + (unmeasured.size() == 1 ? " has" : " have") +
            " no measurable result: " + JoinNames(unmeasured, 3) +
            " — state at least one number per role (time saved, users, revenue, team size)",
        std::move(example));
  }
}

void SkillsListSuggestion(const domain::Profile& p, const domain::Fit* fit,
                          std::vector<Suggestion>& out) {
  const std::size_t count = p.skills.technical.size() + p.skills.soft.size();
  if (count >= kMinSkills) return;
  // Skills the fit found in the text but not in the list are true and ready to list.
  std::vector<std::string> shown;
  if (fit != nullptr) {
    for (const auto& m : fit->requirements) {
      if (m.kind == MatchKind::kExact && m.presence == Presence::kOnlyInText) {
        shown.push_back(m.skill);
      }
    }
  }
  std::optional<std::string> example;
  if (!shown.empty()) example = "Skills: " + JoinNames(shown, 8);
  if (count == 0) {
    Add(out, Severity::kMedium, "skills",
        "No skills section — list the tools, methods and languages your roles show",
        std::move(example));
  } else {
    Add(out, Severity::kLow, "skills",
        "Skills list names only " + std::to_string(count) + (count == 1 ? " skill" : " skills") +
            " — list at least 5 that your roles show",
        std::move(example));
  }
}

}  // namespace

std::vector<Suggestion> SuggestImprovements(const domain::Profile& profile,
                                            const domain::Fit* fit) {
  std::vector<Suggestion> out;
  if (fit != nullptr) FitSuggestions(profile, *fit, out);
  ContactSuggestions(profile, out);
  ExperienceSuggestions(profile, out);
  SkillsListSuggestion(profile, fit, out);
  SummarySuggestion(profile, fit, out);
  std::stable_sort(out.begin(), out.end(), [](const Suggestion& a, const Suggestion& b) {
    return static_cast<int>(a.priority) < static_cast<int>(b.priority);
  });
  return out;
}

}  // namespace jc::analysis
