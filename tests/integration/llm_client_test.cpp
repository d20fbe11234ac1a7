// OpenAiClient against FakeOpenAi: answers, retries, deadlines, streams, the breaker, the
// concurrency limit, Azure and keyless requests, embeddings. Every request the fake receives
// must validate against OpenAI's request schema.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/parse.hpp>
#include <cstdio>
#include <fstream>

#include "integration/llm_test_util.hpp"
#include "observability/logger.hpp"
#include "support/llm_test_servers.hpp"

namespace jc::llm::test {
namespace {

namespace net = boost::asio;
using namespace std::chrono_literals;
using jc::testing::FakeOpenAi;
using jc::testing::Reply;
using Clock = std::chrono::steady_clock;

Reply Content(std::string content) {
  Reply r;
  r.content = std::move(content);
  return r;
}

Reply HttpError(unsigned status, std::optional<int> retry_after = std::nullopt) {
  Reply r;
  r.kind = Reply::Kind::kHttpError;
  r.status = status;
  r.retry_after_seconds = retry_after;
  return r;
}

class LlmClientTest : public ::testing::Test {
 protected:
  void TearDown() override {
    EXPECT_EQ(fake_.InvalidRequests(), 0u);
    for (const auto& r : fake_.Requests()) EXPECT_TRUE(r.valid) << r.validation_error;
  }

  FakeOpenAi fake_;
};

TEST_F(LlmClientTest, ValidAnswerAndUsage) {
  fake_.SetReplies({Content(R"({"text":"hello"})")});
  auto client = MakeClient(OptionsFor(fake_.BaseUrl()));
  const auto r = RunCall(client->Chat(Hello(OutputFormat::kJsonSchema)));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->content, R"({"text":"hello"})");
  EXPECT_EQ(r->finish_reason, "stop");
  EXPECT_EQ(r->usage.prompt_tokens, 11);
  EXPECT_EQ(r->usage.completion_tokens, 7);
  EXPECT_EQ(r->attempts, 1);
  EXPECT_GT(r->latency_ms, 0.0);
  ASSERT_EQ(fake_.RequestCount(), 1u);
  const auto req = fake_.Requests().front();
  EXPECT_EQ(req.target, "/v1/chat/completions");
  EXPECT_EQ(Header(req, "Authorization"), std::string("Bearer ") + kTestKey);
  const auto body = boost::json::parse(req.body);
  EXPECT_EQ(body.at("model"), "gpt-4o-mini");
  EXPECT_EQ(body.at("response_format").at("type"), "json_schema");
  EXPECT_EQ(client->Model(), "gpt-4o-mini");
}

TEST_F(LlmClientTest, RetriesA429AfterItsRetryAfter) {
  fake_.SetReplies({HttpError(429, 1), Content("ok")});
  auto client = MakeClient(OptionsFor(fake_.BaseUrl()));
  const auto start = Clock::now();
  const auto r = RunCall(client->Chat(Hello()));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->attempts, 2);
  EXPECT_EQ(fake_.RequestCount(), 2u);
  EXPECT_GE(Clock::now() - start, 900ms);  // waited for Retry-After: 1
}

TEST_F(LlmClientTest, RetriesServerErrors) {
  fake_.SetReplies({HttpError(500), HttpError(503), Content("third time")});
  auto client = MakeClient(OptionsFor(fake_.BaseUrl()));
  const auto r = RunCall(client->Chat(Hello()));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->content, "third time");
  EXPECT_EQ(r->attempts, 3);
}

TEST_F(LlmClientTest, GivesUpAfterMaxRetries) {
  fake_.SetReplies({HttpError(500)});
  auto options = OptionsFor(fake_.BaseUrl());
  options.llm.max_retries = 2;
  auto client = MakeClient(options);
  const auto r = RunCall(client->Chat(Hello()));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(fake_.RequestCount(), 3u);
}

TEST_F(LlmClientTest, A429WhoseRetryAfterOutlastsTheDeadlineFailsAtOnce) {
  fake_.SetReplies({HttpError(429, 120)});
  auto client = MakeClient(OptionsFor(fake_.BaseUrl()));
  const auto r = RunCall(client->Chat(Hello()));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(r.error().retry_after_seconds, 120);
  EXPECT_EQ(fake_.RequestCount(), 1u);
}

