// Accuracy of the contact fields on the labelled CV corpus (tests/corpus/cvs): for each field,
// precision, recall and F1 of what the parser finds against the gold profile.
//   build/<dir>/accuracy_contact [CORPUS_DIR]
// A value counts as right when it matches the gold after normalisation (case and spacing;
// digits only for phones). Prints one line per field and one per miss (with --misses).
#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

#include "parsing/cv/contact_extractor.hpp"
#include "parsing/cv/sections.hpp"
#include "parsing/extract.hpp"

namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using namespace jc::parsing;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Normal(std::string_view s, bool digits_only) {
  std::string out;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (digits_only) {
      if (u >= '0' && u <= '9') out.push_back(c);
    } else if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(static_cast<char>(u < 0x80 ? std::tolower(u) : u));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

struct Score {
  int true_pos = 0, false_pos = 0, false_neg = 0;
  void Add(const std::optional<std::string>& found, const std::optional<std::string>& gold,
           bool digits_only) {
    const bool has_gold = gold && !gold->empty();
    if (!found) {
      if (has_gold) ++false_neg;
      return;
    }
    if (has_gold && Normal(*found, digits_only) == Normal(*gold, digits_only)) {
      ++true_pos;
    } else {
      ++false_pos;
      if (has_gold) ++false_neg;
    }
  }
  double Precision() const { return true_pos ? double(true_pos) / (true_pos + false_pos) : 0; }
  double Recall() const { return true_pos ? double(true_pos) / (true_pos + false_neg) : 0; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

std::optional<std::string> GoldString(const json::object& profile, const char* key) {
  const auto* v = profile.if_contains(key);
  if (!v || !v->is_string()) return std::nullopt;
  return std::string(v->as_string());
}

}  // namespace

int main(int argc, char** argv) {
  const fs::path dir = argc > 1 && argv[1][0] != '-' ? fs::path(argv[1])
                                                     : fs::path(JC_SOURCE_DIR) / "tests/corpus/cvs";
  const bool show_misses = argc > 1 && std::string_view(argv[argc - 1]) == "--misses";
  std::map<std::string, Score> scores;
  int documents = 0, failed = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const auto path = entry.path();
    if (path.extension() == ".json" || path.extension() == ".py" || path.extension() == ".md" ||
        path.extension() == ".tsv" || !entry.is_regular_file()) {
      continue;
    }
    const std::string stem = path.stem().string();
    const fs::path gold_path = dir / (stem + ".gold.json");
    if (!fs::exists(gold_path)) continue;
    ++documents;
    const auto gold = json::parse(ReadFile(gold_path)).as_object().at("profile").as_object();
    const auto doc = ExtractDocument(ReadFile(path), "", ExtractLimits{});
    ContactInfo info;
    if (doc) {
      info = ExtractContact(*doc, SplitSections(*doc));
    } else {
      ++failed;
      std::cout << "extract failed: " << path.filename().string() << ": " << doc.error().message
                << "\n";
    }
    auto value = [](const std::optional<Found>& f) -> std::optional<std::string> {
      return f ? std::optional<std::string>(f->value) : std::nullopt;
    };
    const struct {
      const char* field;
      std::optional<std::string> found;
      bool digits;
    } fields[] = {{"fullName", value(info.full_name), false},
                  {"email", value(info.email), false},
                  {"phone", value(info.phone), true},
                  {"location", value(info.location), false}};
    for (const auto& f : fields) {
      const auto g = GoldString(gold, f.field);
      auto& score = scores[f.field];
      const int before = score.true_pos;
      score.Add(f.found, g, f.digits);
      if (show_misses && score.true_pos == before && (f.found || (g && !g->empty()))) {
        std::cout << "  miss " << f.field << " in " << stem << ": found '" << f.found.value_or("")
                  << "' gold '" << g.value_or("") << "'\n";
      }
    }
  }
  std::printf("documents: %d (extraction failed: %d)\n", documents, failed);
  std::printf("%-10s %9s %9s %9s\n", "field", "precision", "recall", "F1");
  for (const auto& [field, s] : scores) {
    std::printf("%-10s %9.3f %9.3f %9.3f\n", field.c_str(), s.Precision(), s.Recall(), s.F1());
  }
  return 0;
}
