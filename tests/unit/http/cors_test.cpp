#include "http/cors.hpp"

#include <gtest/gtest.h>

namespace jc::http {
namespace {

Request Preflight(std::string origin, std::string method) {
  Request r{bhttp::verb::options, "/api/parse-cv", 11};
  r.set(bhttp::field::origin, origin);
  r.set(bhttp::field::access_control_request_method, method);
  return r;
}

TEST(CorsTest, RecognisesPreflights) {
  EXPECT_TRUE(CorsPolicy::IsPreflight(Preflight("https://a.example", "POST")));
  Request plain_options{bhttp::verb::options, "/x", 11};
  EXPECT_FALSE(CorsPolicy::IsPreflight(plain_options));
  Request get{bhttp::verb::get, "/x", 11};
  get.set(bhttp::field::origin, "https://a.example");
  EXPECT_FALSE(CorsPolicy::IsPreflight(get));
}

TEST(CorsTest, AnswersAllowedPreflights) {
  CorsPolicy cors({.allowed_origins = {"https://a.example"}});
  const auto res = cors.Preflight(Preflight("https://a.example", "POST"), "OPTIONS, POST");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->result(), bhttp::status::no_content);
  EXPECT_EQ((*res)[bhttp::field::access_control_allow_origin], "https://a.example");
  EXPECT_EQ((*res)[bhttp::field::access_control_allow_methods], "OPTIONS, POST");
  EXPECT_EQ((*res)[bhttp::field::access_control_max_age], "600");
}

TEST(CorsTest, RefusesOtherOriginsMethodsAndPaths) {
  CorsPolicy cors({.allowed_origins = {"https://a.example"}});
  auto res = cors.Preflight(Preflight("https://b.example", "POST"), "OPTIONS, POST");
  ASSERT_FALSE(res);
  EXPECT_EQ(res.error().code, ErrorCode::kForbidden);
  EXPECT_EQ(res.error().slug, "cors_origin_not_allowed");
  res = cors.Preflight(Preflight("https://a.example", "DELETE"), "OPTIONS, POST");
  EXPECT_EQ(res.error().code, ErrorCode::kMethodNotAllowed);
  res = cors.Preflight(Preflight("https://a.example", "POST"), "");
  EXPECT_EQ(res.error().code, ErrorCode::kNotFound);
}

TEST(CorsTest, WildcardAllowsAnyOrigin) {
  CorsPolicy cors({.allowed_origins = {"*"}});
  EXPECT_TRUE(cors.OriginAllowed("http://anything.example:8080"));
  EXPECT_FALSE(cors.OriginAllowed(""));
}

TEST(CorsTest, DecoratesOnlyAllowedOrigins) {
  CorsPolicy cors({.allowed_origins = {"https://a.example"}});
  Request req{bhttp::verb::get, "/health", 11};
  req.set(bhttp::field::origin, "https://a.example");
  Response res;
  cors.Decorate(req, res);
  EXPECT_EQ(res[bhttp::field::access_control_allow_origin], "https://a.example");
  EXPECT_EQ(res[bhttp::field::vary], "Origin");

  req.set(bhttp::field::origin, "https://evil.example");
  Response other;
  cors.Decorate(req, other);
  EXPECT_EQ(other.find(bhttp::field::access_control_allow_origin), other.end());

  CorsPolicy none({});
  Response untouched;
  none.Decorate(req, untouched);
  EXPECT_EQ(untouched.find(bhttp::field::vary), untouched.end());
}

}  // namespace
}  // namespace jc::http
