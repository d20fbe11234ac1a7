// Private to src/store: the concrete probe factories and the helpers they share.
//
// MakeDatabaseProbe / MakeCacheProbe pick one of these factories by URL scheme. Everything here
// is a free function over plain values: no shared state, safe from any thread. Tests may include
// this header to check URL parsing directly.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "store/dependency_probe.hpp"

namespace jc::store::internal {

using Clock = std::chrono::steady_clock;

// Milliseconds elapsed since `start`, for ProbeResult::latency_ms.
double ElapsedMs(Clock::time_point start);

// The first line of a C library's error text, without surrounding whitespace; `fallback` when
// that line is empty.
std::string FirstLine(std::string_view text, std::string_view fallback);

// `text` with every occurrence of `secret` replaced by "***" (unchanged when secret is empty).
std::string Redact(std::string text, std::string_view secret);

// A timeout that is never zero or negative (1 ms at least).
std::chrono::milliseconds AtLeastOneMs(std::chrono::milliseconds timeout);

// sqlite://PATH -> a probe for PATH (non-empty).
Result<std::unique_ptr<DependencyProbe>> MakeSqliteProbe(std::string path);

// postgres://... / postgresql://... -> a probe, after libpq has accepted the URI.
Result<std::unique_ptr<DependencyProbe>> MakePostgresProbe(const std::string& url);

// The parts of redis://[[user]:password@]host[:port][/db].
struct RedisTarget {
  std::string host;  // brackets of an IPv6 address removed
  int port = 6379;
  std::string username;  // empty: the default user
  std::string password;  // empty: no AUTH
  int db = 0;
};

Result<RedisTarget> ParseRedisUrl(std::string_view url);

Result<std::unique_ptr<DependencyProbe>> MakeRedisProbe(const std::string& url);

}  // namespace jc::store::internal
