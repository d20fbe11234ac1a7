#include "sandbox/process_pool.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <limits>
#include <thread>
#include <utility>

#include "sandbox/framing.hpp"

namespace jc::sandbox {
namespace {

using std::chrono::milliseconds;

// Room for the reply tag and an Error's strings on top of max_output_bytes.
constexpr std::size_t kReplyOverhead = 64 * 1024;
// How long a worker that closed its socket gets to finish dying before we SIGKILL it; long
// enough to read its real exit status (signal vs exit code), short enough not to matter.
constexpr milliseconds kExitGrace{1000};
// Enough for poppler/fontconfig to open fonts, small enough to stop fd exhaustion games.
constexpr rlim_t kWorkerMaxOpenFiles = 64;
// RLIMIT_CPU's hard limit sits this far above the first job's soft limit: the CPU a worker may
// use over its life, past which it is replaced. The soft limit (cpu_seconds) is moved up behind
// every job, which an unprivileged parent may do up to the hard limit but never past it.
constexpr rlim_t kWorkerLifetimeCpuSeconds = 3600;
// fds the child uses while it is set up, above anything dup2 targets.
constexpr int kChildScratchFd = 10;
constexpr int kChildExecStatusFd = 3;

Error ParseFailed() {
  return Error::Make(ErrorCode::kValidation, "the file could not be processed safely",
                     "parse_failed");
}

Error ParseTimeout() {
  return Error::Make(ErrorCode::kValidation, "the file took too long to process and was abandoned",
                     "parse_timeout");
}

Error ResourceLimit() {
  return Error::Make(ErrorCode::kValidation,
                     "the file needed more CPU time or memory than allowed and was abandoned",
                     "parse_resource_limit");
}

Error Unavailable() {
  return Error::Make(ErrorCode::kUnavailable, "the document sandbox could not start a worker",
                     "sandbox_unavailable");
}

// Everything the child needs, computed before fork(): after fork() in a threaded process
// only async-signal-safe calls are allowed, so no allocation happens in the child.
struct ChildSetup {
  std::vector<char*> argv;
  int socket_fd = -1;
  int status_fd = -1;
  int devnull_fd = -1;
  pid_t parent = 0;
  int max_fd = 1024;
  SandboxLimits limits;
};

void SetLimit(int resource, rlim_t soft, rlim_t hard) {
  const rlimit limit{soft, hard};
  setrlimit(resource, &limit);
}

[[noreturn]] void ExecChild(const ChildSetup& s) {
  setpgid(0, 0);
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != s.parent) _exit(127);  // the service died before PDEATHSIG was armed

  // Lift every fd we keep above the dup2 targets first, so no dup2 clobbers another.
  const int sock = fcntl(s.socket_fd, F_DUPFD, kChildScratchFd);
  const int status = fcntl(s.status_fd, F_DUPFD, kChildScratchFd);
  const int devnull = fcntl(s.devnull_fd, F_DUPFD, kChildScratchFd);
  if (sock < 0 || status < 0 || devnull < 0) _exit(127);
  if (dup2(sock, STDIN_FILENO) < 0 || dup2(sock, STDOUT_FILENO) < 0 ||
      dup2(devnull, STDERR_FILENO) < 0 || dup3(status, kChildExecStatusFd, O_CLOEXEC) < 0) {
    _exit(127);
  }
  if (close_range(kChildExecStatusFd + 1, ~0U, 0) != 0) {
    for (int fd = kChildExecStatusFd + 1; fd < s.max_fd; ++fd) close(fd);
  }

  // Ignored signals and the blocked mask survive exec; the worker starts from defaults.
  for (int sig = 1; sig < NSIG; ++sig) signal(sig, SIG_DFL);
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);

