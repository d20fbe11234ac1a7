#include "llm/async_semaphore.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace jc::llm {

namespace net = boost::asio;

net::awaitable<bool> AsyncSemaphore::Acquire(std::chrono::steady_clock::time_point deadline) {
  const auto executor = co_await net::this_coro::executor;
  std::shared_ptr<Waiter> waiter;
  {
    std::lock_guard lock(mu_);
    if (free_ > 0 && waiters_.empty()) {
      --free_;
      co_return true;
    }
    waiter = std::make_shared<Waiter>(executor);
    waiter->timer.expires_at(deadline);
    waiters_.push_back(waiter);
  }
  // If this coroutine is destroyed while it waits (its io_context shut down), it leaves the
  // queue, so no later Release touches its timer; a permit granted meanwhile is returned.
  struct Leave {
    AsyncSemaphore* sem;
    const std::shared_ptr<Waiter>* waiter;
    bool armed = true;
    ~Leave() {
      if (!armed) return;
      std::lock_guard lock(sem->mu_);
      if ((*waiter)->granted) {
        ++sem->free_;
      } else {
        sem->waiters_.remove(*waiter);
      }
    }
  } leave{this, &waiter};
  // Wakes on the deadline, or early when Release cancels the timer after granting a permit.
  co_await waiter->timer.async_wait(net::as_tuple(net::use_awaitable));
  leave.armed = false;
  {
    std::lock_guard lock(mu_);
    if (!waiter->granted) {
      waiters_.remove(waiter);
      co_return false;
    }
  }
  // Granted, but perhaps only after the deadline (the grant raced with the timer): a call this
  // late would only time out, so the permit goes straight to the next waiter.
  if (std::chrono::steady_clock::now() >= deadline) {
    Release();
    co_return false;
  }
  co_return true;
}

void AsyncSemaphore::Release() {
  std::shared_ptr<Waiter> next;
  {
    std::lock_guard lock(mu_);
    if (waiters_.empty()) {
      ++free_;
      return;
    }
    next = std::move(waiters_.front());
    waiters_.pop_front();
    next->granted = true;
  }
  // The timer belongs to the waiter's executor: cancel it there, never from this thread.
  auto& timer = next->timer;
  net::post(timer.get_executor(), [next = std::move(next)] { next->timer.cancel(); });
}

std::size_t AsyncSemaphore::Waiting() {
  std::lock_guard lock(mu_);
  return waiters_.size();
}

}  // namespace jc::llm
