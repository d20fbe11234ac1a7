// A sandbox worker whose behaviour is chosen by the job input, so the ProcessPool tests can
// provoke every failure a real parser might: crashes, hangs, memory blow-ups, huge replies.
#include <time.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>

#include "common/error.hpp"
#include "sandbox/worker_loop.hpp"

namespace {

// Keeps the optimiser from eliding the allocation in "alloc".
char* volatile g_sink = nullptr;

jc::Result<std::string> Allocate() {
  constexpr std::size_t kBytes = std::size_t{4} << 30;
  try {
    char* block = new char[kBytes];
    std::memset(block, 1, kBytes);
    g_sink = block;
    delete[] g_sink;
    return std::string("allocated");
  } catch (const std::bad_alloc&) {
    return jc::Error::Make(jc::ErrorCode::kValidation, "out of memory", "parse_resource_limit");
  }
}

// Uses about 1.2 s of CPU, then answers normally: a legitimate but expensive document.
jc::Result<std::string> Burn() {
  const auto cpu_now = [] {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return std::chrono::seconds(now.tv_sec) + std::chrono::nanoseconds(now.tv_nsec);
  };
  const auto until = cpu_now() + std::chrono::milliseconds(1200);
  while (cpu_now() < until) {
  }
  return std::string("burned");
}

jc::Result<std::string> Run(std::string_view input) {
  if (input.starts_with("echo:")) return std::string(input.substr(5));
  if (input == "crash") std::abort();
  if (input == "segv") std::raise(SIGSEGV);
  if (input == "hang") {
    volatile unsigned long spin = 0;
    for (;;) spin = spin + 1;
  }
  if (input == "sleep") {
    for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
  }
  if (input == "alloc") return Allocate();
  if (input == "burn") return Burn();
  if (input == "keep") {  // 64 MiB touched and never freed: a library that leaks
    auto* block = new char[std::size_t{64} << 20];
    std::memset(block, 1, std::size_t{64} << 20);
    g_sink = block;
    return std::string("kept");
  }
  if (input == "big") return std::string(std::size_t{64} << 20, 'x');
  if (input == "error") {
    return jc::Error::Make(jc::ErrorCode::kValidation, "not a CV", "test_error");
  }
  if (input == "exit") _exit(3);
  if (input == "fds") {  // how many fds the worker holds (plus the one listing them)
    const auto fds = std::filesystem::directory_iterator("/proc/self/fd");
    return std::to_string(std::distance(begin(fds), end(fds)));
  }
  if (input == "throw") throw std::runtime_error("secret document bytes");
  return jc::Error::Make(jc::ErrorCode::kBadRequest, "unknown test command", "unknown_command");
}

}  // namespace

int main() {
  return jc::sandbox::RunWorkerLoop(Run);
}
