// FakeOpenAi over real loopback HTTP with a plain Beast client: what it answers for each Reply
// kind, what it records, and that its own answers validate against OpenAI's response schemas.
#include "support/fake_openai.hpp"

#include <gtest/gtest.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <cmath>
#include <fstream>
#include <future>
#include <map>
#include <sstream>

#include "support/openai_schema_validator.hpp"

namespace jc::testing {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace json = boost::json;
using tcp = net::ip::tcp;
using Response = http::response<http::string_body>;
using Validator = OpenAiSchemaValidator;

constexpr const char* kChatPath = "/v1/chat/completions";
constexpr const char* kChatBody =
    R"({"model":"gpt-4o-mini","messages":[{"role":"system","content":"Be brief."},)"
    R"({"role":"user","content":"Say hello."}]})";
constexpr const char* kStreamBody =
    R"({"model":"gpt-4o-mini","messages":[{"role":"user","content":"Say hello."}],)"
    R"("stream":true,"stream_options":{"include_usage":true}})";

// Parsing the schemas takes a moment: once for the whole file.
const Validator& Schemas() {
  static const Validator validator;
  return validator;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// One kept-alive connection; throws when the server closed it or does not answer in 10 s.
class Client {
 public:
  explicit Client(unsigned short port) : socket_(ioc_) {
    socket_.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  }

  void Write(const std::string& target, const std::string& body,
             const std::map<std::string, std::string>& headers = {}) {
    http::request<http::string_body> req{http::verb::post, target, 11};
    req.set(http::field::host, "127.0.0.1");
    req.set(http::field::content_type, "application/json");
    req.set(http::field::authorization, "Bearer sk-test");
    for (const auto& [k, v] : headers) req.set(k, v);
    req.body() = body;
    req.prepare_payload();
    http::write(socket_, req);
  }

  // The response, or the read error (with what arrived of the body in `res`); timed_out
  // when nothing complete came within 10 s. (SO_RCVTIMEO would not do: Asio's synchronous
  // reads poll again after EAGAIN.)
  beast::error_code Read(Response& res) {
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 << 20);
    beast::error_code ec;
    bool timed_out = false;
    net::steady_timer timer(ioc_, std::chrono::seconds(10));
    http::async_read(socket_, buffer_, parser, [&](beast::error_code e, std::size_t) {
      ec = e;
      timer.cancel();
    });
    timer.async_wait([&](beast::error_code e) {
      if (e) return;
      timed_out = true;
      socket_.cancel();
    });
    ioc_.restart();
    ioc_.run();
    res = parser.release();
    return timed_out ? beast::error_code(net::error::timed_out) : ec;
  }

  Response Post(const std::string& target, const std::string& body,
                const std::map<std::string, std::string>& headers = {}) {
    Write(target, body, headers);
    Response res;
    if (auto ec = Read(res)) throw std::runtime_error("no answer: " + ec.message());
    return res;
  }

  tcp::socket& Socket() { return socket_; }

 private:
  net::io_context ioc_;
  tcp::socket socket_;
  beast::flat_buffer buffer_;
};

json::value Json(const std::string& text) {
  beast::error_code ec;
  auto v = json::parse(text, ec);
  EXPECT_FALSE(ec) << "not JSON: " << text.substr(0, 200);
  return v;
}

// The JSON of each `data:` event of an SSE body, and whether it ended with `data: [DONE]`.
std::vector<json::value> Events(const std::string& body, bool& done) {
  std::vector<json::value> out;
  done = false;
  std::size_t pos = 0;
  while (pos < body.size()) {
    const auto end = body.find("\n\n", pos);
    const std::string event = body.substr(pos, end == std::string::npos ? end : end - pos);
    pos = end == std::string::npos ? body.size() : end + 2;
    EXPECT_EQ(event.rfind("data: ", 0), 0U) << event;
    const std::string data = event.substr(6);
    if (data == "[DONE]") {
      done = true;
      EXPECT_EQ(pos, body.size()) << "events after [DONE]";
      break;
    }
    out.push_back(Json(data));
  }
  return out;
}

std::string ErrorCodeOf(const Response& res) {
  const auto body = Json(res.body());
  EXPECT_EQ(Schemas().Validate(Validator::kErrorResponse, body), std::nullopt) << res.body();
  const auto* code = body.at("error").as_object().if_contains("code");
  return code && code->is_string() ? std::string(code->as_string()) : "";
}

Reply Content(std::string text) {
  Reply r;
  r.content = std::move(text);
  return r;
}

TEST(FakeOpenAiTest, AnswersAValidRequestWithAValidChatCompletion) {
  FakeOpenAi fake;
  fake.SetDefaultReply(Content(R"({"skills":["C++","SQL"]})"));
  Client client(fake.Port());
  const auto res = client.Post(kChatPath, kChatBody);
  ASSERT_EQ(res.result_int(), 200U) << res.body();
  EXPECT_EQ(res[http::field::content_type], "application/json");
  const auto body = Json(res.body());
  EXPECT_EQ(Schemas().Validate(Validator::kChatResponse, body), std::nullopt) << res.body();
  EXPECT_EQ(body.at("object"), "chat.completion");
  EXPECT_EQ(body.at("model"), "gpt-4o-mini");
  const auto& choice = body.at("choices").at(0);
  EXPECT_EQ(choice.at("message").at("role"), "assistant");
  EXPECT_EQ(choice.at("message").at("content"), R"({"skills":["C++","SQL"]})");
  EXPECT_EQ(choice.at("finish_reason"), "stop");
  EXPECT_EQ(body.at("usage").at("total_tokens"), 18);

  ASSERT_EQ(fake.RequestCount(), 1U);
  EXPECT_EQ(fake.InvalidRequests(), 0U);
  const auto rec = fake.Requests().at(0);
  EXPECT_EQ(rec.method, "POST");
  EXPECT_EQ(rec.target, kChatPath);
  EXPECT_EQ(rec.body, kChatBody);
  EXPECT_TRUE(rec.valid);
  EXPECT_TRUE(std::any_of(rec.headers.begin(), rec.headers.end(), [](const auto& h) {
    return h.first == "Authorization" && h.second == "Bearer sk-test";
  }));
}

TEST(FakeOpenAiTest, RepliesAreConsumedInOrderAndTheLastRepeats) {
  FakeOpenAi fake;
  Reply length = Content("cut");
  length.finish_reason = "length";
  fake.SetReplies({Content("one"), length, Content("last")});
  Client client(fake.Port());  // one kept-alive connection for every request
  std::vector<std::string> contents;
  std::vector<std::string> reasons;
  for (int i = 0; i < 4; ++i) {
    const auto body = Json(client.Post(kChatPath, kChatBody).body());
    contents.emplace_back(body.at("choices").at(0).at("message").at("content").as_string());
    reasons.emplace_back(body.at("choices").at(0).at("finish_reason").as_string());
  }
  EXPECT_EQ(contents, (std::vector<std::string>{"one", "cut", "last", "last"}));
  EXPECT_EQ(reasons, (std::vector<std::string>{"stop", "length", "stop", "stop"}));
}

struct InvalidCase {
  const char* name;
  const char* target;
  const char* body;
};

class FakeOpenAiInvalidTest : public ::testing::TestWithParam<InvalidCase> {};

TEST_P(FakeOpenAiInvalidTest, AnswersBadRequestAndRecordsItInvalid) {
  FakeOpenAi fake;
  fake.SetReplies({Content("first"), Content("second")});
  Client client(fake.Port());
  const auto res = client.Post(GetParam().target, GetParam().body);
  EXPECT_EQ(res.result_int(), 400U) << res.body();
  const auto body = Json(res.body());
  EXPECT_EQ(Schemas().Validate(Validator::kErrorResponse, body), std::nullopt) << res.body();
  EXPECT_EQ(body.at("error").at("type"), "invalid_request_error");
  EXPECT_EQ(fake.InvalidRequests(), 1U);
  const auto rec = fake.Requests().at(0);
  EXPECT_FALSE(rec.valid);
  EXPECT_FALSE(rec.validation_error.empty());
  // A rejected request consumes no reply.
  if (std::string_view(GetParam().target) == kChatPath) {
    const auto next = Json(client.Post(kChatPath, kChatBody).body());
    EXPECT_EQ(next.at("choices").at(0).at("message").at("content"), "first");
  }
}

INSTANTIATE_TEST_SUITE_P(
    Requests, FakeOpenAiInvalidTest,
    ::testing::Values(
        InvalidCase{"MissingMessages", kChatPath, R"({"model":"gpt-4o-mini"})"},
        InvalidCase{"MissingModel", kChatPath, R"({"messages":[{"role":"user","content":"hi"}]})"},
        InvalidCase{"MessagesNotAnArray", kChatPath, R"({"model":"m","messages":"hi"})"},
        InvalidCase{"UnknownRole", kChatPath,
                    R"({"model":"m","messages":[{"role":"robot","content":"hi"}]})"},
        InvalidCase{
            "TemperatureAString", kChatPath,
            R"({"model":"m","messages":[{"role":"user","content":"hi"}],"temperature":"hot"})"},
        InvalidCase{"BadResponseFormat", kChatPath,
                    R"({"model":"m","messages":[{"role":"user","content":"hi"}],)"
                    R"("response_format":{"type":"json_schema"}})"},
        InvalidCase{"NotJson", kChatPath, "{model: gpt"},
        InvalidCase{"NotAnObject", kChatPath, "[]"},
        InvalidCase{"EmbeddingsUnknownField", "/v1/embeddings",
                    R"({"model":"text-embedding-3-small","input":"a","user_id":7})"},
        InvalidCase{"EmbeddingsWithoutInput", "/v1/embeddings",
                    R"({"model":"text-embedding-3-small"})"}),
    [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(FakeOpenAiTest, RecordsTheFirstSchemaErrorOfAnInvalidRequest) {
  FakeOpenAi fake;
  Client client(fake.Port());
  client.Post(kChatPath, R"({"model":"gpt-4o-mini"})");
  EXPECT_NE(fake.Requests().at(0).validation_error.find("messages"), std::string::npos)
      << fake.Requests().at(0).validation_error;
}

TEST(FakeOpenAiTest, StreamsChunksFramedAsServerSentEvents) {
  FakeOpenAi fake;
  const std::string content = "Grüße aus dem Testserver: a longer answer in several pieces.";
  fake.SetDefaultReply(Content(content));
  Client client(fake.Port());
  const auto res = client.Post(kChatPath, kStreamBody);
  ASSERT_EQ(res.result_int(), 200U);
  EXPECT_EQ(res[http::field::content_type].substr(0, 17), "text/event-stream");
  EXPECT_TRUE(res.chunked());
  bool done = false;
  const auto events = Events(res.body(), done);
  EXPECT_TRUE(done);
  ASSERT_GE(events.size(), 5U);  // role, >= 2 pieces, finish, usage
  std::string joined;
  for (const auto& e : events) {
    EXPECT_EQ(Schemas().Validate(Validator::kChatChunk, e), std::nullopt) << json::serialize(e);
    EXPECT_EQ(e.at("object"), "chat.completion.chunk");
    EXPECT_EQ(e.at("id"), events.front().at("id"));
    if (e.at("choices").as_array().empty()) continue;
    const auto& delta = e.at("choices").at(0).at("delta").as_object();
    if (const auto* piece = delta.if_contains("content")) joined += piece->as_string();
  }
  EXPECT_EQ(joined, content);
  EXPECT_EQ(events.front().at("choices").at(0).at("delta").at("role"), "assistant");
  EXPECT_GE(events.size() - 3, 2U) << "content in one piece";
  EXPECT_EQ(events[events.size() - 2].at("choices").at(0).at("finish_reason"), "stop");
  EXPECT_TRUE(events.back().at("choices").as_array().empty());
  EXPECT_EQ(events.back().at("usage").at("completion_tokens"), 7);
  // The connection stays usable after a stream.
  EXPECT_EQ(client.Post(kChatPath, kChatBody).result_int(), 200U);
}

TEST(FakeOpenAiTest, StreamsWithoutAUsageChunkUnlessAsked) {
  FakeOpenAi fake;
  Client client(fake.Port());
  const auto res = client.Post(
      kChatPath, R"({"model":"m","messages":[{"role":"user","content":"hi"}],"stream":true})");
  bool done = false;
  const auto events = Events(res.body(), done);
  EXPECT_TRUE(done);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back().at("choices").at(0).at("finish_reason"), "stop");
  for (const auto& e : events) EXPECT_FALSE(e.as_object().contains("usage"));
}

TEST(FakeOpenAiTest, RateLimitCarriesRetryAfterThenTheNextReplyAnswers) {
  FakeOpenAi fake;
  Reply limited;
  limited.kind = Reply::Kind::kHttpError;
  limited.status = 429;
  limited.retry_after_seconds = 7;
  fake.SetReplies({limited, Content("after the limit")});
  Client client(fake.Port());
  const auto res = client.Post(kChatPath, kChatBody);
  EXPECT_EQ(res.result_int(), 429U);
  EXPECT_EQ(res[http::field::retry_after], "7");
  EXPECT_EQ(ErrorCodeOf(res), "rate_limit_exceeded");
  const auto next = client.Post(kChatPath, kChatBody);
  EXPECT_EQ(Json(next.body()).at("choices").at(0).at("message").at("content"), "after the limit");
  EXPECT_EQ(fake.InvalidRequests(), 0U);
}

TEST(FakeOpenAiTest, ServerErrorHasTheErrorBodyAndNoRetryAfter) {
  FakeOpenAi fake;
  Reply failure;
  failure.kind = Reply::Kind::kHttpError;
  failure.status = 500;
  fake.SetDefaultReply(failure);
  Client client(fake.Port());
  const auto res = client.Post(kChatPath, kChatBody);
  EXPECT_EQ(res.result_int(), 500U);
  EXPECT_EQ(res.count(http::field::retry_after), 0U);
  ErrorCodeOf(res);
  EXPECT_EQ(Json(res.body()).at("error").at("type"), "server_error");
}

TEST(FakeOpenAiTest, RawBodyIsSentVerbatim) {
  FakeOpenAi fake;
  Reply raw;
  raw.kind = Reply::Kind::kRawBody;
  raw.raw_body = R"({"choices": [ {"message": "truncated)";
  fake.SetDefaultReply(raw);
  Client client(fake.Port());
  const auto res = client.Post(kChatPath, kChatBody);
  EXPECT_EQ(res.result_int(), 200U);
  EXPECT_EQ(res[http::field::content_type], "application/json");
  EXPECT_EQ(res.body(), raw.raw_body);
}

TEST(FakeOpenAiTest, DroppedStreamEndsMidwayWithoutDone) {
  FakeOpenAi fake;
  Reply drop = Content("one two three four five six seven eight nine ten eleven twelve");
  drop.kind = Reply::Kind::kDropStream;
  fake.SetDefaultReply(drop);
  Client client(fake.Port());
  client.Write(kChatPath, kStreamBody);
  Response partial;
  const auto ec = client.Read(partial);
  EXPECT_EQ(ec, http::error::partial_message) << ec.message();
  EXPECT_EQ(partial.body().find("[DONE]"), std::string::npos);
  EXPECT_NE(partial.body().find("\"role\":\"assistant\""), std::string::npos);
  EXPECT_NE(partial.body().find("\"content\":\"one "), std::string::npos) << partial.body();
  EXPECT_EQ(partial.body().find("twelve"), std::string::npos);
  EXPECT_EQ(partial.body().find("finish_reason\":\"stop"), std::string::npos);
}

TEST(FakeOpenAiTest, DroppedJsonAnswerIsCutShortOfItsContentLength) {
  FakeOpenAi fake;
  Reply drop = Content("a complete answer");
  drop.kind = Reply::Kind::kDropStream;
  fake.SetDefaultReply(drop);
  Client client(fake.Port());
  client.Write(kChatPath, kChatBody);
  Response partial;
  EXPECT_EQ(client.Read(partial), http::error::partial_message);
}

TEST(FakeOpenAiTest, HungRequestBlocksNoOtherAndIsReleasedWhenTheServerStops) {
  auto fake = std::make_unique<FakeOpenAi>();
  Reply hang;
  hang.kind = Reply::Kind::kHang;
  fake->SetReplies({hang, Content("not hung")});
  Client hung(fake->Port());
  hung.Write(kChatPath, kChatBody);
  ASSERT_TRUE(fake->WaitForRequests(1, std::chrono::seconds(10)));

  Client other(fake->Port());
  const auto res = other.Post(kChatPath, kChatBody);
  EXPECT_EQ(Json(res.body()).at("choices").at(0).at("message").at("content"), "not hung");

  auto answer = std::async(std::launch::async, [&hung] {
    Response r;
    return hung.Read(r);
  });
  fake.reset();
  // The connection closes (EOF), instead of the client's 10 s read timeout (timed_out).
  const auto ec = answer.get();
  EXPECT_TRUE(ec == http::error::end_of_stream || ec == net::error::connection_reset)
      << ec.message();
}

TEST(FakeOpenAiTest, ConcurrentDelayedRequestsWaitTogether) {
  constexpr int kRequests = 200;
  FakeOpenAi fake;
  Reply slow = Content("slow");
  slow.delay = std::chrono::milliseconds(300);
  fake.SetDefaultReply(slow);

  net::io_context ioc;
  int ok = 0;
  auto one = [&]() -> net::awaitable<void> {
    constexpr auto kUse = net::as_tuple(net::use_awaitable);
    tcp::socket socket(ioc);
    auto [ec] = co_await socket.async_connect(
        tcp::endpoint(net::ip::make_address("127.0.0.1"), fake.Port()), kUse);
    if (ec) co_return;
    http::request<http::string_body> req{http::verb::post, kChatPath, 11};
    req.set(http::field::host, "127.0.0.1");
    req.body() = kChatBody;
    req.prepare_payload();
    auto [wec, written] = co_await http::async_write(socket, req, kUse);
    if (wec) co_return;
    beast::flat_buffer buffer;
    Response res;
    auto [rec, read] = co_await http::async_read(socket, buffer, res, kUse);
    if (!rec && res.result_int() == 200) ++ok;
  };
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kRequests; ++i) net::co_spawn(ioc, one(), net::detached);
  ioc.run();
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(ok, kRequests);
  EXPECT_EQ(fake.RequestCount(), static_cast<std::size_t>(kRequests));
  // Sequential answers would take 60 s; timers let them overlap.
  EXPECT_LT(elapsed, std::chrono::seconds(5));
}

