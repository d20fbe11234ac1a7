// StreamCollector: turns the body of a streamed chat completion (text/event-stream of
// chat.completion.chunk events ending with [DONE]) into deltas for the caller and one
// ChatResult. One per attempt of ChatStream; not thread-safe.
#pragma once

#include <functional>
#include <optional>
#include <string_view>

#include "common/error.hpp"
#include "llm/llm_client.hpp"
#include "llm/sse_parser.hpp"

namespace jc::llm {

class StreamCollector {
 public:
  explicit StreamCollector(const std::function<void(std::string_view)>* on_delta);

  // Feeds body bytes. Returns false when the stream is unreadable (see Error()).
  bool Feed(std::string_view piece);

  // The body ended: the result, or kUnavailable when [DONE] never came or a chunk was bad.
  Result<ChatResult> Finish();

  // Whether any content reached the caller (then the call must not be retried).
  bool Delivered() const { return delivered_; }
  // Why Feed returned false.
  const std::optional<Error>& Failure() const { return error_; }

 private:
  bool OnEvent(std::string_view data);

  const std::function<void(std::string_view)>* on_delta_;
  SseParser parser_;
  ChatResult result_;
  bool done_ = false;
  bool delivered_ = false;
  std::optional<Error> error_;
};

}  // namespace jc::llm
