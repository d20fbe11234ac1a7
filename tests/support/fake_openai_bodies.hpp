// The bodies FakeOpenAi sends, built apart from the socket code so each is easy to read against
// OpenAI's schemas (CreateChatCompletionResponse, CreateChatCompletionStreamResponse,
// CreateEmbeddingResponse, ErrorResponse). Pure functions of their arguments; thread-safe.
#pragma once

#include <boost/json/object.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "support/fake_openai.hpp"

namespace jc::testing::openai_wire {

// What identifies one answer: every chunk of a stream shares it.
struct Completion {
  std::string id;     // "chatcmpl-..."
  std::string model;  // echoed from the request
  std::int64_t created = 0;
};

// A `chat.completion` object for `reply`.
std::string ChatCompletionBody(const Reply& reply, const Completion& completion);

// The SSE events of a streamed answer, each "data: ...\n\n": the role, the content in several
// pieces, the finish_reason, the usage chunk when `include_usage`, then "data: [DONE]".
struct StreamEvents {
  std::vector<std::string> events;
  std::size_t half = 0;  // kDropStream sends events [0, half): the role and half the content
};
StreamEvents ChatStreamEvents(const Reply& reply, const Completion& completion, bool include_usage);

// A CreateEmbeddingResponse for a request that already validated against CreateEmbeddingRequest.
std::string EmbeddingsBody(const boost::json::object& request, int default_dimensions);

// OpenAI's error envelope {"error": {message, type, param, code}}.
std::string ErrorBody(const std::string& message, const std::string& type,
                      const std::optional<std::string>& param,
                      const std::optional<std::string>& code);
// The body OpenAI sends with `status` (429 rate limit, 5xx server error, ...).
std::string HttpErrorBody(unsigned status);

}  // namespace jc::testing::openai_wire
