#include "llm/retry_policy.hpp"

#include <gtest/gtest.h>

namespace jc::llm {
namespace {

using std::chrono::system_clock;

TEST(RetryPolicyTest, RetryableStatuses) {
  for (unsigned s : {408u, 429u, 500u, 502u, 503u, 504u, 599u}) EXPECT_TRUE(IsRetryableStatus(s));
  for (unsigned s : {200u, 400u, 401u, 403u, 404u, 422u, 600u}) EXPECT_FALSE(IsRetryableStatus(s));
}

TEST(RetryPolicyTest, CeilingDoublesUpToTheCap) {
  const BackoffPolicy p;
  EXPECT_EQ(BackoffCeiling(p, 0), Millis(250));
  EXPECT_EQ(BackoffCeiling(p, 1), Millis(500));
  EXPECT_EQ(BackoffCeiling(p, 4), Millis(4000));
  EXPECT_EQ(BackoffCeiling(p, 5), Millis(8000));
  EXPECT_EQ(BackoffCeiling(p, 60), Millis(8000));
}

TEST(RetryPolicyTest, DelaysStayWithinBoundsAndAreJittered) {
  const BackoffPolicy p;
  std::mt19937_64 rng(42);
  for (unsigned retry = 0; retry < 12; ++retry) {
    Millis lo = Millis::max(), hi = Millis::min();
    for (int i = 0; i < 500; ++i) {
      const auto d = BackoffDelay(p, retry, rng);
      EXPECT_GE(d, Millis(0));
      EXPECT_LE(d, BackoffCeiling(p, retry));
      lo = std::min(lo, d);
      hi = std::max(hi, d);
    }
    // Full jitter spreads over the whole range, not around a fixed value.
    EXPECT_LT(lo, BackoffCeiling(p, retry) / 4) << retry;
    EXPECT_GT(hi, BackoffCeiling(p, retry) * 3 / 4) << retry;
  }
}

TEST(RetryPolicyTest, RetryAfterSeconds) {
  const auto now = system_clock::now();
  EXPECT_EQ(ParseRetryAfter("2", now), Millis(2000));
  EXPECT_EQ(ParseRetryAfter(" 0 ", now), Millis(0));
  EXPECT_EQ(ParseRetryAfter("120", now), Millis(120000));
  for (const char* bad : {"", "-1", "1.5", "soon", "3s"}) {
    EXPECT_EQ(ParseRetryAfter(bad, now), std::nullopt) << bad;
  }
}

TEST(RetryPolicyTest, RetryAfterHttpDates) {
  // 1994-11-06 08:49:37 UTC
  const auto date = system_clock::from_time_t(784111777);
  const auto now = date - std::chrono::seconds(30);
  EXPECT_EQ(ParseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT", now), Millis(30000));
  EXPECT_EQ(ParseRetryAfter("Sunday, 06-Nov-94 08:49:37 GMT", now), Millis(30000));
  EXPECT_EQ(ParseRetryAfter("Sun Nov  6 08:49:37 1994", now), Millis(30000));
  EXPECT_EQ(ParseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT", date + std::chrono::hours(1)),
            Millis(0));
  EXPECT_EQ(ParseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT trailing", now), std::nullopt);
  EXPECT_EQ(ParseRetryAfter("Sun, 32 Nov 1994 08:49:37 GMT", now), std::nullopt);
}

}  // namespace
}  // namespace jc::llm
