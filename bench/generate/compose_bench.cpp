// The local engine's writing speed: a cover letter (the bar: under 1 ms), tailoring, the CV
// layout with Markdown and HTML, and the whole generation of both documents as the API runs it
// (requirements, tailoring, fit, writing, truthfulness checks) with and without PDF and DOCX.
#include <benchmark/benchmark.h>

#include <cstdlib>

#include "analysis/fit_scorer.hpp"
#include "api/document_generation.hpp"
#include "generation/cover_letter.hpp"
#include "generation/cv_document.hpp"
#include "generation/html/html_renderer.hpp"
#include "generation/markdown/markdown_renderer.hpp"
#include "generation/tailoring.hpp"
#include "parsing/job/requirements_extractor.hpp"
#include "support/sample_profiles.hpp"

namespace {

using namespace jc;

constexpr domain::PartialDate kAsOf{2026, 11};

const nlp::SkillMatcher& Matcher() {
  static const nlp::Taxonomy taxonomy = [] {
    auto loaded = nlp::Taxonomy::Load(JC_SOURCE_DIR "/data/skills");
    if (!loaded) std::abort();
    return std::move(*loaded);
  }();
  static const nlp::SkillMatcher matcher(taxonomy);
  return matcher;
}

void BM_CoverLetter(benchmark::State& state) {
  const auto profile = testing::EngineerProfile();
  const auto job = testing::EngineerJob();
  const auto req = parsing::ExtractRequirements(job, Matcher());
  const auto fit = analysis::ScoreFit(profile, req, Matcher(), kAsOf);
  const auto& labels = generation::EnglishLabels();
  for (auto _ : state) {
    auto letter = generation::WriteCoverLetter(
        profile, job, req, fit, generation::LetterTone::kProfessional, labels, {2026, 11, 27});
    benchmark::DoNotOptimize(letter);
  }
}
BENCHMARK(BM_CoverLetter)->Unit(benchmark::kMicrosecond);

void BM_TailorProfile(benchmark::State& state) {
  const auto profile = testing::EngineerProfile();
  const auto req = parsing::ExtractRequirements(testing::EngineerJob(), Matcher());
  for (auto _ : state) {
    auto tailored =
        generation::TailorProfile(profile, req, Matcher(), generation::EnglishLabels(), kAsOf);
    benchmark::DoNotOptimize(tailored);
  }
}
BENCHMARK(BM_TailorProfile)->Unit(benchmark::kMicrosecond);

void BM_CvMarkdownAndHtml(benchmark::State& state) {
  const auto profile = testing::EngineerProfile();
  for (auto _ : state) {
    const auto doc = generation::BuildCvDocument(profile, generation::EnglishLabels());
    auto md = generation::RenderMarkdown(doc);
    auto html = generation::RenderHtml(doc, {});
    benchmark::DoNotOptimize(md);
    benchmark::DoNotOptimize(html);
  }
}
BENCHMARK(BM_CvMarkdownAndHtml)->Unit(benchmark::kMicrosecond);

// Both documents end to end as the API runs them; Arg(1) adds PDF and DOCX.
void BM_GenerateDocuments(benchmark::State& state) {
  const auto profile = testing::EngineerProfile();
  const auto job = testing::EngineerJob();
  api::GenerationSettings settings;
  settings.cover_letter = true;
  settings.as_of = kAsOf;
  settings.today = {2026, 11, 27};
  if (state.range(0) == 1) {
    settings.formats = {api::OutputFormat::kMarkdown, api::OutputFormat::kPdf,
                        api::OutputFormat::kDocx};
  }
  for (auto _ : state) {
    auto out = api::GenerateDocuments(profile, job, settings, Matcher());
    if (!out) state.SkipWithError(out.error().message.c_str());
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_GenerateDocuments)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
