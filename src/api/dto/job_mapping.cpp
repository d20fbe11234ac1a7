#include "api/dto/job_mapping.hpp"

namespace jc::api {
namespace {

// The domain enums and the wire enums list their values in the same order.
static_assert(static_cast<int>(Seniority::principal) ==
              static_cast<int>(domain::Seniority::kPrincipal));
static_assert(static_cast<int>(EducationLevel::phd) ==
              static_cast<int>(domain::EducationLevel::kPhd));
static_assert(static_cast<int>(EmploymentType::internship) ==
              static_cast<int>(domain::EmploymentType::kInternship));
static_assert(static_cast<int>(Workplace::remote) == static_cast<int>(domain::Workplace::kRemote));
static_assert(static_cast<int>(SalaryPeriod::year) ==
              static_cast<int>(domain::SalaryPeriod::kYear));
static_assert(static_cast<int>(Verdict::weak) == static_cast<int>(domain::Verdict::kWeak));
static_assert(static_cast<int>(MatchKind::missing) ==
              static_cast<int>(domain::MatchKind::kMissing));
static_assert(static_cast<int>(Presence::nowhere) == static_cast<int>(domain::Presence::kNowhere));
static_assert(static_cast<int>(Severity::low) == static_cast<int>(domain::Severity::kLow));

template <typename Wire, typename Domain>
Wire SameOrder(Domain value) {
  return static_cast<Wire>(static_cast<int>(value));
}

template <typename Wire, typename Domain>
std::optional<Wire> SameOrder(const std::optional<Domain>& value) {
  if (!value) return std::nullopt;
  return SameOrder<Wire>(*value);
}

std::optional<double> IfApplies(const domain::SubScore& s) {
  if (!s.applies) return std::nullopt;
  return s.score;
}

double OrFull(const domain::SubScore& s) {
  return s.applies ? s.score : 100.0;
}

}  // namespace

domain::Job FromDto(const JobData& job) {
  return {job.title, job.company, job.description, job.location, job.url};
}

Requirements ToDto(const domain::Requirements& r) {
  Requirements out;
  out.title = r.title;
  out.seniority = SameOrder<Seniority>(r.seniority);
  out.requiredSkills = r.required_skills;
  out.preferredSkills = r.preferred_skills;
  out.minYearsExperience = r.min_years_experience;
  out.educationLevel = SameOrder<EducationLevel>(r.education_level);
  out.fieldsOfStudy = r.fields_of_study;
  out.employmentType = SameOrder<EmploymentType>(r.employment_type);
  out.workplace = SameOrder<Workplace>(r.workplace);
  out.location = r.location;
  if (r.salary) {
    out.salary = Salary{r.salary->min, r.salary->max, r.salary->currency,
                        SameOrder<SalaryPeriod>(r.salary->period)};
  }
  out.responsibilities = r.responsibilities;
  out.keywords = r.keywords;
  for (const auto& sy : r.skill_years) out.skillYears.push_back({sy.skill, sy.years});
  return out;
}

Fit ToDto(const domain::Fit& f) {
  Fit out;
  out.score = f.score;
  out.verdict = SameOrder<Verdict>(f.verdict);
  const auto& b = f.breakdown;
  out.breakdown.skills = OrFull(b.required_skills);
  out.breakdown.experience = OrFull(b.experience);
  out.breakdown.education = OrFull(b.education);
  out.breakdown.seniority = OrFull(b.seniority);
  out.breakdown.preferredSkills = IfApplies(b.preferred_skills);
  out.breakdown.languages = IfApplies(b.languages);
  out.breakdown.certifications = IfApplies(b.certifications);
  out.breakdown.weights = {b.required_skills.weight, b.preferred_skills.weight, b.experience.weight,
                           b.seniority.weight,       b.education.weight,        b.languages.weight,
                           b.certifications.weight};
  out.matchedSkills = f.matched_skills;
  out.relatedSkills = f.related_skills;
  for (const auto& m : f.requirements) {
    if (m.kind == domain::MatchKind::kMissing || m.kind == domain::MatchKind::kRelated) {
      out.missingSkills.push_back({m.skill, m.required});
    }
    std::vector<EvidenceDto> evidence;
    for (const auto& e : m.evidence) evidence.push_back({e.field, e.text});
    out.requirements.push_back({.skill = m.skill,
                                .required = m.required,
                                .match = SameOrder<MatchKind>(m.kind),
                                .presence = SameOrder<Presence>(m.presence),
                                .via = m.via,
                                .evidence = std::move(evidence),
                                .months = m.months,
                                .requiredYears = m.required_years});
  }
  out.experience = {f.required_years, f.candidate_years};
  out.explanation = f.explanation;
  return out;
}

Suggestion ToDto(const domain::Suggestion& s) {
  return {SameOrder<Severity>(s.priority), s.section, s.message, s.example};
}

}  // namespace jc::api
