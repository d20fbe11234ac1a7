// ExtractPdf against its floor, poppler's own text_list() with fonts over every page, per corpus
// PDF; and our layout alone on words read beforehand, to see its share without poppler's noise.
// Not wired into CMake; build by hand:
//   g++ -std=c++20 -O2 -I src $(pkg-config --cflags poppler-cpp) bench/parse/pdf_extract_bench.cpp
//     src/parsing/pdf/*.cpp src/parsing/document.cpp src/common/error.cpp
//     -DJC_SOURCE_DIR='"'$PWD'"' $(pkg-config --libs poppler-cpp) -lbenchmark -pthread
//   ./a.out --benchmark_repetitions=15 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>
#include <poppler-document.h>
#include <poppler-page.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "parsing/pdf/pdf_extractor.hpp"
#include "parsing/pdf/pdf_layout.hpp"

namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void TextListFloor(benchmark::State& state, const std::string& bytes) {
  for (auto _ : state) {
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    std::size_t boxes = 0;
    for (int i = 0; i < doc->pages(); ++i) {
      std::unique_ptr<poppler::page> page(doc->create_page(i));
      boxes += page->text_list(poppler::page::text_list_option_enum::text_list_include_font).size();
    }
    benchmark::DoNotOptimize(boxes);
  }
}

void Extract(benchmark::State& state, const std::string& bytes) {
  const jc::parsing::ExtractLimits limits;
  for (auto _ : state) {
    auto result = jc::parsing::ExtractPdf(bytes, limits);
    if (!result) state.SkipWithError("extraction failed");
    benchmark::DoNotOptimize(result);
  }
}

using PageWords = std::vector<std::vector<jc::parsing::pdf::Word>>;

// The words of every page, read the way the extractor reads them (minus normalisation).
PageWords ReadWords(const std::string& bytes) {
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  PageWords pages;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    auto& words = pages.emplace_back();
    for (auto& box :
         page->text_list(poppler::page::text_list_option_enum::text_list_include_font)) {
      const auto utf8 = box.text().to_utf8();
      const auto r = box.bbox();
      words.push_back({std::string(utf8.data(), utf8.size()), static_cast<float>(r.left()),
                       static_cast<float>(r.top()), static_cast<float>(r.right()),
                       static_cast<float>(r.bottom()), static_cast<float>(box.get_font_size()),
                       box.get_font_name(0).find("Bold") != std::string::npos, false});
    }
  }
  return pages;
}

void LayoutOnly(benchmark::State& state, const PageWords& pages) {
  for (auto _ : state) {
    std::vector<jc::parsing::Line> lines;
    int block = 0;
    for (std::size_t i = 0; i < pages.size(); ++i) {
      jc::parsing::pdf::LayoutPage(pages[i], static_cast<int>(i + 1), block, lines);
    }
    benchmark::DoNotOptimize(lines);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path corpus = std::filesystem::path(JC_SOURCE_DIR) / "tests/corpus/cvs";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    if (entry.path().extension() == ".pdf") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    const std::string name = path.stem().string().substr(0, 3);
    auto bytes = std::make_shared<std::string>(ReadFile(path));
    benchmark::RegisterBenchmark(("text_list/" + name).c_str(), [bytes](benchmark::State& s) {
      TextListFloor(s, *bytes);
    })->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("ExtractPdf/" + name).c_str(), [bytes](benchmark::State& s) {
      Extract(s, *bytes);
    })->Unit(benchmark::kMillisecond);
    auto words = std::make_shared<PageWords>(ReadWords(*bytes));
    benchmark::RegisterBenchmark(("layout_only/" + name).c_str(), [words](benchmark::State& s) {
      LayoutOnly(s, *words);
    })->Unit(benchmark::kMillisecond);
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