  if (s.limits.address_space_bytes > 0) {
    SetLimit(RLIMIT_AS, s.limits.address_space_bytes, s.limits.address_space_bytes);
  }
  if (s.limits.cpu_seconds > 0) {
    SetLimit(RLIMIT_CPU, s.limits.cpu_seconds, s.limits.cpu_seconds + kWorkerLifetimeCpuSeconds);
  }
  SetLimit(RLIMIT_CORE, 0, 0);
  SetLimit(RLIMIT_NOFILE, kWorkerMaxOpenFiles, kWorkerMaxOpenFiles);
  setpriority(PRIO_PROCESS, 0, s.limits.nice);

  execv(s.argv[0], s.argv.data());
  const int error = errno;
  [[maybe_unused]] const ssize_t ignored = write(kChildExecStatusFd, &error, sizeof error);
  _exit(127);
}

// CPU seconds (user + system) a live child has used so far; 0 when the kernel cannot tell.
// The process CPU clock is one system call, where /proc/<pid>/stat costs a file to open,
// format and parse after every job.
double CpuSecondsUsed(pid_t pid) {
  clockid_t clock{};
  timespec used{};
  if (clock_getcpuclockid(pid, &clock) != 0 || clock_gettime(clock, &used) != 0) return 0;
  return static_cast<double>(used.tv_sec) + static_cast<double>(used.tv_nsec) / 1e9;
}

// Resident set size of a process, from /proc/<pid>/statm ("size resident ..." in pages); 0 when
// it cannot be read.
std::size_t ResidentBytes(pid_t pid) {
  char path[32];
  std::snprintf(path, sizeof path, "/proc/%d/statm", static_cast<int>(pid));
  const int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  char text[128];
  const ssize_t n = read(fd, text, sizeof text);
  close(fd);
  if (n <= 0) return 0;
  const char* p = text;
  const char* end = text + n;
  p = std::find(p, end, ' ');  // skip "size"
  std::size_t resident_pages = 0;
  if (p == end || std::from_chars(p + 1, end, resident_pages).ec != std::errc()) return 0;
  const long page = sysconf(_SC_PAGESIZE);
  return page > 0 ? resident_pages * static_cast<std::size_t>(page) : 0;
}

void CloseFd(int& fd) {
  if (fd >= 0) close(fd);
  fd = -1;
}

}  // namespace

ProcessPool::ProcessPool(std::vector<std::string> argv, unsigned size, SandboxLimits limits)
    : argv_(std::move(argv)), size_(std::max(size, 1u)), limits_(limits) {
  for (std::size_t i = 0; i < size_; ++i) {
    auto worker = Spawn();
    if (worker) {
      idle_.push_back(*worker);
    } else {
      ++vacant_;
    }
  }
}

ProcessPool::~ProcessPool() {
  std::lock_guard lock(mu_);
  for (Worker& worker : idle_) Reap(worker, milliseconds{0});
  idle_.clear();
}

std::vector<pid_t> ProcessPool::WorkerPids() const {
  std::lock_guard lock(mu_);
  std::vector<pid_t> pids;
  for (const Worker& worker : idle_) pids.push_back(worker.pid);
  return pids;
}

Result<std::string> ProcessPool::Call(std::string_view input) {
  if (input.size() > limits_.max_input_bytes) {
    return Error::Make(ErrorCode::kPayloadTooLarge, "the file is larger than the allowed maximum",
                       "document_too_large");
  }
  for (int attempt = 0;; ++attempt) {
    auto borrowed = Borrow();
    if (!borrowed) return borrowed.error();
    Worker worker = *borrowed;
    bool retry = false;
    auto result = RunOn(worker, input, retry);
    if (worker.pid < 0) {
      Replace();
      if (retry && attempt == 0) continue;
      return result;
    }
    if (worker.jobs >= limits_.max_jobs_per_worker || !RenewCpuBudget(worker) ||
        MemoryTooHigh(worker)) {
      Reap(worker, milliseconds{0});
      Replace();
    } else {
      Return(worker);
    }
    return result;
  }
}

