// Streaming over real HTTP: an in-process http::Server with the real pipeline, and a test route
// declared with Registry::PostStreaming that sends "tick" events with timer delays between them.
// A raw socket checks what a browser would meet: the head and the first event arrive while the
// handler still waits, the chunked framing, keep-alive afterwards, the JSON answer for clients
// that do not ask for a stream, a client that leaves mid-stream, and the access log.
#include <gtest/gtest.h>
#include <poll.h>
#include <unistd.h>

#include <atomic>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <boost/describe.hpp>
#include <boost/json.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "api/registry.hpp"
#include "http/pipeline.hpp"
#include "http/response_stream.hpp"
#include "http/server.hpp"
#include "http/sse.hpp"
#include "observability/logger.hpp"

namespace jc::sse_test {

struct TickRequest {
  static constexpr std::string_view kSchemaName = "TickRequest";
  int count = 0;
  int delayMs = 0;
  std::optional<bool> waitForGate;     // after the first event, wait until the test says go
  std::optional<bool> failAfterFirst;  // return an error after the first event
};
BOOST_DESCRIBE_STRUCT(TickRequest, (), (count, delayMs, waitForGate, failAfterFirst))

struct TickResponse {
  static constexpr std::string_view kSchemaName = "TickResponse";
  std::vector<std::string> ticks;
};
BOOST_DESCRIBE_STRUCT(TickResponse, (), (ticks))

namespace {

namespace net = boost::asio;
namespace bhttp = boost::beast::http;
using namespace std::chrono_literals;
using tcp = net::ip::tcp;

std::string TickText(int i) {
  return "tick " + std::to_string(i) + "\nläuft — 続く";
}

// A blocking loopback client that keeps every byte it reads, for checking framing by hand.
class RawClient {
 public:
  explicit RawClient(unsigned short port) : socket_(ioc_) {
    socket_.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  }

  void Send(const std::string& bytes) { net::write(socket_, net::buffer(bytes)); }

  // Reads until `marker` occurs at or after `from` in what was read. False on EOF or timeout.
  bool ReadUntil(std::string_view marker, std::size_t from = 0) {
    while (data_.find(marker, from) == std::string::npos) {
      if (!ReadSome()) return false;
    }
    return true;
  }
  // Reads until the server closes the connection (true) or 10 s pass without a byte (false).
  bool ReadUntilClosed() {
    for (;;) {
      if (!Readable()) return false;
      boost::system::error_code ec;
      char buf[4096];
      const auto n = socket_.read_some(net::buffer(buf), ec);
      data_.append(buf, n);
      if (ec == net::error::eof || ec == net::error::connection_reset) return true;
      if (ec) return false;
    }
  }
  // One whole response, parsed by Beast; `data()` must hold nothing unread. A failure (or 10 s
  // without a byte) gives a default response, status 200 with an empty body, and fails the test.
  bhttp::response<bhttp::string_body> ReadResponse() {
    bhttp::response_parser<bhttp::string_body> parser;
    parser.eager(true);
    std::string pending;
    while (!parser.is_done()) {
      if (!Readable()) {
        ADD_FAILURE() << "no response within 10 s";
        return {};
      }
      char buf[4096];
      boost::system::error_code ec;
      const auto n = socket_.read_some(net::buffer(buf), ec);
      if (ec) {
        ADD_FAILURE() << "connection failed: " << ec.message();
        return {};
      }
      pending.append(buf, n);
      while (!pending.empty() && !parser.is_done()) {
        pending.erase(0, parser.put(net::buffer(pending), ec));
        if (ec == bhttp::error::need_more) break;
        if (ec) {
          ADD_FAILURE() << "bad response: " << ec.message();
          return {};
        }
      }
    }
    EXPECT_TRUE(pending.empty()) << "bytes after the response: " << pending;
    return parser.release();
  }
  void Close() {
    boost::system::error_code ignored;
    socket_.close(ignored);
  }