TEST(FakeOpenAiTest, EmbeddingsAreDeterministicUnitVectors) {
  FakeOpenAi fake;
  fake.SetEmbeddingDimensions(8);
  Client client(fake.Port());
  // The spec models only float arrays, though the API sends a string for base64.
  auto embed = [&](const std::string& body, bool validate = true) {
    const auto res = client.Post("/v1/embeddings", body);
    EXPECT_EQ(res.result_int(), 200U) << res.body();
    auto v = Json(res.body());
    if (validate) {
      EXPECT_EQ(Schemas().Validate(Validator::kEmbeddingResponse, v), std::nullopt) << res.body();
    }
    return v;
  };
  const auto two = embed(R"({"model":"text-embedding-3-small","input":["C++ developer","Chef"]})");
  const auto again = embed(R"({"model":"text-embedding-3-small","input":"C++ developer"})");
  const auto& data = two.at("data").as_array();
  ASSERT_EQ(data.size(), 2U);
  EXPECT_EQ(data[1].at("index"), 1);
  EXPECT_EQ(two.at("model"), "text-embedding-3-small");
  const auto& first = data[0].at("embedding").as_array();
  ASSERT_EQ(first.size(), 8U);
  double norm = 0;
  for (const auto& x : first) norm += x.to_number<double>() * x.to_number<double>();
  EXPECT_NEAR(norm, 1.0, 1e-5);
  EXPECT_EQ(again.at("data").at(0).at("embedding"), data[0].at("embedding"));
  EXPECT_NE(data[1].at("embedding"), data[0].at("embedding"));

  const auto sized = embed(R"({"model":"m","input":[[1,2,3]],"dimensions":3})");
  EXPECT_EQ(sized.at("data").at(0).at("embedding").as_array().size(), 3U);
  const auto b64 =
      embed(R"({"model":"m","input":"x","dimensions":3,"encoding_format":"base64"})", false);
  EXPECT_EQ(b64.at("data").at(0).at("embedding").as_string().size(), 16U);  // 12 bytes
  EXPECT_EQ(fake.InvalidRequests(), 0U);
}

