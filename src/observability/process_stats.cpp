#include "observability/process_stats.hpp"

#include <dirent.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>

namespace jc::obs {

ProcessStats ReadProcessStats() {
  ProcessStats s;
  const long page = ::sysconf(_SC_PAGESIZE);
  const long ticks = ::sysconf(_SC_CLK_TCK);

  if (std::FILE* f = std::fopen("/proc/self/statm", "r")) {
    unsigned long size = 0, resident = 0;
    if (std::fscanf(f, "%lu %lu", &size, &resident) == 2) {
      s.rss_bytes = static_cast<std::uint64_t>(resident) * static_cast<std::uint64_t>(page);
    }
    std::fclose(f);
  }

  if (std::FILE* f = std::fopen("/proc/self/stat", "r")) {
    char buf[1024];
    const std::size_t n = std::fread(buf, 1, sizeof buf - 1, f);
    std::fclose(f);
    buf[n] = '\0';
    // The command name may contain spaces; the fields we want follow its closing parenthesis.
    if (const char* p = std::strrchr(buf, ')')) {
      unsigned long utime = 0, stime = 0;
      long threads = 0;
      // Fields 3..20 after ")": state ppid pgrp session tty tpgid flags minflt cminflt majflt
      // cmajflt utime stime cutime cstime priority nice num_threads.
      if (std::sscanf(p + 2,
                      "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu %*d %*d %*d %*d %ld",
                      &utime, &stime, &threads) == 3 &&
          ticks > 0) {
        s.cpu_user_seconds = static_cast<double>(utime) / static_cast<double>(ticks);
        s.cpu_system_seconds = static_cast<double>(stime) / static_cast<double>(ticks);
        s.threads = threads;
      }
    }
  }

  if (DIR* d = ::opendir("/proc/self/fd")) {
    std::int64_t count = 0;
    while (const dirent* e = ::readdir(d)) {
      if (e->d_name[0] != '.') ++count;
    }
    ::closedir(d);
    s.open_fds = count - 1;  // the directory stream itself
  }
  return s;
}

}  // namespace jc::obs
