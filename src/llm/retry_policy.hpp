// Retry rules of the LLM client: which answers are worth another attempt, how long to wait
// before it (exponential backoff with full jitter), and the provider's Retry-After header.
//
// Pure functions of their arguments (the random source is passed in); thread-safe.
#pragma once

#include <chrono>
#include <optional>
#include <random>
#include <string_view>

namespace jc::llm {

using Millis = std::chrono::milliseconds;

struct BackoffPolicy {
  Millis base{250};  // the ceiling of the first wait
  Millis cap{8000};  // no wait is longer than this
};

// Whether an HTTP status is transient: 408, 429 and every 5xx.
bool IsRetryableStatus(unsigned status);

// The wait before retry number `retry` (0 = the first retry): uniform in
// [0, min(cap, base * 2^retry)] ("full jitter").
Millis BackoffDelay(const BackoffPolicy& policy, unsigned retry, std::mt19937_64& rng);

// The upper bound BackoffDelay draws from: min(cap, base * 2^retry).
Millis BackoffCeiling(const BackoffPolicy& policy, unsigned retry);

// Parses a Retry-After value: delay-seconds ("120") or an HTTP date (IMF-fixdate
// "Sun, 06 Nov 1994 08:49:37 GMT", also RFC 850 and asctime forms), relative to `now`.
// A date in the past gives 0. Returns nullopt for anything else.
std::optional<Millis> ParseRetryAfter(std::string_view value,
                                      std::chrono::system_clock::time_point now);

}  // namespace jc::llm
