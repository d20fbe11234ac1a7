#include "llm/circuit_breaker.hpp"

#include <gtest/gtest.h>

namespace jc::llm {
namespace {

using namespace std::chrono_literals;
using State = CircuitBreaker::State;

class CircuitBreakerTest : public ::testing::Test {
 protected:
  CircuitBreaker::Clock::time_point now_{std::chrono::hours(1)};
  CircuitBreaker breaker_{3, 10s, [this] { return now_; }};

  void FailOnce() {
    ASSERT_TRUE(breaker_.TryAcquire().admitted);
    breaker_.OnFailure();
  }
};

TEST_F(CircuitBreakerTest, OpensAfterConsecutiveFailures) {
  FailOnce();
  FailOnce();
  EXPECT_EQ(breaker_.CurrentState(), State::kClosed);
  FailOnce();
  EXPECT_EQ(breaker_.CurrentState(), State::kOpen);
  const auto refused = breaker_.TryAcquire();
  EXPECT_FALSE(refused.admitted);
  EXPECT_EQ(refused.retry_after, 10s);
  now_ += 4s;
  EXPECT_EQ(breaker_.TryAcquire().retry_after, 6s);
}

TEST_F(CircuitBreakerTest, ASuccessResetsTheCount) {
  FailOnce();
  FailOnce();
  ASSERT_TRUE(breaker_.TryAcquire().admitted);
  breaker_.OnSuccess();
  FailOnce();
  FailOnce();
  EXPECT_EQ(breaker_.CurrentState(), State::kClosed);
}

TEST_F(CircuitBreakerTest, HalfOpenAdmitsOneProbeThatCloses) {
  for (int i = 0; i < 3; ++i) FailOnce();
  now_ += 10s;
  EXPECT_EQ(breaker_.CurrentState(), State::kHalfOpen);
  ASSERT_TRUE(breaker_.TryAcquire().admitted);   // the probe
  EXPECT_FALSE(breaker_.TryAcquire().admitted);  // everyone else waits for its verdict
  breaker_.OnSuccess();
  EXPECT_EQ(breaker_.CurrentState(), State::kClosed);
  EXPECT_TRUE(breaker_.TryAcquire().admitted);
}

TEST_F(CircuitBreakerTest, AFailedProbeReopensForAnotherCooldown) {
  for (int i = 0; i < 3; ++i) FailOnce();
  now_ += 11s;
  FailOnce();  // the probe fails
  EXPECT_EQ(breaker_.CurrentState(), State::kOpen);
  EXPECT_EQ(breaker_.TryAcquire().retry_after, 10s);
  now_ += 10s;
  EXPECT_TRUE(breaker_.TryAcquire().admitted);
}

TEST_F(CircuitBreakerTest, AnAbandonedProbeFreesTheSlot) {
  for (int i = 0; i < 3; ++i) FailOnce();
  now_ += 10s;
  ASSERT_TRUE(breaker_.TryAcquire().admitted);
  breaker_.OnAbandoned();
  EXPECT_EQ(breaker_.CurrentState(), State::kHalfOpen);
  EXPECT_TRUE(breaker_.TryAcquire().admitted);
}

}  // namespace
}  // namespace jc::llm
