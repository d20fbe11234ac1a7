// Benchmarks for the skill taxonomy and matcher: load time and matching throughput on ~10 KB of
// CV-like text. Built with the tests (target bench_skill_matcher):
// build/release/bench_skill_matcher
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>

#include "nlp/skill_matcher.hpp"
#include "nlp/taxonomy.hpp"

namespace {

using jc::nlp::SkillMatcher;
using jc::nlp::Taxonomy;

constexpr const char* kDir = JC_SOURCE_DIR "/data/skills";

const Taxonomy& Loaded() {
  static const Taxonomy taxonomy = [] {
    auto loaded = Taxonomy::Load(kDir);
    if (!loaded) std::abort();
    return std::move(*loaded);
  }();
  return taxonomy;
}

// About 10 KB of mixed CV and job-posting prose in several languages.
std::string SampleText() {
  const std::string paragraph =
      "Senior Software Engineer, 2019 - present. Built REST APIs and microservices in Go and "
      "Python (Django, FastAPI) on AWS (EKS, Lambda, S3) with PostgreSQL and Redis; CI/CD with "
      "GitHub Actions and Terraform. Led a team of five, mentoring juniors; strong communication "
      "and stakeholder management. Kenntnisse in Java und Projektmanagement, gestion de projet. "
      "Nice to have: Kubernetes, Kafka; no PHP experience needed. Languages: English (native), "
      "Deutsch (C1), Français (B2). Registered Nurse with BLS and ACLS, Epic EHR, wound care. "
      "Forklift certified, MIG and TIG welding, HVAC maintenance, SAP FI, IFRS and Excel "
      "modelling, SEO and Google Ads, Figma, Adobe Photoshop, Scrum and PRINCE2.\n";
  std::string text;
  while (text.size() < 10 * 1024) text += paragraph;
  return text;
}

void BM_TaxonomyLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto loaded = Taxonomy::Load(kDir);
    benchmark::DoNotOptimize(loaded);
  }
}
BENCHMARK(BM_TaxonomyLoad)->Unit(benchmark::kMillisecond);

void BM_MatcherBuild(benchmark::State& state) {
  for (auto _ : state) {
    SkillMatcher matcher(Loaded());
    benchmark::DoNotOptimize(matcher);
  }
}
BENCHMARK(BM_MatcherBuild)->Unit(benchmark::kMillisecond);

void BM_FindAll10KB(benchmark::State& state) {
  const SkillMatcher matcher(Loaded());
  const std::string text = SampleText();
  for (auto _ : state) {
    auto matches = matcher.FindAll(text);
    benchmark::DoNotOptimize(matches);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_FindAll10KB)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
