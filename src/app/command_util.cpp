#include "app/command_util.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <fstream>
#include <sstream>

#include "api/cv_parse_job.hpp"

namespace jc::app {

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

std::optional<std::string> ReadWholeFile(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::optional<domain::PartialDate> AsOf(int argc, char** argv, int from) {
  const auto text = FlagValue(argc, argv, from, "--as-of");
  if (text.empty()) return api::CurrentMonth();
  return domain::PartialDate::Parse(text);
}

}  // namespace jc::app
