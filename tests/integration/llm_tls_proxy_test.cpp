// OpenAiClient over TLS (a throwaway CA made with the openssl CLI) and through an HTTP
// CONNECT proxy: the CA bundle makes the server verify; an unknown CA or a wrong host name is
// refused; HTTPS_PROXY is used except for NO_PROXY hosts and loopback.
#include <gtest/gtest.h>

#include <filesystem>

#include "integration/llm_test_util.hpp"
#include "support/llm_test_servers.hpp"

namespace jc::llm::test {
namespace {

using jc::testing::Splicer;
using jc::testing::TestPki;
using jc::testing::TlsChatServer;

class LlmTlsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { pki_ = new TestPki(jc::testing::MakeTestPki()); }
  static void TearDownTestSuite() {
    if (!pki_->dir.empty()) std::filesystem::remove_all(pki_->dir);
    delete pki_;
  }
  void SetUp() override {
    ASSERT_FALSE(pki_->dir.empty()) << "openssl could not make the test certificates";
    server_ = std::make_unique<TlsChatServer>(pki_->server_cert, pki_->server_key);
  }

  OpenAiClientOptions Options(const std::string& host, const std::string& ca) {
    auto o = OptionsFor("https://" + host + ":" + std::to_string(server_->Port()) + "/v1");
    o.llm.ca_file = ca;
    o.llm.max_retries = 0;
    return o;
  }

  static TestPki* pki_;
  std::unique_ptr<TlsChatServer> server_;
};

TestPki* LlmTlsTest::pki_ = nullptr;

TEST_F(LlmTlsTest, TheCaFileMakesTheServerVerify) {
  auto client = MakeClient(Options("localhost", pki_->ca_cert));
  const auto r = RunCall(client->Chat(Hello()));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->content, "over tls");
  EXPECT_EQ(server_->Answered(), 1);
}

TEST_F(LlmTlsTest, AnUnknownCaIsRefused) {
  auto client = MakeClient(Options("localhost", pki_->other_ca_cert));
  const auto r = RunCall(client->Chat(Hello()));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(r.error().message.find("securely"), std::string::npos) << r.error().message;
  EXPECT_EQ(server_->Answered(), 0);
}

TEST_F(LlmTlsTest, TheSystemCasDoNotKnowTheTestCa) {
  auto client = MakeClient(Options("localhost", ""));
  const auto r = RunCall(client->Chat(Hello()));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(server_->Answered(), 0);
}

TEST_F(LlmTlsTest, AWrongHostNameIsRefused) {
  // The certificate names localhost and llm.test, not the address 127.0.0.1.
  auto client = MakeClient(Options("127.0.0.1", pki_->ca_cert));
  const auto r = RunCall(client->Chat(Hello()));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(server_->Answered(), 0);
}

TEST_F(LlmTlsTest, AnUnreadableCaFileFailsCreation) {
  auto options = Options("localhost", "/nonexistent/ca.pem");
  const auto client = OpenAiClient::Create(options);
  ASSERT_FALSE(client);
  EXPECT_EQ(client.error().code, ErrorCode::kValidation);
}

TEST_F(LlmTlsTest, HttpsGoesThroughTheProxy) {
  Splicer proxy(Splicer::Mode::kConnectProxy);
  // llm.test is never resolved here: only the proxy knows where it is.
  auto options = Options("llm.test", pki_->ca_cert);
  options.proxy.https_proxy = "http://127.0.0.1:" + std::to_string(proxy.Port());
  auto client = MakeClient(options);
  const auto r = RunCall(client->Chat(Hello()));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(proxy.ConnectTargets(),
            std::vector<std::string>{"llm.test:" + std::to_string(server_->Port())});
  EXPECT_EQ(server_->Answered(), 1);
}

TEST_F(LlmTlsTest, NoProxyHostsAreReachedDirectly) {
  Splicer proxy(Splicer::Mode::kConnectProxy);
  auto options = Options("llm.test", pki_->ca_cert);
  options.proxy.https_proxy = "http://127.0.0.1:" + std::to_string(proxy.Port());
  options.proxy.no_proxy = "example.com,.test";
  options.resolve["llm.test"] = "127.0.0.1";
  auto client = MakeClient(options);
  const auto r = RunCall(client->Chat(Hello()));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(proxy.Connections(), 0);
  EXPECT_EQ(server_->Answered(), 1);
}

TEST_F(LlmTlsTest, LoopbackIsReachedDirectlyDespiteTheProxy) {
  Splicer proxy(Splicer::Mode::kConnectProxy);
  auto options = Options("localhost", pki_->ca_cert);
  options.proxy.https_proxy = "http://127.0.0.1:" + std::to_string(proxy.Port());
  auto client = MakeClient(options);
  ASSERT_TRUE(RunCall(client->Chat(Hello())));
  EXPECT_EQ(proxy.Connections(), 0);
}

TEST_F(LlmTlsTest, ARefusingProxyMakesTheProviderUnavailable) {
  // A proxy port where nothing listens.
  auto options = Options("llm.test", pki_->ca_cert);
  options.proxy.https_proxy = "http://127.0.0.1:1";
  auto client = MakeClient(options);
  const auto r = RunCall(client->Chat(Hello()));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(server_->Answered(), 0);
}

}  // namespace
}  // namespace jc::llm::test
