// Dependency probes against real services. PostgreSQL and Redis come from
// scripts/test-services.sh, which exports JC_TEST_POSTGRES_URL and JC_TEST_REDIS_URL.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "store/dependency_probe.hpp"
#include "store/probe_internal.hpp"

namespace jc::store {
namespace {

using std::chrono::milliseconds;

constexpr milliseconds kTimeout{5'000};
constexpr char kHowToRun[] =
    " is not set: run the tests with the services up, e.g.\n"
    "  eval \"$(scripts/test-services.sh start)\" && ctest --test-dir build";

std::string EnvOrEmpty(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

// A fresh directory under the system temp dir, removed with the fixture.
class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("jc_probes_test_" + std::to_string(getpid()) + "_" + std::to_string(++counter_));
    std::filesystem::remove_all(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  static inline int counter_ = 0;
  std::filesystem::path path_;
};

std::unique_ptr<DependencyProbe> DatabaseProbe(const std::string& url) {
  auto probe = MakeDatabaseProbe(url);
  EXPECT_TRUE(probe.has_value()) << (probe ? "" : probe.error().message);
  return probe ? std::move(*probe) : nullptr;
}

std::unique_ptr<DependencyProbe> CacheProbe(const std::string& url) {
  auto probe = MakeCacheProbe(url);
  EXPECT_TRUE(probe.has_value()) << (probe ? "" : probe.error().message);
  return probe ? std::move(*probe) : nullptr;
}

// --- sqlite ---------------------------------------------------------------------------------

TEST(SqliteProbe, OkOnATempFileCreatingParentDirectories) {
  const TempDir dir;
  const auto file = dir.path() / "nested" / "deeper" / "test.db";
  auto probe = DatabaseProbe("sqlite://" + file.string());
  ASSERT_NE(probe, nullptr);
  EXPECT_EQ(probe->Name(), "database");
  EXPECT_EQ(probe->Kind(), "sqlite");

  const ProbeResult result = probe->Check(kTimeout);
  EXPECT_TRUE(result.ok) << result.detail;
  EXPECT_FALSE(result.detail.empty());
  EXPECT_GE(result.latency_ms, 0.0);
  EXPECT_TRUE(std::filesystem::exists(file));

  const ProbeResult again = probe->Check(kTimeout);  // the file exists now
  EXPECT_TRUE(again.ok) << again.detail;
}

TEST(SqliteProbe, FailsOnAnUnwritablePath) {
  auto probe = DatabaseProbe("sqlite:///proc/nope/x.db");
  ASSERT_NE(probe, nullptr);
  const ProbeResult result = probe->Check(kTimeout);
  EXPECT_FALSE(result.ok);
  EXPECT_FALSE(result.detail.empty());
}

TEST(SqliteProbe, FailsOnAFileThatIsNotADatabase) {
  const TempDir dir;
  std::filesystem::create_directories(dir.path());
  const auto file = dir.path() / "garbage.db";
  std::ofstream(file) << std::string(4096, 'x');
  auto probe = DatabaseProbe("sqlite://" + file.string());
  ASSERT_NE(probe, nullptr);
  const ProbeResult result = probe->Check(kTimeout);
  EXPECT_FALSE(result.ok);
  EXPECT_NE(result.detail.find("not a database"), std::string::npos) << result.detail;
}

TEST(SqliteProbe, ConcurrentChecksOnOneFileAllSucceed) {
  const TempDir dir;
  auto probe = DatabaseProbe("sqlite://" + (dir.path() / "shared.db").string());
  ASSERT_NE(probe, nullptr);
  constexpr int kThreads = 8;
  std::vector<ProbeResult> results(kThreads);
  {
    std::vector<std::jthread> threads;
    threads.reserve(kThreads);
    for (int i = 0; i < kThreads; ++i) {
      threads.emplace_back(
          [&probe, &results, i] { results[static_cast<std::size_t>(i)] = probe->Check(kTimeout); });
    }
  }
  for (const ProbeResult& result : results) EXPECT_TRUE(result.ok) << result.detail;
}

// --- postgresql -----------------------------------------------------------------------------

TEST(PostgresProbe, OkAgainstTheTestServer) {
  const std::string url = EnvOrEmpty("JC_TEST_POSTGRES_URL");
  ASSERT_FALSE(url.empty()) << "JC_TEST_POSTGRES_URL" << kHowToRun;
  auto probe = DatabaseProbe(url);
  ASSERT_NE(probe, nullptr);
  EXPECT_EQ(probe->Name(), "database");
  EXPECT_EQ(probe->Kind(), "postgresql");
  const ProbeResult result = probe->Check(kTimeout);
  EXPECT_TRUE(result.ok) << result.detail;
  EXPECT_GE(result.latency_ms, 0.0);
}

TEST(PostgresProbe, MissingDatabaseFailsWithTheServersMessage) {
  const std::string url = EnvOrEmpty("JC_TEST_POSTGRES_URL");
  ASSERT_FALSE(url.empty()) << "JC_TEST_POSTGRES_URL" << kHowToRun;
  const std::string other = url.substr(0, url.rfind('/')) + "/jc_no_such_database";
  auto probe = DatabaseProbe(other);
  ASSERT_NE(probe, nullptr);
  const ProbeResult result = probe->Check(kTimeout);
  EXPECT_FALSE(result.ok);
  EXPECT_NE(result.detail.find("jc_no_such_database"), std::string::npos) << result.detail;
  EXPECT_EQ(result.detail.find('\n'), std::string::npos) << result.detail;
}

TEST(PostgresProbe, ClosedPortFailsWithoutLeakingThePassword) {
  auto probe = DatabaseProbe("postgresql://user:s3cr3t-pw@127.0.0.1:1/jobcopilot");
  ASSERT_NE(probe, nullptr);
  const ProbeResult result = probe->Check(milliseconds(2'000));
  EXPECT_FALSE(result.ok);
  EXPECT_FALSE(result.detail.empty());
  EXPECT_EQ(result.detail.find("s3cr3t-pw"), std::string::npos) << result.detail;
  EXPECT_EQ(result.detail.find('\n'), std::string::npos) << result.detail;
}

TEST(PostgresProbe, AcceptsBothSchemes) {
  auto short_scheme = MakeDatabaseProbe("postgres://u@localhost:5432/db");
  ASSERT_TRUE(short_scheme.has_value());
  EXPECT_EQ((*short_scheme)->Kind(), "postgresql");
  auto long_scheme = MakeDatabaseProbe("postgresql://u@localhost:5432/db");
  ASSERT_TRUE(long_scheme.has_value());
  EXPECT_EQ((*long_scheme)->Kind(), "postgresql");
}

// --- redis ----------------------------------------------------------------------------------

TEST(RedisProbe, OkAgainstTheTestServer) {
  const std::string url = EnvOrEmpty("JC_TEST_REDIS_URL");
  ASSERT_FALSE(url.empty()) << "JC_TEST_REDIS_URL" << kHowToRun;
  auto probe = CacheProbe(url);
  ASSERT_NE(probe, nullptr);
  EXPECT_EQ(probe->Name(), "cache");
  EXPECT_EQ(probe->Kind(), "redis");
  const ProbeResult result = probe->Check(kTimeout);
  EXPECT_TRUE(result.ok) << result.detail;
  EXPECT_GE(result.latency_ms, 0.0);
}

TEST(RedisProbe, ConcurrentChecksAllSucceed) {
  const std::string url = EnvOrEmpty("JC_TEST_REDIS_URL");
  ASSERT_FALSE(url.empty()) << "JC_TEST_REDIS_URL" << kHowToRun;
  auto probe = CacheProbe(url);
  ASSERT_NE(probe, nullptr);
  constexpr int kThreads = 8;
  std::vector<ProbeResult> results(kThreads);
  {
    std::vector<std::jthread> threads;
    threads.reserve(kThreads);
    for (int i = 0; i < kThreads; ++i) {
      threads.emplace_back(
          [&probe, &results, i] { results[static_cast<std::size_t>(i)] = probe->Check(kTimeout); });
    }
  }
  for (const ProbeResult& result : results) EXPECT_TRUE(result.ok) << result.detail;
}

TEST(RedisProbe, WrongPasswordFailsWithoutLeakingIt) {
  const std::string url = EnvOrEmpty("JC_TEST_REDIS_URL");
  ASSERT_FALSE(url.empty()) << "JC_TEST_REDIS_URL" << kHowToRun;
  // The test server has no password, so any AUTH is refused.
  const std::string with_password =
      "redis://:wr0ng-pw@" + url.substr(std::string("redis://").size());
  auto probe = CacheProbe(with_password);
  ASSERT_NE(probe, nullptr);
  const ProbeResult result = probe->Check(kTimeout);
  EXPECT_FALSE(result.ok);
  EXPECT_NE(result.detail.find("AUTH"), std::string::npos) << result.detail;
  EXPECT_EQ(result.detail.find("wr0ng-pw"), std::string::npos) << result.detail;
}

TEST(RedisProbe, OutOfRangeDatabaseFails) {
  const std::string url = EnvOrEmpty("JC_TEST_REDIS_URL");
  ASSERT_FALSE(url.empty()) << "JC_TEST_REDIS_URL" << kHowToRun;
  auto target = internal::ParseRedisUrl(url);
  ASSERT_TRUE(target.has_value());
  auto probe = CacheProbe("redis://" + target->host + ":" + std::to_string(target->port) + "/999");
  ASSERT_NE(probe, nullptr);
  const ProbeResult result = probe->Check(kTimeout);
  EXPECT_FALSE(result.ok);
  EXPECT_NE(result.detail.find("SELECT"), std::string::npos) << result.detail;
}

TEST(RedisProbe, ClosedPortFailsWithoutLeakingThePassword) {
  auto probe = CacheProbe("redis://:s3cr3t-pw@127.0.0.1:1/0");
  ASSERT_NE(probe, nullptr);
  const ProbeResult result = probe->Check(milliseconds(2'000));
  EXPECT_FALSE(result.ok);
  EXPECT_FALSE(result.detail.empty());
  EXPECT_EQ(result.detail.find("s3cr3t-pw"), std::string::npos) << result.detail;
}

// --- memory ---------------------------------------------------------------------------------

TEST(MemoryProbe, EmptyRedisUrlGivesAnAlwaysOkMemoryProbe) {
  auto probe = CacheProbe("");
  ASSERT_NE(probe, nullptr);
  EXPECT_EQ(probe->Name(), "cache");
  EXPECT_EQ(probe->Kind(), "memory");
  const ProbeResult result = probe->Check(milliseconds(0));
  EXPECT_TRUE(result.ok);
  EXPECT_FALSE(result.detail.empty());
}

// --- URL parsing ----------------------------------------------------------------------------

TEST(ProbeUrls, MalformedDatabaseUrlsAreValidationErrors) {
  for (const std::string url :
       {"", "mysql://localhost/db", "sqlite:relative.db", "sqlite://", "SQLITE://x.db",
        "postgresql://[::1/db", "postgresql://host/db?no_such_option=1"}) {
    auto probe = MakeDatabaseProbe(url);
    ASSERT_FALSE(probe.has_value()) << url;
    EXPECT_EQ(probe.error().code, ErrorCode::kValidation) << url;
    EXPECT_FALSE(probe.error().message.empty()) << url;
  }
}

TEST(ProbeUrls, PostgresValidationMessagesNeverShowThePassword) {
  for (const std::string url :
       {"postgresql://user:hunter2-pw@[::1/db", "postgresql://user:hunter2-pw%zz@host/db",
        "postgresql://host/db?password=hunter2-pw&no_such_option=1"}) {
    auto probe = MakeDatabaseProbe(url);
    ASSERT_FALSE(probe.has_value()) << url;
    EXPECT_EQ(probe.error().code, ErrorCode::kValidation) << url;
    EXPECT_EQ(probe.error().message.find("hunter2"), std::string::npos) << probe.error().message;
  }
}

TEST(ProbeUrls, MalformedRedisUrlsAreValidationErrors) {
  for (const std::string url :
       {"http://localhost:6379", "redis://", "redis://:6379", "redis://host:0",
        "redis://host:99999", "redis://host:abc", "redis://host:", "redis://host/abc",
        "redis://host/-1", "redis://host/0?timeout=1", "redis://password@host", "redis://[::1",
        "redis://::1:6379", "redis://user:@host", "redis://:hunter2-pw%zz@host"}) {
    auto probe = MakeCacheProbe(url);
    ASSERT_FALSE(probe.has_value()) << url;
    EXPECT_EQ(probe.error().code, ErrorCode::kValidation) << url;
    EXPECT_FALSE(probe.error().message.empty()) << url;
    EXPECT_EQ(probe.error().message.find("hunter2"), std::string::npos) << probe.error().message;
  }
}

TEST(ProbeUrls, RedisUrlParts) {
  auto full = internal::ParseRedisUrl("redis://jc:p%40ss%3Aword@cache.example:6380/2");
  ASSERT_TRUE(full.has_value()) << full.error().message;
  EXPECT_EQ(full->host, "cache.example");
  EXPECT_EQ(full->port, 6380);
  EXPECT_EQ(full->username, "jc");
  EXPECT_EQ(full->password, "p@ss:word");
  EXPECT_EQ(full->db, 2);

  auto minimal = internal::ParseRedisUrl("redis://localhost");
  ASSERT_TRUE(minimal.has_value()) << minimal.error().message;
  EXPECT_EQ(minimal->host, "localhost");
  EXPECT_EQ(minimal->port, 6379);
  EXPECT_TRUE(minimal->username.empty());
  EXPECT_TRUE(minimal->password.empty());
  EXPECT_EQ(minimal->db, 0);

  auto password_only = internal::ParseRedisUrl("redis://:secret@127.0.0.1:6379/");
  ASSERT_TRUE(password_only.has_value()) << password_only.error().message;
  EXPECT_TRUE(password_only->username.empty());
  EXPECT_EQ(password_only->password, "secret");
  EXPECT_EQ(password_only->db, 0);

  auto ipv6 = internal::ParseRedisUrl("redis://[::1]:7000/3");
  ASSERT_TRUE(ipv6.has_value()) << ipv6.error().message;
  EXPECT_EQ(ipv6->host, "::1");
  EXPECT_EQ(ipv6->port, 7000);
  EXPECT_EQ(ipv6->db, 3);
}

}  // namespace
}  // namespace jc::store
