#include "observability/process_stats.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <thread>

namespace jc::obs {
namespace {

TEST(ProcessStatsTest, ReadsThisProcess) {
  const auto before = ReadProcessStats();
  EXPECT_GT(before.rss_bytes, 1024u * 1024u);
  EXPECT_GE(before.threads, 1);
  EXPECT_GE(before.open_fds, 3);  // stdin, stdout, stderr at least

  const int fd = ::open("/dev/null", O_RDONLY);
  std::jthread extra([] { std::this_thread::sleep_for(std::chrono::milliseconds(200)); });
  const auto during = ReadProcessStats();
  EXPECT_EQ(during.open_fds, before.open_fds + 1);
  EXPECT_EQ(during.threads, before.threads + 1);
  ::close(fd);

  volatile double sink = 0;
  for (int i = 0; i < 20'000'000; ++i) sink = sink + i * 0.5;
  EXPECT_GT(ReadProcessStats().cpu_user_seconds + ReadProcessStats().cpu_system_seconds, 0.0);
}

}  // namespace
}  // namespace jc::obs