TEST(FakeOpenAiTest, AcceptsAzureStylePathsWithAQuery) {
  FakeOpenAi fake;
  Client client(fake.Port());
  const std::string target = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-06-01";
  const auto res = client.Post(target, kChatBody, {{"api-key", "azure-key"}});
  EXPECT_EQ(res.result_int(), 200U) << res.body();
  const auto emb = client.Post("/openai/deployments/emb/embeddings?api-version=2024-06-01",
                               R"({"model":"emb","input":"x"})");
  EXPECT_EQ(emb.result_int(), 200U) << emb.body();
  const auto rec = fake.Requests().at(0);
  EXPECT_EQ(rec.target, target);
  EXPECT_TRUE(std::any_of(rec.headers.begin(), rec.headers.end(),
                          [](const auto& h) { return h.second == "azure-key"; }));
  EXPECT_EQ(fake.InvalidRequests(), 0U);
}

TEST(FakeOpenAiTest, AnythingElseIsANotFoundRecordedInvalid) {
  FakeOpenAi fake;
  Client client(fake.Port());
  const auto res = client.Post("/v1/completions", kChatBody);
  EXPECT_EQ(res.result_int(), 404U);
  EXPECT_EQ(ErrorCodeOf(res), "unknown_url");
  EXPECT_EQ(fake.InvalidRequests(), 1U);
}

