#include "http/server.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/serializer.hpp>
#include <boost/beast/http/write.hpp>
#include <mutex>
#include <optional>
#include <tuple>
#include <unordered_map>

#include "observability/logger.hpp"

namespace jc::http {
namespace {

namespace beast = boost::beast;
using tcp = net::ip::tcp;
constexpr auto kUseTuple = net::as_tuple(net::use_awaitable);

// Maps a failed read to the error the client gets, or nullopt when there is no one to answer:
// the client went away, or it was too slow (tcp_stream closes the socket when a deadline
// passes, so a slow client is simply dropped).
std::optional<Error> ReadFailure(const beast::error_code& ec) {
  if (ec == bhttp::error::header_limit) {
    return Error::Make(ErrorCode::kHeadersTooLarge, "the request headers are too large");
  }
  if (ec == bhttp::error::body_limit) {
    return Error::Make(ErrorCode::kPayloadTooLarge, "the request body is too large");
  }
  if (ec == bhttp::error::end_of_stream || ec == net::error::eof ||
      ec == net::error::connection_reset || ec == net::error::operation_aborted ||
      ec == bhttp::error::partial_message) {
    return std::nullopt;
  }
  if (ec.category() == bhttp::make_error_code(bhttp::error::bad_version).category()) {
    return Error::Make(ErrorCode::kBadRequest, "the request is not valid HTTP/1.1");
  }
  return std::nullopt;
}

}  // namespace

struct Server::State {
  State(net::io_context& io, ServerOptions o, Handler& h)
      : ioc(io), options(std::move(o)), handler(h), acceptor(net::make_strand(io)) {}

  struct Entry {
    net::strand<net::io_context::executor_type> strand;
    beast::tcp_stream* stream;
    bool* idle;  // touched only on the session's strand
  };

  net::io_context& ioc;
  const ServerOptions options;
  Handler& handler;
  tcp::acceptor acceptor;
  std::atomic<bool> stopping{false};
  std::atomic<std::size_t> active{0};

  std::mutex mu;
  std::unordered_map<std::uint64_t, Entry> sessions;
  std::uint64_t next_id = 0;
  std::function<void()> on_drained;
  std::optional<net::steady_timer> drain_timer;

  std::uint64_t Register(Entry e) {
    std::lock_guard lock(mu);
    const auto id = next_id++;
    sessions.emplace(id, e);
    return id;
  }
  void Unregister(std::uint64_t id) {
    std::lock_guard lock(mu);
    sessions.erase(id);
  }
};

namespace {

// Writes the error answer for a request the server refused, then the connection is closed.
net::awaitable<void> WriteRejection(beast::tcp_stream& stream, Server::State& st,
                                    const Request& header, const Error& error) {
  Response res = st.handler.Reject(header, error);
  res.keep_alive(false);
  res.prepare_payload();
  stream.expires_after(std::chrono::seconds(2));
  co_await bhttp::async_write(stream, res, kUseTuple);
}

using Strand = net::strand<net::io_context::executor_type>;

net::awaitable<void> Session(std::shared_ptr<Server::State> st, Strand strand, tcp::socket socket) {
  beast::tcp_stream stream(std::move(socket));
  bool idle = false;
  const auto id = st->Register({strand, &stream, &idle});
  const auto& opt = st->options;
  beast::flat_buffer buffer;

  for (;;) {
    // Wait for the first bytes of the next request under the idle deadline.
    if (buffer.size() == 0) {
      if (st->stopping.load()) break;
      idle = true;
      stream.expires_after(opt.idle_timeout);
      auto [ec, n] = co_await stream.async_read_some(buffer.prepare(4096), kUseTuple);
      idle = false;
      if (ec) break;
      buffer.commit(n);
    }

    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(opt.max_header_bytes));
    parser.body_limit(boost::none);  // decided below, once the headers are known
    stream.expires_after(opt.read_timeout);
    {
      auto [ec, n] = co_await bhttp::async_read_header(stream, buffer, parser, kUseTuple);
      if (ec) {
        if (auto err = ReadFailure(ec)) co_await WriteRejection(stream, *st, parser.get(), *err);
        break;
      }
    }
    const Request& header = parser.get();
    const std::size_t limit = st->handler.BodyLimit(header);
    if (parser.content_length() && *parser.content_length() > limit) {
      co_await WriteRejection(
          stream, *st, header,
          Error::Make(ErrorCode::kPayloadTooLarge,
                      "the request body is larger than " + std::to_string(limit) + " bytes"));
      break;
    }
    parser.body_limit(limit);
    if (!parser.is_done()) {
      if (beast::iequals(header[bhttp::field::expect], "100-continue")) {
        bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, header.version()};
        auto [ec, n] = co_await bhttp::async_write(stream, cont, kUseTuple);
        if (ec) break;
      }
      auto [ec, n] = co_await bhttp::async_read(stream, buffer, parser, kUseTuple);
      if (ec) {
        if (auto err = ReadFailure(ec)) co_await WriteRejection(stream, *st, parser.get(), *err);
        break;
      }
    }

