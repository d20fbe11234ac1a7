// DOCX rendering speed: the sample two-page CV in each template, the sample cover letter and the
// 200-role hostile CV. Product bar: a median under 3 ms for the two-page CV.
#include <benchmark/benchmark.h>

#include "generation/docx/docx_renderer.hpp"
#include "support/sample_documents.hpp"

namespace {

using jc::generation::PageSize;
using jc::generation::RenderDocx;
using jc::generation::RenderOptions;
using jc::generation::TemplateId;

void Render(benchmark::State& state, const jc::generation::Document& doc, RenderOptions options) {
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto docx = RenderDocx(doc, options);
    if (!docx) {
      state.SkipWithError(docx.error().message.c_str());
      return;
    }
    bytes = docx->size();
    benchmark::DoNotOptimize(docx);
  }
  state.counters["docx_bytes"] = static_cast<double>(bytes);
}

void BM_RenderDocx_SampleCv(benchmark::State& state) {
  const auto id = state.range(0) == 0 ? TemplateId::kClassic : TemplateId::kModern;
  state.SetLabel(id == TemplateId::kClassic ? "classic" : "modern");
  Render(state, jc::testing::SampleCv(), {id, PageSize::kA4});
}
BENCHMARK(BM_RenderDocx_SampleCv)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

void BM_RenderDocx_Letter(benchmark::State& state) {
  Render(state, jc::testing::SampleLetter(), {TemplateId::kClassic, PageSize::kA4});
}
BENCHMARK(BM_RenderDocx_Letter)->Unit(benchmark::kMicrosecond);

void BM_RenderDocx_TwoHundredRoles(benchmark::State& state) {
  for (auto& [name, doc] : jc::testing::HostileDocuments()) {
    if (name == "two_hundred_roles") {
      Render(state, doc, {TemplateId::kModern, PageSize::kA4});
      return;
    }
  }
  state.SkipWithError("no two_hundred_roles document");
}
BENCHMARK(BM_RenderDocx_TwoHundredRoles)->Unit(benchmark::kMicrosecond);

}  // namespace
