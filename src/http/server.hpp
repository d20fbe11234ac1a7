// The HTTP/1.1 server: Boost.Beast parsing over Asio sockets, one C++20 coroutine per
// connection.
//
// Threading: the server is given one io_context per I/O thread, each run by exactly one thread.
// Connections are spread over them round-robin and stay on theirs, so a connection's code never
// runs on two threads and needs no strand or lock. Deadlines (idle, read, write) are plain
// timestamps in each connection, checked by one sweeper every kSweepInterval; this keeps timer
// operations off the per-request path.
//
// Requests on one connection are answered one at a time in order, so pipelining is safe.
// An answer may be streamed (chunked, see ChunkedWriter in http/types.hpp): each write of it
// runs under the write deadline; while the handler works between writes, none applies.
// Shutdown is graceful: BeginShutdown stops accepting, closes idle connections, lets in-flight
// requests finish, and calls on_drained when none is left or the deadline passes.
#pragma once

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "http/types.hpp"

namespace jc::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 3000;  // 0 = any free port
  std::size_t max_header_bytes = 16 * 1024;
  std::chrono::milliseconds read_timeout{15'000};   // the whole request, from its first byte
  std::chrono::milliseconds idle_timeout{60'000};   // waiting for the next request
  std::chrono::milliseconds write_timeout{30'000};  // the whole response
  std::size_t max_connections = 10'000;
  std::chrono::milliseconds shutdown_timeout{10'000};
};

// Deadlines are enforced to within this.
inline constexpr std::chrono::milliseconds kSweepInterval{100};

class Server {
 public:
  // `contexts` must outlive the server; contexts[0] also runs the acceptor and the sweeper.
  Server(std::vector<net::io_context*> contexts, ServerOptions options, Handler& handler);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens. Returns the bound endpoint (with the real port when port was 0).
  Result<net::ip::tcp::endpoint> Listen();
  // Starts accepting connections. Call after Listen().
  void Start();
  // Graceful stop; on_drained runs once, on contexts[0]'s thread. Idempotent.
  void BeginShutdown(std::function<void()> on_drained);

  std::size_t ActiveConnections() const;

  struct State;  // shared with the connection coroutines

 private:
  std::shared_ptr<State> state_;
};

}  // namespace jc::http