    Request request = parser.release();
    const bool keep_alive = request.keep_alive();
    stream.expires_never();  // the handler's own deadlines govern while it works
    Response res = co_await st->handler.Handle(request);
    res.keep_alive(keep_alive && !st->stopping.load());
    res.prepare_payload();
    stream.expires_after(opt.write_timeout);
    beast::error_code ec;
    if (request.method() == bhttp::verb::head) {
      // HEAD: the headers a GET would send (Content-Length included), without the body.
      bhttp::response_serializer<bhttp::string_body> serializer{res};
      std::tie(ec, std::ignore) = co_await bhttp::async_write_header(stream, serializer, kUseTuple);
    } else {
      std::tie(ec, std::ignore) = co_await bhttp::async_write(stream, res, kUseTuple);
    }
    if (ec || !res.keep_alive()) break;
  }

  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  st->Unregister(id);
  st->active.fetch_sub(1);
}

// A connection past the limit gets a 503 and is closed.
net::awaitable<void> RefuseConnection(std::shared_ptr<Server::State> st, tcp::socket socket) {
  beast::tcp_stream stream(std::move(socket));
  Request none;
  Error e = Error::Make(ErrorCode::kUnavailable, "the server has too many open connections");
  e.retry_after_seconds = 1;
  co_await WriteRejection(stream, *st, none, e);
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

net::awaitable<void> AcceptLoop(std::shared_ptr<Server::State> st) {
  for (;;) {
    auto strand = net::make_strand(st->ioc);
    auto [ec, socket] = co_await st->acceptor.async_accept(strand, kUseTuple);
    if (st->stopping.load() || ec == net::error::operation_aborted) co_return;
    if (ec) {
      // Out of descriptors and similar: back off briefly instead of spinning.
      obs::LogWarn("accept failed", {{"error", ec.message()}});
      net::steady_timer t(co_await net::this_coro::executor, std::chrono::milliseconds(50));
      co_await t.async_wait(kUseTuple);
      continue;
    }
    beast::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    if (st->active.load() >= st->options.max_connections) {
      net::co_spawn(strand, RefuseConnection(st, std::move(socket)), net::detached);
      continue;
    }
    st->active.fetch_add(1);
    net::co_spawn(strand, Session(st, strand, std::move(socket)), net::detached);
  }
}

void WaitForDrain(std::shared_ptr<Server::State> st,
                  std::chrono::steady_clock::time_point deadline) {
  if (st->active.load() == 0 || std::chrono::steady_clock::now() >= deadline) {
    if (st->active.load() != 0) {
      obs::LogWarn("shutdown deadline passed with requests in flight",
                   {{"connections", st->active.load()}});
    }
    if (auto done = std::exchange(st->on_drained, nullptr)) done();
    return;
  }
  st->drain_timer->expires_after(std::chrono::milliseconds(20));
  st->drain_timer->async_wait([st, deadline](beast::error_code) { WaitForDrain(st, deadline); });
}

}  // namespace

Server::Server(net::io_context& ioc, ServerOptions options, Handler& handler)
    : ioc_(ioc), state_(std::make_shared<State>(ioc, std::move(options), handler)) {}

Server::~Server() = default;

Result<tcp::endpoint> Server::Listen() {
  beast::error_code ec;
  const auto address = net::ip::make_address(state_->options.host, ec);
  if (ec) {
    return Error::Make(ErrorCode::kInternal, "HOST is not an IP address: " + state_->options.host);
  }
  const tcp::endpoint endpoint(address, state_->options.port);
  auto& acc = state_->acceptor;
  acc.open(endpoint.protocol(), ec);
  if (!ec) acc.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acc.bind(endpoint, ec);
  if (!ec) acc.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    return Error::Make(ErrorCode::kInternal, "cannot listen on " + state_->options.host + ":" +
                                                 std::to_string(state_->options.port) + ": " +
                                                 ec.message());
  }
  return acc.local_endpoint();
}

void Server::Start() {
  net::co_spawn(state_->acceptor.get_executor(), AcceptLoop(state_), net::detached);
}

void Server::BeginShutdown(std::function<void()> on_drained) {
  if (state_->stopping.exchange(true)) return;
  auto st = state_;
  net::post(st->acceptor.get_executor(), [st, done = std::move(on_drained)]() mutable {
    beast::error_code ignored;
    st->acceptor.close(ignored);
    {
      std::lock_guard lock(st->mu);
      st->on_drained = std::move(done);
      // Close the connections that wait for a next request; busy ones close after answering.
      for (auto& [id, entry] : st->sessions) {
        net::post(entry.strand, [st, id = id] {
          // On the session's strand: if it is still registered, it is suspended and alive.
          std::lock_guard inner(st->mu);
          auto it = st->sessions.find(id);
          if (it != st->sessions.end() && *it->second.idle) it->second.stream->cancel();
        });
      }
    }
    st->drain_timer.emplace(st->acceptor.get_executor());
    WaitForDrain(st, std::chrono::steady_clock::now() + st->options.shutdown_timeout);
  });
}

std::size_t Server::ActiveConnections() const {
  return state_->active.load();
}

}  // namespace jc::http
