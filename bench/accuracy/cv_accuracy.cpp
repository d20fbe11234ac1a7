// Accuracy of the CV parser on a labelled corpus (default tests/corpus/cvs): runs the same engine
// as POST /api/parse-cv on every document and prints precision, recall and F1 per field, and the
// exact rates of dates and total years (scoring rules: tests/support/cv_corpus_eval.hpp).
//   build/<dir>/accuracy_cv [CORPUS_DIR] [--misses] [--as-of YYYY-MM]
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>

#include "api/cv_parse_job.hpp"
#include "nlp/taxonomy.hpp"
#include "support/cv_corpus_eval.hpp"

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(JC_SOURCE_DIR) / "tests/corpus/cvs";
  jc::domain::PartialDate as_of{2026, 11};
  bool misses = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--misses") {
      misses = true;
    } else if (arg == "--as-of" && i + 1 < argc) {
      as_of = jc::domain::PartialDate::Parse(argv[++i]).value_or(as_of);
    } else {
      dir = arg;
    }
  }
  auto taxonomy = jc::nlp::Taxonomy::Load(std::string(JC_SOURCE_DIR) + "/data/skills");
  if (!taxonomy) {
    std::cerr << taxonomy.error().message << "\n";
    return 1;
  }
  jc::api::CvParseEngine engine(*taxonomy);
  const auto report = jc::testing::EvaluateCvCorpus(dir, engine, as_of, misses);
  for (const auto& line : report.failed) std::printf("parse failed: %s\n", line.c_str());
  for (const auto& line : report.misses) std::printf("  %s\n", line.c_str());
  std::printf("documents: %d (parse failed: %zu), as of %s\n", report.documents,
              report.failed.size(), as_of.ToString().c_str());
  std::printf("%-24s %6s %6s %6s %9s %9s %9s\n", "field", "tp", "fp", "fn", "precision", "recall",
              "F1");
  for (const auto& [field, s] : report.scores) {
    std::printf("%-24s %6ld %6ld %6ld %9.3f %9.3f %9.3f\n", field.c_str(), s.true_pos, s.false_pos,
                s.false_neg, s.Precision(), s.Recall(), s.F1());
  }
  std::printf("%-24s %6s %6s %9s\n", "field", "right", "total", "exact");
  for (const auto& [field, r] : report.rates) {
    std::printf("%-24s %6ld %6ld %9.3f\n", field.c_str(), r.right, r.total, r.Value());
  }
  return report.failed.empty() ? 0 : 1;
}
