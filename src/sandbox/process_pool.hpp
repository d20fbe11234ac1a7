// ProcessPool: runs untrusted-input jobs (document parsing) in worker processes under CPU-time,
// address-space and wall-clock limits, so a crash, hang or memory blow-up costs one request a
// clean error instead of costing the service.
//
// Ownership: the pool owns its worker processes and their socket fds. It starts `size` workers
// at construction; a worker that crashes, times out or misbehaves is SIGKILLed, reaped and
// replaced; the destructor SIGKILLs and reaps them all (no zombies). Workers die with the service
// (PR_SET_PDEATHSIG) -- note the kernel ties that to the *thread* that forked them, so call
// Call() from long-lived threads (the service's CPU pool), never from short-lived ones.
// Thread safety: Call() and the stats are safe from any number of threads; Call() blocks while
// all workers are busy. It is synchronous: never call it from an I/O thread. Every Call() must
// have returned before the destructor runs.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace jc::sandbox {

struct SandboxLimits {
  // Wall-clock budget of one job, from hand-off to reply; past it the worker is killed.
  std::chrono::milliseconds wall_timeout{5000};
  // CPU seconds one job may use (RLIMIT_CPU's soft limit, past which the kernel ends the worker
  // with SIGXCPU). 0 = not applied. The kernel counts CPU over the worker's life, so the pool
  // moves the soft limit up behind every job: each job gets between cpu_seconds and
  // cpu_seconds + 1. A worker is replaced after an hour of CPU (the hard limit).
  unsigned cpu_seconds = 5;
  // RLIMIT_AS of a worker. 0 = not applied (needed for ASan-built workers, which reserve
  // terabytes of virtual address space at start-up).
  std::size_t address_space_bytes = std::size_t{1} << 30;
  // Larger inputs are refused before any worker sees them (kPayloadTooLarge).
  std::size_t max_input_bytes = 32 << 20;
  // Scheduling priority of a worker (nice): CPU-bound parsing yields the cores to the service's
  // I/O threads, whichever thread started the worker.
  int nice = 10;
  // Larger replies get the worker killed and the call fails with "parse_failed".
  std::size_t max_output_bytes = 32 << 20;
  // A worker is replaced by a fresh process after this many jobs. Leaks are bounded first by
  // recycle_rss_bytes below; a new worker costs ~100 ms of start-up
  // (taxonomy, skill matcher, dictionaries), which at 1,000 jobs added ~0.1 ms to every parse.
  unsigned max_jobs_per_worker = 10'000;
  // A worker whose resident memory is above this after a job is replaced, so what a large or
  // hostile document left behind (a library that leaks when an allocation fails, or a grown
  // heap) is never carried into the next job. 0 = half of address_space_bytes, or 256 MiB when
  // that is 0 too.
  std::size_t recycle_rss_bytes = 0;
};

class ProcessPool {
 public:
  // argv: the command that starts a worker (argv[0] is an absolute path; no PATH search), e.g.
  // {"/proc/self/exe", "parse-worker"}; the worker must run RunWorkerLoop on stdin/stdout.
  // A worker that fails to start leaves a vacancy that the next Call() retries.
  ProcessPool(std::vector<std::string> argv, unsigned size, SandboxLimits limits);
  ~ProcessPool();

  ProcessPool(const ProcessPool&) = delete;
  ProcessPool& operator=(const ProcessPool&) = delete;

  // Runs one job. Success: the worker's payload. Failure: the worker's own Error, or
  //   kPayloadTooLarge "document_too_large"  input over max_input_bytes;
  //   kValidation "parse_timeout"            wall_timeout passed (worker killed and replaced);
  //   kValidation "parse_resource_limit"     worker hit the CPU limit or ran out of memory;
  //   kValidation "parse_failed"             worker crashed, exited or sent a bad/oversized reply;
  //   kUnavailable "sandbox_unavailable"     no worker could be started.
  Result<std::string> Call(std::string_view input);

  std::size_t Size() const { return size_; }
  // Worker processes started so far, including replacements.
  std::size_t Spawned() const { return spawned_.load(); }
  // Workers killed or found dead (crash, timeout, limit, bad reply); recycling is not counted.
  std::size_t Failures() const { return failures_.load(); }
  // Test hook: pids of the idle workers.
  std::vector<pid_t> WorkerPids() const;

 private:
  struct Worker {
    pid_t pid = -1;
    int fd = -1;  // the service end of the socketpair; non-blocking, CLOEXEC
    unsigned jobs = 0;
    unsigned cpu_limit = 0;  // the RLIMIT_CPU soft limit set on the worker, in seconds
  };
  struct ExitInfo {
    int status = 0;
    double cpu_seconds = 0;
  };

  Result<Worker> Spawn();
  // Gives the worker's next job cpu_seconds of CPU; false when it must be replaced instead.
  bool RenewCpuBudget(Worker& worker) const;
  bool MemoryTooHigh(const Worker& worker) const;
  Result<Worker> Borrow();
  void Return(Worker worker);
  // Starts a replacement for a discarded worker and puts it in the idle list (or a vacancy).
  void Replace();
  // Kills (unless it exits within `grace`) and reaps the worker; closes its fd.
  ExitInfo Reap(Worker& worker, std::chrono::milliseconds grace);
  Error Discard(Worker& worker, std::chrono::milliseconds grace);
  Result<std::string> RunOn(Worker& worker, std::string_view input, bool& retry);

  const std::vector<std::string> argv_;
  const std::size_t size_;
  const SandboxLimits limits_;

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<Worker> idle_;  // guarded by mu_
  std::size_t vacant_ = 0;    // guarded by mu_; slots whose worker could not be started

  std::atomic<std::size_t> spawned_{0};
  std::atomic<std::size_t> failures_{0};
};

}  // namespace jc::sandbox
