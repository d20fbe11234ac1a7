// Accuracy of the job-requirements extractor on the labelled corpus (default tests/corpus/jobs):
// runs ExtractRequirements on every posting twice, once with the description only and once with
// jobData's title and location as well, and compares with the gold requirements.
//   build/<dir>/accuracy_job [CORPUS_DIR] [--misses] [--trace ID]
// --trace ID prints every skill mention the matcher finds in posting ID, with its text.
//
// Skills are compared as sets per posting and summed over the corpus (micro-average): names are
// resolved through the taxonomy on both sides (FindByName; a gold name written "Full Name
// (ACRONYM)" also resolves by either part), so a gold alias equals our canonical name; unknown
// names compare case-insensitively. The scalar fields count as right when exactly equal
// (minYearsExperience within 0.01; salary when min, max, currency and period all are).
#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "nlp/skill_matcher.hpp"
#include "nlp/taxonomy.hpp"
#include "parsing/job/posting_sections.hpp"
#include "parsing/job/requirements_extractor.hpp"

namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using namespace jc;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string LowerAscii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Str(const json::value& v) {
  return v.is_string() ? std::string(v.as_string()) : "";
}

std::optional<std::string> OptStr(const json::value& v) {
  if (v.is_string()) return std::string(v.as_string());
  return std::nullopt;
}

std::optional<double> OptNum(const json::value& v) {
  if (v.is_int64()) return static_cast<double>(v.as_int64());
  if (v.is_uint64()) return static_cast<double>(v.as_uint64());
  if (v.is_double()) return v.as_double();
  return std::nullopt;
}

// The key a skill name compares by: the taxonomy slug where the name resolves.
std::string SkillKey(const nlp::Taxonomy& tax, const std::string& name) {
  if (const auto* s = tax.FindByName(name)) return s->slug;
  const std::size_t open = name.find(" (");
  const std::size_t close = name.find(')', open == std::string::npos ? 0 : open);
  if (open != std::string::npos && close != std::string::npos) {
    const std::string outer = name.substr(0, open) + name.substr(close + 1);
    const std::string inner = name.substr(open + 2, close - open - 2);
    if (const auto* s = tax.FindByName(outer)) return s->slug;
    if (const auto* s = tax.FindByName(inner)) return s->slug;
  }
  return "?" + LowerAscii(name);
}

std::set<std::string> Keys(const nlp::Taxonomy& tax, const std::vector<std::string>& names) {
  std::set<std::string> out;
  for (const auto& n : names) out.insert(SkillKey(tax, n));
  return out;
}

std::vector<std::string> Strings(const json::value& v) {
  std::vector<std::string> out;
  if (v.is_array()) {
    for (const auto& e : v.as_array()) out.push_back(Str(e));
  }
  return out;
}

struct Prf {
  long tp = 0, fp = 0, fn = 0;
  void Add(const std::set<std::string>& got, const std::set<std::string>& gold) {
    for (const auto& g : got) (gold.count(g) ? tp : fp)++;
    for (const auto& g : gold) fn += got.count(g) ? 0 : 1;
  }
  double P() const { return tp + fp ? static_cast<double>(tp) / static_cast<double>(tp + fp) : 1; }
  double R() const { return tp + fn ? static_cast<double>(tp) / static_cast<double>(tp + fn) : 1; }
  double F() const { return P() + R() > 0 ? 2 * P() * R() / (P() + R()) : 0; }
};

struct Exact {
  int right = 0, total = 0;
  void Add(bool ok) {
    right += ok;
    ++total;
  }
  double Rate() const { return total ? static_cast<double>(right) / total : 1; }
};

const char* SeniorityName(std::optional<domain::Seniority> s) {
  if (!s) return "null";
  static const char* kNames[] = {"intern", "junior", "mid", "senior", "lead", "principal"};
  return kNames[static_cast<int>(*s)];
}
const char* EducationName(std::optional<domain::EducationLevel> e) {
  if (!e) return "null";
  static const char* kNames[] = {"none", "high_school", "associate", "bachelor", "master", "phd"};
  return kNames[static_cast<int>(*e)];
}
const char* EmploymentName(std::optional<domain::EmploymentType> e) {
  if (!e) return "null";
  static const char* kNames[] = {"full_time", "part_time", "contract", "internship"};
  return kNames[static_cast<int>(*e)];
}
const char* WorkplaceName(std::optional<domain::Workplace> w) {
  if (!w) return "null";
  static const char* kNames[] = {"onsite", "hybrid", "remote"};
  return kNames[static_cast<int>(*w)];
}
const char* PeriodName(std::optional<domain::SalaryPeriod> p) {
  if (!p) return "null";
  static const char* kNames[] = {"hour", "day", "week", "month", "year"};
  return kNames[static_cast<int>(*p)];
}

