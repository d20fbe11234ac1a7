#include "parsing/cv/cv_parser.hpp"

#include <algorithm>

#include "nlp/language_detector.hpp"
#include "parsing/cv/contact_extractor.hpp"
#include "parsing/cv/credentials_extractor.hpp"
#include "parsing/cv/education_extractor.hpp"
#include "parsing/cv/experience_extractor.hpp"
#include "parsing/cv/feedback.hpp"
#include "parsing/cv/list_items.hpp"
#include "parsing/cv/sections.hpp"
#include "parsing/cv/skills_extractor.hpp"
#include "parsing/cv/summary_extractor.hpp"

namespace jc::parsing {
namespace {

// Enough text to tell a language from its function words; more only costs time.
constexpr std::size_t kLanguageSampleBytes = 16 * 1024;

std::string DetectDocumentLanguage(const Document& doc) {
  std::string sample;
  for (const auto& line : doc.lines) {
    if (line.role == LineRole::kHeader || line.role == LineRole::kFooter) continue;
    sample += line.text;
    sample += '\n';
    if (sample.size() >= kLanguageSampleBytes) break;
  }
  return nlp::DetectLanguage(sample).code;
}

void AddFound(FieldSources& out, const char* field, const std::optional<Found>& found) {
  if (found) out.push_back({field, found->confidence, found->line});
}

domain::LinkType ToDomain(LinkKind kind) {
  switch (kind) {
    case LinkKind::kLinkedIn:
      return domain::LinkType::kLinkedIn;
    case LinkKind::kGitHub:
      return domain::LinkType::kGitHub;
    case LinkKind::kWebsite:
      return domain::LinkType::kWebsite;
    case LinkKind::kOther:
      return domain::LinkType::kOther;
  }
  return domain::LinkType::kOther;
}

std::optional<std::string> ValueOf(const std::optional<Found>& found) {
  if (!found) return std::nullopt;
  return found->value;
}

// Line indices to (page, line on that page), both 1-based.
std::vector<FieldProvenance> Locate(const Document& doc, FieldSources sources) {
  std::vector<int> line_on_page(doc.lines.size(), 1);
  int page = 0, n = 0;
  for (std::size_t i = 0; i < doc.lines.size(); ++i) {
    if (doc.lines[i].page != page) {
      page = doc.lines[i].page;
      n = 0;
    }
    line_on_page[i] = ++n;
  }
  std::stable_sort(sources.begin(), sources.end(),
                   [](const FieldSource& a, const FieldSource& b) { return a.line < b.line; });
  std::vector<FieldProvenance> out;
  out.reserve(sources.size());
  for (auto& s : sources) {
    if (s.line >= doc.lines.size()) continue;
    out.push_back({std::move(s.field), std::clamp(s.confidence, 0.0, 1.0), doc.lines[s.line].page,
                   line_on_page[s.line]});
  }
  return out;
}

template <typename T>
void Append(FieldSources& to, T&& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

ParsedCv CvParser::Parse(const Document& doc, const CvParseOptions& options) const {
  ParsedCv out;
  domain::Profile& p = out.profile;
  FieldSources sources;

  const auto sections = SplitSections(doc);
  const auto contact = ExtractContact(doc, sections);
  p.full_name = ValueOf(contact.full_name);
  p.email = ValueOf(contact.email);
  p.phone = ValueOf(contact.phone);
  p.location = ValueOf(contact.location);
  AddFound(sources, "/fullName", contact.full_name);
  AddFound(sources, "/email", contact.email);
  AddFound(sources, "/phone", contact.phone);
  AddFound(sources, "/location", contact.location);
  for (const auto& link : contact.links) {
    sources.push_back(
        {"/links/" + std::to_string(p.links.size()) + "/url", link.url.confidence, link.url.line});
    p.links.push_back({ToDomain(link.kind), link.url.value});
  }

  // Summary, skills and credentials read the same label regions: find them once.
  const auto regions = FindRegions(doc, sections);
  auto summary = ExtractSummaryInRegions(doc, regions, contact);
  p.headline = ValueOf(summary.headline);
  p.summary = ValueOf(summary.summary);
  AddFound(sources, "/headline", summary.headline);
  AddFound(sources, "/summary", summary.summary);

  auto experience = ExtractExperience(doc, sections, options.as_of);
  p.work_experience = std::move(experience.roles);
  const auto experience_dates = std::move(experience.line_dates);
  Append(sources, std::move(experience.sources));

  auto education = ExtractEducation(doc, sections, options.as_of);
  p.education = std::move(education.entries);
  Append(sources, std::move(education.sources));

  auto skills = ExtractSkillsInRegions(doc, regions, skills_);
  p.skills = std::move(skills.skills);
  p.languages = std::move(skills.languages);
  Append(sources, std::move(skills.sources));

  auto credentials = ExtractCredentialsInRegions(doc, regions, options.as_of);
  p.certifications = std::move(credentials.certifications);
  p.projects = std::move(credentials.projects);
  Append(sources, std::move(credentials.sources));

  p.total_years_experience = domain::TotalYearsExperience(p.work_experience, options.as_of);

  out.language = DetectDocumentLanguage(doc);
  if (p.phone) out.phone = NormalizePhone(*p.phone, p.location.value_or(""), out.language);
  out.feedback = BuildFeedback({.doc = doc,
                                .sections = sections,
                                .profile = p,
                                .language = out.language,
                                .as_of = options.as_of,
                                .experience_dates = &experience_dates},
                               spelling_, skills_);
  out.fields = Locate(doc, std::move(sources));
  return out;
}

}  // namespace jc::parsing
