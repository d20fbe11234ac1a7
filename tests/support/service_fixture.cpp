#include "support/service_fixture.hpp"

namespace jc::testing {

void ExpectError(const Response& res, unsigned status, std::string_view code) {
  EXPECT_EQ(res.result_int(), status) << res.body();
  EXPECT_EQ(res[bhttp::field::content_type], "application/json");
  const auto v = JsonOf(res);
  ASSERT_TRUE(v.is_object()) << res.body();
  const auto& o = v.as_object();
  ASSERT_TRUE(o.contains("error") && o.at("error").is_object()) << res.body();
  const auto& e = o.at("error").as_object();
  EXPECT_EQ(e.at("code").as_string(), code) << res.body();
  EXPECT_TRUE(e.at("message").is_string());
  EXPECT_FALSE(e.at("message").as_string().empty());
  EXPECT_TRUE(e.at("details").is_array());
  ASSERT_TRUE(o.contains("requestId") && o.at("requestId").is_string());
  EXPECT_EQ(o.at("requestId").as_string(), res["X-Request-ID"]);
}

}  // namespace jc::testing