Result<std::string> ProcessPool::RunOn(Worker& worker, std::string_view input, bool& retry) {
  const auto deadline = Clock::now() + limits_.wall_timeout;
  auto sent = WriteFrame(worker.fd, input, deadline);
  if (!sent) {
    if (sent.error() == FrameError::kTimeout) {
      Discard(worker, milliseconds{0});
      return ParseTimeout();
    }
    // The worker was gone before it could take the job (e.g. killed while idle), so the job
    // did not cause it: the caller may try once more on a fresh worker.
    retry = true;
    return Discard(worker, kExitGrace);
  }
  const std::size_t max_reply =
      limits_.max_output_bytes > std::numeric_limits<std::size_t>::max() - kReplyOverhead
          ? limits_.max_output_bytes
          : limits_.max_output_bytes + kReplyOverhead;
  auto frame = ReadFrame(worker.fd, max_reply, deadline);
  if (!frame) {
    switch (frame.error()) {
      case FrameError::kTimeout:
        Discard(worker, milliseconds{0});
        return ParseTimeout();
      case FrameError::kTooLarge:
        Discard(worker, milliseconds{0});
        return ParseFailed();
      case FrameError::kEof:
      case FrameError::kIo:
      case FrameError::kMalformed:
        return Discard(worker, kExitGrace);
    }
  }
  auto reply = DecodeReply(std::move(*frame));
  if (!reply || (*reply && (*reply)->size() > limits_.max_output_bytes)) {
    Discard(worker, milliseconds{0});
    return ParseFailed();
  }
  ++worker.jobs;
  return std::move(*reply);
}

bool ProcessPool::RenewCpuBudget(Worker& worker) const {
  // RLIMIT_CPU counts over the worker's whole life, so every job would inherit the bill of the
  // ones before it. Behind each job the soft limit is moved up to what the worker has used plus
  // cpu_seconds (whole seconds, rounded up), so the next job gets at least cpu_seconds. When the
  // hard limit leaves no room for that, or the limit cannot be moved, the worker is replaced.
  if (limits_.cpu_seconds == 0) return true;
  const double used = CpuSecondsUsed(worker.pid);
  const rlim_t wanted = static_cast<rlim_t>(std::ceil(used)) + limits_.cpu_seconds;
  if (wanted <= worker.cpu_limit) return true;
  const rlim_t hard = limits_.cpu_seconds + kWorkerLifetimeCpuSeconds;
  if (wanted > hard) return false;
  const rlimit limit{wanted, hard};
  if (prlimit(worker.pid, RLIMIT_CPU, &limit, nullptr) != 0) return false;
  worker.cpu_limit = static_cast<unsigned>(wanted);
  return true;
}

bool ProcessPool::MemoryTooHigh(const Worker& worker) const {
  std::size_t limit = limits_.recycle_rss_bytes;
  if (limit == 0) {
    limit = limits_.address_space_bytes != 0 ? limits_.address_space_bytes / 2 : 256u << 20;
  }
  return ResidentBytes(worker.pid) > limit;
}

Result<ProcessPool::Worker> ProcessPool::Borrow() {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [this] { return !idle_.empty() || vacant_ > 0; });
  if (!idle_.empty()) {
    Worker worker = idle_.back();
    idle_.pop_back();
    return worker;
  }
  --vacant_;
  lock.unlock();
  auto worker = Spawn();
  if (!worker) {
    lock.lock();
    ++vacant_;
    cv_.notify_one();
  }
  return worker;
}

void ProcessPool::Return(Worker worker) {
  {
    std::lock_guard lock(mu_);
    idle_.push_back(worker);
  }
  cv_.notify_one();
}

void ProcessPool::Replace() {
  auto worker = Spawn();
  {
    std::lock_guard lock(mu_);
    if (worker) {
      idle_.push_back(*worker);
    } else {
      ++vacant_;
    }
  }
  cv_.notify_one();
}

