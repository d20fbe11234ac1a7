#include "app/parse_commands.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string_view>

#include "api/cv_parse_job.hpp"
#include "nlp/taxonomy.hpp"
#include "sandbox/worker_loop.hpp"

namespace jc::app {
namespace {

namespace fs = std::filesystem;

// The value following `flag` in argv[from..], or "" when absent.
std::string FlagValue(int argc, char** argv, int from, std::string_view flag) {
  for (int i = from; i + 1 < argc; ++i) {
    if (argv[i] == flag) return argv[i + 1];
  }
  return {};
}

std::string ErrorJson(const Error& e) {
  boost::json::object error{{"code", e.slug.empty() ? std::string(DefaultSlug(e.code)) : e.slug},
                            {"message", e.message}};
  return boost::json::serialize(boost::json::object{{"error", std::move(error)}});
}

}  // namespace

std::string FindDataDir(const std::string& configured) {
  if (!configured.empty()) return configured;
  std::error_code ec;
  if (fs::exists("data/skills/VERSION", ec)) return fs::absolute("data", ec).string();
  const auto exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (const auto& candidate :
         {exe.parent_path() / "../../data", exe.parent_path() / "../data"}) {
      if (fs::exists(candidate / "skills/VERSION", ec)) {
        return fs::weakly_canonical(candidate, ec).string();
      }
    }
  }
  return "data";
}

int RunParseWorker(int argc, char** argv) {
  const std::string data_dir = FindDataDir(FlagValue(argc, argv, 2, "--data-dir"));
  auto taxonomy = nlp::Taxonomy::Load(data_dir + "/skills");
  if (!taxonomy) {
    std::cerr << "parse-worker: cannot load the skill taxonomy: " << taxonomy.error().message
              << '\n';
    return 1;
  }
  api::CvParseEngine engine(*taxonomy);
  return sandbox::RunWorkerLoop([&engine](std::string_view job) { return engine.Run(job); });
}

int RunParseCommand(int argc, char** argv, const std::string& data_dir) {
  if (argc < 3) {
    std::cerr << "usage: jobcopilot parse CV_FILE [--as-of YYYY-MM] [--type pdf|docx|...]\n";
    return 2;
  }
  const auto started = std::chrono::steady_clock::now();
  std::ifstream in(argv[2], std::ios::binary);
  if (!in) {
    std::cerr << "jobcopilot parse: cannot read " << argv[2] << '\n';
    return 2;
  }
  std::stringstream bytes;
  bytes << in.rdbuf();

  domain::PartialDate as_of = api::CurrentMonth();
  if (const auto text = FlagValue(argc, argv, 3, "--as-of"); !text.empty()) {
    const auto parsed = domain::PartialDate::Parse(text);
    if (!parsed) {
      std::cerr << "jobcopilot parse: --as-of must be YYYY-MM or YYYY\n";
      return 2;
    }
    as_of = *parsed;
  }
  std::string declared = FlagValue(argc, argv, 3, "--type");
  if (declared.empty()) declared = fs::path(argv[2]).filename().string();

  auto taxonomy = nlp::Taxonomy::Load(data_dir + "/skills");
  if (!taxonomy) {
    std::cerr << ErrorJson(taxonomy.error()) << '\n';
    return 1;
  }
  api::CvParseEngine engine(*taxonomy);
  const std::string file = bytes.str();
  auto reply = engine.Run(api::EncodeParseJob(
      {.bytes = file, .declared_type = declared, .as_of = as_of, .max_pages = 50}));
  if (!reply) {
    std::cerr << ErrorJson(reply.error()) << '\n';
    return 1;
  }
  auto value = boost::json::parse(*reply);
  auto& meta = value.as_object()["meta"].as_object();
  meta["engine"] = "local";
  meta["durationMs"] =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  std::cout << boost::json::serialize(value) << '\n';
  return 0;
}

}  // namespace jc::app
