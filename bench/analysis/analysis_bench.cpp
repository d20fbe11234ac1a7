// Speed of job analysis (issue 4, "Speed"): requirement extraction of a 4 KB posting and a full
// fit analysis each under 200 us median on one core; ranking one profile against 1,000 jobs
// under 100 ms. Built with the benchmarks (target bench_analysis):
//   build/<dir>/bench_analysis [--benchmark_repetitions=N] [--benchmark_filter=REGEX]
// Runs 5 repetitions unless told otherwise and ends with a table of the medians against the bar.
//
// Inputs come from the labelled corpora: the job postings in tests/corpus/jobs (about 1 KB each,
// so a 4 KB posting is a run of consecutive postings joined into one text) and a profile from a
// CV gold file in tests/corpus/cvs, mapped field by field as api::FromDto does (the benchmark
// reads the contract's JSON directly, so it needs neither the HTTP layer nor jc_api).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/fit_scorer.hpp"
#include "analysis/profile_index.hpp"
#include "nlp/skill_matcher.hpp"
#include "nlp/taxonomy.hpp"
#include "parsing/job/requirements_extractor.hpp"

namespace {

namespace fs = std::filesystem;
using namespace jc;

constexpr std::size_t kPostingBytes = 4096;
constexpr std::size_t kFourKbPostings = 4;
constexpr int kRankedJobs = 1000;
constexpr domain::PartialDate kAsOf{.year = 2025, .month = 6};
// A frontend developer's CV against a frontend posting: a profile with many skills and roles.
constexpr const char* kCvGold = "001-maya-thompson-frontend.gold.json";
constexpr const char* kScoredPosting = "002-frontend-developer-react.gold.json";

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "bench_analysis: %s\n", what.c_str());
  std::exit(1);
}

namespace json = boost::json;

std::optional<std::string> OptString(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (v == nullptr || !v->is_string()) return std::nullopt;
  return std::string(v->as_string());
}

std::string String(const json::object& o, std::string_view key) {
  return OptString(o, key).value_or("");
}

std::optional<domain::PartialDate> OptDate(const json::object& o, std::string_view key) {
  const auto text = OptString(o, key);
  return text ? domain::PartialDate::Parse(*text) : std::nullopt;
}

std::vector<std::string> Strings(const json::object& o, std::string_view key) {
  std::vector<std::string> out;
  if (const auto* v = o.if_contains(key); v != nullptr && v->is_array()) {
    for (const auto& s : v->as_array()) {
      if (s.is_string()) out.emplace_back(s.as_string());
    }
  }
  return out;
}

const json::array& Array(const json::object& o, std::string_view key) {
  static const json::array kEmpty;
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_array() ? v->as_array() : kEmpty;
}

// A contract JobData object, as api::FromDto(JobData) maps it.
domain::Job JobFromJson(const json::object& o) {
  return {.title = OptString(o, "title"),
          .company = OptString(o, "company"),
          .description = String(o, "description"),
          .location = OptString(o, "location"),
          .url = OptString(o, "url")};
}

// A contract Profile object, as api::FromDto(Profile) maps it (links and contact details are
// left out: scoring never reads them).
domain::Profile ProfileFromJson(const json::object& o) {
  domain::Profile p;
  p.full_name = OptString(o, "fullName");
  p.location = OptString(o, "location");
  p.headline = OptString(o, "headline");
  p.summary = OptString(o, "summary");
  for (const auto& v : Array(o, "workExperience")) {
    const auto& w = v.as_object();
    const auto end = OptDate(w, "endDate");
    const auto* current = w.if_contains("current");
    p.work_experience.push_back(
        {.title = OptString(w, "title"),
         .company = OptString(w, "company"),
         .location = OptString(w, "location"),
         .dates = {OptDate(w, "startDate"), end,
                   current != nullptr && current->is_bool() && current->as_bool() && !end},
         .description = OptString(w, "description"),
         .highlights = Strings(w, "highlights")});
  }
  for (const auto& v : Array(o, "education")) {
    const auto& e = v.as_object();
    p.education.push_back({.institution = OptString(e, "institution"),
                           .degree = OptString(e, "degree"),
                           .field = OptString(e, "field"),
                           .start = OptDate(e, "startDate"),
                           .end = OptDate(e, "endDate"),
                           .grade = OptString(e, "grade")});
  }
  if (const auto* skills = o.if_contains("skills"); skills != nullptr && skills->is_object()) {
    p.skills = {Strings(skills->as_object(), "technical"), Strings(skills->as_object(), "soft")};
  }
  for (const auto& v : Array(o, "languages")) {
    p.languages.push_back(
        {String(v.as_object(), "language"), OptString(v.as_object(), "proficiency")});
  }
  for (const auto& v : Array(o, "certifications")) {
    const auto& c = v.as_object();
    p.certifications.push_back({String(c, "name"), OptString(c, "issuer"), OptDate(c, "date")});
  }
  for (const auto& v : Array(o, "projects")) {
    const auto& pr = v.as_object();
    p.projects.push_back({String(pr, "name"), OptString(pr, "description"), OptString(pr, "url"),
                          Strings(pr, "technologies")});
  }
  if (const auto* years = o.if_contains("totalYearsExperience");
      years != nullptr && years->is_number()) {
    p.total_years_experience = years->to_number<double>();
  }
  return p;
}

