#include "llm/proxy.hpp"

#include <gtest/gtest.h>

#include <map>

namespace jc::llm {
namespace {

struct NoProxyCase {
  const char* no_proxy;
  const char* host;
  std::uint16_t port;
  bool direct;
};

TEST(ProxyTest, NoProxyMatching) {
  const NoProxyCase cases[] = {
      {"", "api.openai.com", 443, false},
      {"*", "api.openai.com", 443, true},
      {"api.openai.com", "api.openai.com", 443, true},
      {"API.OpenAI.com", "api.openai.COM.", 443, true},
      {"openai.com", "api.openai.com", 443, true},
      {".openai.com", "api.openai.com", 443, true},
      {".openai.com", "openai.com", 443, true},
      {"*.openai.com", "api.openai.com", 443, true},
      {"openai.com", "notopenai.com", 443, false},
      {"ai.com", "api.openai.com", 443, false},
      {"example.com, openai.com", "api.openai.com", 443, true},
      {" example.com ,, other.org ", "api.openai.com", 443, false},
      {"api.openai.com:443", "api.openai.com", 443, true},
      {"api.openai.com:8443", "api.openai.com", 443, false},
      {"10.1.2.3", "10.1.2.3", 80, true},
      {"10.1.2.3", "10.1.2.4", 80, false},
      {"10.0.0.0/8", "10.200.1.1", 80, true},
      {"10.0.0.0/8", "11.0.0.1", 80, false},
      {"fd00::/8", "fd12::1", 80, true},
      {"[fd12::1]:80", "fd12::1", 80, true},
      {"10.0.0.0/8", "internal.example", 80, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(NoProxyMatches(c.no_proxy, c.host, c.port), c.direct)
        << "NO_PROXY='" << c.no_proxy << "' host=" << c.host << ":" << c.port;
  }
}

TEST(ProxyTest, LoopbackIsAlwaysDirect) {
  for (const char* h :
       {"localhost", "LOCALHOST", "api.localhost", "127.0.0.1", "127.9.9.9", "::1", "[::1]"}) {
    EXPECT_TRUE(IsLoopbackHost(h)) << h;
  }
  for (const char* h : {"localhost.example.com", "10.0.0.1", "::2", "example.com"}) {
    EXPECT_FALSE(IsLoopbackHost(h)) << h;
  }
  const ProxySettings s{"http://proxy:3128", "http://proxy:3128", ""};
  EXPECT_FALSE(ProxyFor(s, true, "127.0.0.1", 8443).value());
  EXPECT_TRUE(ProxyFor(s, true, "api.openai.com", 443).value());
}

TEST(ProxyTest, PicksTheProxyOfTheScheme) {
  const ProxySettings s{"http://secure-proxy:3128", "", "internal.example"};
  EXPECT_EQ(ProxyFor(s, true, "api.openai.com", 443).value()->host, "secure-proxy");
  EXPECT_FALSE(ProxyFor(s, false, "api.openai.com", 80).value());  // no HTTP_PROXY
  EXPECT_FALSE(ProxyFor(s, true, "llm.internal.example", 443).value());
}

TEST(ProxyTest, ParsesProxyUrls) {
  auto p = ParseProxyUrl("http://user:p%40ss@proxy.corp:8080/");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->host, "proxy.corp");
  EXPECT_EQ(p->port, 8080);
  EXPECT_EQ(p->authorization, "Basic dXNlcjpwQHNz");  // user:p@ss
  p = ParseProxyUrl("proxy.corp");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->port, 1080);
  EXPECT_TRUE(p->authorization.empty());
  p = ParseProxyUrl("http://[fd00::1]:3128");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->host, "fd00::1");
  EXPECT_EQ(p->port, 3128);
  for (const char* bad : {"https://proxy:443", "socks5://proxy:1080", "http://:3128",
                          "http://proxy:99999", "http://proxy:x"}) {
    EXPECT_FALSE(ParseProxyUrl(bad)) << bad;
  }
  EXPECT_FALSE(ProxyFor(ProxySettings{"socks5://p:1", "", ""}, true, "api.openai.com", 443));
}

TEST(ProxyTest, ReadsTheEnvironmentLowerCaseFirst) {
  const std::map<std::string, std::string> env = {{"HTTPS_PROXY", "http://upper:1"},
                                                  {"https_proxy", "http://lower:2"},
                                                  {"HTTP_PROXY", "http://plain:3"},
                                                  {"NO_PROXY", "a.example"}};
  const auto s = ProxySettings::FromEnv([&](const std::string& k) -> std::optional<std::string> {
    const auto it = env.find(k);
    if (it == env.end()) return std::nullopt;
    return it->second;
  });
  EXPECT_EQ(s.https_proxy, "http://lower:2");
  EXPECT_EQ(s.http_proxy, "http://plain:3");
  EXPECT_EQ(s.no_proxy, "a.example");
}

}  // namespace
}  // namespace jc::llm
