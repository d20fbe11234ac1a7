#include "support/http_client.hpp"

#include <gtest/gtest.h>
#include <sys/socket.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

namespace jc::testing {
namespace net = boost::asio;
using tcp = net::ip::tcp;

HttpClient::HttpClient(unsigned short port) : socket_(ioc_), port_(port) {}

void HttpClient::Connect() {
  boost::system::error_code ignored;
  socket_.close(ignored);
  socket_ = tcp::socket(ioc_);
  socket_.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port_));
  buffer_.clear();
}

void HttpClient::WriteRaw(const std::string& bytes) {
  net::write(socket_, net::buffer(bytes));
}

namespace {
void SetReceiveTimeout(tcp::socket& s, std::chrono::milliseconds t) {
  timeval tv{};
  tv.tv_sec = static_cast<time_t>(t.count() / 1000);
  tv.tv_usec = static_cast<suseconds_t>((t.count() % 1000) * 1000);
  ::setsockopt(s.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
}
}  // namespace

std::optional<Response> HttpClient::ReadResponse(std::chrono::milliseconds timeout, bool head) {
  SetReceiveTimeout(socket_, timeout);
  bhttp::response_parser<bhttp::string_body> parser;
  parser.skip(head);
  parser.body_limit(64 << 20);
  boost::system::error_code ec;
  bhttp::read(socket_, buffer_, parser, ec);
  if (ec) return std::nullopt;
  return parser.release();
}

bool HttpClient::ClosedByServer(std::chrono::milliseconds timeout) {
  SetReceiveTimeout(socket_, timeout);
  char buf[4096];
  for (;;) {
    boost::system::error_code ec;
    socket_.read_some(net::buffer(buf), ec);
    if (ec == net::error::eof || ec == net::error::connection_reset) return true;
    if (ec) return false;  // timeout (EAGAIN) or other
  }
}

Response HttpClient::Send(bhttp::verb method, const std::string& target, const std::string& body,
                          const std::map<std::string, std::string>& headers) {
  bhttp::request<bhttp::string_body> req{method, target, 11};
  req.set(bhttp::field::host, "127.0.0.1");
  for (const auto& [k, v] : headers) req.set(k, v);
  req.body() = body;
  req.prepare_payload();
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (!socket_.is_open()) Connect();
    boost::system::error_code ec;
    bhttp::write(socket_, req, ec);
    if (!ec) {
      if (auto res = ReadResponse(std::chrono::seconds(10), method == bhttp::verb::head)) {
        if (!res->keep_alive()) socket_.close(ec);
        return *res;
      }
    }
    socket_.close(ec);  // the kept-alive connection was closed: retry once on a new one
  }
  throw std::runtime_error("no answer for " + target);
}

boost::json::value JsonOf(const Response& res) {
  boost::system::error_code ec;
  auto v = boost::json::parse(res.body(), ec);
  EXPECT_FALSE(ec) << "not JSON: " << res.body().substr(0, 200);
  return ec ? boost::json::value() : v;
}

}  // namespace jc::testing