struct Corpus {
  nlp::Taxonomy taxonomy;
  std::vector<json::object> jobs;  // the jobData objects, sorted by file name
  std::vector<std::string> four_kb;
  domain::Job scored_job;
  domain::Profile profile;
};

Corpus LoadCorpus() {
  auto taxonomy = nlp::Taxonomy::Load(JC_SOURCE_DIR "/data/skills");
  if (!taxonomy) Fail("taxonomy: " + taxonomy.error().message);
  Corpus c{.taxonomy = std::move(*taxonomy)};
  const fs::path jobs_dir = fs::path(JC_SOURCE_DIR) / "tests/corpus/jobs";
  std::vector<fs::path> golds;
  for (const auto& e : fs::directory_iterator(jobs_dir)) {
    if (e.path().string().ends_with(".gold.json")) golds.push_back(e.path());
  }
  std::sort(golds.begin(), golds.end());
  for (const auto& g : golds) {
    c.jobs.push_back(json::parse(ReadFile(g)).at("jobData").as_object());
    if (g.filename() == kScoredPosting) c.scored_job = JobFromJson(c.jobs.back());
  }
  if (c.jobs.empty() || c.scored_job.description.empty()) {
    Fail("no job corpus in " + jobs_dir.string());
  }

  // 4 KB postings from different parts of the corpus: consecutive whole postings joined until
  // the text reaches 4 KB, then cut at the last line end before 4 KB.
  const std::size_t stride = c.jobs.size() / kFourKbPostings;
  for (std::size_t k = 0; k < kFourKbPostings; ++k) {
    std::string text;
    for (std::size_t i = k * stride; text.size() < kPostingBytes; i = (i + 1) % c.jobs.size()) {
      text += String(c.jobs[i], "description");
      text += "\n\n";
    }
    text.resize(text.rfind('\n', kPostingBytes) + 1);
    c.four_kb.push_back(std::move(text));
  }

  const fs::path cv = fs::path(JC_SOURCE_DIR) / "tests/corpus/cvs" / kCvGold;
  c.profile = ProfileFromJson(json::parse(ReadFile(cv)).at("profile").as_object());
  return c;
}

const Corpus& Data() {
  static const Corpus corpus = LoadCorpus();
  return corpus;
}

const nlp::SkillMatcher& Matcher() {
  static const nlp::SkillMatcher matcher(Data().taxonomy);
  return matcher;
}

void BM_ExtractRequirements(benchmark::State& state) {
  const domain::Job job{.description = Data().four_kb[static_cast<std::size_t>(state.range(0))]};
  for (auto _ : state) {
    auto requirements = parsing::ExtractRequirements(job, Matcher());
    benchmark::DoNotOptimize(requirements);
  }
  state.SetLabel(std::to_string(job.description.size()) + " B");
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(job.description.size()));
}
BENCHMARK(BM_ExtractRequirements)
    ->DenseRange(0, static_cast<int>(kFourKbPostings) - 1)
    ->Unit(benchmark::kMicrosecond);

