#include "llm/sse_parser.hpp"

namespace jc::llm {

bool SseParser::Feed(std::string_view chunk) {
  std::size_t i = 0;
  if (after_cr_ && !chunk.empty()) {
    after_cr_ = false;
    if (chunk.front() == '\n') i = 1;  // the "\r\n" was split between two pieces
  }
  while (i < chunk.size()) {
    const auto end = chunk.find_first_of("\r\n", i);
    if (end == std::string_view::npos) {
      line_.append(chunk.substr(i));
      return line_.size() <= kMaxLineBytes;
    }
    std::string_view line = chunk.substr(i, end - i);
    if (!line_.empty()) {
      line_.append(line);
      line = line_;
    }
    if (line.size() > kMaxLineBytes) return false;
    const bool ok = Line(line);
    line_.clear();
    if (!ok) return false;
    i = end + 1;
    if (chunk[end] == '\r') {
      if (i == chunk.size()) {
        after_cr_ = true;
      } else if (chunk[i] == '\n') {
        ++i;
      }
    }
  }
  return true;
}

bool SseParser::Finish() {
  if (!line_.empty()) {
    const std::string last = std::move(line_);
    line_.clear();
    if (!Line(last)) return false;
  }
  return Dispatch();
}

bool SseParser::Line(std::string_view line) {
  if (line.empty()) return Dispatch();
  if (line.front() == ':') return true;  // a comment, e.g. ": keep-alive"
  const auto colon = line.find(':');
  const std::string_view field = line.substr(0, colon);
  if (field != "data") return true;  // event:, id:, retry: mean nothing to a chat stream
  std::string_view value = colon == std::string_view::npos ? "" : line.substr(colon + 1);
  if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  if (has_data_) data_.push_back('\n');
  data_.append(value);
  has_data_ = true;
  return true;
}

bool SseParser::Dispatch() {
  if (!has_data_) return true;
  std::string data = std::move(data_);
  data_.clear();
  has_data_ = false;
  return on_event_(data);
}

}  // namespace jc::llm