Error ProcessPool::Discard(Worker& worker, milliseconds grace) {
  ++failures_;
  const ExitInfo exit = Reap(worker, grace);
  if (WIFSIGNALED(exit.status)) {
    const int sig = WTERMSIG(exit.status);
    // SIGKILL past the soft CPU limit is the kernel enforcing the hard limit.
    const bool cpu_kill = sig == SIGKILL && limits_.cpu_seconds > 0 &&
                          exit.cpu_seconds >= static_cast<double>(worker.cpu_limit);
    if (sig == SIGXCPU || cpu_kill) return ResourceLimit();
  }
  return ParseFailed();
}

ProcessPool::ExitInfo ProcessPool::Reap(Worker& worker, milliseconds grace) {
  CloseFd(worker.fd);
  // Never signal a pid that is not a live worker's: kill(-(-1)) is kill(1) and kill(-1, ...) is
  // every process the service may signal.
  if (worker.pid <= 0) return {};
  // Wait (without reaping) for a dying worker to finish, so its exit status is the real one.
  const auto give_up = Clock::now() + grace;
  auto pause = std::chrono::microseconds{100};
  for (;;) {
    siginfo_t info{};
    const int rc = waitid(P_PID, static_cast<id_t>(worker.pid), &info, WEXITED | WNOHANG | WNOWAIT);
    if (rc != 0 || info.si_pid != 0 || Clock::now() >= give_up) break;
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::microseconds{10'000});
  }
  // The group kill also takes out anything the worker forked; a zombie leader keeps the group id.
  kill(-worker.pid, SIGKILL);
  kill(worker.pid, SIGKILL);
  ExitInfo exit;
  rusage usage{};
  while (wait4(worker.pid, &exit.status, 0, &usage) < 0 && errno == EINTR) {
  }
  exit.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                     static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  worker.pid = -1;
  return exit;
}

Result<ProcessPool::Worker> ProcessPool::Spawn() {
  if (argv_.empty()) return Unavailable();
  ChildSetup setup;
  for (const std::string& arg : argv_) setup.argv.push_back(const_cast<char*>(arg.c_str()));
  setup.argv.push_back(nullptr);
  setup.parent = getpid();
  setup.limits = limits_;
  const long open_max = sysconf(_SC_OPEN_MAX);
  setup.max_fd = open_max > 0 && open_max < 1 << 20 ? static_cast<int>(open_max) : 1 << 20;

  int sockets[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sockets) != 0) return Unavailable();
  int status_pipe[2];
  if (pipe2(status_pipe, O_CLOEXEC) != 0) {
    close(sockets[0]);
    close(sockets[1]);
    return Unavailable();
  }
  int devnull = open("/dev/null", O_RDWR | O_CLOEXEC);
  setup.socket_fd = sockets[1];
  setup.status_fd = status_pipe[1];
  setup.devnull_fd = devnull;

  const pid_t pid = devnull < 0 ? -1 : fork();
  if (pid == 0) ExecChild(setup);
  CloseFd(sockets[1]);
  CloseFd(status_pipe[1]);
  CloseFd(devnull);
  if (pid < 0) {
    CloseFd(sockets[0]);
    CloseFd(status_pipe[0]);
    return Unavailable();
  }
  setpgid(pid, pid);  // also done by the child; whichever runs first wins the race

  // The status pipe closes on a successful exec (CLOEXEC) or carries errno when exec failed.
  int exec_errno = 0;
  ssize_t n;
  while ((n = read(status_pipe[0], &exec_errno, sizeof exec_errno)) < 0 && errno == EINTR) {
  }
  CloseFd(status_pipe[0]);
  Worker worker{pid, sockets[0], 0, limits_.cpu_seconds};
  if (n != 0) {
    Reap(worker, milliseconds{0});
    return Unavailable();
  }
  fcntl(worker.fd, F_SETFL, fcntl(worker.fd, F_GETFL) | O_NONBLOCK);
  ++spawned_;
  return worker;
}

}  // namespace jc::sandbox
