#include "llm/sse_parser.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace jc::llm {
namespace {

std::vector<std::string> Events(const std::vector<std::string>& pieces, bool finish = true) {
  std::vector<std::string> events;
  SseParser parser([&](std::string_view data) {
    events.emplace_back(data);
    return true;
  });
  for (const auto& p : pieces) {
    EXPECT_TRUE(parser.Feed(p));
  }
  if (finish) {
    EXPECT_TRUE(parser.Finish());
  }
  return events;
}

TEST(SseParserTest, SplitsEventsOnBlankLines) {
  EXPECT_EQ(Events({"data: {\"a\":1}\n\ndata: [DONE]\n\n"}),
            (std::vector<std::string>{"{\"a\":1}", "[DONE]"}));
}

TEST(SseParserTest, JoinsMultiLineDataWithNewlines) {
  EXPECT_EQ(Events({"data: one\ndata: two\ndata:three\n\n"}),
            (std::vector<std::string>{"one\ntwo\nthree"}));
}

TEST(SseParserTest, SkipsCommentsOtherFieldsAndEmptyEvents) {
  EXPECT_EQ(Events({": keep-alive\n\nevent: message\nid: 7\nretry: 10\ndata: x\n\n\n\n"}),
            (std::vector<std::string>{"x"}));
}

TEST(SseParserTest, AcceptsEveryLineEnding) {
  EXPECT_EQ(Events({"data: a\r\n\r\ndata: b\r\rdata: c\n\n"}),
            (std::vector<std::string>{"a", "b", "c"}));
}

TEST(SseParserTest, ReassemblesPiecesSplitAnywhere) {
  const std::string body = "data: {\"x\":\"hello\"}\r\n\r\n: c\r\ndata: [DONE]\r\n\r\n";
  for (std::size_t cut = 0; cut <= body.size(); ++cut) {
    for (std::size_t cut2 = cut; cut2 <= body.size(); cut2 += 3) {
      EXPECT_EQ(Events({body.substr(0, cut), body.substr(cut, cut2 - cut), body.substr(cut2)}),
                (std::vector<std::string>{"{\"x\":\"hello\"}", "[DONE]"}))
          << cut << " " << cut2;
    }
  }
}

TEST(SseParserTest, OnlyOneLeadingSpaceIsRemoved) {
  EXPECT_EQ(Events({"data:  two spaces\ndata\n\n"}), (std::vector<std::string>{" two spaces\n"}));
}

TEST(SseParserTest, FinishDispatchesAnUnterminatedLastEvent) {
  EXPECT_TRUE(Events({"data: tail"}, false).empty());
  EXPECT_EQ(Events({"data: tail"}), (std::vector<std::string>{"tail"}));
}

TEST(SseParserTest, TheHandlerCanStopTheParser) {
  int calls = 0;
  SseParser parser([&](std::string_view) { return ++calls < 2; });
  EXPECT_FALSE(parser.Feed("data: 1\n\ndata: 2\n\ndata: 3\n\n"));
  EXPECT_EQ(calls, 2);
}

TEST(SseParserTest, RefusesAnEndlessLine) {
  SseParser parser([](std::string_view) { return true; });
  const std::string big(1 << 20, 'x');
  bool ok = true;
  for (int i = 0; i < 10 && ok; ++i) ok = parser.Feed(big);
  EXPECT_FALSE(ok);
}

}  // namespace
}  // namespace jc::llm
