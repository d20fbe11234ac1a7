#include "api/dto/generation_mapping.hpp"

#include "api/dto/profile_mapping.hpp"
#include "common/base64.hpp"

namespace jc::api {
namespace {

OutputFormat FromDto(DocumentFormat f) {
  switch (f) {
    case DocumentFormat::markdown:
      return OutputFormat::kMarkdown;
    case DocumentFormat::html:
      return OutputFormat::kHtml;
    case DocumentFormat::pdf:
      return OutputFormat::kPdf;
    case DocumentFormat::docx:
      return OutputFormat::kDocx;
  }
  return OutputFormat::kMarkdown;
}

generation::LetterTone FromDto(Tone t) {
  switch (t) {
    case Tone::professional:
      return generation::LetterTone::kProfessional;
    case Tone::enthusiastic:
      return generation::LetterTone::kEnthusiastic;
    case Tone::concise:
      return generation::LetterTone::kConcise;
  }
  return generation::LetterTone::kProfessional;
}

ClaimType ToDto(generation::ClaimKind k) {
  switch (k) {
    case generation::ClaimKind::kEmployer:
      return ClaimType::employer;
    case generation::ClaimKind::kTitle:
      return ClaimType::title;
    case generation::ClaimKind::kDegree:
      return ClaimType::degree;
    case generation::ClaimKind::kInstitution:
      return ClaimType::institution;
    case generation::ClaimKind::kDate:
      return ClaimType::date;
    case generation::ClaimKind::kSkill:
      return ClaimType::skill;
    case generation::ClaimKind::kNumber:
      return ClaimType::number;
    case generation::ClaimKind::kCertification:
      return ClaimType::certification;
    case generation::ClaimKind::kProject:
      return ClaimType::project;
    case generation::ClaimKind::kContact:
      return ClaimType::contact;
  }
  return ClaimType::skill;
}

ChangeType ToDto(generation::ChangeKind k) {
  switch (k) {
    case generation::ChangeKind::kReordered:
      return ChangeType::reordered;
    case generation::ChangeKind::kOmitted:
      return ChangeType::omitted;
    case generation::ChangeKind::kComposed:
      return ChangeType::composed;
    case generation::ChangeKind::kRephrased:
      return ChangeType::rephrased;
  }
  return ChangeType::reordered;
}

template <typename Doc>
void CopyRendered(const Rendered& r, Doc& out) {
  out.markdown = r.markdown;
  out.html = r.html;
  if (r.pdf) out.pdf = Base64Encode(*r.pdf);
  if (r.docx) out.docx = Base64Encode(*r.docx);
}

}  // namespace

GenerationSettings FromDto(const std::optional<GenerateOptions>& options) {
  GenerationSettings s;
  if (!options) return s;
  if (!options->formats.empty()) {
    s.formats.clear();
    for (const auto f : options->formats) s.formats.push_back(FromDto(f));
  }
  s.language = options->language;
  if (options->template_ == CvTemplate::modern) {
    s.render.template_id = generation::TemplateId::kModern;
  }
  if (options->pageSize == PageSizeName::letter) s.render.page_size = generation::PageSize::kLetter;
  if (options->tone) s.tone = FromDto(*options->tone);
  return s;
}

TruthfulnessDto ToDto(const generation::TruthReport& report) {
  TruthfulnessDto out;
  out.claimsChecked = report.claims_checked;
  out.removed = report.removed;
  for (const auto& v : report.violations) {
    out.violations.push_back({ToDto(v.kind), v.claim, v.location, v.text});
  }
  return out;
}

CvDocument ToDto(const GeneratedCv& cv) {
  CvDocument out;
  out.profile = api::ToDto(cv.profile);
  CopyRendered(cv.rendered, out);
  for (const auto& c : cv.changes) out.changes.push_back({ToDto(c.kind), c.section, c.message});
  out.truthfulness = ToDto(cv.truthfulness);
  return out;
}

CoverLetterDocument ToDto(const GeneratedLetter& letter) {
  CoverLetterDocument out;
  out.text = letter.text;
  out.words = letter.words;
  CopyRendered(letter.rendered, out);
  out.truthfulness = ToDto(letter.truthfulness);
  return out;
}

}  // namespace jc::api
