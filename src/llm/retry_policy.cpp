#include "llm/retry_policy.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <ctime>

namespace jc::llm {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<Millis> ParseSeconds(std::string_view s) {
  std::uint64_t seconds = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), seconds);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  seconds = std::min<std::uint64_t>(seconds, 365ull * 24 * 3600);  // anything longer is "never"
  return Millis(static_cast<Millis::rep>(seconds * 1000));
}

// The three date forms RFC 9110 asks a recipient to accept; all are GMT.
std::optional<std::chrono::system_clock::time_point> ParseHttpDate(std::string_view s) {
  static constexpr std::array<const char*, 3> kFormats = {
      "%a, %d %b %Y %H:%M:%S GMT",  // IMF-fixdate
      "%A, %d-%b-%y %H:%M:%S GMT",  // RFC 850
      "%a %b %e %H:%M:%S %Y",       // asctime
  };
  const std::string text(s);
  for (const char* format : kFormats) {
    std::tm tm{};
    const char* end = ::strptime(text.c_str(), format, &tm);
    if (end == nullptr || *end != '\0') continue;
    const std::time_t t = ::timegm(&tm);
    if (t == static_cast<std::time_t>(-1)) continue;
    return std::chrono::system_clock::from_time_t(t);
  }
  return std::nullopt;
}

}  // namespace

bool IsRetryableStatus(unsigned status) {
  return status == 408 || status == 429 || (status >= 500 && status <= 599);
}

Millis BackoffCeiling(const BackoffPolicy& policy, unsigned retry) {
  Millis ceiling = policy.base;
  for (unsigned i = 0; i < retry && ceiling < policy.cap; ++i) ceiling *= 2;
  return std::min(ceiling, policy.cap);
}

Millis BackoffDelay(const BackoffPolicy& policy, unsigned retry, std::mt19937_64& rng) {
  const auto ceiling = BackoffCeiling(policy, retry).count();
  if (ceiling <= 0) return Millis(0);
  std::uniform_int_distribution<Millis::rep> pick(0, ceiling);
  return Millis(pick(rng));
}

std::optional<Millis> ParseRetryAfter(std::string_view value,
                                      std::chrono::system_clock::time_point now) {
  value = Trim(value);
  if (value.empty()) return std::nullopt;
  if (value.front() >= '0' && value.front() <= '9') return ParseSeconds(value);
  const auto when = ParseHttpDate(value);
  if (!when) return std::nullopt;
  if (*when <= now) return Millis(0);
  return std::chrono::ceil<Millis>(*when - now);
}

}  // namespace jc::llm
