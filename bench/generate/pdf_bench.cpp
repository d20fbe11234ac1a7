// PDF rendering speed: the sample two-page CV in each template and the sample cover letter.
// Product bar: a warm median under 30 ms for the CV. BM_RenderPdf_FirstDocument renders on a
// fresh thread each iteration, so it includes the per-thread font set-up a first call pays.
#include <benchmark/benchmark.h>

#include <thread>

#include "generation/pdf/pdf_renderer.hpp"
#include "support/sample_documents.hpp"

namespace {

using jc::generation::PageSize;
using jc::generation::RenderOptions;
using jc::generation::RenderPdf;
using jc::generation::TemplateId;

void Render(benchmark::State& state, const jc::generation::Document& doc, RenderOptions options) {
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto pdf = RenderPdf(doc, options);
    if (!pdf) {
      state.SkipWithError(pdf.error().message.c_str());
      return;
    }
    bytes = pdf->size();
    benchmark::DoNotOptimize(pdf);
  }
  state.counters["pdf_bytes"] = static_cast<double>(bytes);
}

void BM_RenderPdf_SampleCv(benchmark::State& state) {
  const auto id = state.range(0) == 0 ? TemplateId::kClassic : TemplateId::kModern;
  state.SetLabel(id == TemplateId::kClassic ? "classic" : "modern");
  Render(state, jc::testing::SampleCv(), {id, PageSize::kA4});
}
BENCHMARK(BM_RenderPdf_SampleCv)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_RenderPdf_Letter(benchmark::State& state) {
  Render(state, jc::testing::SampleLetter(), {TemplateId::kClassic, PageSize::kA4});
}
BENCHMARK(BM_RenderPdf_Letter)->Unit(benchmark::kMillisecond);

void BM_RenderPdf_FirstDocument(benchmark::State& state) {
  const auto cv = jc::testing::SampleCv();
  for (auto _ : state) {
    std::thread worker([&] {
      auto pdf = RenderPdf(cv, {TemplateId::kClassic, PageSize::kA4});
      benchmark::DoNotOptimize(pdf);
    });
    worker.join();
  }
}
BENCHMARK(BM_RenderPdf_FirstDocument)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
