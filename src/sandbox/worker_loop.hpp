// Worker loop: the child side of the sandbox. A worker process's main() calls RunWorkerLoop with
// the job to run (e.g. "parse this PDF"); the loop reads job frames from in_fd, runs the job and
// writes one reply frame per job to out_fd, until the service closes the pipe.
//
// Ownership: the loop borrows the fds. When out_fd is stdout, the loop moves the reply channel
// to a private fd and points stdout at stderr, so a library that prints cannot corrupt frames.
// Thread safety: runs on the calling thread; one loop per process.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "common/error.hpp"

namespace jc::sandbox {

using JobFn = std::function<Result<std::string>(std::string_view input)>;

// Largest job the worker accepts; the pool enforces the real (configured) limit before sending.
inline constexpr std::size_t kWorkerMaxJobBytes = std::size_t{1} << 30;

// Returns 0 on a clean EOF between jobs, 1 on a broken or malformed input frame, 2 when a reply
// cannot be written. A job that throws std::bad_alloc becomes kValidation
// "parse_resource_limit"; any other exception becomes kInternal (its what() is not forwarded).
int RunWorkerLoop(const JobFn& fn, int in_fd = 0, int out_fd = 1);

}  // namespace jc::sandbox
