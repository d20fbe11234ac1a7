#include "llm/response_cache.hpp"

#include <openssl/evp.h>

#include <boost/json/serialize.hpp>

namespace jc::llm {
namespace {

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0xF];
  }
  return out;
}

}  // namespace

ResponseCache::ResponseCache(std::size_t capacity, std::chrono::seconds ttl)
    : capacity_(capacity), ttl_(ttl) {}

std::string ResponseCache::Key(std::string_view model, const ChatRequest& request) {
  boost::json::array messages;
  for (const auto& m : request.messages) {
    messages.push_back(boost::json::object{{"role", m.role}, {"content", m.content}});
  }
  const boost::json::object canonical{
      {"model", model},
      {"messages", std::move(messages)},
      {"format", static_cast<int>(request.format)},
      {"schema_name", request.schema_name},
      {"schema", request.schema},
      {"max_tokens", request.max_tokens ? boost::json::value(*request.max_tokens) : nullptr},
      {"temperature", request.temperature}};
  return Sha256Hex(boost::json::serialize(canonical));
}

std::optional<ChatResult> ResponseCache::Get(const std::string& key) {
  const std::lock_guard lock(mu_);
  const auto it = index_.find(key);
  if (it == index_.end()) return std::nullopt;
  if (it->second->expires <= Clock::now()) {
    lru_.erase(it->second);
    index_.erase(it);
    return std::nullopt;
  }
  lru_.splice(lru_.begin(), lru_, it->second);
  ++hits_;
  return it->second->result;
}

void ResponseCache::Put(const std::string& key, const ChatResult& result) {
  if (capacity_ == 0) return;
  const std::lock_guard lock(mu_);
  if (const auto it = index_.find(key); it != index_.end()) {
    lru_.erase(it->second);
    index_.erase(it);
  }
  lru_.push_front({key, result, Clock::now() + ttl_});
  index_[key] = lru_.begin();
  while (lru_.size() > capacity_) {
    index_.erase(lru_.back().key);
    lru_.pop_back();
  }
}

std::size_t ResponseCache::Size() const {
  const std::lock_guard lock(mu_);
  return lru_.size();
}

std::size_t ResponseCache::Hits() const {
  const std::lock_guard lock(mu_);
  return hits_;
}

}  // namespace jc::llm
