#include "llm/stream_collector.hpp"

#include "llm/request_body.hpp"

namespace jc::llm {

StreamCollector::StreamCollector(const std::function<void(std::string_view)>* on_delta)
    : on_delta_(on_delta), parser_([this](std::string_view data) { return OnEvent(data); }) {}

bool StreamCollector::Feed(std::string_view piece) {
  if (parser_.Feed(piece)) return true;
  if (!error_) {
    error_ = Error::Make(ErrorCode::kUnavailable, "the provider's stream has an oversized line");
  }
  return false;
}

bool StreamCollector::OnEvent(std::string_view data) {
  if (data == "[DONE]") {
    done_ = true;
    return true;
  }
  if (done_) return true;  // nothing counts after [DONE]
  auto chunk = DecodeChatChunk(data);
  if (!chunk) {
    error_ = std::move(chunk).error();
    return false;
  }
  if (!chunk->model.empty()) result_.model = std::move(chunk->model);
  if (!chunk->finish_reason.empty()) result_.finish_reason = std::move(chunk->finish_reason);
  if (chunk->usage) result_.usage = *chunk->usage;
  if (!chunk->content.empty()) {
    delivered_ = true;
    result_.content += chunk->content;
    if (on_delta_ != nullptr && *on_delta_) (*on_delta_)(chunk->content);
  }
  return true;
}

Result<ChatResult> StreamCollector::Finish() {
  if (error_) return *error_;
  if (!parser_.Finish() && error_) return *error_;
  if (!done_) {
    result_.finish_reason.clear();  // "" marks a broken stream
    return Error::Make(ErrorCode::kUnavailable, "the provider's stream ended before [DONE]");
  }
  return result_;
}

}  // namespace jc::llm
