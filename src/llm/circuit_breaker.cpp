#include "llm/circuit_breaker.hpp"

#include <algorithm>

namespace jc::llm {

CircuitBreaker::CircuitBreaker(unsigned failure_threshold, std::chrono::milliseconds cooldown,
                               Now now)
    : failure_threshold_(std::max(1u, failure_threshold)),
      cooldown_(cooldown),
      now_(now ? std::move(now) : Now([] { return Clock::now(); })) {}

void CircuitBreaker::MaybeHalfOpenLocked(Clock::time_point now) {
  if (state_ == State::kOpen && now >= open_until_) {
    state_ = State::kHalfOpen;
    probe_in_flight_ = false;
  }
}

CircuitBreaker::Admission CircuitBreaker::TryAcquire() {
  const auto now = now_();
  std::lock_guard lock(mu_);
  MaybeHalfOpenLocked(now);
  switch (state_) {
    case State::kClosed:
      return {true, {}};
    case State::kOpen:
      return {false, std::chrono::ceil<std::chrono::milliseconds>(open_until_ - now)};
    case State::kHalfOpen:
      if (probe_in_flight_) {
        // The probe decides; until then callers are told to come back in a moment.
        return {false, std::chrono::milliseconds(1000)};
      }
      probe_in_flight_ = true;
      return {true, {}};
  }
  return {false, {}};
}

void CircuitBreaker::OnSuccess() {
  std::lock_guard lock(mu_);
  consecutive_failures_ = 0;
  state_ = State::kClosed;
  probe_in_flight_ = false;
}

void CircuitBreaker::OnFailure() {
  const auto now = now_();
  std::lock_guard lock(mu_);
  probe_in_flight_ = false;
  if (state_ == State::kHalfOpen) {
    state_ = State::kOpen;
    open_until_ = now + cooldown_;
    return;
  }
  if (state_ == State::kOpen) return;  // a call admitted before the breaker opened
  if (++consecutive_failures_ >= failure_threshold_) {
    state_ = State::kOpen;
    open_until_ = now + cooldown_;
  }
}

void CircuitBreaker::OnAbandoned() {
  std::lock_guard lock(mu_);
  probe_in_flight_ = false;
}

CircuitBreaker::State CircuitBreaker::CurrentState() {
  const auto now = now_();
  std::lock_guard lock(mu_);
  MaybeHalfOpenLocked(now);
  return state_;
}

}  // namespace jc::llm