  std::string& data() { return data_; }

 private:
  // Waits up to 10 s for bytes (or EOF) to read.
  bool Readable() {
    pollfd p{.fd = socket_.native_handle(), .events = POLLIN, .revents = 0};
    return ::poll(&p, 1, 10'000) == 1;
  }

  bool ReadSome() {
    if (!Readable()) return false;
    boost::system::error_code ec;
    char buf[4096];
    const auto n = socket_.read_some(net::buffer(buf), ec);
    data_.append(buf, n);
    return !ec;
  }

  net::io_context ioc_;
  tcp::socket socket_;
  std::string data_;
};

// Splits a chunked body into its chunks. Fails the test on bad framing; `complete` tells whether
// the last chunk (size 0, no trailers) was seen, and `rest` what follows it.
std::vector<std::string> DecodeChunks(std::string_view body, bool& complete,
                                      std::string_view* rest = nullptr) {
  std::vector<std::string> chunks;
  complete = false;
  while (!body.empty()) {
    const auto eol = body.find("\r\n");
    if (eol == std::string_view::npos) break;
    std::size_t size = 0;
    const auto size_text = body.substr(0, eol);
    if (size_text.empty() ||
        size_text.find_first_not_of("0123456789abcdef") != std::string_view::npos) {
      ADD_FAILURE() << "bad chunk size line: " << size_text;
      return chunks;
    }
    size = std::stoul(std::string(size_text), nullptr, 16);
    body.remove_prefix(eol + 2);
    if (size == 0) {
      EXPECT_TRUE(body.starts_with("\r\n")) << "the last chunk must end with an empty line";
      complete = body.starts_with("\r\n");
      if (rest) *rest = body.substr(complete ? 2 : 0);
      return chunks;
    }
    if (body.size() < size + 2) break;  // incomplete chunk
    chunks.emplace_back(body.substr(0, size));
    EXPECT_EQ(body.substr(size, 2), "\r\n") << "a chunk must end with CRLF";
    body.remove_prefix(size + 2);
  }
  return chunks;
}

class SseStreamTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char log_path[] = "/tmp/jc-sse-log-XXXXXX";
    log_fd_ = ::mkstemp(log_path);
    ASSERT_GE(log_fd_, 0);
    log_path_ = log_path;
    obs::Logger::Get().Configure(obs::LogFormat::kJson, obs::LogLevel::kInfo, log_fd_);

    AddTickRoute();
    pipeline_ = std::make_unique<http::Pipeline>(registry_.Router(), http::CorsPolicy({}), nullptr,
                                                 http::PipelineOptions{});
    server_ = std::make_unique<http::Server>(
        std::vector<net::io_context*>{&ioc_},
        http::ServerOptions{.port = 0, .shutdown_timeout = std::chrono::seconds(2)}, *pipeline_);
    auto endpoint = server_->Listen();
    ASSERT_TRUE(endpoint);
    port_ = endpoint->port();
    server_->Start();
    gate_.expires_at(net::steady_timer::time_point::max());
    thread_ = std::thread([this] { ioc_.run(); });
  }

  void TearDown() override {
    auto drained = std::make_shared<std::promise<void>>();
    server_->BeginShutdown([drained] { drained->set_value(); });
    drained->get_future().wait_for(5s);
    ioc_.stop();
    thread_.join();
    obs::Logger::Get().Flush();
    obs::Logger::Get().Configure(obs::LogFormat::kJson, obs::LogLevel::kInfo, 1);
    ::close(log_fd_);
    ::unlink(log_path_.c_str());
  }

  void AddTickRoute() {
    registry_.PostStreaming<TickRequest, TickResponse>(
        "/api/ticks", {.summary = "Ticks", .tag = "test"},
        "`tick` events, then one `done` event with empty data.",
        [](http::RequestContext&, TickRequest& req) -> net::awaitable<Result<TickResponse>> {
          TickResponse out;
          for (int i = 0; i < req.count; ++i) out.ticks.push_back(TickText(i));
          co_return out;
        },
        [this](http::RequestContext& ctx, TickRequest& req) -> net::awaitable<Status> {
          co_return co_await StreamTicks(ctx, req);
        });
  }

