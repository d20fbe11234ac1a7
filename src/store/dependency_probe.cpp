#include "store/dependency_probe.hpp"

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "common/error.hpp"
#include "store/probe_internal.hpp"

namespace jc::store {
namespace internal {

double ElapsedMs(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string FirstLine(std::string_view text, std::string_view fallback) {
  constexpr std::string_view kSpace = " \t\r\n";
  const std::size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return std::string(fallback);
  text.remove_prefix(first);
  text = text.substr(0, text.find_first_of("\r\n"));
  text = text.substr(0, text.find_last_not_of(kSpace) + 1);
  return std::string(text);
}

std::string Redact(std::string text, std::string_view secret) {
  if (secret.empty()) return text;
  constexpr std::string_view kMask = "***";
  for (std::size_t at = text.find(secret); at != std::string::npos;
       at = text.find(secret, at + kMask.size())) {
    text.replace(at, secret.size(), kMask);
  }
  return text;
}

std::chrono::milliseconds AtLeastOneMs(std::chrono::milliseconds timeout) {
  return timeout < std::chrono::milliseconds(1) ? std::chrono::milliseconds(1) : timeout;
}

}  // namespace internal

namespace {

constexpr std::string_view kSqliteScheme = "sqlite://";
constexpr std::string_view kPostgresScheme = "postgres://";
constexpr std::string_view kPostgresqlScheme = "postgresql://";
constexpr std::string_view kRedisScheme = "redis://";

// The in-process cache lives as long as the process does: nothing to reach.
class MemoryCacheProbe final : public DependencyProbe {
 public:
  std::string_view Name() const override { return "cache"; }
  std::string_view Kind() const override { return "memory"; }
  ProbeResult Check(std::chrono::milliseconds /*timeout*/) override {
    return ProbeResult{.ok = true, .latency_ms = 0, .detail = "in-process cache"};
  }
};

}  // namespace

Result<std::unique_ptr<DependencyProbe>> MakeDatabaseProbe(const std::string& database_url) {
  const std::string_view url = database_url;
  if (url.starts_with(kSqliteScheme)) {
    std::string path(url.substr(kSqliteScheme.size()));
    if (path.empty()) {
      return Error::Make(ErrorCode::kValidation,
                         "DATABASE_URL: sqlite:// needs a file path, e.g. sqlite://./var/db");
    }
    return internal::MakeSqliteProbe(std::move(path));
  }
  if (url.starts_with(kPostgresScheme) || url.starts_with(kPostgresqlScheme)) {
    return internal::MakePostgresProbe(database_url);
  }
  return Error::Make(ErrorCode::kValidation,
                     "DATABASE_URL must start with sqlite://, postgres:// or postgresql://");
}

Result<std::unique_ptr<DependencyProbe>> MakeCacheProbe(const std::string& redis_url) {
  if (redis_url.empty()) {
    std::unique_ptr<DependencyProbe> probe = std::make_unique<MemoryCacheProbe>();
    return probe;
  }
  if (!std::string_view(redis_url).starts_with(kRedisScheme)) {
    return Error::Make(ErrorCode::kValidation, "REDIS_URL must start with redis:// or be empty");
  }
  return internal::MakeRedisProbe(redis_url);
}

}  // namespace jc::store
