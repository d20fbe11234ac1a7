#include "api/dto/profile_mapping.hpp"

namespace jc::api {
namespace {

std::optional<std::string> DateToDto(const std::optional<domain::PartialDate>& date) {
  if (!date) return std::nullopt;
  return date->ToString();
}

std::optional<domain::PartialDate> DateFromDto(const std::optional<std::string>& date) {
  if (!date) return std::nullopt;
  return domain::PartialDate::Parse(*date);
}

LinkType ToDto(domain::LinkType type) {
  switch (type) {
    case domain::LinkType::kLinkedIn:
      return LinkType::linkedin;
    case domain::LinkType::kGitHub:
      return LinkType::github;
    case domain::LinkType::kWebsite:
      return LinkType::website;
    case domain::LinkType::kOther:
      return LinkType::other;
  }
  return LinkType::other;
}

domain::LinkType FromDto(LinkType type) {
  switch (type) {
    case LinkType::linkedin:
      return domain::LinkType::kLinkedIn;
    case LinkType::github:
      return domain::LinkType::kGitHub;
    case LinkType::website:
      return domain::LinkType::kWebsite;
    case LinkType::other:
      return domain::LinkType::kOther;
  }
  return domain::LinkType::kOther;
}

Severity ToDto(domain::Severity severity) {
  switch (severity) {
    case domain::Severity::kHigh:
      return Severity::high;
    case domain::Severity::kMedium:
      return Severity::medium;
    case domain::Severity::kLow:
      return Severity::low;
  }
  return Severity::medium;
}

}  // namespace

Profile ToDto(const domain::Profile& p) {
  Profile out;
  out.fullName = p.full_name;
  out.email = p.email;
  out.phone = p.phone;
  out.location = p.location;
  out.headline = p.headline;
  out.summary = p.summary;
  for (const auto& link : p.links) out.links.push_back({ToDto(link.type), link.url});
  for (const auto& w : p.work_experience) {
    out.workExperience.push_back({.title = w.title,
                                  .company = w.company,
                                  .location = w.location,
                                  .startDate = DateToDto(w.dates.start),
                                  .endDate = DateToDto(w.dates.end),
                                  .current = w.dates.current && !w.dates.end,
                                  .description = w.description,
                                  .highlights = w.highlights});
  }
  for (const auto& e : p.education) {
    out.education.push_back({.institution = e.institution,
                             .degree = e.degree,
                             .field = e.field,
                             .startDate = DateToDto(e.start),
                             .endDate = DateToDto(e.end),
                             .grade = e.grade});
  }
  out.skills = {p.skills.technical, p.skills.soft};
  for (const auto& l : p.languages) out.languages.push_back({l.language, l.proficiency});
  for (const auto& c : p.certifications) {
    out.certifications.push_back({c.name, c.issuer, DateToDto(c.date)});
  }
  for (const auto& pr : p.projects) {
    out.projects.push_back({pr.name, pr.description, pr.url, pr.technologies});
  }
  out.totalYearsExperience = p.total_years_experience;
  return out;
}

Feedback ToDto(const domain::Feedback& f) {
  Feedback out;
  out.score = f.score;
  out.strengths = f.strengths;
  for (const auto& issue : f.issues) {
    out.issues.push_back({ToDto(issue.severity), issue.section, issue.message});
  }
  out.suggestions = f.suggestions;
  return out;
}

domain::Profile FromDto(const Profile& p) {
  domain::Profile out;
  out.full_name = p.fullName;
  out.email = p.email;
  out.phone = p.phone;
  out.location = p.location;
  out.headline = p.headline;
  out.summary = p.summary;
  for (const auto& link : p.links) out.links.push_back({FromDto(link.type), link.url});
  for (const auto& w : p.workExperience) {
    out.work_experience.push_back(
        {.title = w.title,
         .company = w.company,
         .location = w.location,
         .dates = {DateFromDto(w.startDate), DateFromDto(w.endDate), w.current && !w.endDate},
         .description = w.description,
         .highlights = w.highlights});
  }
  for (const auto& e : p.education) {
    out.education.push_back({.institution = e.institution,
                             .degree = e.degree,
                             .field = e.field,
                             .start = DateFromDto(e.startDate),
                             .end = DateFromDto(e.endDate),
                             .grade = e.grade});
  }
  out.skills = {p.skills.technical, p.skills.soft};
  for (const auto& l : p.languages) out.languages.push_back({l.language, l.proficiency});
  for (const auto& c : p.certifications) {
    out.certifications.push_back({c.name, c.issuer, DateFromDto(c.date)});
  }
  for (const auto& pr : p.projects) {
    out.projects.push_back({pr.name, pr.description, pr.url, pr.technologies});
  }
  out.total_years_experience = p.totalYearsExperience;
  return out;
}

}  // namespace jc::api
