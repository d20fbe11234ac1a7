// The middleware chain in-process: a handler's exception becomes a 500 that leaks nothing,
// and every answer carries the request id.
#include "http/pipeline.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <stdexcept>

namespace jc::http {
namespace {

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.Add(bhttp::verb::get, "/ok",
                [](RequestContext& ctx) -> net::awaitable<Result<Response>> {
                  Response res{bhttp::status::ok, 11};
                  res.body() = std::string(ctx.query);
                  co_return res;
                });
    router_.Add(bhttp::verb::get, "/throws",
                [](RequestContext&) -> net::awaitable<Result<Response>> {
                  throw std::runtime_error("secret internal detail");
                  co_return Response{};
                });
  }

  Response Run(Request req) {
    net::io_context ioc;
    auto fut = net::co_spawn(
        ioc,
        [&]() -> net::awaitable<Response> { co_return co_await pipeline_.Handle(req, nullptr); },
        net::use_future);
    ioc.run();
    return fut.get();
  }

  Router router_;
  Pipeline pipeline_{router_, CorsPolicy({}), nullptr, {.access_log = false}};
};

TEST_F(PipelineTest, AnswersAndTagsWithTheRequestId) {
  Request req{bhttp::verb::get, "/ok?x=1", 11};
  req.set("X-Request-ID", "given-id");
  const auto res = Run(req);
  EXPECT_EQ(res.result_int(), 200u);
  EXPECT_EQ(res.body(), "x=1");
  EXPECT_EQ(res["X-Request-ID"], "given-id");
  EXPECT_EQ(res["X-Content-Type-Options"], "nosniff");
}

TEST_F(PipelineTest, AnExceptionBecomesA500ThatLeaksNothing) {
  const auto res = Run(Request{bhttp::verb::get, "/throws", 11});
  EXPECT_EQ(res.result_int(), 500u);
  EXPECT_NE(res.body().find("internal_error"), std::string::npos);
  EXPECT_EQ(res.body().find("secret"), std::string::npos);
  EXPECT_NE(res.body().find(std::string(res["X-Request-ID"])), std::string::npos);
}

TEST_F(PipelineTest, NotFoundMethodNotAllowedAndOptions) {
  EXPECT_EQ(Run(Request{bhttp::verb::get, "/missing", 11}).result_int(), 404u);
  const auto res = Run(Request{bhttp::verb::post, "/ok", 11});
  EXPECT_EQ(res.result_int(), 405u);
  EXPECT_EQ(res[bhttp::field::allow], "GET, HEAD, OPTIONS");
  const auto opt = Run(Request{bhttp::verb::options, "/ok", 11});
  EXPECT_EQ(opt.result_int(), 204u);
  EXPECT_EQ(opt[bhttp::field::allow], "GET, HEAD, OPTIONS");
}

TEST_F(PipelineTest, BodyLimitDependsOnTheRoute) {
  Pipeline p(router_, CorsPolicy({}), [](std::string_view path) { return path == "/upload"; },
             {.max_json_body_bytes = 100, .max_upload_bytes = 3000, .access_log = false});
  Request json{bhttp::verb::post, "/ok", 11};
  EXPECT_EQ(p.BodyLimit(json), 100u);
  Request upload{bhttp::verb::post, "/upload?x", 11};
  upload.set(bhttp::field::content_type, "multipart/form-data; boundary=x");
  EXPECT_EQ(p.BodyLimit(upload), 3000u + 64 * 1024);
  upload.set(bhttp::field::content_type, "application/json");
  EXPECT_EQ(p.BodyLimit(upload), 3000u + 1000u + 64 * 1024);
}

}  // namespace
}  // namespace jc::http
