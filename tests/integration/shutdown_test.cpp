// Graceful shutdown on SIGTERM/SIGINT: stop accepting, finish in-flight requests up to the
// deadline, close idle connections, exit 0.
#include <signal.h>

#include <boost/asio/ip/tcp.hpp>
#include <future>
#include <thread>

#include "support/service_fixture.hpp"

namespace jc::testing {
namespace {

using namespace std::chrono_literals;
namespace net = boost::asio;

// A loopback port that accepts TCP connections (the kernel completes the handshake) but never
// answers: a dependency that hangs. Requests probing it take the probe timeout (2 s).
class HangingServer {
 public:
  HangingServer() : acceptor_(ioc_, {net::ip::make_address("127.0.0.1"), 0}) {}
  unsigned short Port() const { return acceptor_.local_endpoint().port(); }

 private:
  net::io_context ioc_;
  net::ip::tcp::acceptor acceptor_;
};

TEST(ShutdownTest, IdleServiceExitsZeroOnSigterm) {
  ServiceProcess service;
  ASSERT_TRUE(service.Started()) << service.Log();
  HttpClient idle(service.Port());
  ASSERT_EQ(idle.Get("/health/live").result_int(), 200u);  // an idle keep-alive connection
  EXPECT_EQ(service.Stop(SIGTERM, 5s), std::optional<int>(0)) << service.Log();
  EXPECT_NE(service.Log().find("\"stopped\""), std::string::npos);
}

TEST(ShutdownTest, SigintAlsoStopsGracefully) {
  ServiceProcess service;
  ASSERT_TRUE(service.Started()) << service.Log();
  EXPECT_EQ(service.Stop(SIGINT, 5s), std::optional<int>(0)) << service.Log();
}

TEST(ShutdownTest, InFlightRequestFinishesBeforeExit) {
  HangingServer db;
  ServiceProcess service(
      {{"DATABASE_URL", "postgresql://u@127.0.0.1:" + std::to_string(db.Port()) + "/x"},
       {"SHUTDOWN_TIMEOUT_MS", "10000"}});
  ASSERT_TRUE(service.Started()) << service.Log();
  auto answer = std::async(std::launch::async, [port = service.Port()] {
    HttpClient c(port);
    return c.Get("/health/ready");  // waits on the hanging database for the probe timeout
  });
  std::this_thread::sleep_for(300ms);
  ::kill(service.Pid(), SIGTERM);
  std::this_thread::sleep_for(200ms);
  // New connections are refused once shutdown began.
  HttpClient late(service.Port());
  EXPECT_THROW(late.Connect(), boost::system::system_error);

  const auto res = answer.get();
  ExpectError(res, 503, "not_ready");
  EXPECT_FALSE(res.keep_alive()) << "a response during shutdown must close the connection";
  EXPECT_EQ(service.Stop(SIGTERM, 10s), std::optional<int>(0)) << service.Log();
}

TEST(ShutdownTest, DeadlineEndsRequestsThatTakeTooLong) {
  HangingServer db;
  ServiceProcess service(
      {{"DATABASE_URL", "postgresql://u@127.0.0.1:" + std::to_string(db.Port()) + "/x"},
       {"SHUTDOWN_TIMEOUT_MS", "200"}});
  ASSERT_TRUE(service.Started()) << service.Log();
  auto answer = std::async(std::launch::async, [port = service.Port()] {
    HttpClient c(port);
    try {
      return std::optional<int>(static_cast<int>(c.Get("/health/ready").result_int()));
    } catch (const std::exception&) {
      return std::optional<int>();
    }
  });
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(service.Stop(SIGTERM, 5s), std::optional<int>(0)) << service.Log();
  EXPECT_FALSE(answer.get().has_value()) << "the deadline passed: the request is cut off";
  EXPECT_NE(service.Log().find("shutdown deadline passed"), std::string::npos);
}

}  // namespace
}  // namespace jc::testing
