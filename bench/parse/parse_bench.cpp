// The cost of a whole CV parse per file type, as the service pays it: the job is handed to a
// sandboxed parse worker (`jobcopilot parse-worker`, the real binary) and its JSON answer read
// back. For every corpus PDF the floor is poppler's own word extraction (poppler-cpp's
// page::text_list() over every page) of the same file in this process, with poppler's global
// state kept warm as in the worker; the summary prints whole/floor. handoff/round-trip is a job
// the worker refuses at once: the cost of the hand-off alone. JC_BENCH_SPLIT=1 adds, per file,
// the same parse in this process (inproc/), the text extraction alone (extract/) and, for PDFs,
// text_list() asked for fonts too (floor-fonts/), which the parser needs and text_list() pays a
// scan of every font of the document for.
//   build/release/bench_parse [--benchmark_repetitions=5] [--benchmark_filter=docx]
// Run it on an idle machine; see bench/parse/run.sh for the HTTP throughput figure.
#include <benchmark/benchmark.h>
#include <poppler-document.h>
#include <poppler-page.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "api/cv_parse_job.hpp"
#include "nlp/taxonomy.hpp"
#include "parsing/extract.hpp"
#include "parsing/pdf/pdf_extractor.hpp"
#include "sandbox/process_pool.hpp"

namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

[[gnu::noinline]] void TextListFloor(benchmark::State& state, const std::string& bytes,
                                     int options) {
  for (auto _ : state) {
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    std::size_t boxes = 0;
    for (int i = 0; i < doc->pages(); ++i) {
      std::unique_ptr<poppler::page> page(doc->create_page(i));
      boxes += page->text_list(options).size();
    }
    benchmark::DoNotOptimize(boxes);
  }
}

[[gnu::noinline]] void WholeParse(benchmark::State& state, jc::sandbox::ProcessPool& pool,
                                  const std::string& job) {
  for (auto _ : state) {
    auto reply = pool.Call(job);
    if (!reply) {
      state.SkipWithError(reply.error().message.c_str());
      break;
    }
    benchmark::DoNotOptimize(reply);
  }
}

// The same parse in this process: the difference to WholeParse is the hand-off to the worker.
[[gnu::noinline]] void InProcessParse(benchmark::State& state, jc::api::CvParseEngine& engine,
                                      const std::string& job) {
  for (auto _ : state) {
    auto reply = engine.Run(job);
    benchmark::DoNotOptimize(reply);
  }
}

// Text extraction only (poppler plus the line layout), in this process.
[[gnu::noinline]] void ExtractOnly(benchmark::State& state, const std::string& bytes) {
  for (auto _ : state) {
    auto doc = jc::parsing::ExtractDocument(bytes, "", {});
    benchmark::DoNotOptimize(doc);
  }
}

// A job the worker refuses at once (it does not decode): the round trip of a hand-off alone.
[[gnu::noinline]] void HandOff(benchmark::State& state, jc::sandbox::ProcessPool& pool) {
  for (auto _ : state) {
    auto reply = pool.Call("not a parse job");
    benchmark::DoNotOptimize(reply);
  }
}

