// CircuitBreaker: stops calling a provider that keeps failing.
//
// Closed: every call is admitted; `failure_threshold` consecutive failed calls open it.
// Open: calls are refused (with the time left) for `cooldown`. Then half-open: exactly one
// call, the probe, is admitted; its success closes the breaker, its failure opens it again
// for another cool-down. Every admitted call must report its outcome exactly once.
//
// The clock is injected so tests drive the state machine without sleeping. Thread-safe
// (one mutex; every member is a few comparisons).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>

namespace jc::llm {

class CircuitBreaker {
 public:
  using Clock = std::chrono::steady_clock;
  using Now = std::function<Clock::time_point()>;

  enum class State : std::uint8_t { kClosed, kOpen, kHalfOpen };

  struct Admission {
    bool admitted = false;
    std::chrono::milliseconds retry_after{0};  // when refused: until the next probe may run
  };

  CircuitBreaker(unsigned failure_threshold, std::chrono::milliseconds cooldown, Now now = {});

  // Whether a call may go ahead now. An admitted call must end with OnSuccess or OnFailure.
  Admission TryAcquire();
  void OnSuccess();
  void OnFailure();
  // An admitted call that ended without a verdict on the provider (e.g. it never got a
  // connection slot): frees the half-open probe slot, changes nothing else.
  void OnAbandoned();

  State CurrentState();

 private:
  void MaybeHalfOpenLocked(Clock::time_point now);

  const unsigned failure_threshold_;
  const std::chrono::milliseconds cooldown_;
  const Now now_;

  std::mutex mu_;
  State state_ = State::kClosed;
  unsigned consecutive_failures_ = 0;
  Clock::time_point open_until_{};
  bool probe_in_flight_ = false;
};

}  // namespace jc::llm