  // The stream handler. Records what it did for the test thread.
  net::awaitable<Status> StreamTicks(http::RequestContext& ctx, TickRequest& req) {
    if (req.count < 1) co_return Error::Make(ErrorCode::kValidation, "count must be positive");
    const bool begun = co_await ctx.stream->Begin(http::bhttp::status::ok, http::kEventStreamType);
    if (!begun) {
      write_failed_ = true;
      finished_ = true;
      co_return Status{};
    }
    net::steady_timer timer(co_await net::this_coro::executor);
    constexpr auto kTuple = net::as_tuple(net::use_awaitable);
    for (int i = 0; i < req.count; ++i) {
      if (i == 1 && req.waitForGate.value_or(false)) {
        if (!gate_open_) co_await gate_.async_wait(kTuple);
      } else if (i > 0) {
        timer.expires_after(std::chrono::milliseconds(req.delayMs));
        co_await timer.async_wait(kTuple);
      }
      produced_ = i + 1;  // before the write: the client may read it before Write returns
      const bool sent = co_await ctx.stream->Write(http::SseEvent("tick", TickText(i)));
      if (!sent) {
        write_failed_ = true;
        finished_ = true;
        co_return Status{};
      }
      if (req.failAfterFirst.value_or(false)) {
        finished_ = true;
        co_return Error::Make(ErrorCode::kUpstreamTimeout, "the model stopped answering");
      }
    }
    const bool sent = co_await ctx.stream->Write(http::SseEvent("done", ""));
    write_failed_ = !sent;
    finished_ = true;
    co_return Status{};
  }

  static std::string TickPost(const std::string& body, const std::string& request_id, bool stream,
                              std::string_view version = "1.1") {
    return "POST /api/ticks HTTP/" + std::string(version) +
           "\r\nHost: x\r\nContent-Type: application/json\r\n" +
           (stream ? "Accept: text/event-stream\r\n" : "") + "X-Request-ID: " + request_id +
           "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  }

  void ReleaseGate() {
    net::post(ioc_, [this] {
      gate_open_ = true;  // in case the handler is not waiting yet
      gate_.cancel();
    });
  }

  bool WaitUntilFinished(std::chrono::milliseconds timeout) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (!finished_ && std::chrono::steady_clock::now() < until) {
      std::this_thread::sleep_for(5ms);
    }
    return finished_;
  }

  // The access log lines of one request id.
  std::vector<boost::json::object> AccessLines(std::string_view request_id) {
    obs::Logger::Get().Flush();
    std::ifstream in(log_path_);
    std::vector<boost::json::object> lines;
    for (std::string line; std::getline(in, line);) {
      const auto v = boost::json::parse(line).as_object();
      if (v.at("message") == "request" && v.at("requestId").as_string() == request_id) {
        lines.push_back(v);
      }
    }
    return lines;
  }

