#include "http/error_response.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace jc::http {
namespace {

TEST(ErrorResponseTest, RendersTheContractEnvelope) {
  Error e = Error::Make(ErrorCode::kValidation, "fileData is not valid base64");
  e.details.push_back({{"body", "fileData"}, "is not valid \"base64\"", "base64"});
  const auto res = ErrorResponse(e, "rid-7");
  EXPECT_EQ(res.result_int(), 422u);
  EXPECT_EQ(res[bhttp::field::content_type], "application/json");
  const auto v = boost::json::parse(res.body());
  EXPECT_EQ(v, boost::json::parse(R"({"error": {"code": "validation_error",
      "message": "fileData is not valid base64",
      "details": [{"loc": ["body", "fileData"], "msg": "is not valid \"base64\"", "type": "base64"}]},
      "requestId": "rid-7"})"));
}

TEST(ErrorResponseTest, AddsRetryAfterWhenTheErrorHasOne) {
  Error e = Error::Make(ErrorCode::kRateLimited, "slow down");
  e.retry_after_seconds = 30;
  const auto res = ErrorResponse(e, "r");
  EXPECT_EQ(res.result_int(), 429u);
  EXPECT_EQ(res[bhttp::field::retry_after], "30");
  const auto plain = ErrorResponse(Error::Make(ErrorCode::kNotFound, "x"), "r");
  EXPECT_EQ(plain.find(bhttp::field::retry_after), plain.end());
}

TEST(ErrorResponseTest, HostileTextStaysValidJson) {
  const auto body = ErrorBody(Error::Make(ErrorCode::kBadRequest, "bad \xff\x00 \"}\n", "x"), "r");
  EXPECT_NO_THROW((void)boost::json::parse(body));
}

}  // namespace
}  // namespace jc::http
