#include "api/document_generation.hpp"

#include <algorithm>

#include "analysis/fit_scorer.hpp"
#include "generation/cv_document.hpp"
#include "generation/docx/docx_renderer.hpp"
#include "generation/html/html_renderer.hpp"
#include "generation/labels.hpp"
#include "generation/markdown/markdown_renderer.hpp"
#include "generation/pdf/pdf_renderer.hpp"
#include "nlp/language_detector.hpp"
#include "parsing/job/requirements_extractor.hpp"

namespace jc::api {
namespace {

bool Wants(const GenerationSettings& s, OutputFormat f) {
  return std::find(s.formats.begin(), s.formats.end(), f) != s.formats.end();
}

Result<Rendered> Render(const generation::Document& doc, const GenerationSettings& s) {
  Rendered out;
  if (Wants(s, OutputFormat::kMarkdown)) out.markdown = generation::RenderMarkdown(doc);
  if (Wants(s, OutputFormat::kHtml)) out.html = generation::RenderHtml(doc, s.render);
  if (Wants(s, OutputFormat::kPdf)) {
    auto pdf = generation::RenderPdf(doc, s.render);
    if (!pdf) return pdf.error();
    out.pdf = std::move(*pdf);
  }
  if (Wants(s, OutputFormat::kDocx)) {
    auto docx = generation::RenderDocx(doc, s.render);
    if (!docx) return docx.error();
    out.docx = std::move(*docx);
  }
  return out;
}

// The language to write: the one asked for, else the posting's when the engine writes it,
// else English with a warning.
Result<const generation::Labels*> ChooseLanguage(const domain::Job& job,
                                                 const GenerationSettings& s,
                                                 std::vector<std::string>& warnings) {
  if (s.language) {
    if (const auto labels = generation::LabelsFor(*s.language)) return *labels;
    auto error = Error::Make(ErrorCode::kValidation, "options.language '" + *s.language +
                                                         "' is not a language the engine writes");
    error.details.push_back({{"body", "options", "language"}, "supported: en, de", "enum"});
    return error;
  }
  const auto detected = nlp::DetectLanguage(job.description);
  if (detected.code.empty()) return &generation::EnglishLabels();
  if (const auto labels = generation::LabelsFor(detected.code)) return *labels;
  warnings.push_back("the posting is in '" + detected.code +
                     "', which the engine does not write yet; the documents are in English");
  return &generation::EnglishLabels();
}

}  // namespace

Result<GenerationDraft> PrepareDocuments(const domain::Profile& profile, const domain::Job& job,
                                         const GenerationSettings& s,
                                         const nlp::SkillMatcher& skills) {
  GenerationDraft draft;
  const auto labels = ChooseLanguage(job, s, draft.warnings);
  if (!labels) return labels.error();
  draft.labels = *labels;
  draft.requirements = parsing::ExtractRequirements(job, skills);
  draft.tailored =
      generation::TailorProfile(profile, draft.requirements, skills, **labels, s.as_of);
  if (s.cover_letter) {
    const auto fit =
        analysis::ScoreFit(draft.tailored.profile, draft.requirements, skills, s.as_of);
    draft.letter = generation::WriteCoverLetter(draft.tailored.profile, job, draft.requirements,
                                                fit, s.tone, **labels, s.today);
  }
  return draft;
}

Result<GeneratedDocuments> FinishDocuments(GenerationDraft draft, const domain::Profile& profile,
                                           const domain::Job& job, const GenerationSettings& s,
                                           const nlp::SkillMatcher& skills) {
  GeneratedDocuments out;
  out.language = std::string(draft.labels->language);
  out.warnings = std::move(draft.warnings);
  const generation::FactBase facts(profile, &job, skills, s.as_of);
  if (s.cv) {
    GeneratedCv cv;
    cv.truthfulness = std::move(draft.cv_truth);
    generation::CheckProfile(draft.tailored.profile, facts, cv.truthfulness);
    auto document = generation::BuildCvDocument(draft.tailored.profile, *draft.labels);
    generation::CheckDocument(document, facts, cv.truthfulness);
    auto rendered = Render(document, s);
    if (!rendered) return rendered.error();
    cv.rendered = std::move(*rendered);
    cv.profile = std::move(draft.tailored.profile);
    cv.changes = std::move(draft.tailored.changes);
    out.cv = std::move(cv);
  }
  if (s.cover_letter && draft.letter) {
    GeneratedLetter letter;
    letter.truthfulness = std::move(draft.letter_truth);
    auto& document = draft.letter->document;
    generation::CheckDocument(document, facts, letter.truthfulness);
    letter.text = generation::LetterText(document);
    for (const auto& p : document.letter.paragraphs) letter.words += generation::CountWords(p);
    auto rendered = Render(document, s);
    if (!rendered) return rendered.error();
    letter.rendered = std::move(*rendered);
    out.cover_letter = std::move(letter);
  }
  return out;
}

Result<GeneratedDocuments> GenerateDocuments(const domain::Profile& profile, const domain::Job& job,
                                             const GenerationSettings& s,
                                             const nlp::SkillMatcher& skills) {
  auto draft = PrepareDocuments(profile, job, s, skills);
  if (!draft) return draft.error();
  return FinishDocuments(std::move(*draft), profile, job, s, skills);
}

}  // namespace jc::api