  net::io_context ioc_{1};
  api::Registry registry_;
  std::unique_ptr<http::Pipeline> pipeline_;
  std::unique_ptr<http::Server> server_;
  unsigned short port_ = 0;
  std::thread thread_;
  net::steady_timer gate_{ioc_};
  bool gate_open_ = false;  // touched on the server's thread only
  std::atomic<int> produced_{0};
  std::atomic<bool> write_failed_{false};
  std::atomic<bool> finished_{false};
  int log_fd_ = -1;
  std::string log_path_;
};

TEST_F(SseStreamTest, EventsArriveAsTheyAreProducedThenTheConnectionIsReused) {
  RawClient client(port_);
  client.Send(TickPost(R"({"count":3,"delayMs":5,"waitForGate":true})", "sse-1", true));

  // The head and the first event arrive while the handler waits for the gate.
  ASSERT_TRUE(client.ReadUntil("\r\n\r\n"));
  const auto head_end = client.data().find("\r\n\r\n") + 4;
  ASSERT_TRUE(client.ReadUntil("\n\n\r\n", head_end));
  EXPECT_EQ(produced_, 1);
  EXPECT_FALSE(finished_);

  bhttp::response_parser<bhttp::empty_body> head_parser;
  boost::system::error_code ec;
  head_parser.put(net::buffer(client.data().data(), head_end), ec);
  ASSERT_FALSE(ec) << ec.message();
  const auto& head = head_parser.get();
  EXPECT_EQ(head.result_int(), 200u);
  EXPECT_EQ(head.version(), 11u);
  EXPECT_EQ(head[bhttp::field::content_type], "text/event-stream");
  EXPECT_EQ(head[bhttp::field::transfer_encoding], "chunked");
  EXPECT_EQ(head.find(bhttp::field::content_length), head.end());
  EXPECT_EQ(head[bhttp::field::cache_control], "no-cache");
  EXPECT_EQ(head["X-Accel-Buffering"], "no");
  EXPECT_EQ(head["X-Request-ID"], "sse-1");
  EXPECT_EQ(head["X-Content-Type-Options"], "nosniff");
  EXPECT_TRUE(head.keep_alive());

  ReleaseGate();
  ASSERT_TRUE(client.ReadUntil("\r\n0\r\n\r\n", head_end));
  bool complete = false;
  std::string_view rest;
  const auto chunks =
      DecodeChunks(std::string_view(client.data()).substr(head_end), complete, &rest);
  EXPECT_TRUE(complete);
  EXPECT_TRUE(rest.empty()) << "bytes after the last chunk: " << rest;
  // One chunk per Write, one event per chunk.
  const std::vector<std::string> expected = {
      http::SseEvent("tick", TickText(0)), http::SseEvent("tick", TickText(1)),
      http::SseEvent("tick", TickText(2)), http::SseEvent("done", "")};
  EXPECT_EQ(chunks, expected);

  // Beast, as an independent HTTP/1.1 parser, accepts the whole response.
  bhttp::response_parser<bhttp::string_body> whole;
  whole.eager(true);
  whole.put(net::buffer(client.data()), ec);
  EXPECT_FALSE(ec) << ec.message();
  EXPECT_TRUE(whole.is_done());
  EXPECT_EQ(whole.get().body(), expected[0] + expected[1] + expected[2] + expected[3]);

  // The same connection serves the next request: without the Accept header, JSON.
  client.Send(TickPost(R"({"count":2,"delayMs":0})", "sse-2", false));
  const auto res = client.ReadResponse();
  EXPECT_EQ(res.result_int(), 200u);
  EXPECT_EQ(res[bhttp::field::content_type], "application/json");
  EXPECT_EQ(res["X-Request-ID"], "sse-2");
  const auto json = boost::json::parse(res.body());
  EXPECT_EQ(json.at("ticks").as_array().size(), 2u);
  EXPECT_EQ(json.at("ticks").at(1).as_string(), TickText(1));

  const auto lines = AccessLines("sse-1");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].at("status"), 200);
  EXPECT_EQ(lines[0].at("path"), "/api/ticks");
  EXPECT_EQ(lines[0].at("streamed"), true);
  EXPECT_EQ(lines[0].at("complete"), true);
  EXPECT_EQ(lines[0].at("bytesOut").to_number<std::size_t>(), whole.get().body().size());
  EXPECT_GE(lines[0].at("durationMs").to_number<double>(), 0.0);
  EXPECT_EQ(AccessLines("sse-2").size(), 1u);
}

