#include "observability/logger.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <sstream>

namespace jc::obs {
namespace {

// Points the logger at a pipe for one test and gives back what it wrote.
class CapturedLog {
 public:
  CapturedLog(LogFormat format, LogLevel level) {
    EXPECT_EQ(::pipe(fds_), 0);
    Logger::Get().Configure(format, level, fds_[1]);
  }
  ~CapturedLog() {
    Logger::Get().Configure(LogFormat::kJson, LogLevel::kInfo, 1);
    ::close(fds_[0]);
    ::close(fds_[1]);
  }
  std::string Take() {
    Logger::Get().Flush();
    std::string out(65536, '\0');
    const ssize_t n = ::read(fds_[0], out.data(), out.size());
    out.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    return out;
  }

 private:
  int fds_[2];
};

TEST(LoggerTest, WritesOneJsonObjectPerLine) {
  CapturedLog log(LogFormat::kJson, LogLevel::kInfo);
  Logger::Get().Log(LogLevel::kInfo, "request \"done\"", "rid-1",
                    {{"status", 200}, {"ms", 1.5}, {"ok", true}, {"path", "/a\nb"}});
  LogWarn("second");
  const auto text = log.Take();
  std::istringstream lines(text);
  std::string line;
  std::vector<boost::json::object> objects;
  while (std::getline(lines, line)) objects.push_back(boost::json::parse(line).as_object());
  ASSERT_EQ(objects.size(), 2u) << text;
  EXPECT_EQ(objects[0].at("level"), "info");
  EXPECT_EQ(objects[0].at("message"), "request \"done\"");
  EXPECT_EQ(objects[0].at("requestId"), "rid-1");
  EXPECT_EQ(objects[0].at("status"), 200);
  EXPECT_EQ(objects[0].at("ok"), true);
  EXPECT_EQ(objects[0].at("path"), "/a\nb");
  EXPECT_EQ(objects[0].at("time").as_string().size(), 24u);  // 2026-11-27T07:11:20.123Z
  EXPECT_EQ(objects[1].at("level"), "warn");
}

TEST(LoggerTest, FiltersBelowTheMinimumLevel) {
  CapturedLog log(LogFormat::kJson, LogLevel::kWarn);
  LogInfo("hidden");
  LogError("shown");
  const auto text = log.Take();
  EXPECT_EQ(text.find("hidden"), std::string::npos);
  EXPECT_NE(text.find("shown"), std::string::npos);
}

TEST(LoggerTest, TextFormatIsReadable) {
  CapturedLog log(LogFormat::kText, LogLevel::kDebug);
  Logger::Get().Log(LogLevel::kDebug, "listening", "", {{"port", 3000}});
  const auto text = log.Take();
  EXPECT_NE(text.find("debug  listening port=3000"), std::string::npos) << text;
  EXPECT_EQ(text.find('{'), std::string::npos);
}

}  // namespace
}  // namespace jc::obs