TEST_F(LlmClientTest, OtherClientErrorsAreValidationErrorsWithoutTheKey) {
  fake_.SetReplies({HttpError(400)});
  auto client = MakeClient(OptionsFor(fake_.BaseUrl()));
  const auto r = RunCall(client->Chat(Hello()));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kValidation);
  EXPECT_NE(r.error().message.find("400"), std::string::npos);
  EXPECT_EQ(r.error().message.find(kTestKey), std::string::npos);
  EXPECT_EQ(fake_.RequestCount(), 1u);
}

TEST_F(LlmClientTest, AHangingProviderTimesOutAtTheDeadline) {
  Reply hang;
  hang.kind = Reply::Kind::kHang;
  fake_.SetReplies({hang});
  auto options = OptionsFor(fake_.BaseUrl());
  options.llm.timeout = 600ms;
  auto client = MakeClient(options);
  const auto start = Clock::now();
  const auto r = RunCall(client->Chat(Hello()));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kUpstreamTimeout);
  EXPECT_GE(Clock::now() - start, 500ms);
  EXPECT_LT(Clock::now() - start, 10s);
}

TEST_F(LlmClientTest, StreamsDeltasInOrder) {
  const std::string text = "Streaming works: one, two, three, four, five.";
  fake_.SetReplies({Content(text)});
  auto client = MakeClient(OptionsFor(fake_.BaseUrl()));
  std::vector<std::string> deltas;
  const auto r =
      RunCall(client->ChatStream(Hello(), [&](std::string_view d) { deltas.emplace_back(d); }));
  ASSERT_TRUE(r) << r.error().message;
  std::string joined;
  for (const auto& d : deltas) joined += d;
  EXPECT_EQ(joined, text);
  EXPECT_GT(deltas.size(), 1u);
  EXPECT_EQ(r->content, text);
  EXPECT_EQ(r->finish_reason, "stop");
  EXPECT_EQ(r->usage.completion_tokens, 7);
  const auto body = boost::json::parse(fake_.Requests().front().body);
  EXPECT_EQ(body.at("stream"), true);
  EXPECT_EQ(Header(fake_.Requests().front(), "Accept"), "text/event-stream");
}

TEST_F(LlmClientTest, ADroppedStreamIsAnErrorAndIsNotRetried) {
  Reply drop = Content("This answer will be cut off half way through, never to be finished.");
  drop.kind = Reply::Kind::kDropStream;
  fake_.SetReplies({drop, Content("a retry must not happen")});
  auto client = MakeClient(OptionsFor(fake_.BaseUrl()));
  std::string received;
  const auto r = RunCall(client->ChatStream(Hello(), [&](std::string_view d) { received += d; }));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
  EXPECT_FALSE(received.empty());
  EXPECT_EQ(fake_.RequestCount(), 1u);
}

TEST_F(LlmClientTest, AnAnswerThatIsNotJsonIsARetriedFailure) {
  Reply raw;
  raw.kind = Reply::Kind::kRawBody;
  raw.raw_body = "<html>gateway says hi</html>";
  fake_.SetReplies({raw});
  auto options = OptionsFor(fake_.BaseUrl());
  options.llm.max_retries = 1;
  auto client = MakeClient(options);
  const auto r = RunCall(client->Chat(Hello()));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(r.error().message, "the provider's answer is not valid JSON");
  EXPECT_EQ(fake_.RequestCount(), 2u);
}

TEST_F(LlmClientTest, TheBreakerOpensAndShortCircuits) {
  fake_.SetReplies({HttpError(500)});
  auto options = OptionsFor(fake_.BaseUrl());
  options.llm.max_retries = 0;
  options.llm.breaker_failures = 2;
  options.llm.breaker_cooldown = 60s;
  auto client = MakeClient(options);
  for (int i = 0; i < 2; ++i) EXPECT_FALSE(RunCall(client->Chat(Hello())));
  EXPECT_EQ(client->BreakerState(), CircuitBreaker::State::kOpen);
  const auto r = RunCall(client->Chat(Hello()));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
  EXPECT_GE(r.error().retry_after_seconds, 59);
  EXPECT_EQ(fake_.RequestCount(), 2u);  // the third call never reached the provider
}