std::string Num(std::optional<double> v) {
  if (!v) return "null";
  std::ostringstream os;
  os << *v;
  return os.str();
}

std::string SalaryText(const std::optional<domain::Salary>& s) {
  if (!s) return "null";
  return Num(s->min) + "-" + Num(s->max) + " " + s->currency.value_or("null") + "/" +
         PeriodName(s->period);
}

std::string GoldSalaryText(const json::value& v) {
  if (!v.is_object()) return "null";
  const auto& o = v.as_object();
  return Num(OptNum(o.at("min"))) + "-" + Num(OptNum(o.at("max"))) + " " +
         OptStr(o.at("currency")).value_or("null") + "/" + OptStr(o.at("period")).value_or("null");
}

struct Pass {
  Prf required, preferred, all;
  Exact years, education, seniority, employment, workplace, salary, title;
  double micros = 0;
  int postings = 0;
};

void Print(const char* name, const Pass& p) {
  std::printf("\n== %s (%d postings, %.1f us per posting)\n", name, p.postings,
              p.micros / std::max(1, p.postings));
  std::printf("%-22s %6s %6s %6s\n", "skills", "P", "R", "F1");
  std::printf("%-22s %6.3f %6.3f %6.3f\n", "required", p.required.P(), p.required.R(),
              p.required.F());
  std::printf("%-22s %6.3f %6.3f %6.3f\n", "preferred", p.preferred.P(), p.preferred.R(),
              p.preferred.F());
  std::printf("%-22s %6.3f %6.3f %6.3f\n", "all skills", p.all.P(), p.all.R(), p.all.F());
  std::printf("%-22s %6s\n", "field", "exact");
  const std::pair<const char*, const Exact*> rows[] = {{"minYearsExperience", &p.years},
                                                       {"educationLevel", &p.education},
                                                       {"seniority", &p.seniority},
                                                       {"employmentType", &p.employment},
                                                       {"workplace", &p.workplace},
                                                       {"salary", &p.salary},
                                                       {"title", &p.title}};
  for (const auto& [label, e] : rows) {
    std::printf("%-22s %6.3f  (%d/%d)\n", label, e->Rate(), e->right, e->total);
  }
}

