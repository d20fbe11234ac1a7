// A streamed answer through the pipeline, over a recording ChunkedWriter: the head carries the
// pipeline's headers, errors before the head become the JSON envelope, errors after it cut the
// connection short, and the access log gets one line.
#include "http/response_stream.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json.hpp>
#include <stdexcept>
#include <vector>

#include "http/pipeline.hpp"
#include "http/sse.hpp"
#include "observability/logger.hpp"

namespace jc::http {
namespace {

class RecordingWriter final : public ChunkedWriter {
 public:
  net::awaitable<bool> WriteHead(Response& head) override {
    head_ = head;
    ++heads_;
    co_return !fail_;
  }
  net::awaitable<bool> WriteChunk(std::string_view bytes) override {
    chunks_.emplace_back(bytes);
    co_return !fail_;
  }
  void Abort() override { aborted_ = true; }

  std::optional<Response> head_;
  int heads_ = 0;
  std::vector<std::string> chunks_;
  bool aborted_ = false;
  bool fail_ = false;  // the client is gone
};

class ResponseStreamTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.Add(bhttp::verb::post, "/stream",
                [this](RequestContext& ctx) -> net::awaitable<Result<Response>> {
                  if (!ctx.stream) co_return Response{bhttp::status::ok, 11};
                  // No braced lists here: g++ 12 cannot keep their arrays in a coroutine frame.
                  ResponseStream::Headers extra;
                  extra.emplace_back("X-Extra", "1");
                  const bool begun = co_await ctx.stream->Begin(bhttp::status::ok, kEventStreamType,
                                                                std::move(extra));
                  if (!begun) co_return Response{};
                  const std::vector<std::string> parts{"a", "", "b"};
                  for (std::size_t i = 0; i < parts.size(); ++i) {
                    const bool ok = co_await ctx.stream->Write(parts[i]);
                    write_results_.push_back(ok);
                  }
                  co_return Response{};
                });
    router_.Add(bhttp::verb::post, "/fails-before",
                [](RequestContext& ctx) -> net::awaitable<Result<Response>> {
                  if (ctx.stream == nullptr) co_return Response{};
                  co_return Error::Make(ErrorCode::kValidation, "bad input");
                });
    router_.Add(bhttp::verb::post, "/fails-after",
                [](RequestContext& ctx) -> net::awaitable<Result<Response>> {
                  co_await ctx.stream->Begin(bhttp::status::ok, "text/plain");
                  co_await ctx.stream->Write("partial");
                  co_return Error::Make(ErrorCode::kUpstreamTimeout, "the model stopped");
                });
    router_.Add(bhttp::verb::post, "/throws-after",
                [](RequestContext& ctx) -> net::awaitable<Result<Response>> {
                  co_await ctx.stream->Begin(bhttp::status::ok, kEventStreamType);
                  throw std::runtime_error("bug");
                });
    router_.Add(bhttp::verb::post, "/write-first",
                [](RequestContext& ctx) -> net::awaitable<Result<Response>> {
                  co_await ctx.stream->Write("too early");
                  co_return Response{};
                });
  }

  Response Run(Request req, ChunkedWriter* writer) {
    net::io_context ioc;
    auto fut = net::co_spawn(
        ioc,
        [&]() -> net::awaitable<Response> { co_return co_await pipeline_->Handle(req, writer); },
        net::use_future);
    ioc.run();
    return fut.get();
  }

  Request Post(std::string target) {
    Request req{bhttp::verb::post, target, 11};
    req.set("X-Request-ID", "rid-stream");
    req.set(bhttp::field::origin, "https://app.example");
    return req;
  }

  Router router_;
  std::vector<bool> write_results_;
  std::unique_ptr<Pipeline> pipeline_ =
      std::make_unique<Pipeline>(router_, CorsPolicy({.allowed_origins = {"https://app.example"}}),
                                 nullptr, PipelineOptions{.access_log = false});
  RecordingWriter writer_;
};

