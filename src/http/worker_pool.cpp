#include "http/worker_pool.hpp"

namespace jc::http {

WorkerPool::WorkerPool(unsigned threads) : threads_(threads == 0 ? 1 : threads), pool_(threads_) {}

WorkerPool::~WorkerPool() {
  Stop();
}

void WorkerPool::Stop() {
  pool_.stop();
  pool_.join();
}

}  // namespace jc::http
