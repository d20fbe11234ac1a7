// LlmClient: the interface every capability uses to ask an OpenAI-compatible model (chat
// completions, streamed or not, and embeddings). The one implementation that talks to a network
// is OpenAiClient (openai_client.hpp); tests aim it at a loopback server that speaks the same
// wire protocol (tests/support/fake_openai.hpp).
//
// Calls are coroutines on the caller's executor: they never block an I/O thread, and any number
// may be in flight (the client bounds its own concurrency). Thread-safe.
//
// Failures are values: ErrorCode::kUpstreamTimeout (504) when the deadline passed,
// kUnavailable (503) when the provider cannot be reached, keeps failing (5xx, 429 after
// retries) or its circuit breaker is open (retry_after_seconds set when known), kValidation
// (422) when the provider rejects the request (4xx other than 408/429), kInternal otherwise.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace jc::llm {

struct Message {
  std::string role;  // "system", "user", "assistant"
  std::string content;
};

// How the model is asked for JSON. The provider's capability (config LLM_STRUCTURED_OUTPUT)
// may downgrade it: kJsonSchema -> kJsonObject -> kNone.
enum class OutputFormat : std::uint8_t {
  kText,        // no response_format
  kJsonObject,  // response_format {"type": "json_object"}
  kJsonSchema,  // response_format {"type": "json_schema", "json_schema": {name, schema, strict}}
};

struct ChatRequest {
  std::vector<Message> messages;
  OutputFormat format = OutputFormat::kText;
  std::string schema_name;             // for kJsonSchema: ^[a-zA-Z0-9_-]{1,64}$
  boost::json::object schema;          // for kJsonSchema: the JSON Schema of the answer
  std::optional<unsigned> max_tokens;  // default: config OPENAI_MAX_TOKENS
  double temperature = 0;              // 0: as repeatable as the provider allows
};

struct Usage {
  int prompt_tokens = 0;
  int completion_tokens = 0;
};

struct ChatResult {
  std::string content;        // the assistant message (all deltas joined when streamed)
  std::string finish_reason;  // "stop", "length", "content_filter"... ("" when a stream broke)
  std::string model;          // as the provider reports it
  Usage usage;
  double latency_ms = 0;  // from the first attempt to the last byte, retries included
  int attempts = 1;
};

class LlmClient {
 public:
  virtual ~LlmClient() = default;

  // One chat completion.
  virtual boost::asio::awaitable<Result<ChatResult>> Chat(ChatRequest request) = 0;

  // The same, streamed: on_delta receives each piece of content as it arrives, on the
  // caller's executor. A stream that breaks after some content is an error (kUnavailable);
  // nothing is retried once content has been delivered.
  virtual boost::asio::awaitable<Result<ChatResult>> ChatStream(
      ChatRequest request, std::function<void(std::string_view)> on_delta) = 0;

  // Embeddings of each input, in order (config OPENAI_EMBEDDINGS_MODEL).
  virtual boost::asio::awaitable<Result<std::vector<std::vector<float>>>> Embed(
      std::vector<std::string> inputs) = 0;

  // The configured chat model: meta.engine says "llm:<model>".
  virtual std::string_view Model() const = 0;
};

}  // namespace jc::llm
