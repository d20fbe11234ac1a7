#include "http/access_log.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/json.hpp>

#include "observability/logger.hpp"

namespace jc::http {
namespace {

TEST(AccessLogTest, LogsOneLineWithoutTheQueryString) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  obs::Logger::Get().Configure(obs::LogFormat::kJson, obs::LogLevel::kInfo, fds[1]);
  Request req{bhttp::verb::post, "/api/parse-cv?token=secret", 11};
  req.body() = "12345";
  Response res{bhttp::status::unprocessable_entity, 11};
  res.body() = "abc";
  LogAccess(req, "/api/parse-cv", res, "rid-9", 2.5);
  obs::Logger::Get().Flush();
  std::string out(4096, '\0');
  out.resize(static_cast<std::size_t>(::read(fds[0], out.data(), out.size())));
  obs::Logger::Get().Configure(obs::LogFormat::kJson, obs::LogLevel::kInfo, 1);
  ::close(fds[0]);
  ::close(fds[1]);

  EXPECT_EQ(out.find("secret"), std::string::npos);
  const auto v = boost::json::parse(out).as_object();
  EXPECT_EQ(v.at("message"), "request");
  EXPECT_EQ(v.at("requestId"), "rid-9");
  EXPECT_EQ(v.at("method"), "POST");
  EXPECT_EQ(v.at("path"), "/api/parse-cv");
  EXPECT_EQ(v.at("status"), 422);
  EXPECT_EQ(v.at("bytesIn"), 5);
  EXPECT_EQ(v.at("bytesOut"), 3);
  EXPECT_DOUBLE_EQ(v.at("durationMs").to_number<double>(), 2.5);
}

}  // namespace
}  // namespace jc::http
