// AsyncSemaphore: bounds how many LLM calls are in flight without blocking any thread.
//
// Acquire is a coroutine: when no permit is free, the caller is suspended in a FIFO queue
// (a timer on its own executor) until a permit is handed to it or its deadline passes.
// Release hands the permit straight to the oldest waiter. Any number of coroutines may wait.
// Thread-safe: callers may run on different executors and threads.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <utility>

namespace jc::llm {

class AsyncSemaphore {
 public:
  explicit AsyncSemaphore(std::size_t permits) : free_(permits) {}

  // Takes a permit, waiting until `deadline` at most. Returns false when the deadline passed
  // first (no permit is held then), even if a permit arrived at the last moment.
  boost::asio::awaitable<bool> Acquire(std::chrono::steady_clock::time_point deadline);

  // Returns a permit taken by Acquire.
  void Release();

  std::size_t Waiting();

  // Releases the permit on destruction (scope guard for an admitted call).
  class Permit {
   public:
    Permit() = default;
    explicit Permit(AsyncSemaphore* sem) : sem_(sem) {}
    Permit(Permit&& other) noexcept : sem_(std::exchange(other.sem_, nullptr)) {}
    Permit& operator=(Permit&&) = delete;
    ~Permit() {
      if (sem_ != nullptr) sem_->Release();
    }

   private:
    AsyncSemaphore* sem_ = nullptr;
  };

 private:
  struct Waiter {
    explicit Waiter(const boost::asio::any_io_executor& ex) : timer(ex) {}
    boost::asio::steady_timer timer;
    bool granted = false;  // guarded by mu_
  };

  std::mutex mu_;
  std::size_t free_;
  std::list<std::shared_ptr<Waiter>> waiters_;
};

}  // namespace jc::llm
