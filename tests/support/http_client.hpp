// A small synchronous HTTP/1.1 client for integration tests, over a real loopback socket.
// Also exposes the raw socket for tests that misbehave on purpose (slow, pipelined, malformed).
// Not thread-safe: one client per thread.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <chrono>
#include <map>
#include <optional>
#include <string>

namespace jc::testing {

namespace bhttp = boost::beast::http;
using Response = bhttp::response<bhttp::string_body>;

class HttpClient {
 public:
  explicit HttpClient(unsigned short port);

  // Sends one request on the kept-alive connection (reconnecting if it was closed) and reads
  // the answer. Throws on connection failure.
  Response Send(bhttp::verb method, const std::string& target, const std::string& body = "",
                const std::map<std::string, std::string>& headers = {});
  Response Get(const std::string& target) { return Send(bhttp::verb::get, target); }
  Response PostJson(const std::string& target, const std::string& body) {
    return Send(bhttp::verb::post, target, body, {{"Content-Type", "application/json"}});
  }

  // Raw access: write bytes, read one response (nullopt when the server closed or timed out).
  void Connect();
  void WriteRaw(const std::string& bytes);
  // `head`: the answer to a HEAD request (headers only, whatever Content-Length says).
  std::optional<Response> ReadResponse(std::chrono::milliseconds timeout = std::chrono::seconds(10),
                                       bool head = false);
  // True when the server closed the connection within `timeout` (reads until EOF or timeout).
  bool ClosedByServer(std::chrono::milliseconds timeout);
  boost::asio::ip::tcp::socket& Socket() { return socket_; }

 private:
  boost::asio::io_context ioc_;
  boost::asio::ip::tcp::socket socket_;
  boost::beast::flat_buffer buffer_;
  unsigned short port_;
};

// Parses a JSON body; fails the current test (and returns null) when it is not JSON.
boost::json::value JsonOf(const Response& res);

}  // namespace jc::testing
