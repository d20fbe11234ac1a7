// LlmService: how capabilities ask the LLM for structured answers. It renders a prompt from the
// PromptLibrary, asks for JSON that follows the answer type's schema (derived from the same
// declaration as the API models), validates the answer with schema::Decode, and retries once
// with the repair prompt when the answer is truncated (finish_reason "length"), empty, not JSON
// or not valid. Identical requests are answered from the ResponseCache.
//
// A failure (the provider's, or an answer invalid twice) is an Error; the caller falls back to
// its local result and says so in meta.warnings, unless the request required the LLM.
//
// Holds references to the client, the prompts and the cache, which outlive it. Thread-safe.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/json/value.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "llm/llm_client.hpp"
#include "llm/prompt_library.hpp"
#include "llm/response_cache.hpp"
#include "schema/schema.hpp"

namespace jc::llm {

// What one structured ask cost, for meta.llm and the logs.
struct CallInfo {
  std::string model;
  std::string prompt;  // "cover_letter@1"
  Usage usage;         // both calls when repaired
  double latency_ms = 0;
  int attempts = 0;  // HTTP attempts, retries included
  bool cached = false;
  bool repaired = false;
};

template <typename T>
struct Answer {
  T value;
  CallInfo info;
};

struct TextAnswer {
  std::string text;
  CallInfo info;
};

using PromptValues = std::vector<std::pair<std::string, PromptValue>>;

class LlmService {
 public:
  LlmService(LlmClient& client, const PromptLibrary& prompts, ResponseCache& cache);

  std::string_view Model() const { return client_.Model(); }
  LlmClient& Client() { return client_; }

  // Asks with prompt `prompt_name` for plain text, streamed: on_delta gets each piece as it
  // arrives (on the caller's executor). Not repaired: a stream the provider cuts off
  // (finish_reason "length") or that breaks is an error. A complete answer is cached; an
  // identical request then gets the cached text as one piece.
  boost::asio::awaitable<Result<TextAnswer>> StreamText(
      std::string_view prompt_name, const PromptValues& values,
      std::function<void(std::string_view)> on_delta);

  // Asks with prompt `prompt_name` for an answer of type T (a described struct).
  template <typename T>
  boost::asio::awaitable<Result<Answer<T>>> Ask(std::string_view prompt_name,
                                                const PromptValues& values) {
    T decoded{};
    auto info =
        co_await AskJson(prompt_name, values, T::kSchemaName, schema::StrictSchemaOf<T>(),
                         [&decoded](const boost::json::value& v) -> std::optional<std::string> {
                           auto result = schema::Decode<T>(v, "answer");
                           if (!result) return result.error().message;
                           decoded = std::move(*result);
                           return std::nullopt;
                         });
    if (!info) co_return info.error();
    co_return Answer<T>{std::move(decoded), std::move(*info)};
  }

 private:
  // The untyped core: `validate` returns an error message for an unusable answer.
  boost::asio::awaitable<Result<CallInfo>> AskJson(
      std::string_view prompt_name, const PromptValues& values, std::string_view schema_name,
      boost::json::object schema,
      const std::function<std::optional<std::string>(const boost::json::value&)>& validate);

  LlmClient& client_;
  const PromptLibrary& prompts_;
  ResponseCache& cache_;
};

}  // namespace jc::llm