TEST_F(LlmClientTest, TheBreakerClosesAfterASuccessfulProbe) {
  fake_.SetReplies({HttpError(500), Content("back")});
  auto options = OptionsFor(fake_.BaseUrl());
  options.llm.max_retries = 0;
  options.llm.breaker_failures = 1;
  auto now = std::make_shared<std::atomic<Clock::rep>>(0);
  options.clock = [now] { return Clock::time_point(Clock::duration(now->load())); };
  auto client = MakeClient(options);
  EXPECT_FALSE(RunCall(client->Chat(Hello())));
  EXPECT_EQ(RunCall(client->Chat(Hello())).error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(fake_.RequestCount(), 1u);
  now->store(std::chrono::duration_cast<Clock::duration>(31s).count());
  EXPECT_TRUE(RunCall(client->Chat(Hello())));
  EXPECT_EQ(client->BreakerState(), CircuitBreaker::State::kClosed);
}

TEST_F(LlmClientTest, NeverMoreCallsInFlightThanTheLimit) {
  Reply slow = Content("slow");
  slow.delay = 150ms;
  fake_.SetDefaultReply(slow);
  jc::testing::Splicer counter(jc::testing::Splicer::Mode::kForward, fake_.Port());
  auto options = OptionsFor("http://127.0.0.1:" + std::to_string(counter.Port()) + "/v1");
  options.llm.max_concurrency = 4;
  auto client = MakeClient(options);
  net::io_context io;
  int ok = 0;
  for (int i = 0; i < 20; ++i) {
    net::co_spawn(io, client->Chat(Hello()),
                  [&](std::exception_ptr, Result<ChatResult> r) { ok += r ? 1 : 0; });
  }
  io.run();
  EXPECT_EQ(ok, 20);
  EXPECT_EQ(counter.Connections(), 20);
  EXPECT_LE(counter.MaxConcurrent(), 4);
  EXPECT_GE(counter.MaxConcurrent(), 2);  // the calls did overlap
}

TEST_F(LlmClientTest, FiveHundredWaitingCallsBlockNoThread) {
  Reply slow = Content("slow");
  slow.delay = 200ms;
  fake_.SetDefaultReply(slow);
  auto options = OptionsFor(fake_.BaseUrl());
  options.llm.max_concurrency = 4;
  options.llm.timeout = 1000ms;
  auto client = MakeClient(options);
  net::io_context io;  // one thread runs all 500 calls and a ticker
  int ok = 0, timed_out = 0, other = 0, ticks = 0;
  for (int i = 0; i < 500; ++i) {
    net::co_spawn(io, client->Chat(Hello()), [&](std::exception_ptr, Result<ChatResult> r) {
      if (r) {
        ++ok;
      } else if (r.error().code == ErrorCode::kUpstreamTimeout) {
        ++timed_out;
      } else {
        ++other;
      }
    });
  }
  net::co_spawn(
      io,
      [&]() -> net::awaitable<void> {
        net::steady_timer t(co_await net::this_coro::executor);
        while (ok + timed_out + other < 500) {
          t.expires_after(50ms);
          co_await t.async_wait(net::as_tuple(net::use_awaitable));
          ++ticks;
        }
      },
      net::detached);
  io.run();
  EXPECT_EQ(other, 0);
  EXPECT_GE(ok, 4);
  EXPECT_GT(timed_out, 0);
  EXPECT_EQ(ok + timed_out, 500);
  EXPECT_GE(ticks, 5);  // the thread kept serving timers while 500 calls waited
  EXPECT_LE(fake_.RequestCount(), 4u * 6u);  // at most ~5 rounds of 4 fit in the deadline
}

TEST_F(LlmClientTest, AzureUsesTheApiKeyHeaderAndApiVersion) {
  fake_.SetReplies({Content("azure")});
  auto options = OptionsFor(fake_.BaseUrl() + "/openai/deployments/chat-dep");
  options.llm.provider = config::LlmProvider::kAzure;
  options.llm.api_version = "2024-06-01";
  auto client = MakeClient(options);
  ASSERT_TRUE(RunCall(client->Chat(Hello())));
  ASSERT_TRUE(RunCall(client->Embed({"x"})));
  const auto reqs = fake_.Requests();
  ASSERT_EQ(reqs.size(), 2u);
  EXPECT_EQ(reqs[0].target,
            "/v1/openai/deployments/chat-dep/chat/completions?api-version=2024-06-01");
  EXPECT_EQ(reqs[1].target,
            "/v1/openai/deployments/text-embedding-3-small/embeddings?api-version=2024-06-01");
  for (const auto& r : reqs) {
    EXPECT_EQ(Header(r, "api-key"), kTestKey);
    EXPECT_EQ(Header(r, "Authorization"), std::nullopt);
  }
}

TEST_F(LlmClientTest, NoAuthorizationWithoutAKey) {
  fake_.SetReplies({Content("local")});
  auto options = OptionsFor(fake_.BaseUrl());
  options.llm.api_key.clear();
  auto client = MakeClient(options);
  ASSERT_TRUE(RunCall(client->Chat(Hello())));
  EXPECT_EQ(Header(fake_.Requests().front(), "Authorization"), std::nullopt);
}

TEST_F(LlmClientTest, Embeddings) {
  fake_.SetEmbeddingDimensions(8);
  auto client = MakeClient(OptionsFor(fake_.BaseUrl()));
  const auto r = RunCall(client->Embed({"python", "c++", "python"}));
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 3u);
  for (const auto& v : *r) EXPECT_EQ(v.size(), 8u);
  EXPECT_EQ((*r)[0], (*r)[2]);  // deterministic per input, in input order
  EXPECT_NE((*r)[0], (*r)[1]);
  EXPECT_EQ(fake_.Requests().front().target, "/v1/embeddings");
  EXPECT_TRUE(RunCall(client->Embed({}))->empty());
  EXPECT_EQ(fake_.RequestCount(), 1u);
}

