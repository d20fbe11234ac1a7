#include "app/parse_commands.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <string_view>

#include "analysis/fit_scorer.hpp"
#include "analysis/suggestions.hpp"
#include "api/cv_parse_job.hpp"
#include "api/dto/job_mapping.hpp"
#include "api/dto/profile_mapping.hpp"
#include "app/command_util.hpp"
#include "nlp/taxonomy.hpp"
#include "parsing/job/requirements_extractor.hpp"
#include "sandbox/worker_loop.hpp"
#include "schema/schema.hpp"

namespace jc::app {

namespace fs = std::filesystem;

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
  const auto file = ReadWholeFile(argv[2]);
  if (!file) {
    std::cerr << "jobcopilot parse: cannot read " << argv[2] << '\n';
    return 2;
  }
  const auto as_of = AsOf(argc, argv, 3);
  if (!as_of) {
    std::cerr << "jobcopilot parse: --as-of must be YYYY-MM or YYYY\n";
    return 2;
  }
  std::string declared = FlagValue(argc, argv, 3, "--type");
  if (declared.empty()) declared = fs::path(argv[2]).filename().string();

  auto taxonomy = nlp::Taxonomy::Load(data_dir + "/skills");
  if (!taxonomy) {
    std::cerr << ErrorJson(taxonomy.error()) << '\n';
    return 1;
  }
  api::CvParseEngine engine(*taxonomy);
  auto reply = engine.Run(api::EncodeParseJob(
      {.bytes = *file, .declared_type = declared, .as_of = *as_of, .max_pages = 50}));
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

int RunAnalyzeCommand(int argc, char** argv, const std::string& data_dir) {
  if (argc < 4) {
    std::cerr << "usage: jobcopilot analyze CV_FILE JOB_FILE [--as-of YYYY-MM]\n";
    return 2;
  }
  const auto cv = ReadWholeFile(argv[2]);
  const auto posting = ReadWholeFile(argv[3]);
  if (!cv || !posting) {
    std::cerr << "jobcopilot analyze: cannot read " << (cv ? argv[3] : argv[2]) << '\n';
    return 2;
  }
  const auto as_of = AsOf(argc, argv, 4);
  if (!as_of) {
    std::cerr << "jobcopilot analyze: --as-of must be YYYY-MM or YYYY\n";
    return 2;
  }
  auto taxonomy = nlp::Taxonomy::Load(data_dir + "/skills");
  if (!taxonomy) {
    std::cerr << ErrorJson(taxonomy.error()) << '\n';
    return 1;
  }
  api::CvParseEngine engine(*taxonomy);
  auto reply =
      engine.Run(api::EncodeParseJob({.bytes = *cv,
                                      .declared_type = fs::path(argv[2]).filename().string(),
                                      .as_of = *as_of,
                                      .max_pages = 50}));
  if (!reply) {
    std::cerr << ErrorJson(reply.error()) << '\n';
    return 1;
  }
  auto parsed = boost::json::parse(*reply);
  auto profile_dto = schema::Decode<api::Profile>(parsed.as_object()["profileData"]);
  if (!profile_dto) {
    std::cerr << ErrorJson(profile_dto.error()) << '\n';
    return 1;
  }
  const nlp::SkillMatcher skills(*taxonomy);
  const auto profile = api::FromDto(*profile_dto);
  const auto requirements = parsing::ExtractRequirements({.description = *posting}, skills);
  const auto fit = analysis::ScoreFit(profile, requirements, skills, *as_of);
  boost::json::array suggestions;
  for (const auto& s : analysis::SuggestImprovements(profile, &fit)) {
    suggestions.push_back(schema::Encode(api::ToDto(s)));
  }
  boost::json::object out{{"profileData", parsed.as_object()["profileData"]},
                          {"requirements", schema::Encode(api::ToDto(requirements))},
                          {"fit", schema::Encode(api::ToDto(fit))},
                          {"suggestions", std::move(suggestions)}};
  std::cout << boost::json::serialize(out) << '\n';
  return 0;
}

}  // namespace jc::app