TEST(FakeOpenAiTest, AnswersExpectContinueBeforeTheBody) {
  FakeOpenAi fake;
  Client client(fake.Port());
  const std::string head = std::string("POST ") + kChatPath +
                           " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                           "Expect: 100-continue\r\nContent-Length: " +
                           std::to_string(std::strlen(kChatBody)) + "\r\n\r\n";
  net::write(client.Socket(), net::buffer(head));
  Response interim;
  ASSERT_FALSE(client.Read(interim));
  EXPECT_EQ(interim.result_int(), 100U);
  net::write(client.Socket(), net::buffer(std::string(kChatBody)));
  Response res;
  ASSERT_FALSE(client.Read(res));
  EXPECT_EQ(res.result_int(), 200U);
}

// The contract itself: the validator rejects what OpenAI's schemas reject, and accepts the
// published examples (copied in tests/fixtures/openai/examples/).
TEST(OpenAiSchemaValidatorTest, AcceptsThePublishedExamples) {
  const std::string dir = JC_OPENAI_FIXTURES_DIR "/examples/";
  const std::pair<const char*, std::string_view> cases[] = {
      {"chat-completion-request.json", Validator::kChatRequest},
      {"chat-completion-response.json", Validator::kChatResponse},
      {"embeddings-request.json", Validator::kEmbeddingRequest},
      {"embeddings-response.json", Validator::kEmbeddingResponse},
  };
  for (const auto& [file, schema] : cases) {
    EXPECT_EQ(Schemas().Validate(schema, Json(ReadFile(dir + file))), std::nullopt) << file;
  }
  bool done = false;
  const auto chunks = Events(ReadFile(dir + "chat-completion-stream.txt"), done);
  EXPECT_TRUE(done);
  EXPECT_EQ(chunks.size(), 3U);
  for (const auto& c : chunks)
    EXPECT_EQ(Schemas().Validate(Validator::kChatChunk, c), std::nullopt);
}

TEST(OpenAiSchemaValidatorTest, RejectsResponsesThatBreakTheSchema) {
  auto response = Json(ReadFile(JC_OPENAI_FIXTURES_DIR "/examples/chat-completion-response.json"));
  response.as_object()["choices"].as_array()[0].as_object()["message"].as_object().erase("refusal");
  EXPECT_NE(Schemas().Validate(Validator::kChatResponse, response), std::nullopt);
  EXPECT_NE(Schemas().Validate(Validator::kChatResponse, json::object{{"id", "x"}}), std::nullopt);
  EXPECT_THROW(Schemas().Validate("NoSuchSchema", json::object{}), std::invalid_argument);
}

}  // namespace
}  // namespace jc::testing