TEST_F(LlmClientTest, LogsOneLinePerCallWithoutKeyOrContent) {
  fake_.SetReplies({Content("the model's SECRET-ANSWER")});
  auto client = MakeClient(OptionsFor(fake_.BaseUrl()));
  const std::string path = ::testing::TempDir() + "/jc_llm_log_test.jsonl";
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  ASSERT_GE(fd, 0);
  obs::Logger::Get().Configure(obs::LogFormat::kJson, obs::LogLevel::kDebug, fd);
  auto request = Hello();
  request.messages.push_back({"user", "my CV says SECRET-PROMPT"});
  const auto r = RunCall(client->Chat(request));
  obs::Logger::Get().Flush();
  obs::Logger::Get().Configure(obs::LogFormat::kJson, obs::LogLevel::kInfo, 1);
  ::close(fd);
  ASSERT_TRUE(r);
  std::ifstream in(path);
  std::vector<boost::json::value> lines;
  for (std::string line; std::getline(in, line);) {
    EXPECT_EQ(line.find(kTestKey), std::string::npos) << line;
    EXPECT_EQ(line.find("SECRET"), std::string::npos) << line;
    const auto v = boost::json::parse(line);
    if (v.at("message") == "llm call") lines.push_back(v);
  }
  ASSERT_EQ(lines.size(), 1u);
  const auto& line = lines.front();
  EXPECT_EQ(line.at("model"), "gpt-4o-mini");
  EXPECT_EQ(line.at("status").to_number<int>(), 200);
  EXPECT_EQ(line.at("attempts").to_number<int>(), 1);
  EXPECT_EQ(line.at("tokensIn").to_number<int>(), 11);
  EXPECT_EQ(line.at("tokensOut").to_number<int>(), 7);
  EXPECT_TRUE(line.as_object().contains("latencyMs"));
  std::remove(path.c_str());
}

TEST_F(LlmClientTest, AnUnreachableProviderIsUnavailable) {
  auto options = OptionsFor("http://127.0.0.1:1/v1");
  options.llm.max_retries = 1;
  auto client = MakeClient(options);
  const auto r = RunCall(client->Chat(Hello()));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace jc::llm::test
