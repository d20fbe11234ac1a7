#include "support/cv_corpus_eval.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>
#include <fstream>
#include <sstream>

namespace jc::testing {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

namespace fs = std::filesystem;
namespace json = boost::json;

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
    } else if (c == ' ' || c == '\t' || c == '\n') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(static_cast<char>(u < 0x80 ? std::tolower(u) : u));
    }
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '.' || out.back() == ',' ||
                          out.back() == ';' || out.back() == ':')) {
    out.pop_back();
  }
  return out;
}

// A URL without its scheme, a leading "www." and a trailing "/": the same page.
std::string UrlKey(std::string_view url) {
  for (const std::string_view scheme : {"https://", "http://"}) {
    if (url.substr(0, scheme.size()) == scheme) url.remove_prefix(scheme.size());
  }
  if (url.substr(0, 4) == "www.") url.remove_prefix(4);
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  return std::string(url);
}

std::vector<std::string> UrlKeys(std::vector<std::string> urls) {
  for (auto& u : urls) u = UrlKey(u);
  return urls;
}

std::string Str(const json::value* v) {
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

struct Evaluator {
  CorpusReport& report;
  bool show_misses = false;
  std::string doc;

  void Miss(const std::string& field, const char* what, const std::string& value) {
    if (show_misses) report.misses.push_back(doc + " " + field + " " + what + ": " + value);
  }

  // Multiset comparison of found vs gold values.
  void Values(const std::string& field, const std::vector<std::string>& found,
              const std::vector<std::string>& gold, bool digits = false) {
    auto& s = report.scores[field];
    std::vector<std::string> g;
    for (const auto& v : gold) {
      if (!v.empty()) g.push_back(Normal(v, digits));
    }
    std::vector<bool> used(g.size(), false);
    for (const auto& v : found) {
      if (v.empty()) continue;
      const std::string n = Normal(v, digits);
      bool hit = false;
      for (std::size_t i = 0; i < g.size(); ++i) {
        if (!used[i] && g[i] == n) {
          used[i] = hit = true;
          break;
        }
      }
      if (hit) {
        ++s.true_pos;
      } else {
        ++s.false_pos;
        Miss(field, "extra", v);
      }
    }
    for (std::size_t i = 0; i < g.size(); ++i) {
      if (used[i]) continue;
      ++s.false_neg;
      Miss(field, "missed", g[i]);
    }
  }

  void Scalar(const std::string& field, const json::object& found, const json::object& gold,
              bool digits = false) {
    const std::string f = Str(found.if_contains(field)), g = Str(gold.if_contains(field));
    Values(field, f.empty() ? std::vector<std::string>{} : std::vector<std::string>{f},
           g.empty() ? std::vector<std::string>{} : std::vector<std::string>{g}, digits);
  }

  void Check(const std::string& field, bool right, const std::string& what) {
    auto& r = report.rates[field];
    ++r.total;
    if (right) {
      ++r.right;
    } else {
      Miss(field, "wrong", what);
    }
  }
};

std::vector<std::string> Column(const json::value* list, const char* key) {
  std::vector<std::string> out;
  if (!list || !list->is_array()) return out;
  for (const auto& item : list->as_array()) {
    if (!item.is_object()) continue;
    const std::string v = Str(item.as_object().if_contains(key));
    if (!v.empty()) out.push_back(v);
  }
  return out;
}

std::vector<std::string> Strings(const json::value* list) {
  std::vector<std::string> out;
  if (!list || !list->is_array()) return out;
  for (const auto& item : list->as_array()) {
    if (item.is_string()) out.emplace_back(item.as_string());
  }
  return out;
}

// For each gold entry, the index of the found entry that shares the most of `keys`.
std::vector<int> Align(const json::array& found, const json::array& gold,
                       std::initializer_list<const char*> keys) {
  std::vector<int> out(gold.size(), -1);
  std::vector<bool> used(found.size(), false);
  for (std::size_t g = 0; g < gold.size(); ++g) {
    int best = -1, best_score = 0;
    for (std::size_t f = 0; f < found.size(); ++f) {
      if (used[f]) continue;
      int score = 0;
      for (const char* k : keys) {
        const auto a = Normal(Str(gold[g].as_object().if_contains(k)), false);
        if (!a.empty() && a == Normal(Str(found[f].as_object().if_contains(k)), false)) {
          score += 2;
        }
      }
      if (f == g) score += 1;  // same position breaks ties
      if (score > best_score) {
        best_score = score;
        best = static_cast<int>(f);
      }
    }
    if (best >= 0 && best_score >= 2) {
      used[static_cast<std::size_t>(best)] = true;
      out[g] = best;
    }
  }
  return out;
}

std::string DateText(const json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : "null";
}

void Dates(Evaluator& e, const char* field, const json::value* found_v, const json::value* gold_v,
           std::initializer_list<const char*> keys, bool with_current) {
  static const json::array kEmpty;
  const auto& found = found_v && found_v->is_array() ? found_v->as_array() : kEmpty;
  const auto& gold = gold_v && gold_v->is_array() ? gold_v->as_array() : kEmpty;
  const auto match = Align(found, gold, keys);
  for (std::size_t g = 0; g < gold.size(); ++g) {
    const auto& go = gold[g].as_object();
    const std::string want = DateText(go, "startDate") + " - " + DateText(go, "endDate");
    if (match[g] < 0) {
      e.Check(field, false, want + " (entry not found)");
      continue;
    }
    const auto& fo = found[static_cast<std::size_t>(match[g])].as_object();
    const std::string got = DateText(fo, "startDate") + " - " + DateText(fo, "endDate");
    bool right = got == want;
    if (with_current) {
      const auto* a = go.if_contains("current");
      const auto* b = fo.if_contains("current");
      right = right && (a && a->is_bool() && a->as_bool()) == (b && b->is_bool() && b->as_bool());
    }
    e.Check(field, right, "got " + got + ", want " + want);
  }
}

}  // namespace

