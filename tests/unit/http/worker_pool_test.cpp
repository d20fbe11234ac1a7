// WorkerPool::Run hops onto the pool and back; ParallelFor spreads indices over the caller and
// the free pool threads, runs each exactly once, and rethrows the first exception.
#include "http/worker_pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

namespace jc::http {
namespace {

// Runs `body` on the pool the way a handler does (inside Run) and waits for it.
template <typename F>
void OnPool(WorkerPool& pool, F body) {
  net::io_context io;
  auto done = net::co_spawn(
      io, [&]() -> net::awaitable<void> { co_await pool.Run([&] { body(); }); }, net::use_future);
  io.run();
  done.get();
}

TEST(WorkerPoolTest, ParallelForRunsEveryIndexOnceAcrossThreads) {
  WorkerPool pool(4);
  std::vector<std::atomic<int>> runs(1000);
  std::mutex mu;
  std::set<std::thread::id> threads;
  OnPool(pool, [&] {
    pool.ParallelFor(runs.size(), [&](std::size_t i) {
      runs[i].fetch_add(1);
      std::this_thread::sleep_for(std::chrono::microseconds(50));
      std::lock_guard lock(mu);
      threads.insert(std::this_thread::get_id());
    });
  });
  for (const auto& r : runs) EXPECT_EQ(r.load(), 1);
  EXPECT_GT(threads.size(), 1u);
}

TEST(WorkerPoolTest, ParallelForHandlesEmptyAndSingleRanges) {
  WorkerPool pool(2);
  int calls = 0;
  OnPool(pool, [&] {
    pool.ParallelFor(0, [&](std::size_t) { ++calls; });
    pool.ParallelFor(1, [&](std::size_t i) { calls += static_cast<int>(i) + 1; });
  });
  EXPECT_EQ(calls, 1);
}

TEST(WorkerPoolTest, ParallelForRethrowsTheFirstExceptionAfterAllIndicesRan) {
  WorkerPool pool(3);
  std::atomic<int> ran{0};
  EXPECT_THROW(OnPool(pool,
                      [&] {
                        pool.ParallelFor(50, [&](std::size_t i) {
                          ran.fetch_add(1);
                          if (i == 7) throw std::runtime_error("boom");
                        });
                      }),
               std::runtime_error);
  EXPECT_EQ(ran.load(), 50);
}

TEST(WorkerPoolTest, ParallelForFinishesWhenEveryPoolThreadIsBusyWithItsOwn) {
  // Two concurrent callers on a two-thread pool: each drains its own indices, so neither
  // waits for help that never comes.
  WorkerPool pool(2);
  std::atomic<int> total{0};
  std::thread a(
      [&] { OnPool(pool, [&] { pool.ParallelFor(200, [&](std::size_t) { ++total; }); }); });
  std::thread b(
      [&] { OnPool(pool, [&] { pool.ParallelFor(200, [&](std::size_t) { ++total; }); }); });
  a.join();
  b.join();
  EXPECT_EQ(total.load(), 400);
}

}  // namespace
}  // namespace jc::http
