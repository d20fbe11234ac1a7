// ResponseCache: identical LLM requests (the same model and the same request body) are answered
// from memory instead of the provider. Keys are SHA-256 digests of the model and the request's
// JSON; entries expire after a TTL and the least recently used go first when full. Holds the
// answer's content and usage, never the prompt.
//
// Thread-safe (one mutex; lookups are a hash and a list splice).
#pragma once

#include <chrono>
#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "llm/llm_client.hpp"

namespace jc::llm {

class ResponseCache {
 public:
  using Clock = std::chrono::steady_clock;

  // capacity 0 disables the cache.
  ResponseCache(std::size_t capacity, std::chrono::seconds ttl);

  // The cache key of a request to `model`: hex SHA-256 of the model and the request JSON.
  static std::string Key(std::string_view model, const ChatRequest& request);

  std::optional<ChatResult> Get(const std::string& key);
  void Put(const std::string& key, const ChatResult& result);

  std::size_t Size() const;
  std::size_t Hits() const;

 private:
  struct Entry {
    std::string key;
    ChatResult result;
    Clock::time_point expires;
  };
  std::size_t capacity_;
  std::chrono::seconds ttl_;
  mutable std::mutex mu_;
  std::list<Entry> lru_;  // most recent first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  std::size_t hits_ = 0;
};

}  // namespace jc::llm
