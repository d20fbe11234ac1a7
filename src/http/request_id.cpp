#include "http/request_id.hpp"

#include <random>

namespace jc::http {

std::string NewRequestId() {
  static constexpr char kHex[] = "0123456789abcdef";
  thread_local std::mt19937_64 engine{std::random_device{}()};
  std::string id(32, '0');
  for (int half = 0; half < 2; ++half) {
    std::uint64_t bits = engine();
    for (int i = 0; i < 16; ++i) {
      id[static_cast<std::size_t>(half * 16 + i)] = kHex[bits & 0xF];
      bits >>= 4;
    }
  }
  return id;
}

std::string AcceptOrNewRequestId(std::string_view v) {
  if (v.empty() || v.size() > 128) return NewRequestId();
  for (const char c : v) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.' || c == ':';
    if (!ok) return NewRequestId();
  }
  return std::string(v);
}

}  // namespace jc::http
