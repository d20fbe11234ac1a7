#include "app/generate_command.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "api/cv_parse_job.hpp"
#include "api/document_generation.hpp"
#include "api/dto/generation_mapping.hpp"
#include "api/dto/job_mapping.hpp"
#include "api/dto/profile_mapping.hpp"
#include "app/command_util.hpp"
#include "nlp/taxonomy.hpp"
#include "schema/schema.hpp"

namespace jc::app {
namespace {

namespace fs = std::filesystem;

bool IsJsonFile(const char* path) {
  return fs::path(path).extension() == ".json";
}

// `member` of a JSON object when present, else the value itself.
const boost::json::value& Unwrap(const boost::json::value& v, std::string_view member) {
  if (const auto* obj = v.if_object()) {
    if (const auto* inner = obj->if_contains(member)) return *inner;
  }
  return v;
}

Result<domain::Profile> LoadProfile(const char* path, const std::string& bytes,
                                    const nlp::Taxonomy& taxonomy, domain::PartialDate as_of) {
  boost::json::value json;
  if (IsJsonFile(path)) {
    boost::system::error_code ec;
    json = boost::json::parse(bytes, ec);
    if (ec) return Error::Make(ErrorCode::kBadRequest, std::string(path) + " is not valid JSON");
  } else {
    api::CvParseEngine engine(taxonomy);
    auto reply =
        engine.Run(api::EncodeParseJob({.bytes = bytes,
                                        .declared_type = fs::path(path).filename().string(),
                                        .as_of = as_of,
                                        .max_pages = 50}));
    if (!reply) return reply.error();
    json = boost::json::parse(*reply);
  }
  auto dto = schema::Decode<api::Profile>(Unwrap(json, "profileData"));
  if (!dto) return dto.error();
  return api::FromDto(*dto);
}

Result<domain::Job> LoadJob(const char* path, const std::string& bytes) {
  if (!IsJsonFile(path)) return domain::Job{.description = bytes};
  boost::system::error_code ec;
  const auto json = boost::json::parse(bytes, ec);
  if (ec) return Error::Make(ErrorCode::kBadRequest, std::string(path) + " is not valid JSON");
  auto dto = schema::Decode<api::JobData>(Unwrap(json, "jobData"));
  if (!dto) return dto.error();
  return api::FromDto(*dto);
}

// Options as the API takes them, so that the CLI accepts exactly the API's values.
Result<api::GenerationSettings> Settings(int argc, char** argv) {
  boost::json::object options{{"formats", boost::json::array{"markdown", "html", "pdf", "docx"}}};
  for (const auto& [flag, key] : {std::pair{"--template", "template"},
                                  {"--tone", "tone"},
                                  {"--language", "language"},
                                  {"--page-size", "pageSize"}}) {
    auto value = FlagValue(argc, argv, 4, flag);
    if (key == std::string_view("pageSize")) {
      for (auto& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (!value.empty()) options[key] = value;
  }
  auto dto = schema::Decode<api::GenerateOptions>(options);
  if (!dto) return dto.error();
  return api::FromDto(std::optional<api::GenerateOptions>(*dto));
}

bool WriteFile(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out);
}

bool WriteRendered(const fs::path& dir, std::string_view stem, const api::Rendered& r) {
  bool ok = true;
  const auto write = [&](const std::optional<std::string>& bytes, std::string_view ext) {
    if (bytes) ok = WriteFile(dir / (std::string(stem) + std::string(ext)), *bytes) && ok;
  };
  write(r.markdown, ".md");
  write(r.html, ".html");
  write(r.pdf, ".pdf");
  write(r.docx, ".docx");
  return ok;
}

}  // namespace

int RunGenerateCommand(int argc, char** argv, const std::string& data_dir) {
  const std::string out_dir = FlagValue(argc, argv, 4, "--out");
  if (argc < 4 || out_dir.empty()) {
    std::cerr << "usage: jobcopilot generate CV_FILE JOB_FILE --out DIR [--template "
                 "classic|modern] [--tone professional|enthusiastic|concise] [--language en|de] "
                 "[--page-size a4|letter] [--title TEXT] [--company TEXT] [--as-of YYYY-MM]\n";
    return 2;
  }
  const auto cv_bytes = ReadWholeFile(argv[2]);
  const auto job_bytes = ReadWholeFile(argv[3]);
  if (!cv_bytes || !job_bytes) {
    std::cerr << "jobcopilot generate: cannot read " << (cv_bytes ? argv[3] : argv[2]) << '\n';
    return 2;
  }
  const auto as_of = AsOf(argc, argv, 4);
  if (!as_of) {
    std::cerr << "jobcopilot generate: --as-of must be YYYY-MM or YYYY\n";
    return 2;
  }
  auto settings = Settings(argc, argv);
  if (!settings) {
    std::cerr << ErrorJson(settings.error()) << '\n';
    return 2;
  }
  auto taxonomy = nlp::Taxonomy::Load(data_dir + "/skills");
  if (!taxonomy) {
    std::cerr << ErrorJson(taxonomy.error()) << '\n';
    return 1;
  }
  auto profile = LoadProfile(argv[2], *cv_bytes, *taxonomy, *as_of);
  auto job = LoadJob(argv[3], *job_bytes);
  if (!profile || !job) {
    std::cerr << ErrorJson(profile ? job.error() : profile.error()) << '\n';
    return 1;
  }
  if (const auto title = FlagValue(argc, argv, 4, "--title"); !title.empty()) job->title = title;
  if (const auto company = FlagValue(argc, argv, 4, "--company"); !company.empty()) {
    job->company = company;
  }
  settings->cv = true;
  settings->cover_letter = true;
  settings->as_of = *as_of;
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  settings->today = {utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday};

  const nlp::SkillMatcher skills(*taxonomy);
  auto generated = api::GenerateDocuments(*profile, *job, *settings, skills);
  if (!generated) {
    std::cerr << ErrorJson(generated.error()) << '\n';
    return 1;
  }
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  const fs::path dir(out_dir);
  const auto cv = api::ToDto(*generated->cv);
  const auto letter = api::ToDto(*generated->cover_letter);
  boost::json::object report{{"language", generated->language},
                             {"profile", schema::Encode(cv.profile)},
                             {"changes", schema::Encode(cv.changes)},
                             {"cvTruthfulness", schema::Encode(cv.truthfulness)},
                             {"coverLetterTruthfulness", schema::Encode(letter.truthfulness)},
                             {"coverLetterWords", letter.words},
                             {"warnings", schema::Encode(generated->warnings)}};
  const bool ok = !ec && WriteRendered(dir, "cv", generated->cv->rendered) &&
                  WriteRendered(dir, "cover-letter", generated->cover_letter->rendered) &&
                  WriteFile(dir / "cover-letter.txt", generated->cover_letter->text) &&
                  WriteFile(dir / "report.json", boost::json::serialize(report) + "\n");
  if (!ok) {
    std::cerr << "jobcopilot generate: cannot write into " << out_dir << '\n';
    return 2;
  }
  std::cout << boost::json::serialize(boost::json::object{
                   {"out", fs::absolute(dir, ec).string()},
                   {"language", generated->language},
                   {"changes", cv.changes.size()},
                   {"violationsRemoved", cv.truthfulness.removed + letter.truthfulness.removed},
                   {"coverLetterWords", letter.words}})
            << '\n';
  return 0;
}

}  // namespace jc::app
