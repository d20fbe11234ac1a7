// Server-Sent Events framing: what SseEvent writes, what a client's EventSource reads back from
// it, and which Accept values ask for a stream.
#include "http/sse.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace jc::http {
namespace {

struct ParsedEvent {
  std::string name;
  std::string data;
};

// The client side of the format (WHATWG HTML 9.2.6), reduced to event and data fields: what a
// browser's EventSource would dispatch for `stream`.
std::vector<ParsedEvent> ParseEvents(std::string_view stream) {
  std::vector<ParsedEvent> events;
  std::string name;
  std::string data;
  bool has_data = false;
  while (!stream.empty()) {
    const auto end = stream.find_first_of("\r\n");
    std::string_view line = stream.substr(0, end);
    const std::size_t skip =
        end == std::string_view::npos
            ? stream.size()
            : end + (stream[end] == '\r' && end + 1 < stream.size() && stream[end + 1] == '\n' ? 2
                                                                                               : 1);
    stream.remove_prefix(skip);
    if (line.empty()) {
      if (has_data) {
        if (!data.empty() && data.back() == '\n') data.pop_back();
        events.push_back({name.empty() ? "message" : name, data});
      }
      name.clear();
      data.clear();
      has_data = false;
      continue;
    }
    if (line.front() == ':') continue;
    const auto colon = line.find(':');
    const auto field = line.substr(0, colon);
    auto value = colon == std::string_view::npos ? std::string_view{} : line.substr(colon + 1);
    if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    if (field == "event") name = value;
    if (field == "data") {
      data.append(value);
      data.push_back('\n');
      has_data = true;
    }
  }
  return events;
}

TEST(SseTest, OneLineEvent) {
  EXPECT_EQ(SseEvent("token", "Dear hiring team"), "event: token\ndata: Dear hiring team\n\n");
}

TEST(SseTest, MultiLineDataBecomesOneDataLinePerLine) {
  struct Case {
    std::string_view data;
    std::string_view wire;
  };
  const Case cases[] = {
      {"a\nb", "event: e\ndata: a\ndata: b\n\n"},
      {"a\r\nb", "event: e\ndata: a\ndata: b\n\n"},
      {"a\rb", "event: e\ndata: a\ndata: b\n\n"},
      {"a\n\nb", "event: e\ndata: a\ndata:\ndata: b\n\n"},
      {"a\n", "event: e\ndata: a\ndata:\n\n"},
      {"\r\n\r", "event: e\ndata:\ndata:\ndata:\n\n"},
  };
  for (const auto& c : cases) {
    const auto wire = SseEvent("e", c.data);
    EXPECT_EQ(wire, c.wire) << testing::PrintToString(std::string(c.data));
    EXPECT_EQ(wire.find('\r'), std::string::npos);
  }
}

TEST(SseTest, AClientReadsTheDataBackWithLfLineEnds) {
  const std::pair<std::string, std::string> cases[] = {
      {"one", "one"},
      {"two\nlines", "two\nlines"},
      {"crlf\r\nand cr\rend", "crlf\nand cr\nend"},
      {"trailing\n", "trailing\n"},
      {"\n\nblank lines\n\n", "\n\nblank lines\n\n"},
      {" leading space", " leading space"},
      {"data: looks like a field", "data: looks like a field"},
  };
  for (const auto& [data, expected] : cases) {
    const auto events = ParseEvents(SseEvent("token", data));
    ASSERT_EQ(events.size(), 1u) << data;
    EXPECT_EQ(events[0].name, "token");
    EXPECT_EQ(events[0].data, expected);
  }
}

TEST(SseTest, EmptyDataIsStillAnEvent) {
  const auto wire = SseEvent("done", "");
  EXPECT_EQ(wire, "event: done\ndata:\n\n");
  const auto events = ParseEvents(wire);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].name, "done");
  EXPECT_EQ(events[0].data, "");
}

TEST(SseTest, UnicodePassesThroughAsUtf8) {
  const std::string data = "Sehr geehrte Damen und Herren — Grüße\n你好，世界 😀";
  const auto wire = SseEvent("token", data);
  EXPECT_EQ(wire,
            "event: token\ndata: Sehr geehrte Damen und Herren — Grüße\ndata: 你好，世界 😀\n\n");
  const auto events = ParseEvents(wire);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].data, data);
}

TEST(SseTest, NamelessEventAndNameWithLineBreaks) {
  EXPECT_EQ(SseEvent("", "x"), "data: x\n\n");
  EXPECT_EQ(ParseEvents(SseEvent("", "x"))[0].name, "message");
  // A line break in the name must not start a field of its own.
  EXPECT_EQ(SseEvent("bad\r\ndata: injected", "x"), "event: baddata: injected\ndata: x\n\n");
}

TEST(SseTest, PingIsACommentClientsIgnore) {
  EXPECT_EQ(SsePing(), ": ping\n\n");
  const auto events = ParseEvents(std::string(SsePing()) + SseEvent("a", "1") +
                                  std::string(SsePing()) + SseEvent("b", "2"));
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].data, "1");
  EXPECT_EQ(events[1].name, "b");
}

TEST(SseTest, IsEventStreamIgnoresCaseAndParameters) {
  EXPECT_TRUE(IsEventStream("text/event-stream"));
  EXPECT_TRUE(IsEventStream("Text/Event-Stream; charset=utf-8"));
  EXPECT_FALSE(IsEventStream("application/json"));
  EXPECT_FALSE(IsEventStream("text/event-streams"));
  EXPECT_FALSE(IsEventStream(""));
}

TEST(SseTest, AcceptsEventStream) {
  const std::pair<std::string_view, bool> cases[] = {
      {"text/event-stream", true},
      {"TEXT/EVENT-STREAM", true},
      {"application/json, text/event-stream", true},
      {"application/json;q=0.9 , text/event-stream ; q=0.5", true},
      {"text/event-stream;q=1", true},
      {"text/event-stream; charset=utf-8; q=0.001", true},
      {"text/event-stream;q=0", false},
      {"text/event-stream; Q=0.000", false},
      {"application/json", false},
      {"*/*", false},
      {"text/*", false},
      {"", false},
      {"text/event-streaming", false},
  };
  for (const auto& [accept, expected] : cases) {
    EXPECT_EQ(AcceptsEventStream(accept), expected) << accept;
  }
}

}  // namespace
}  // namespace jc::http