TEST_F(ResponseStreamTest, TheHeadCarriesThePipelineHeaders) {
  Run(Post("/stream"), &writer_);
  ASSERT_EQ(writer_.heads_, 1);
  const Response& head = *writer_.head_;
  EXPECT_EQ(head.result_int(), 200u);
  EXPECT_EQ(head[bhttp::field::content_type], "text/event-stream");
  EXPECT_EQ(head[bhttp::field::cache_control], "no-cache");
  EXPECT_EQ(head["X-Accel-Buffering"], "no");
  EXPECT_EQ(head["X-Extra"], "1");
  EXPECT_EQ(head["X-Request-ID"], "rid-stream");
  EXPECT_EQ(head["X-Content-Type-Options"], "nosniff");
  EXPECT_EQ(head[bhttp::field::access_control_allow_origin], "https://app.example");
  // Empty writes send nothing: an empty chunk would end the body.
  EXPECT_EQ(writer_.chunks_, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(write_results_, (std::vector<bool>{true, true, true}));
  EXPECT_FALSE(writer_.aborted_);
}

TEST_F(ResponseStreamTest, OnlyEventStreamsGetTheNoBufferingHeader) {
  Run(Post("/fails-after"), &writer_);
  ASSERT_TRUE(writer_.head_);
  EXPECT_EQ((*writer_.head_)[bhttp::field::content_type], "text/plain");
  EXPECT_EQ(writer_.head_->find("X-Accel-Buffering"), writer_.head_->end());
}

TEST_F(ResponseStreamTest, WithoutAWriterTheHandlerSeesNoStream) {
  const auto res = Run(Post("/stream"), nullptr);
  EXPECT_EQ(res.result_int(), 200u);
  EXPECT_EQ(res["X-Request-ID"], "rid-stream");
}

TEST_F(ResponseStreamTest, AnErrorBeforeTheHeadIsTheJsonEnvelope) {
  const auto res = Run(Post("/fails-before"), &writer_);
  EXPECT_EQ(res.result_int(), 422u);
  EXPECT_NE(res.body().find("validation_error"), std::string::npos);
  EXPECT_EQ(writer_.heads_, 0);
  EXPECT_FALSE(writer_.aborted_);
}

TEST_F(ResponseStreamTest, AnErrorAfterTheHeadCutsTheConnection) {
  Run(Post("/fails-after"), &writer_);
  EXPECT_EQ(writer_.chunks_, (std::vector<std::string>{"partial"}));
  EXPECT_TRUE(writer_.aborted_);
}

TEST_F(ResponseStreamTest, AnExceptionAfterTheHeadCutsTheConnection) {
  Run(Post("/throws-after"), &writer_);
  EXPECT_EQ(writer_.heads_, 1);
  EXPECT_TRUE(writer_.aborted_);
}

TEST_F(ResponseStreamTest, WritingBeforeBeginIsAProgrammerError) {
  const auto res = Run(Post("/write-first"), &writer_);
  EXPECT_EQ(res.result_int(), 500u);
  EXPECT_EQ(writer_.heads_, 0);
  EXPECT_TRUE(writer_.chunks_.empty());
}

TEST_F(ResponseStreamTest, AfterAFailedWriteEveryWriteFails) {
  writer_.fail_ = true;
  Run(Post("/stream"), &writer_);
  // Begin failed, so the handler never wrote.
  EXPECT_TRUE(writer_.chunks_.empty());
  EXPECT_TRUE(write_results_.empty());

  RecordingWriter flaky;
  ResponseStream stream(flaky, 11, nullptr);
  net::io_context ioc;
  auto fut = net::co_spawn(
      ioc,
      [&]() -> net::awaitable<std::vector<bool>> {
        std::vector<bool> results;
        results.push_back(co_await stream.Begin(bhttp::status::ok, kEventStreamType));
        results.push_back(co_await stream.Write("one"));
        flaky.fail_ = true;
        results.push_back(co_await stream.Write("two"));
        flaky.fail_ = false;
        results.push_back(co_await stream.Write("three"));
        co_return results;
      },
      net::use_future);
  ioc.run();
  EXPECT_EQ(fut.get(), (std::vector<bool>{true, true, false, false}));
  EXPECT_EQ(flaky.chunks_, (std::vector<std::string>{"one", "two"}));
  EXPECT_TRUE(stream.Failed());
  EXPECT_EQ(stream.BytesWritten(), 3u);
}

TEST_F(ResponseStreamTest, TheAccessLogGetsOneLineForAStream) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  obs::Logger::Get().Configure(obs::LogFormat::kJson, obs::LogLevel::kInfo, fds[1]);
  pipeline_ = std::make_unique<Pipeline>(router_, CorsPolicy({}), nullptr, PipelineOptions{});
  Run(Post("/stream"), &writer_);
  obs::Logger::Get().Flush();
  std::string out(4096, '\0');
  out.resize(static_cast<std::size_t>(::read(fds[0], out.data(), out.size())));
  obs::Logger::Get().Configure(obs::LogFormat::kJson, obs::LogLevel::kInfo, 1);
  ::close(fds[0]);
  ::close(fds[1]);

  ASSERT_EQ(std::count(out.begin(), out.end(), '\n'), 1) << out;
  const auto v = boost::json::parse(out).as_object();
  EXPECT_EQ(v.at("message"), "request");
  EXPECT_EQ(v.at("requestId"), "rid-stream");
  EXPECT_EQ(v.at("path"), "/stream");
  EXPECT_EQ(v.at("status"), 200);
  EXPECT_EQ(v.at("bytesOut"), 2);
  EXPECT_EQ(v.at("streamed"), true);
  EXPECT_EQ(v.at("complete"), true);
  EXPECT_GE(v.at("durationMs").to_number<double>(), 0.0);
}

}  // namespace
}  // namespace jc::http
