#include "http/router.hpp"

#include <gtest/gtest.h>

namespace jc::http {
namespace {

RouteHandler Dummy() {
  return [](RequestContext&) -> net::awaitable<Result<Response>> { co_return Response{}; };
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.Add(bhttp::verb::get, "/health", Dummy());
    router_.Add(bhttp::verb::post, "/api/parse-cv", Dummy());
    router_.Add(bhttp::verb::get, "/api/items", Dummy());
    router_.Add(bhttp::verb::post, "/api/items", Dummy());
  }
  Router router_;
};

TEST_F(RouterTest, FindsExactRoutes) {
  EXPECT_NE(router_.Find(bhttp::verb::get, "/health").handler, nullptr);
  EXPECT_NE(router_.Find(bhttp::verb::post, "/api/items").handler, nullptr);
}

TEST_F(RouterTest, HeadIsServedByGet) {
  EXPECT_EQ(router_.Find(bhttp::verb::head, "/health").handler,
            router_.Find(bhttp::verb::get, "/health").handler);
}

TEST_F(RouterTest, UnknownPathIsNotFound) {
  for (const char* path : {"/nope", "/health/", "/HEALTH", "", "/api/parse-cv/x"}) {
    const auto m = router_.Find(bhttp::verb::get, path);
    EXPECT_EQ(m.handler, nullptr) << path;
    EXPECT_EQ(m.error.code, ErrorCode::kNotFound) << path;
  }
}

TEST_F(RouterTest, WrongMethodIsMethodNotAllowedWithAllow) {
  auto m = router_.Find(bhttp::verb::get, "/api/parse-cv");
  EXPECT_EQ(m.error.code, ErrorCode::kMethodNotAllowed);
  EXPECT_EQ(m.allow, "OPTIONS, POST");
  m = router_.Find(bhttp::verb::delete_, "/api/items");
  EXPECT_EQ(m.allow, "GET, HEAD, OPTIONS, POST");
  EXPECT_EQ(router_.AllowedMethods("/health"), "GET, HEAD, OPTIONS");
  EXPECT_EQ(router_.AllowedMethods("/nope"), "");
}

TEST_F(RouterTest, ListsRoutesAndRefusesDuplicates) {
  EXPECT_EQ(router_.Routes().size(), 4u);
  EXPECT_THROW(router_.Add(bhttp::verb::get, "/health", Dummy()), std::logic_error);
}

}  // namespace
}  // namespace jc::http
