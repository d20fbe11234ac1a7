// Health endpoints with real checks, against SQLite, a real PostgreSQL and Redis (started by
// scripts/test-services.sh), and a dependency that is down; start-up configuration errors.
#include <cstdlib>
#include <fstream>
#include <string>

#include "support/service_fixture.hpp"

namespace jc::testing {
namespace {

std::string RequiredEnv(const char* name) {
  const char* v = std::getenv(name);
  if (!v || !*v) {
    ADD_FAILURE() << name << " is not set: run the tests through scripts/test.sh (it starts "
                  << "PostgreSQL and Redis with scripts/test-services.sh)";
    return {};
  }
  return v;
}

class HealthTest : public ServiceTest {};

TEST_F(HealthTest, HealthIdentifiesTheService) {
  const auto res = client_->Get("/health");
  ASSERT_EQ(res.result_int(), 200u);
  const auto v = JsonOf(res).as_object();
  EXPECT_EQ(v.at("status"), "healthy");
  EXPECT_EQ(v.at("service"), "job-copilot");
  EXPECT_FALSE(v.at("version").as_string().empty());
  EXPECT_EQ(v.at("timestamp").as_string().size(), 20u);  // 2026-11-27T07:11:20Z
}

TEST_F(HealthTest, LiveAnswers200) {
  const auto res = client_->Get("/health/live");
  EXPECT_EQ(res.result_int(), 200u);
  EXPECT_EQ(JsonOf(res).at("status"), "alive");
}

TEST_F(HealthTest, ReadyWithEmbeddedDefaults) {
  const auto res = client_->Get("/health/ready");
  ASSERT_EQ(res.result_int(), 200u) << res.body();
  const auto checks = JsonOf(res).at("checks").as_object();
  EXPECT_EQ(checks.at("database").at("kind"), "sqlite");
  EXPECT_EQ(checks.at("database").at("status"), "up");
  EXPECT_EQ(checks.at("cache").at("kind"), "memory");
  EXPECT_EQ(checks.at("llm").at("status"), "not_configured");
}

TEST_F(HealthTest, DetailedReportsProcessStatistics) {
  const auto res = client_->Get("/health/detailed");
  ASSERT_EQ(res.result_int(), 200u);
  const auto v = JsonOf(res).as_object();
  EXPECT_EQ(v.at("status"), "healthy");
  const auto sys = v.at("system").as_object();
  EXPECT_GT(sys.at("rssBytes").to_number<double>(), 1e6);
  EXPECT_GT(sys.at("threads").to_number<double>(), 1);
  EXPECT_GT(sys.at("openFileDescriptors").to_number<double>(), 2);
  EXPECT_GE(sys.at("activeConnections").to_number<double>(), 1);
  EXPECT_GE(sys.at("uptimeSeconds").to_number<double>(), 0);
  EXPECT_GE(
      sys.at("cpuUserSeconds").to_number<double>() + sys.at("cpuSystemSeconds").to_number<double>(),
      0);
  EXPECT_GE(v.at("checks").at("database").at("latencyMs").to_number<double>(), 0);
  EXPECT_GE(sys.at("parseWorkers").to_number<double>(), 1);
  EXPECT_GE(sys.at("parseWorkersStarted").to_number<double>(), 1);
  EXPECT_EQ(sys.at("parseWorkerFailures").to_number<double>(), 0);
  // The taxonomy's version is the one in data/skills/VERSION.
  std::ifstream version_file(std::string(JC_SOURCE_DIR) + "/data/skills/VERSION");
  std::string version;
  std::getline(version_file, version);
  EXPECT_EQ(v.at("data").at("skillsVersion").as_string(), version);
  EXPECT_GE(v.at("data").at("skills").to_number<double>(), 3000);
}

class HealthWithServicesTest : public ServiceTest {
 protected:
  std::map<std::string, std::string> ExtraEnv() override {
    return {{"DATABASE_URL", RequiredEnv("JC_TEST_POSTGRES_URL")},
            {"REDIS_URL", RequiredEnv("JC_TEST_REDIS_URL")}};
  }
};

TEST_F(HealthWithServicesTest, ReadyChecksPostgresAndRedis) {
  const auto res = client_->Get("/health/ready");
  ASSERT_EQ(res.result_int(), 200u) << res.body();
  const auto checks = JsonOf(res).at("checks").as_object();
  EXPECT_EQ(checks.at("database").at("kind"), "postgresql");
  EXPECT_EQ(checks.at("database").at("status"), "up");
  EXPECT_EQ(checks.at("cache").at("kind"), "redis");
  EXPECT_EQ(checks.at("cache").at("status"), "up");
}

class HealthDependencyDownTest : public ServiceTest {
 protected:
  std::map<std::string, std::string> ExtraEnv() override {
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    return {{"DATABASE_URL", "postgresql://jc:secretpw@127.0.0.1:1/db"},
            {"REDIS_URL", "redis://127.0.0.1:1/0"}};
  }
};

TEST_F(HealthDependencyDownTest, ReadyIs503WithChecks) {
  const auto res = client_->Get("/health/ready");
  ExpectError(res, 503, "not_ready");
  const auto v = JsonOf(res).as_object();
  EXPECT_EQ(v.at("checks").at("database").at("status"), "down");
  EXPECT_EQ(v.at("checks").at("cache").at("status"), "down");
  EXPECT_EQ(v.at("error").at("details").as_array().size(), 2u);
  EXPECT_EQ(res.body().find("secretpw"), std::string::npos) << "a password leaked";
}

TEST_F(HealthDependencyDownTest, DetailedSaysDegradedAndLiveStays200) {
  const auto res = client_->Get("/health/detailed");
  ASSERT_EQ(res.result_int(), 200u);
  EXPECT_EQ(JsonOf(res).at("status"), "degraded");
  EXPECT_EQ(client_->Get("/health/live").result_int(), 200u);
  EXPECT_EQ(service_->Log().find("secretpw"), std::string::npos) << "a password was logged";
}

TEST(StartupTest, InvalidConfigurationStopsWithOneLinePerVariable) {
  const auto r = RunBinary(
      {"serve"}, {{"PORT", "abc"}, {"MAX_JSON_BODY_BYTES", "-5"}, {"DATABASE_URL", "mysql://x"}});
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("PORT: must be an integer from 0 to 65535, got 'abc'"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("MAX_JSON_BODY_BYTES:"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("DATABASE_URL:"), std::string::npos) << r.output;
}

TEST(StartupTest, PortInUseFailsClearly) {
  ServiceProcess first;
  ASSERT_TRUE(first.Started());
  const auto r = RunBinary({"serve"}, {{"PORT", std::to_string(first.Port())},
                                       {"DATABASE_URL", "sqlite:///tmp/jc-port-in-use.db"}});
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("cannot listen"), std::string::npos) << r.output;
}

TEST(StartupTest, SecretsAreNeverLogged) {
  ServiceProcess service({{"SECRET_KEY", "s3cr3t-key-0123456789abcdefghijklmnop"},
                          {"JWT_SECRET", "jwt-s3cr3t-0123456789abcdefghijklmnopq"},
                          {"OPENAI_API_KEY", "sk-test-should-not-appear"}});
  ASSERT_TRUE(service.Started()) << service.Log();
  HttpClient c(service.Port());
  EXPECT_EQ(c.Get("/health/detailed").result_int(), 200u);
  EXPECT_EQ(service.Stop(SIGTERM, std::chrono::seconds(5)), std::optional<int>(0));
  const auto log = service.Log();
  EXPECT_EQ(log.find("s3cr3t"), std::string::npos);
  EXPECT_EQ(log.find("sk-test"), std::string::npos);
}

}  // namespace
}  // namespace jc::testing