double FieldScore::Precision() const {
  return true_pos + false_pos ? double(true_pos) / double(true_pos + false_pos) : 0;
}
double FieldScore::Recall() const {
  return true_pos + false_neg ? double(true_pos) / double(true_pos + false_neg) : 0;
}
double FieldScore::F1() const {
  const double p = Precision(), r = Recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}
double RateScore::Value() const {
  return total ? double(right) / double(total) : 0;
}

CorpusReport EvaluateCvCorpus(const fs::path& dir, api::CvParseEngine& engine,
                              domain::PartialDate as_of, bool collect_misses) {
  CorpusReport report;
  Evaluator e{.report = report, .show_misses = collect_misses, .doc = {}};
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const auto& p = entry.path();
    if (entry.is_regular_file() && fs::exists(dir / (p.stem().string() + ".gold.json")) &&
        p.extension() != ".json") {
      files.push_back(p);
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    e.doc = path.stem().string();
    ++report.documents;
    const auto gold_all = json::parse(ReadFile(dir / (e.doc + ".gold.json")));
    const auto& gold = gold_all.as_object().at("profile").as_object();
    const std::string bytes = ReadFile(path);
    auto reply = engine.Run(jc::api::EncodeParseJob({.bytes = bytes, .as_of = as_of}));
    json::object found;
    if (reply) {
      found = json::parse(*reply).as_object().at("profileData").as_object();
    } else {
      report.failed.push_back(path.filename().string() + ": " + reply.error().message);
    }
    for (const char* f : {"fullName", "email", "location", "headline", "summary"}) {
      e.Scalar(f, found, gold);
    }
    e.Scalar("phone", found, gold, /*digits=*/true);
    e.Values("links", UrlKeys(Column(found.if_contains("links"), "url")),
             UrlKeys(Column(gold.if_contains("links"), "url")));
    const auto* fw = found.if_contains("workExperience");
    const auto* gw = gold.if_contains("workExperience");
    for (const char* k : {"company", "title", "location"}) {
      e.Values(std::string("work.") + k, Column(fw, k), Column(gw, k));
    }
    Dates(e, "work.dates", fw, gw, {"company", "title"}, true);
    const auto* fe = found.if_contains("education");
    const auto* ge = gold.if_contains("education");
    for (const char* k : {"institution", "degree", "field", "grade"}) {
      e.Values(std::string("education.") + k, Column(fe, k), Column(ge, k));
    }
    Dates(e, "education.dates", fe, ge, {"institution", "degree"}, false);
    const auto skills = [](const json::object& o, const char* k) {
      const auto* s = o.if_contains("skills");
      return s && s->is_object() ? Strings(s->as_object().if_contains(k))
                                 : std::vector<std::string>{};
    };
    e.Values("skills.technical", skills(found, "technical"), skills(gold, "technical"));
    e.Values("skills.soft", skills(found, "soft"), skills(gold, "soft"));
    {
      auto all_found = skills(found, "technical"), all_gold = skills(gold, "technical");
      for (auto& s : skills(found, "soft")) all_found.push_back(s);
      for (auto& s : skills(gold, "soft")) all_gold.push_back(s);
      e.Values("skills.all", all_found, all_gold);
    }
    e.Values("languages.language", Column(found.if_contains("languages"), "language"),
             Column(gold.if_contains("languages"), "language"));
    e.Values("languages.proficiency", Column(found.if_contains("languages"), "proficiency"),
             Column(gold.if_contains("languages"), "proficiency"));
    e.Values("certifications.name", Column(found.if_contains("certifications"), "name"),
             Column(gold.if_contains("certifications"), "name"));
    e.Values("projects.name", Column(found.if_contains("projects"), "name"),
             Column(gold.if_contains("projects"), "name"));
    const auto* gy = gold.if_contains("totalYearsExperience");
    if (gy && gy->is_number()) {
      const auto* fy = found.if_contains("totalYearsExperience");
      const double want = gy->to_number<double>();
      const bool right = fy && fy->is_number() && std::fabs(fy->to_number<double>() - want) <= 0.5;
      e.Check("totalYears(+-0.5)", right,
              "got " + (fy && fy->is_number() ? std::to_string(fy->to_number<double>()) : "null") +
                  ", want " + std::to_string(want));
    }
  }
  return report;
}

}  // namespace jc::testing