// Every corpus posting as the API receives it (title, location), one at a time: the time per
// posting is the iteration time / 58.
void BM_ExtractRequirementsCorpus(benchmark::State& state) {
  std::vector<domain::Job> jobs;
  for (const auto& j : Data().jobs) jobs.push_back(JobFromJson(j));
  for (auto _ : state) {
    for (const auto& job : jobs) {
      auto requirements = parsing::ExtractRequirements(job, Matcher());
      benchmark::DoNotOptimize(requirements);
    }
  }
  state.counters["per_posting"] =
      benchmark::Counter(static_cast<double>(state.iterations() * jobs.size()),
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_ExtractRequirementsCorpus)->Unit(benchmark::kMillisecond);

void BM_ScoreFit(benchmark::State& state) {
  const auto requirements = parsing::ExtractRequirements(Data().scored_job, Matcher());
  for (auto _ : state) {
    auto fit = analysis::ScoreFit(Data().profile, requirements, Matcher(), kAsOf);
    benchmark::DoNotOptimize(fit);
  }
}
BENCHMARK(BM_ScoreFit)->Unit(benchmark::kMicrosecond);

void BM_ScoreFitIndexed(benchmark::State& state) {
  const auto requirements = parsing::ExtractRequirements(Data().scored_job, Matcher());
  const auto index = analysis::ProfileIndex::Build(Data().profile, Matcher());
  for (auto _ : state) {
    auto fit = analysis::ScoreFit(index, requirements, Matcher(), kAsOf);
    benchmark::DoNotOptimize(fit);
  }
}
BENCHMARK(BM_ScoreFitIndexed)->Unit(benchmark::kMicrosecond);

// /api/analyze-job-fit: extract the 4 KB posting's requirements, then score the profile.
void BM_FullFitAnalysis(benchmark::State& state) {
  const domain::Job job{.description = Data().four_kb[static_cast<std::size_t>(state.range(0))]};
  for (auto _ : state) {
    auto fit = analysis::ScoreFit(Data().profile, parsing::ExtractRequirements(job, Matcher()),
                                  Matcher(), kAsOf);
    benchmark::DoNotOptimize(fit);
  }
}
BENCHMARK(BM_FullFitAnalysis)
    ->DenseRange(0, static_cast<int>(kFourKbPostings) - 1)
    ->Unit(benchmark::kMicrosecond);

// /api/rank-jobs on one thread: the profile indexed once, then every job mapped, extracted and
// scored, cycling through the corpus postings.
void BM_RankOneProfileAgainst1000Jobs(benchmark::State& state) {
  const auto& jobs = Data().jobs;
  for (auto _ : state) {
    const auto index = analysis::ProfileIndex::Build(Data().profile, Matcher());
    std::vector<domain::Fit> fits;
    fits.reserve(kRankedJobs);
    for (int i = 0; i < kRankedJobs; ++i) {
      const domain::Job job = JobFromJson(jobs[static_cast<std::size_t>(i) % jobs.size()]);
      fits.push_back(analysis::ScoreFit(index, parsing::ExtractRequirements(job, Matcher()),
                                        Matcher(), kAsOf));
    }
    benchmark::DoNotOptimize(fits);
  }
}
BENCHMARK(BM_RankOneProfileAgainst1000Jobs)->Unit(benchmark::kMillisecond);

// The console output, then one line per benchmark with its median and the bar it must meet.
class MedianSummary : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const auto& run : runs) {
      if (run.error_occurred) continue;
      const bool median = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
      const bool single = run.run_type == Run::RT_Iteration && run.repetitions <= 1;
      if (!median && !single) continue;
      medians_[run.run_name.function_name +
               (run.run_name.args.empty() ? "" : "/" + run.run_name.args)] =
          run.GetAdjustedRealTime() / benchmark::GetTimeUnitMultiplier(run.time_unit);
    }
  }

  void Finalize() override {
    ConsoleReporter::Finalize();
    std::printf("\nMedians (real time)%38s%12s\n", "", "bar");
    for (const auto& [name, seconds] : medians_) {
      const double bar = BarFor(name);
      std::printf("%-45s %10.1f us", name.c_str(), seconds * 1e6);
      if (bar > 0) {
        std::printf("  %8.0f us  %s", bar * 1e6, seconds <= bar ? "ok" : "OVER");
      }
      std::printf("\n");
    }
  }

 private:
  static double BarFor(const std::string& name) {
    if (name.starts_with("BM_ExtractRequirements/") || name.starts_with("BM_FullFitAnalysis/"))
      return 200e-6;
    if (name.starts_with("BM_RankOneProfileAgainst1000Jobs")) return 100e-3;
    return 0;
  }

  std::map<std::string, double> medians_;  // name -> seconds
};

}  // namespace

int main(int argc, char** argv) {
  std::vector<char*> args(argv, argv + argc);
  std::string repetitions = "--benchmark_repetitions=5";
  const bool told = std::any_of(args.begin(), args.end(), [](const char* a) {
    return std::string_view(a).starts_with("--benchmark_repetitions");
  });
  if (!told) args.push_back(repetitions.data());
  int count = static_cast<int>(args.size());
  benchmark::Initialize(&count, args.data());
  if (benchmark::ReportUnrecognizedArguments(count, args.data())) return 1;
  Data();  // load outside the timings
  MedianSummary reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
