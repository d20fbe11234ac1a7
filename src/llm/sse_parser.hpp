// SseParser: incremental parser of a text/event-stream body (the WHATWG "server-sent events"
// framing OpenAI uses for streamed chat completions).
//
// Feed it the body in whatever pieces the network delivers; it calls the handler once per
// complete event with the event's data: the `data:` lines joined with '\n' (one leading space
// after the colon removed). Comment lines (":..."), other fields (event:, id:, retry:) and
// events without data are skipped. Lines may end in "\n", "\r\n" or "\r", even split across
// pieces. Not thread-safe: one parser per stream.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace jc::llm {

class SseParser {
 public:
  // Returns false to stop: Feed then stops at once and returns false too.
  using Handler = std::function<bool(std::string_view data)>;

  // A line longer than this (a broken or hostile server) makes Feed fail.
  static constexpr std::size_t kMaxLineBytes = 8u << 20;

  explicit SseParser(Handler on_event) : on_event_(std::move(on_event)) {}

  // Parses `chunk`. Returns false when the handler asked to stop or a line was too long.
  bool Feed(std::string_view chunk);

  // The end of the body: dispatches a last event that lacked its blank line (lenient;
  // the standard drops it). Returns false when the handler asked to stop.
  bool Finish();

 private:
  bool Line(std::string_view line);
  bool Dispatch();

  Handler on_event_;
  std::string line_;  // the incomplete line carried over between pieces
  std::string data_;  // the data of the event being built
  bool has_data_ = false;
  bool after_cr_ = false;  // the last piece ended in '\r': a following '\n' belongs to it
};

}  // namespace jc::llm
