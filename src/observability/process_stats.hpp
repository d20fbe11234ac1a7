// A snapshot of this process's resource use, read from /proc. Stateless; thread-safe.
#pragma once

#include <cstdint>

namespace jc::obs {

struct ProcessStats {
  std::uint64_t rss_bytes = 0;
  double cpu_user_seconds = 0;
  double cpu_system_seconds = 0;
  std::int64_t threads = 0;
  std::int64_t open_fds = 0;
};

// Reads /proc/self. A field that cannot be read stays 0 (never fails).
ProcessStats ReadProcessStats();

}  // namespace jc::obs
