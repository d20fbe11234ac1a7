#include "sandbox/process_pool.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#ifndef JC_SANDBOX_TEST_WORKER
#error "JC_SANDBOX_TEST_WORKER must name the sandbox_test_worker binary"
#endif

// ASan reserves terabytes of virtual address space at start-up, so an ASan-built worker cannot
// run under RLIMIT_AS: sanitizer builds disable the limit and skip the test that needs it.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

namespace jc::sandbox {
namespace {

using std::chrono::milliseconds;

SandboxLimits TestLimits() {
  SandboxLimits limits;
  limits.wall_timeout = milliseconds(500);
  limits.address_space_bytes = kSanitized ? 0 : std::size_t{512} << 20;
  return limits;
}

std::vector<std::string> WorkerArgv() {
  return {JC_SANDBOX_TEST_WORKER};
}

void ExpectError(const Result<std::string>& result, ErrorCode code, std::string_view slug) {
  ASSERT_FALSE(result) << "unexpected success";
  EXPECT_EQ(result.error().code, code);
  EXPECT_EQ(result.error().slug, slug);
}

void ExpectEcho(ProcessPool& pool, const std::string& text) {
  auto result = pool.Call("echo:" + text);
  ASSERT_TRUE(result) << result.error().slug;
  EXPECT_EQ(*result, text);
}

// The process state letter from /proc/<pid>/stat ('Z' once dead but not yet reaped).
char ProcessState(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto paren = stat.rfind(')');
  return paren == std::string::npos || paren + 2 >= stat.size() ? '?' : stat[paren + 2];
}

bool NoChildrenLeft() {
  errno = 0;
  return waitpid(-1, nullptr, WNOHANG) == -1 && errno == ECHILD;
}

TEST(ProcessPoolTest, EchoesManyTimes) {
  ProcessPool pool(WorkerArgv(), 2, TestLimits());
  for (int i = 0; i < 50; ++i) ExpectEcho(pool, "job " + std::to_string(i));
  EXPECT_EQ(pool.Spawned(), 2u);
  EXPECT_EQ(pool.Failures(), 0u);
}

TEST(ProcessPoolTest, ServesEightThreadsWithTwoWorkers) {
  ProcessPool pool(WorkerArgv(), 2, TestLimits());
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&pool, &mismatches, t] {
      for (int i = 0; i < 25; ++i) {
        const std::string text = std::to_string(t) + ":" + std::to_string(i);
        auto result = pool.Call("echo:" + text);
        if (!result || *result != text) ++mismatches;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(mismatches.load(), 0);
  EXPECT_EQ(pool.Spawned(), 2u);
}

struct BadCase {
  const char* input;
  ErrorCode code;
  const char* slug;
  bool replaces_worker;
};

class BadBehaviourTest : public testing::TestWithParam<BadCase> {};

TEST_P(BadBehaviourTest, ReturnsItsErrorAndTheNextCallSucceeds) {
  const BadCase& c = GetParam();
  ProcessPool pool(WorkerArgv(), 1, TestLimits());
  ExpectError(pool.Call(c.input), c.code, c.slug);
  ExpectEcho(pool, "after");
  EXPECT_EQ(pool.Spawned(), c.replaces_worker ? 2u : 1u);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadBehaviourTest,
    testing::Values(BadCase{"crash", ErrorCode::kValidation, "parse_failed", true},
                    BadCase{"segv", ErrorCode::kValidation, "parse_failed", true},
                    BadCase{"exit", ErrorCode::kValidation, "parse_failed", true},
                    BadCase{"big", ErrorCode::kValidation, "parse_failed", true},
                    BadCase{"hang", ErrorCode::kValidation, "parse_timeout", true},
                    BadCase{"sleep", ErrorCode::kValidation, "parse_timeout", true},
                    BadCase{"throw", ErrorCode::kInternal, "internal_error", false},
                    BadCase{"error", ErrorCode::kValidation, "test_error", false}),
    [](const testing::TestParamInfo<BadCase>& param_info) {
      return std::string(param_info.param.input);
    });

TEST(ProcessPoolTest, ExceptionMessagesDoNotReachTheCaller) {
  ProcessPool pool(WorkerArgv(), 1, TestLimits());
  auto result = pool.Call("throw");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().message.find("secret"), std::string::npos);
}

TEST(ProcessPoolTest, CpuLimitIsAResourceLimit) {
  SandboxLimits limits = TestLimits();
  limits.cpu_seconds = 1;
  limits.wall_timeout = milliseconds(20'000);
  ProcessPool pool(WorkerArgv(), 1, limits);
  ExpectError(pool.Call("hang"), ErrorCode::kValidation, "parse_resource_limit");
  ExpectEcho(pool, "after");
}

TEST(ProcessPoolTest, ExpensiveJobsDoNotInheritEarlierCpuUse) {
  SandboxLimits limits = TestLimits();
  limits.cpu_seconds = 2;
  limits.wall_timeout = milliseconds(20'000);
  ProcessPool pool(WorkerArgv(), 1, limits);
  for (int i = 0; i < 2; ++i) {
    auto result = pool.Call("burn");  // 2 x 1.2 s would pass the 2 s limit in one process
    ASSERT_TRUE(result) << result.error().slug;
    EXPECT_EQ(*result, "burned");
  }
  EXPECT_EQ(pool.Failures(), 0u);
  // The budget is renewed in place (the soft limit moves up), not by starting a new worker.
  EXPECT_EQ(pool.Spawned(), 1u);
}

TEST(ProcessPoolTest, AddressSpaceLimitIsAResourceLimit) {
  if (kSanitized) GTEST_SKIP() << "RLIMIT_AS cannot apply to an ASan-built worker";
  ProcessPool pool(WorkerArgv(), 1, TestLimits());
  ExpectError(pool.Call("alloc"), ErrorCode::kValidation, "parse_resource_limit");
  ExpectEcho(pool, "after");
}

TEST(ProcessPoolTest, RefusesInputOverTheLimit) {
  SandboxLimits limits = TestLimits();
  limits.max_input_bytes = 16;
  ProcessPool pool(WorkerArgv(), 1, limits);
  ExpectError(pool.Call("echo:" + std::string(12, 'x')), ErrorCode::kPayloadTooLarge,
              "document_too_large");
  ExpectEcho(pool, "short");
  EXPECT_EQ(pool.Spawned(), 1u);
}

TEST(ProcessPoolTest, RecyclesWorkersAfterMaxJobs) {
  SandboxLimits limits = TestLimits();
  limits.max_jobs_per_worker = 3;
  ProcessPool pool(WorkerArgv(), 1, limits);
  for (int i = 0; i < 7; ++i) ExpectEcho(pool, std::to_string(i));
  EXPECT_EQ(pool.Spawned(), 3u);  // the first worker, then one per 3 jobs
  EXPECT_EQ(pool.Failures(), 0u);
}

TEST(ProcessPoolTest, RecyclesAWorkerThatKeptTooMuchMemory) {
  SandboxLimits limits = TestLimits();
  limits.recycle_rss_bytes = 32 << 20;
  limits.wall_timeout = milliseconds(5000);  // touching 64 MiB on a loaded machine can be slow
  ProcessPool pool(WorkerArgv(), 1, limits);
  const auto first = pool.WorkerPids();
  ASSERT_EQ(first.size(), 1u);
  ExpectEcho(pool, "small");  // a light job keeps the worker
  EXPECT_EQ(pool.WorkerPids(), first);
  auto kept = pool.Call("keep");
  ASSERT_TRUE(kept) << kept.error().message;
  const auto after = pool.WorkerPids();
  ASSERT_EQ(after.size(), 1u);
  EXPECT_NE(after[0], first[0]);  // replaced, not counted as a failure
  EXPECT_EQ(pool.Failures(), 0u);
  ExpectEcho(pool, "next");
}

TEST(ProcessPoolTest, ReplacesAWorkerKilledWhileIdle) {
  ProcessPool pool(WorkerArgv(), 1, TestLimits());
  const std::vector<pid_t> before = pool.WorkerPids();
  ASSERT_EQ(before.size(), 1u);
  ASSERT_EQ(kill(before[0], SIGKILL), 0);
  while (ProcessState(before[0]) != 'Z') std::this_thread::sleep_for(milliseconds(1));
  ExpectEcho(pool, "still here");
  const std::vector<pid_t> after = pool.WorkerPids();
  ASSERT_EQ(after.size(), 1u);
  EXPECT_NE(after[0], before[0]);
  EXPECT_EQ(pool.Spawned(), 2u);
}

TEST(ProcessPoolTest, ReportsUnavailableWhenTheWorkerCannotStart) {
  ProcessPool pool({"/nonexistent/worker"}, 1, TestLimits());
  ExpectError(pool.Call("echo:x"), ErrorCode::kUnavailable, "sandbox_unavailable");
  EXPECT_EQ(pool.Spawned(), 0u);
}

int OpenFdCount() {
  const auto fds = std::filesystem::directory_iterator("/proc/self/fd");
  return static_cast<int>(std::distance(begin(fds), end(fds)));
}

TEST(ProcessPoolTest, WorkersInheritOnlyTheirOwnChannel) {
  ProcessPool pool(WorkerArgv(), 3, TestLimits());
  auto fds = pool.Call("fds");
  ASSERT_TRUE(fds);
  // stdin/stdout (the socket), stderr (/dev/null), the private reply fd and the listing's own.
  EXPECT_EQ(*fds, "5");
}

TEST(ProcessPoolTest, LeavesNoZombiesAndNoFds) {
  const int fds_before = OpenFdCount();
  {
    ProcessPool pool(WorkerArgv(), 3, TestLimits());
    ExpectError(pool.Call("crash"), ErrorCode::kValidation, "parse_failed");
    ExpectError(pool.Call("sleep"), ErrorCode::kValidation, "parse_timeout");
    ExpectEcho(pool, "x");
    EXPECT_EQ(pool.WorkerPids().size(), 3u);
  }
  EXPECT_TRUE(NoChildrenLeft());
  EXPECT_EQ(OpenFdCount(), fds_before);
}

}  // namespace
}  // namespace jc::sandbox
