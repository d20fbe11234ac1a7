#include "http/request_id.hpp"

#include <gtest/gtest.h>

#include <set>

namespace jc::http {
namespace {

TEST(RequestIdTest, NewIdsAre32HexCharsAndUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const auto id = NewRequestId();
    EXPECT_EQ(id.size(), 32u);
    EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos);
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(RequestIdTest, EchoesSaneIdsOnly) {
  EXPECT_EQ(AcceptOrNewRequestId("abc-123_X.y:z"), "abc-123_X.y:z");
  for (const std::string& bad :
       {std::string(""), std::string(129, 'a'), std::string("a b"), std::string("x\r\nInjected: 1"),
        std::string("é"), std::string("{\"json\"}")}) {
    const auto id = AcceptOrNewRequestId(bad);
    EXPECT_NE(id, bad);
    EXPECT_EQ(id.size(), 32u);
  }
}

}  // namespace
}  // namespace jc::http
