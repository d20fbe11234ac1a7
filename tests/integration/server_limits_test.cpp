// Connection handling: keep-alive, pipelining, slow and idle clients, connection limits, and
// many idle connections not blocking new requests.
#include <thread>
#include <vector>

#include "support/service_fixture.hpp"

namespace jc::testing {
namespace {

using namespace std::chrono_literals;
using bhttp::verb;

class LimitsTest : public ServiceTest {
 protected:
  std::map<std::string, std::string> ExtraEnv() override {
    return {{"READ_TIMEOUT_MS", "1500"}, {"IDLE_TIMEOUT_MS", "1500"}};
  }
};

TEST_F(LimitsTest, KeepAliveServesManyRequestsOnOneConnection) {
  client_->Connect();
  for (int i = 0; i < 50; ++i) {
    client_->WriteRaw("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto res = client_->ReadResponse();
    ASSERT_TRUE(res) << "request " << i;
    EXPECT_EQ(res->result_int(), 200u);
    EXPECT_TRUE(res->keep_alive());
  }
}

TEST_F(LimitsTest, PipelinedRequestsAreAnsweredInOrder) {
  client_->Connect();
  std::string batch;
  const std::vector<std::string> targets = {"/health/live", "/nope", "/health", "/health/live"};
  for (std::size_t i = 0; i < targets.size(); ++i) {
    batch += "GET " + targets[i] + " HTTP/1.1\r\nHost: x\r\nX-Request-ID: r" + std::to_string(i) +
             "\r\n\r\n";
  }
  client_->WriteRaw(batch);
  for (std::size_t i = 0; i < targets.size(); ++i) {
    const auto res = client_->ReadResponse();
    ASSERT_TRUE(res) << "response " << i;
    EXPECT_EQ((*res)["X-Request-ID"], "r" + std::to_string(i));
    EXPECT_EQ(res->result_int(), targets[i] == "/nope" ? 404u : 200u);
  }
}

TEST_F(LimitsTest, ConnectionCloseIsHonoured) {
  client_->Connect();
  client_->WriteRaw("GET /health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const auto res = client_->ReadResponse();
  ASSERT_TRUE(res);
  EXPECT_FALSE(res->keep_alive());
  EXPECT_TRUE(client_->ClosedByServer(2s));
}

TEST_F(LimitsTest, AClientThatSendsAnOversizedBodyAnywayStillGetsThe413) {
  // Many clients write the whole body before they read. The server answers 413 after the
  // headers and must keep reading (and dropping) the body until the client is done: closing
  // with unread input would reset the connection and could destroy the answer.
  client_->Connect();
  const std::string body(8 << 20, 'x');
  client_->WriteRaw(
      "POST /api/analyze-job-requirements HTTP/1.1\r\nHost: x\r\n"
      "Content-Type: application/json\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body);
  const auto res = client_->ReadResponse();
  ASSERT_TRUE(res) << "the answer was lost";
  EXPECT_EQ(res->result_int(), 413u);
  EXPECT_FALSE(res->keep_alive());
  EXPECT_TRUE(client_->ClosedByServer(3s));
}

TEST_F(LimitsTest, SlowClientIsDropped) {
  // One byte a second: the whole request never arrives within READ_TIMEOUT_MS.
  client_->Connect();
  const std::string request = "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n";
  bool dropped = false;
  for (std::size_t i = 0; i < request.size() && !dropped; ++i) {
    boost::system::error_code ec;
    client_->Socket().write_some(boost::asio::buffer(&request[i], 1), ec);
    if (ec) {
      dropped = true;
      break;
    }
    dropped = client_->ClosedByServer(1s);
  }
  EXPECT_TRUE(dropped) << "a client sending one byte a second was kept";
}

TEST_F(LimitsTest, IdleKeepAliveConnectionIsClosed) {
  client_->Connect();
  client_->WriteRaw("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(client_->ReadResponse());
  EXPECT_TRUE(client_->ClosedByServer(5s));
}

TEST_F(LimitsTest, ManyIdleConnectionsDoNotBlockANewRequest) {
  std::vector<std::unique_ptr<HttpClient>> idle;
  for (int i = 0; i < 300; ++i) {
    auto c = std::make_unique<HttpClient>(service_->Port());
    ASSERT_EQ(c->Get("/health/live").result_int(), 200u);  // connected and kept alive
    idle.push_back(std::move(c));
  }
  HttpClient fresh(service_->Port());
  fresh.Connect();
  fresh.WriteRaw("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
  const auto res = fresh.ReadResponse(1s);
  ASSERT_TRUE(res) << "no answer with 300 idle keep-alive connections open";
  EXPECT_EQ(res->result_int(), 200u);
}

class ConnectionLimitTest : public ServiceTest {
 protected:
  std::map<std::string, std::string> ExtraEnv() override { return {{"MAX_CONNECTIONS", "4"}}; }
};

TEST_F(ConnectionLimitTest, ConnectionsPastTheLimitGet503) {
  std::vector<std::unique_ptr<HttpClient>> open;
  for (int i = 0; i < 4; ++i) {
    auto c = std::make_unique<HttpClient>(service_->Port());
    ASSERT_EQ(c->Get("/health/live").result_int(), 200u);
    open.push_back(std::move(c));
  }
  HttpClient extra(service_->Port());
  extra.Connect();
  const auto res = extra.ReadResponse(5s);
  ASSERT_TRUE(res);
  ExpectError(*res, 503, "service_unavailable");
  EXPECT_EQ((*res)[bhttp::field::retry_after], "1");
  open.clear();  // closing them frees the slots for the fixture's final check
  std::this_thread::sleep_for(200ms);
}

}  // namespace
}  // namespace jc::testing
