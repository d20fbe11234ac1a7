#include "http/worker_pool.hpp"

#include <pthread.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <boost/asio/post.hpp>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <string>

namespace jc::http {
namespace {

// What the participants of one ParallelFor share. Helpers hold it by shared_ptr, so one that
// starts late (after the caller has returned) finds no index left and never touches `f`.
struct ParallelState {
  const std::function<void(std::size_t)>* f = nullptr;
  std::size_t n = 0;
  std::atomic<std::size_t> next{0};
  std::mutex mu;
  std::condition_variable cv;
  std::size_t finished = 0;  // guarded by mu
  std::exception_ptr error;  // guarded by mu; the first one

  void Work() {
    for (std::size_t i = next.fetch_add(1); i < n; i = next.fetch_add(1)) {
      std::exception_ptr thrown;
      try {
        (*f)(i);
      } catch (...) {
        thrown = std::current_exception();
      }
      std::lock_guard lock(mu);
      if (thrown && !error) error = thrown;
      if (++finished == n) cv.notify_all();
    }
  }
};

}  // namespace

void WorkerPool::ParallelFor(std::size_t n, const std::function<void(std::size_t)>& f) {
  if (n == 0) return;
  auto state = std::make_shared<ParallelState>();
  state->f = &f;
  state->n = n;
  const std::size_t helpers = std::min<std::size_t>(threads_ - 1, n - 1);
  for (std::size_t h = 0; h < helpers; ++h) {
    net::post(pool_, [state] { state->Work(); });
  }
  state->Work();
  std::unique_lock lock(state->mu);
  state->cv.wait(lock, [&] { return state->finished == n; });
  if (state->error) std::rethrow_exception(state->error);
}

WorkerPool::WorkerPool(unsigned threads) : threads_(threads == 0 ? 1 : threads) {
  attached_.reserve(threads_);
  for (unsigned i = 0; i < threads_; ++i) {
    attached_.emplace_back([this, i] {
      const std::string name = "jc-worker-" + std::to_string(i);
      pthread_setname_np(pthread_self(), name.c_str());
      // Best effort: without it the pool still works, only with the I/O threads' priority.
      setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), kNice);
      pool_.attach();
    });
  }
}

WorkerPool::~WorkerPool() {
  Stop();
}

void WorkerPool::Stop() {
  pool_.stop();
  for (auto& t : attached_) {
    if (t.joinable()) t.join();
  }
  pool_.join();
}

}  // namespace jc::http
