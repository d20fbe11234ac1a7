// The HTTP/1.1 server: Boost.Beast over Asio, one C++20 coroutine per connection.
//
// The server owns the listening socket and the connections; it reads each request within the
// configured limits and deadlines, hands it to a Handler and writes the answer back, keeping the
// connection alive when the client asks. Requests on one connection are answered one at a time
// in order, so pipelined requests are safe. Shutdown is graceful: BeginShutdown stops accepting,
// closes idle connections, lets in-flight requests finish, and calls on_drained when none is
// left or the deadline passes. Thread-safe: the io_context may be run by many threads.
#pragma once

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "common/error.hpp"
#include "http/types.hpp"

namespace jc::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 3000;  // 0 = any free port
  std::size_t max_header_bytes = 16 * 1024;
  std::chrono::milliseconds read_timeout{15'000};
  std::chrono::milliseconds idle_timeout{60'000};
  std::chrono::milliseconds write_timeout{30'000};
  std::size_t max_connections = 10'000;
  std::chrono::milliseconds shutdown_timeout{10'000};
};

class Server {
 public:
  Server(net::io_context& ioc, ServerOptions options, Handler& handler);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens. Returns the bound endpoint (with the real port when port was 0).
  Result<net::ip::tcp::endpoint> Listen();
  // Starts accepting connections on the io_context. Call after Listen().
  void Start();
  // Graceful stop; on_drained runs once, on an io_context thread. Idempotent.
  void BeginShutdown(std::function<void()> on_drained);

  std::size_t ActiveConnections() const;

  struct State;  // shared with the connection coroutines

 private:
  net::io_context& ioc_;
  std::shared_ptr<State> state_;
};

}  // namespace jc::http