// Records the time of every benchmark (the median when repeated) for the summary.
class Recorder : public benchmark::ConsoleReporter {
 public:
  std::map<std::string, double> ms;  // "parse/pdf/001" -> milliseconds

  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const auto& run : runs) {
      if (run.error_occurred) continue;
      const std::string name = run.run_name.function_name;
      if (run.run_type == Run::RT_Aggregate) {
        if (run.aggregate_name == "median") ms[name] = run.GetAdjustedRealTime();
      } else if (!ms.count(name)) {
        ms[name] = run.GetAdjustedRealTime();
      }
    }
  }
};

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
  const fs::path corpus = fs::path(JC_SOURCE_DIR) / "tests/corpus/cvs";
  jc::sandbox::SandboxLimits limits;
  limits.address_space_bytes = 0;  // also works for sanitizer builds
  // The worker runs at the benchmark's own priority (the service lowers it to nice 10, which
  // changes nothing on an idle machine but lets any other load preempt the measured worker).
  limits.nice = getpriority(PRIO_PROCESS, 0);
  if (std::getenv("JC_BENCH_NO_RECYCLE")) {
    limits.max_jobs_per_worker = 1u << 30;
    limits.cpu_seconds = 0;
  }
  jc::sandbox::ProcessPool pool(
      {JC_BINARY_PATH, "parse-worker", "--data-dir", std::string(JC_SOURCE_DIR) + "/data"}, 1,
      limits);

  // JC_BENCH_SPLIT=1 adds, per file, the same parse in this process and the text extraction
  // alone, to see where a whole parse's time goes.
  const bool split = std::getenv("JC_BENCH_SPLIT") != nullptr;
  std::optional<jc::nlp::Taxonomy> taxonomy;
  std::optional<jc::api::CvParseEngine> engine;
  if (split) {
    auto loaded = jc::nlp::Taxonomy::Load(std::string(JC_SOURCE_DIR) + "/data/skills");
    if (!loaded) {
      std::fprintf(stderr, "cannot load the taxonomy: %s\n", loaded.error().message.c_str());
      return 1;
    }
    taxonomy.emplace(std::move(*loaded));
    engine.emplace(*taxonomy);
  }

  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(corpus)) {
    const auto ext = entry.path().extension();
    if (ext == ".pdf" || ext == ".docx" || ext == ".odt" || ext == ".rtf" || ext == ".html" ||
        ext == ".txt") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  // The worker keeps poppler's global state between documents (ExtractPdf holds it for the life
  // of the process). So does this process, through the same call, so the floor is measured in
  // the same conditions and not charged poppler's start-up per file.
  const auto first_pdf = std::find_if(files.begin(), files.end(),
                                      [](const fs::path& p) { return p.extension() == ".pdf"; });
  if (first_pdf != files.end()) (void)jc::parsing::ExtractPdf(ReadFile(*first_pdf), {});
  for (const auto& path : files) {
    const std::string ext = path.extension().string().substr(1);
    const std::string id = path.stem().string().substr(0, 3);
    const std::string bytes = ReadFile(path);
    auto job = std::make_shared<std::string>(
        jc::api::EncodeParseJob({.bytes = bytes, .as_of = {2026, 11}}));
    if (!pool.Call(*job)) {  // also warms the worker up (dictionaries load on first use)
      std::fprintf(stderr, "parse failed: %s\n", path.c_str());
      return 1;
    }
    benchmark::RegisterBenchmark(("parse/" + ext + "/" + id).c_str(), [&pool,
                                                                       job](benchmark::State& s) {
      WholeParse(s, pool, *job);
    })->Unit(benchmark::kMillisecond);
    if (split) {
      (void)engine->Run(*job);  // warms the dictionaries up
      benchmark::RegisterBenchmark(("inproc/" + ext + "/" + id).c_str(), [&engine, job](
                                                                             benchmark::State& s) {
        InProcessParse(s, *engine, *job);
      })->Unit(benchmark::kMillisecond);
      auto raw = std::make_shared<std::string>(bytes);
      benchmark::RegisterBenchmark(("extract/" + ext + "/" + id).c_str(), [raw](
                                                                              benchmark::State& s) {
        ExtractOnly(s, *raw);
      })->Unit(benchmark::kMillisecond);
    }
    if (ext == "pdf") {
      auto raw = std::make_shared<std::string>(bytes);
      benchmark::RegisterBenchmark(("floor/pdf/" + id).c_str(), [raw](benchmark::State& s) {
        TextListFloor(s, *raw, 0);
      })->Unit(benchmark::kMillisecond);
      if (split) {
        benchmark::RegisterBenchmark(("floor-fonts/pdf/" + id).c_str(), [raw](benchmark::State& s) {
          TextListFloor(s, *raw, poppler::page::text_list_option_enum::text_list_include_font);
        })->Unit(benchmark::kMillisecond);
      }
    }
  }
  benchmark::RegisterBenchmark("handoff/round-trip", [&pool](benchmark::State& s) {
    HandOff(s, pool);
  })->Unit(benchmark::kMicrosecond);
  benchmark::Initialize(&argc, argv);
  Recorder recorder;
  benchmark::RunSpecifiedBenchmarks(&recorder);
  benchmark::Shutdown();

  // Summary: median per type; for PDFs the ratio to the floor, file by file.
  std::map<std::string, std::vector<double>> per_type;
  std::vector<double> ratios;
  for (const auto& [name, ms] : recorder.ms) {
    if (name.rfind("parse/", 0) != 0) continue;
    const std::string type = name.substr(6, name.find('/', 6) - 6);
    per_type[type].push_back(ms);
    if (type == "pdf") {
      const auto floor = recorder.ms.find("floor/pdf/" + name.substr(name.rfind('/') + 1));
      if (floor != recorder.ms.end() && floor->second > 0) ratios.push_back(ms / floor->second);
    }
  }
  std::printf("\nwhole parse through a worker process, per file type:\n");
  for (const auto& [type, v] : per_type) {
    std::printf("  %-5s %3zu files  median %7.3f ms  max %7.3f ms\n", type.c_str(), v.size(),
                Median(v), *std::max_element(v.begin(), v.end()));
  }
  if (!ratios.empty()) {
    std::printf("  pdf whole parse / poppler text_list() floor: median %.2fx  max %.2fx\n",
                Median(ratios), *std::max_element(ratios.begin(), ratios.end()));
  }
  return 0;
}
