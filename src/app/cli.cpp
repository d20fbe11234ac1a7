#include "app/cli.hpp"

#include <iostream>
#include <string>
#include <string_view>

#include "app/app.hpp"
#include "app/generate_command.hpp"
#include "app/parse_commands.hpp"
#include "config/config.hpp"
#include "observability/logger.hpp"

namespace jc::app {
namespace {

constexpr std::string_view kUsage = R"(Job Copilot: CV parsing, job analysis and tailored documents.

Usage:
  jobcopilot [serve]                    run the HTTP service (configured by env and .env)
  jobcopilot openapi                    print the OpenAPI document and exit
  jobcopilot parse CV_FILE [--as-of YYYY-MM] [--type pdf|docx|odt|rtf|html|txt]
                                        parse a CV; print the same JSON as POST /api/parse-cv
  jobcopilot analyze CV_FILE JOB_FILE [--as-of YYYY-MM]
                                        score a CV against a posting (a text file): prints the
                                        profile, requirements, fit and suggestions as JSON
  jobcopilot generate CV_FILE JOB_FILE --out DIR [--template classic|modern]
                    [--tone professional|enthusiastic|concise] [--language en|de]
                    [--page-size a4|letter] [--title TEXT] [--company TEXT] [--as-of YYYY-MM]
                                        write a CV tailored to the posting and a cover letter
                                        (Markdown, HTML, PDF, DOCX) and report.json into DIR;
                                        CV_FILE may be a CV or a profile as JSON
  jobcopilot --version | --help

Configuration: see env.example (every variable, with its default).
)";

// Loads configuration, printing one line per problem. Returns false on a bad configuration.
bool Load(config::Config& out) {
  auto loaded = config::LoadConfig(config::ProcessEnvWithDotenv(".env"));
  if (!loaded) {
    for (const auto& d : loaded.error().details) {
      std::cerr << "configuration error: " << d.loc.back() << ": " << d.msg << '\n';
    }
    return false;
  }
  out = std::move(*loaded);
  return true;
}

void ConfigureLogging(const config::Config& c, int fd) {
  const auto level = c.log_level == "debug"   ? obs::LogLevel::kDebug
                     : c.log_level == "warn"  ? obs::LogLevel::kWarn
                     : c.log_level == "error" ? obs::LogLevel::kError
                                              : obs::LogLevel::kInfo;
  obs::Logger::Get().Configure(c.debug ? obs::LogFormat::kText : obs::LogFormat::kJson, level, fd);
}

}  // namespace

int RunCli(int argc, char** argv) {
  const std::string_view command = argc > 1 ? argv[1] : "serve";
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (command == "--version") {
    std::cout << "jobcopilot " << Version() << '\n';
    return 0;
  }
  config::Config config;
  if (command == "serve") {
    if (!Load(config)) return 2;
    ConfigureLogging(config, 1);
    return Serve(config);
  }
  if (command == "openapi") {
    if (!Load(config)) return 2;
    ConfigureLogging(config, 2);  // stdout carries the document
    return PrintOpenApi(config);
  }
  if (command == "parse-worker") return RunParseWorker(argc, argv);  // started by the service
  if (command == "parse") {
    if (!Load(config)) return 2;
    ConfigureLogging(config, 2);
    return RunParseCommand(argc, argv, FindDataDir(config.data_dir));
  }
  if (command == "analyze") {
    if (!Load(config)) return 2;
    ConfigureLogging(config, 2);
    return RunAnalyzeCommand(argc, argv, FindDataDir(config.data_dir));
  }
  if (command == "generate") {
    if (!Load(config)) return 2;
    ConfigureLogging(config, 2);
    return RunGenerateCommand(argc, argv, FindDataDir(config.data_dir));
  }
  std::cerr << "unknown command: " << command << "\n\n" << kUsage;
  return 2;
}

}  // namespace jc::app
