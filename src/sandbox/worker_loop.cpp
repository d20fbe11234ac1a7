#include "sandbox/worker_loop.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <new>

#include "sandbox/framing.hpp"

namespace jc::sandbox {
namespace {

Result<std::string> RunJob(const JobFn& fn, std::string_view input) {
  try {
    return fn(input);
  } catch (const std::bad_alloc&) {
    return Error::Make(ErrorCode::kValidation, "the file needed more memory than allowed",
                       "parse_resource_limit");
  } catch (...) {
    // what() may quote the document; the caller gets a generic message only.
    return Error::Make(ErrorCode::kInternal, "the worker failed while processing the file");
  }
}

// Keeps stray printf()s from third-party code out of the reply channel.
int DetachReplyChannel(int out_fd) {
  if (out_fd != STDOUT_FILENO) return out_fd;
  const int private_fd = fcntl(out_fd, F_DUPFD_CLOEXEC, 3);
  if (private_fd < 0) return out_fd;
  dup2(STDERR_FILENO, STDOUT_FILENO);
  return private_fd;
}

}  // namespace

int RunWorkerLoop(const JobFn& fn, int in_fd, int out_fd) {
  const int reply_fd = DetachReplyChannel(out_fd);
  for (;;) {
    auto job = ReadFrame(in_fd, kWorkerMaxJobBytes);
    if (!job) return job.error() == FrameError::kEof ? 0 : 1;
    if (!WriteReply(reply_fd, RunJob(fn, *job))) return 2;
  }
}

}  // namespace jc::sandbox
