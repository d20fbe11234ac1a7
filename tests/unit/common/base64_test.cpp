#include "common/base64.hpp"

#include <gtest/gtest.h>

#include <random>

namespace jc {
namespace {

TEST(Base64Test, KnownVectors) {
  const std::pair<std::string, std::string> cases[] = {{"", ""},
                                                       {"f", "Zg=="},
                                                       {"fo", "Zm8="},
                                                       {"foo", "Zm9v"},
                                                       {"foob", "Zm9vYg=="},
                                                       {"fooba", "Zm9vYmE="},
                                                       {"foobar", "Zm9vYmFy"}};
  for (const auto& [plain, encoded] : cases) {
    EXPECT_EQ(Base64Encode(plain), encoded);
    EXPECT_EQ(Base64Decode(encoded), plain);
  }
}

TEST(Base64Test, ToleratesLineBreaksAndMissingPadding) {
  EXPECT_EQ(Base64Decode("Zm9v\r\nYmFy\n"), "foobar");
  EXPECT_EQ(Base64Decode("Zm9vYg"), "foob");
}

TEST(Base64Test, RejectsWhatIsNotBase64) {
  for (const char* bad : {"Zm9v!", "Z", "Zm9vY", "Zg==Zg==", "Zg===", "@@@@", "Zm9v-_"}) {
    EXPECT_FALSE(Base64Decode(bad)) << bad;
  }
}

TEST(Base64Test, RoundTripsRandomBytes) {
  std::mt19937 rng(42);
  for (int n = 0; n < 200; ++n) {
    std::string bytes(static_cast<std::size_t>(n), '\0');
    for (auto& c : bytes) c = static_cast<char>(rng() & 0xFF);
    EXPECT_EQ(Base64Decode(Base64Encode(bytes)), bytes);
  }
}

}  // namespace
}  // namespace jc
