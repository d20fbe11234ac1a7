// The JSON of the OpenAI wire protocol: request bodies built from ChatRequest, and lenient
// decoding of answers over boost::json::value (missing optional fields such as `refusal`,
// extra fields and number types that differ between compatible servers are all fine).
//
// Pure functions; thread-safe. Decoding failures are kUnavailable: a provider that answers
// 200 with something unreadable is failing, and the call may be retried.
#pragma once

#include <boost/json/object.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "config/config.hpp"
#include "llm/llm_client.hpp"

namespace jc::llm {

struct ChatBodyOptions {
  std::string model;
  unsigned default_max_tokens = 2000;  // when the request names none
  config::StructuredOutput capability = config::StructuredOutput::kJsonSchema;
  bool stream = false;
  config::TokenLimitParam token_limit = config::TokenLimitParam::kMaxTokens;
};

// The format actually asked for: `requested` downgraded to what the provider supports.
OutputFormat EffectiveFormat(OutputFormat requested, config::StructuredOutput capability);

// A json_schema name that matches ^[a-zA-Z0-9_-]{1,64}$ ("answer" when empty).
std::string SchemaName(std::string_view name);

// A CreateChatCompletionRequest body.
boost::json::object ChatRequestBody(const ChatRequest& request, const ChatBodyOptions& options);

// A CreateEmbeddingRequest body (float encoding).
boost::json::object EmbeddingsRequestBody(std::string_view model,
                                          const std::vector<std::string>& inputs);

// A chat.completion answer: content, finish_reason, model and usage (latency and attempts
// are the caller's). A refusal gives empty content and finish_reason "refusal".
Result<ChatResult> DecodeChatCompletion(std::string_view body);

// One chat.completion.chunk of a stream (the data of one SSE event other than [DONE]).
struct ChatChunk {
  std::string content;        // this chunk's delta ("" for role-only or final chunks)
  std::string finish_reason;  // set on the last content chunk
  std::string model;
  std::optional<Usage> usage;  // on the extra last chunk when include_usage was asked for
};
Result<ChatChunk> DecodeChatChunk(std::string_view data);

// An embeddings answer: one vector per input, ordered by `index`. `expected` inputs were sent.
Result<std::vector<std::vector<float>>> DecodeEmbeddings(std::string_view body,
                                                         std::size_t expected);

// The `error.message` of an OpenAI error body, at most 300 characters; "" when there is none.
std::string ProviderErrorMessage(std::string_view body);

}  // namespace jc::llm
