// DOCX/ODT extraction speed on the corpus CVs: one benchmark per file, the whole pipeline from
// bytes in memory (unzip, XML parse, walk). Not wired into CMake; build by hand from the repo root
// with g++ -std=c++20 -O2 -Isrc, the sources src/parsing/docx/*.cpp src/parsing/document.cpp
// src/common/error.cpp and this file, -DJC_SOURCE_DIR='"/work/main"', and
// -lzip -lpugixml -lbenchmark -lbenchmark_main -pthread.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "parsing/docx/docx_extractor.hpp"
#include "parsing/docx/odt_extractor.hpp"

namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void Extract(benchmark::State& state, const std::string& bytes, bool odt) {
  const jc::parsing::ExtractLimits limits;
  std::size_t lines = 0;
  for (auto _ : state) {
    auto doc =
        odt ? jc::parsing::ExtractOdt(bytes, limits) : jc::parsing::ExtractDocx(bytes, limits);
    if (!doc) {
      state.SkipWithError(doc.error().message.c_str());
      return;
    }
    lines = doc->lines.size();
    benchmark::DoNotOptimize(doc);
  }
  state.counters["lines"] = static_cast<double>(lines);
  state.counters["KiB"] = static_cast<double>(bytes.size()) / 1024;
}

const bool kRegistered = [] {
  const std::filesystem::path dir = std::filesystem::path(JC_SOURCE_DIR) / "tests/corpus/cvs";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".docx" && ext != ".odt") continue;
    benchmark::RegisterBenchmark(entry.path().filename().c_str(), &Extract, ReadFile(entry.path()),
                                 ext == ".odt")
        ->Unit(benchmark::kMicrosecond);
  }
  return true;
}();

}  // namespace