std::string Join(const std::set<std::string>& s) {
  std::string out;
  for (const auto& v : s) out += (out.empty() ? "" : ", ") + v;
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path dir = fs::path(JC_SOURCE_DIR) / "tests/corpus/jobs";
  bool misses = false;
  std::string trace;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--misses") {
      misses = true;
    } else if (a == "--trace" && i + 1 < argc) {
      trace = argv[++i];
    } else {
      dir = a;
    }
  }
  auto tax = nlp::Taxonomy::Load(std::string(JC_SOURCE_DIR) + "/data/skills");
  if (!tax) {
    std::cerr << "taxonomy: " << tax.error().message << "\n";
    return 1;
  }
  const nlp::SkillMatcher matcher(*tax);
  std::vector<fs::path> golds;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string n = e.path().filename().string();
    if (n.size() > 10 && n.substr(n.size() - 10) == ".gold.json") golds.push_back(e.path());
  }
  std::sort(golds.begin(), golds.end());

  Pass passes[2];
  for (const auto& g : golds) {
    const json::value doc = json::parse(ReadFile(g));
    const auto& jd = doc.at("jobData").as_object();
    const auto& gold = doc.at("requirements").as_object();
    const std::string id = g.filename().string().substr(0, 3);
    if (id == trace) {
      const std::string text = Str(jd.at("description"));
      static const char* kParts[] = {"title", "intro", "about",    "duties",
                                     "REQ",   "PREF",  "benefits", "other"};
      for (const auto& l : parsing::job::SplitPosting(text)) {
        std::printf("%-8s %s%s\n", kParts[static_cast<int>(l.part)], l.heading ? "## " : "",
                    text.substr(l.begin, std::min<std::size_t>(l.end - l.begin, 70)).c_str());
      }
      for (const auto& m : matcher.FindAll(text)) {
        std::printf("%-28s %s '%s'\n", tax->Get(m.skill).slug.c_str(), m.negated ? "NEG" : "   ",
                    text.substr(m.begin, m.end - m.begin).c_str());
      }
    }
    for (int pass = 0; pass < 2; ++pass) {
      domain::Job job;
      job.description = Str(jd.at("description"));
      if (pass == 1) {
        job.title = OptStr(jd.at("title"));
        job.location = OptStr(jd.at("location"));
      }
      const auto t0 = std::chrono::steady_clock::now();
      const domain::Requirements r = parsing::ExtractRequirements(job, matcher);
      const auto t1 = std::chrono::steady_clock::now();
      Pass& p = passes[pass];
      p.micros += std::chrono::duration<double, std::micro>(t1 - t0).count();
      ++p.postings;

      const auto gold_req = Keys(*tax, Strings(gold.at("requiredSkills")));
      const auto gold_pref = Keys(*tax, Strings(gold.at("preferredSkills")));
      const auto got_req = Keys(*tax, r.required_skills);
      const auto got_pref = Keys(*tax, r.preferred_skills);
      p.required.Add(got_req, gold_req);
      p.preferred.Add(got_pref, gold_pref);
      auto gold_all = gold_req, got_all = got_req;
      gold_all.insert(gold_pref.begin(), gold_pref.end());
      got_all.insert(got_pref.begin(), got_pref.end());
      p.all.Add(got_all, gold_all);

      const auto gy = OptNum(gold.at("minYearsExperience"));
      const bool years_ok = gy.has_value() == r.min_years_experience.has_value() &&
                            (!gy || std::fabs(*gy - *r.min_years_experience) < 0.01);
      p.years.Add(years_ok);
      const std::string ge = OptStr(gold.at("educationLevel")).value_or("null");
      p.education.Add(ge == EducationName(r.education_level));
      const std::string gs = OptStr(gold.at("seniority")).value_or("null");
      p.seniority.Add(gs == SeniorityName(r.seniority));
      const std::string gt = OptStr(gold.at("employmentType")).value_or("null");
      p.employment.Add(gt == EmploymentName(r.employment_type));
      const std::string gw = OptStr(gold.at("workplace")).value_or("null");
      p.workplace.Add(gw == WorkplaceName(r.workplace));
      const std::string gsal = GoldSalaryText(gold.at("salary"));
      p.salary.Add(gsal == SalaryText(r.salary));
      const std::string gtitle = Str(gold.at("title"));
      p.title.Add(gtitle == r.title.value_or(""));

      if (!misses || pass != 0) continue;
      const auto diff = [](const std::set<std::string>& a, const std::set<std::string>& b) {
        std::set<std::string> d;
        std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::inserter(d, d.end()));
        return d;
      };
      const auto line = [&](const char* what, const std::string& got, const std::string& want) {
        if (got != want)
          std::printf("%s %-10s got %s | gold %s\n", id.c_str(), what, got.c_str(), want.c_str());
      };
      if (got_req != gold_req) {
        std::printf("%s required  +[%s] -[%s]\n", id.c_str(), Join(diff(got_req, gold_req)).c_str(),
                    Join(diff(gold_req, got_req)).c_str());
      }
      if (got_pref != gold_pref) {
        std::printf("%s preferred +[%s] -[%s]\n", id.c_str(),
                    Join(diff(got_pref, gold_pref)).c_str(),
                    Join(diff(gold_pref, got_pref)).c_str());
      }
      line("years", Num(r.min_years_experience), Num(gy));
      line("education", EducationName(r.education_level), ge);
      line("seniority", SeniorityName(r.seniority), gs);
      line("employment", EmploymentName(r.employment_type), gt);
      line("workplace", WorkplaceName(r.workplace), gw);
      line("salary", SalaryText(r.salary), gsal);
      line("title", r.title.value_or(""), gtitle);
    }
  }
  Print("description only", passes[0]);
  Print("with title and location", passes[1]);
  return 0;
}
