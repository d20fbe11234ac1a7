#include "common/error.hpp"

#include <gtest/gtest.h>

namespace jc {
namespace {

TEST(ErrorTest, EveryCodeMapsToTheContractStatusAndSlug) {
  const struct {
    ErrorCode code;
    unsigned status;
    std::string_view slug;
  } cases[] = {
      {ErrorCode::kBadRequest, 400, "bad_request"},
      {ErrorCode::kUnauthenticated, 401, "not_authenticated"},
      {ErrorCode::kForbidden, 403, "forbidden"},
      {ErrorCode::kNotFound, 404, "not_found"},
      {ErrorCode::kMethodNotAllowed, 405, "method_not_allowed"},
      {ErrorCode::kPayloadTooLarge, 413, "payload_too_large"},
      {ErrorCode::kUnsupportedMediaType, 415, "unsupported_media_type"},
      {ErrorCode::kValidation, 422, "validation_error"},
      {ErrorCode::kHeadersTooLarge, 431, "headers_too_large"},
      {ErrorCode::kRateLimited, 429, "rate_limited"},
      {ErrorCode::kInternal, 500, "internal_error"},
      {ErrorCode::kNotImplemented, 501, "not_implemented"},
      {ErrorCode::kUnavailable, 503, "service_unavailable"},
      {ErrorCode::kUpstreamTimeout, 504, "upstream_timeout"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(HttpStatus(c.code), c.status) << c.slug;
    EXPECT_EQ(DefaultSlug(c.code), c.slug);
  }
}

TEST(ErrorTest, MakeUsesTheDefaultSlugUnlessGiven) {
  EXPECT_EQ(Error::Make(ErrorCode::kNotFound, "x").slug, "not_found");
  EXPECT_EQ(Error::Make(ErrorCode::kBadRequest, "x", "malformed_json").slug, "malformed_json");
}

Result<int> Half(int v) {
  if (v % 2 != 0) return Error::Make(ErrorCode::kValidation, "odd");
  return v / 2;
}

Result<int> Quarter(int v) {
  auto h = Half(v);
  JC_RETURN_IF_ERROR(h);
  return Half(*h);
}

TEST(ErrorTest, ReturnIfErrorPropagates) {
  EXPECT_EQ(*Quarter(8), 2);
  ASSERT_FALSE(Quarter(6));
  EXPECT_EQ(Quarter(6).error().code, ErrorCode::kValidation);
  EXPECT_THROW((void)Quarter(3).value(), std::logic_error);
}

}  // namespace
}  // namespace jc
