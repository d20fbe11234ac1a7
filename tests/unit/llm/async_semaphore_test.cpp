#include "llm/async_semaphore.hpp"

#include <gtest/gtest.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace jc::llm {
namespace {

namespace net = boost::asio;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

TEST(AsyncSemaphoreTest, NeverAdmitsMoreThanItsPermits) {
  net::io_context io;
  AsyncSemaphore sem(2);
  int inside = 0, most = 0, done = 0;
  for (int i = 0; i < 10; ++i) {
    net::co_spawn(
        io,
        [&]() -> net::awaitable<void> {
          EXPECT_TRUE(co_await sem.Acquire(Clock::now() + 10s));
          most = std::max(most, ++inside);
          net::steady_timer t(co_await net::this_coro::executor, 5ms);
          co_await t.async_wait(net::as_tuple(net::use_awaitable));
          --inside;
          sem.Release();
          ++done;
        },
        net::detached);
  }
  io.run();
  EXPECT_EQ(done, 10);
  EXPECT_EQ(most, 2);
}

TEST(AsyncSemaphoreTest, AWaiterGivesUpAtItsDeadline) {
  net::io_context io;
  AsyncSemaphore sem(1);
  std::optional<bool> holder, waiter;
  net::co_spawn(
      io,
      [&]() -> net::awaitable<void> {
        holder = co_await sem.Acquire(Clock::now() + 10s);
        net::steady_timer t(co_await net::this_coro::executor, 300ms);
        co_await t.async_wait(net::as_tuple(net::use_awaitable));
        sem.Release();
      },
      net::detached);
  net::co_spawn(
      io, [&]() -> net::awaitable<void> { waiter = co_await sem.Acquire(Clock::now() + 20ms); },
      net::detached);
  io.run();
  EXPECT_EQ(holder, true);
  EXPECT_EQ(waiter, false);
  EXPECT_EQ(sem.Waiting(), 0u);
}

TEST(AsyncSemaphoreTest, AWaiterDestroyedWithItsContextLeavesTheQueue) {
  AsyncSemaphore sem(1);
  bool resumed = false;
  {
    net::io_context io;
    net::co_spawn(
        io,
        [&]() -> net::awaitable<void> {
          EXPECT_TRUE(co_await sem.Acquire(Clock::now() + 1h));  // held until the end
          resumed = co_await sem.Acquire(Clock::now() + 1h);     // waits
        },
        net::detached);
    io.run_for(50ms);
    EXPECT_EQ(sem.Waiting(), 1u);
  }  // the io_context is gone, and with it the waiting coroutine
  EXPECT_FALSE(resumed);
  EXPECT_EQ(sem.Waiting(), 0u);
  sem.Release();  // touches no dead timer
  net::io_context io;
  std::optional<bool> again;
  net::co_spawn(
      io, [&]() -> net::awaitable<void> { again = co_await sem.Acquire(Clock::now() + 1s); },
      net::detached);
  io.run();
  EXPECT_EQ(again, true);
}

TEST(AsyncSemaphoreTest, PermitsMoveAcrossThreads) {
  net::io_context a, b;
  AsyncSemaphore sem(1);
  int acquired = 0;
  auto worker = [&](net::io_context& io) {
    for (int i = 0; i < 50; ++i) {
      net::co_spawn(
          io,
          [&]() -> net::awaitable<void> {
            if (co_await sem.Acquire(Clock::now() + 30s)) {
              AsyncSemaphore::Permit permit(&sem);
              ++acquired;  // one holder at a time: no data race
            }
          },
          net::detached);
    }
  };
  worker(a);
  worker(b);
  std::thread ta([&] { a.run(); });
  std::thread tb([&] { b.run(); });
  ta.join();
  tb.join();
  EXPECT_EQ(acquired, 100);
}

}  // namespace
}  // namespace jc::llm