TEST_F(SseStreamTest, ClientsThatDoNotAskForAStreamGetJson) {
  RawClient client(port_);
  for (const char* accept : {"", "application/json", "*/*", "text/event-stream;q=0"}) {
    const std::string body = R"({"count":1,"delayMs":0})";
    client.Send(
        std::string("POST /api/ticks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json") +
        (*accept ? std::string("\r\nAccept: ") + accept : "") +
        "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
    const auto res = client.ReadResponse();
    EXPECT_EQ(res.result_int(), 200u) << accept;
    EXPECT_EQ(res[bhttp::field::content_type], "application/json") << accept;
    EXPECT_EQ(boost::json::parse(res.body()).at("ticks").as_array().size(), 1u) << accept;
  }
}

TEST_F(SseStreamTest, Http10ClientsGetJsonEvenWhenTheyAskForAStream) {
  RawClient client(port_);
  client.Send(TickPost(R"({"count":2,"delayMs":0})", "sse-10", true, "1.0"));
  const auto res = client.ReadResponse();
  EXPECT_EQ(res.result_int(), 200u);
  EXPECT_EQ(res.version(), 10u);
  EXPECT_EQ(res[bhttp::field::content_type], "application/json");
  EXPECT_EQ(res.find(bhttp::field::transfer_encoding), res.end());
  EXPECT_EQ(boost::json::parse(res.body()).at("ticks").as_array().size(), 2u);
}

TEST_F(SseStreamTest, AnErrorBeforeTheStreamIsTheJsonEnvelope) {
  RawClient client(port_);
  client.Send(TickPost(R"({"count":0,"delayMs":0})", "sse-422", true));
  const auto res = client.ReadResponse();
  EXPECT_EQ(res.result_int(), 422u);
  EXPECT_EQ(res[bhttp::field::content_type], "application/json");
  EXPECT_EQ(boost::json::parse(res.body()).at("error").at("code"), "validation_error");
  EXPECT_EQ(res["X-Request-ID"], "sse-422");
  // A body that does not decode never reaches the stream handler either.
  client.Send(TickPost(R"({"count":"many"})", "sse-bad", true));
  EXPECT_EQ(client.ReadResponse().result_int(), 422u);
  EXPECT_FALSE(finished_);
}

TEST_F(SseStreamTest, AnErrorAfterTheHeadLeavesTheStreamTruncated) {
  RawClient client(port_);
  client.Send(TickPost(R"({"count":3,"delayMs":0,"failAfterFirst":true})", "sse-cut", true));
  ASSERT_TRUE(client.ReadUntilClosed());
  const auto head_end = client.data().find("\r\n\r\n");
  ASSERT_NE(head_end, std::string::npos);
  EXPECT_TRUE(client.data().starts_with("HTTP/1.1 200 OK\r\n"));
  bool complete = true;
  const auto chunks = DecodeChunks(std::string_view(client.data()).substr(head_end + 4), complete);
  EXPECT_FALSE(complete) << "a failed stream must not look finished";
  EXPECT_EQ(chunks, std::vector<std::string>{http::SseEvent("tick", TickText(0))});
  const auto lines = AccessLines("sse-cut");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].at("complete"), false);
}

TEST_F(SseStreamTest, AClientThatLeavesStopsTheHandler) {
  constexpr int kMany = 100'000;  // far more than are produced before the client leaves
  {
    RawClient client(port_);
    client.Send(TickPost(R"({"count":100000,"delayMs":2})", "sse-gone", true));
    ASSERT_TRUE(client.ReadUntil("\n\n\r\n"));
    client.Close();
  }
  ASSERT_TRUE(WaitUntilFinished(10s)) << "the handler kept writing to a closed connection";
  EXPECT_TRUE(write_failed_);
  EXPECT_LT(produced_, kMany);

  // The server is fine and serves the next client.
  RawClient next(port_);
  next.Send(TickPost(R"({"count":1,"delayMs":0})", "sse-after", false));
  EXPECT_EQ(next.ReadResponse().result_int(), 200u);
  const auto lines = AccessLines("sse-gone");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].at("status"), 200);
  EXPECT_EQ(lines[0].at("complete"), false);
}

}  // namespace
}  // namespace jc::sse_test
