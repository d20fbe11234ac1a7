// A pool of threads for CPU-bound work (document parsing, rendering), kept apart from the I/O
// threads so slow work never stalls them. Run() hops onto the pool and back to the caller's
// executor. Thread-safe. The pool stops and joins on destruction; pending work is abandoned.
//
// The threads run at a lower scheduling priority (nice +kNice, Linux per-thread), so that when
// CPU work saturates the cores the I/O threads still get a core as soon as a request arrives:
// a burst of generation requests must not delay GET /health/live. They are named
// "jc-worker-N" (top, perf).
#pragma once

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <functional>
#include <thread>
#include <type_traits>
#include <vector>

#include "http/types.hpp"

namespace jc::http {

class WorkerPool {
 public:
  static constexpr int kNice = 10;

  explicit WorkerPool(unsigned threads);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Runs f() on a worker thread; the caller resumes on its own executor with the result.
  // An exception thrown by f is rethrown in the caller.
  template <typename F>
  net::awaitable<std::invoke_result_t<F&>> Run(F f) {
    using R = std::invoke_result_t<F&>;
    co_return co_await net::co_spawn(
        pool_.get_executor(), [f = std::move(f)]() mutable -> net::awaitable<R> { co_return f(); },
        net::use_awaitable);
  }

  // Runs f(i) for every i in [0, n), spread over the calling thread and whichever pool threads
  // are free, and returns when all have run. Meant for a task already on the pool (inside
  // Run): the caller works through the indices itself, so it never waits on work that nobody
  // picks up, and a busy pool simply leaves more of it to the caller. The first exception
  // thrown by f is rethrown here (the remaining indices still run).
  void ParallelFor(std::size_t n, const std::function<void(std::size_t)>& f);

  unsigned Threads() const { return threads_; }
  void Stop();

 private:
  unsigned threads_;
  net::thread_pool pool_{0};  // no threads of its own: ours attach to it
  std::vector<std::thread> attached_;
};

}  // namespace jc::http
