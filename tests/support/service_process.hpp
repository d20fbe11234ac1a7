// Starts the real jobcopilot binary on a free loopback port for integration tests, with the
// environment a test chooses, and stops it with a signal. Its stdout (the JSON log) goes to a
// temporary file that tests may read. Not thread-safe: one owner per process.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace jc::testing {

class ServiceProcess {
 public:
  // Starts `jobcopilot serve` with PORT=0, HOST=127.0.0.1, a private SQLite file and the docs
  // assets of the source tree, plus `env` (which wins). Waits for the "listening" log line.
  explicit ServiceProcess(std::map<std::string, std::string> env = {});
  ~ServiceProcess();
  ServiceProcess(const ServiceProcess&) = delete;
  ServiceProcess& operator=(const ServiceProcess&) = delete;

  bool Started() const { return port_ != 0; }
  unsigned short Port() const { return port_; }
  pid_t Pid() const { return pid_; }

  // Sends `signo`; then waits up to `timeout` for the exit. Returns the exit code, or nullopt
  // when it did not exit in time (or died by a signal).
  std::optional<int> Stop(int signo, std::chrono::milliseconds timeout);
  bool Running();
  std::string Log() const;  // everything written to stdout so far

 private:
  pid_t pid_ = -1;
  unsigned short port_ = 0;
  std::string dir_;
  std::string log_path_;
};

// Runs the binary with args and env to completion; returns exit code and combined output.
struct RunResult {
  int exit_code = -1;
  std::string output;
};
RunResult RunBinary(const std::vector<std::string>& args,
                    const std::map<std::string, std::string>& env = {});

}  // namespace jc::testing
