#include "http/server.hpp"

#include <array>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <cstdio>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "observability/logger.hpp"

namespace jc::http {
namespace {

namespace beast = boost::beast;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;
constexpr auto kUseTuple = net::as_tuple(net::use_awaitable);
constexpr std::size_t kInlineBodyBytes = 16 * 1024;  // smaller bodies go out in one buffer
// A lingering close after a refused request: what the client still sends is read and dropped
// for this long or this many bytes at most.
constexpr std::chrono::milliseconds kLingerTime{2000};
constexpr std::size_t kLingerBytes = 64 << 20;

std::int64_t NowNs() {
  return Clock::now().time_since_epoch().count();
}

std::int64_t DeadlineIn(std::chrono::milliseconds d) {
  return NowNs() + std::chrono::duration_cast<Clock::duration>(d).count();
}

// Maps a failed read to the error the client gets, or nullopt when there is no one to answer:
// the client went away, or it was too slow (the sweeper cancelled it; it is simply dropped).
std::optional<Error> ReadFailure(const beast::error_code& ec) {
  if (ec == bhttp::error::header_limit) {
    return Error::Make(ErrorCode::kHeadersTooLarge, "the request headers are too large");
  }
  if (ec == bhttp::error::body_limit) {
    return Error::Make(ErrorCode::kPayloadTooLarge, "the request body is too large");
  }
  if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) {
    return std::nullopt;
  }
  if (ec.category() == bhttp::make_error_code(bhttp::error::bad_version).category()) {
    return Error::Make(ErrorCode::kBadRequest, "the request is not valid HTTP/1.1");
  }
  return std::nullopt;
}

// The status line and headers of `res` into `out`; the body too when it is small.
// Returns whether the body still has to be written separately.
bool SerializeHead(const Response& res, bool with_body, std::string& out) {
  out.clear();
  out.append(res.version() == 10 ? "HTTP/1.0 " : "HTTP/1.1 ");
  out.append(std::to_string(res.result_int()));
  out.push_back(' ');
  const auto reason = res.reason();
  out.append(reason.data(), reason.size());
  out.append("\r\n");
  for (const auto& field : res.base()) {
    const auto name = field.name_string();
    const auto value = field.value();
    out.append(name.data(), name.size());
    out.append(": ");
    out.append(value.data(), value.size());
    out.append("\r\n");
  }
  out.append("\r\n");
  if (!with_body) return false;
  if (res.body().size() > kInlineBodyBytes) return true;
  out.append(res.body());
  return false;
}

}  // namespace

struct Server::State {
  State(std::vector<net::io_context*> ctxs, ServerOptions o, Handler& h)
      : contexts(std::move(ctxs)),
        options(std::move(o)),
        handler(h),
        acceptor(*contexts.front()),
        sweeper(*contexts.front()) {}

  // What the sweeper and shutdown may touch of a connection, always on its own io_context.
  struct Entry {
    net::any_io_executor executor;
    tcp::socket* socket;
    const bool* idle;
    const std::atomic<std::int64_t>* deadline_ns;  // 0 = none
  };

  std::vector<net::io_context*> contexts;
  const ServerOptions options;
  Handler& handler;
  tcp::acceptor acceptor;
  net::steady_timer sweeper;
  std::atomic<bool> stopping{false};
  std::atomic<std::size_t> active{0};
  std::size_t next_context = 0;  // touched only by the accept loop

  std::mutex mu;
  std::unordered_map<std::uint64_t, Entry> sessions;
  std::uint64_t next_id = 0;
  std::function<void()> on_drained;
  Clock::time_point drain_deadline;

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

// Runs `fn(entry)` on the connection's own thread, if the connection is still open by then.
template <typename Fn>
void OnConnection(const std::shared_ptr<Server::State>& st, std::uint64_t id,
                  const Server::State::Entry& entry, Fn fn) {
  net::post(entry.executor, [st, id, fn]() {
    std::lock_guard lock(st->mu);
    const auto it = st->sessions.find(id);
    // Registered means the coroutine is suspended on this very thread: its locals are alive.
    if (it != st->sessions.end()) fn(it->second);
  });
}

// One connection. `deadline_ns` is what the sweeper enforces; each phase sets it.
// It is also the ChunkedWriter of the request it is answering, when that request may stream.
class Connection final : public ChunkedWriter {
 public:
  Connection(Server::State& st, tcp::socket socket) : st_(st), socket_(std::move(socket)) {}

  net::awaitable<void> Run();

  net::awaitable<bool> WriteHead(Response& head) override;
  net::awaitable<bool> WriteChunk(std::string_view bytes) override;
  void Abort() override { stream_ = StreamState::kBroken; }

 private:
  // Where the current request's streamed answer is.
  enum class StreamState : std::uint8_t { kNone, kOpen, kBroken };

  net::awaitable<bool> ReadRequest(bhttp::request_parser<bhttp::string_body>& parser);
  net::awaitable<bool> Write(const Response& res, bool with_body);
  net::awaitable<void> Reject(const Request& header, const Error& error);
  // After a refused request: reads and drops what the client still sends (the rest of an
  // oversized body) until it closes, within kLingerTime and kLingerBytes. Closing a socket
  // with unread input resets the connection, and a reset can destroy our answer in the
  // client's receive buffer before the client reads it (Apache and nginx linger likewise).
  net::awaitable<void> Linger();
  // One write of a streamed answer under the write deadline; a failure breaks the stream.
  template <typename Buffers>
  net::awaitable<bool> WriteStreamed(const Buffers& buffers);

  Server::State& st_;
  tcp::socket socket_;
  beast::flat_buffer buffer_;
  std::string head_;  // serialised response head, reused across requests
  bool idle_ = false;
  std::atomic<std::int64_t> deadline_ns_{0};
  StreamState stream_ = StreamState::kNone;
  bool stream_keep_alive_ = false;  // what the request allows; then what the head promised
  bool refused_ = false;            // a request was refused before it was read whole
};

template <typename Buffers>
net::awaitable<bool> Connection::WriteStreamed(const Buffers& buffers) {
  if (stream_ != StreamState::kOpen) co_return false;
  deadline_ns_ = DeadlineIn(st_.options.write_timeout);
  auto [ec, n] = co_await net::async_write(socket_, buffers, kUseTuple);
  // Between writes the handler's own deadlines govern, as while it computes a plain answer.
  deadline_ns_ = 0;
  if (ec) stream_ = StreamState::kBroken;
  co_return !ec;
}

net::awaitable<bool> Connection::WriteHead(Response& head) {
  if (stream_ != StreamState::kNone) co_return false;
  stream_ = StreamState::kOpen;
  head.version(11);
  head.keep_alive(stream_keep_alive_ && !st_.stopping.load());
  stream_keep_alive_ = head.keep_alive();
  head.erase(bhttp::field::content_length);
  head.chunked(true);
  SerializeHead(head, false, head_);
  co_return co_await WriteStreamed(net::buffer(head_));
}

net::awaitable<bool> Connection::WriteChunk(std::string_view bytes) {
  if (bytes.empty()) co_return stream_ == StreamState::kOpen;  // an empty chunk ends the body
  char size_line[20];
  const int n = std::snprintf(size_line, sizeof size_line, "%zx\r\n", bytes.size());
  const std::array<net::const_buffer, 3> buffers = {
      net::buffer(size_line, static_cast<std::size_t>(n)), net::buffer(bytes),
      net::buffer("\r\n", 2)};
  co_return co_await WriteStreamed(buffers);
}

net::awaitable<void> Connection::Reject(const Request& header, const Error& error) {
  Response res = st_.handler.Reject(header, error);
  res.keep_alive(false);
  res.prepare_payload();
  deadline_ns_ = DeadlineIn(std::chrono::seconds(2));
  refused_ = true;
  co_await Write(res, true);
}

net::awaitable<void> Connection::Linger() {
  deadline_ns_ = DeadlineIn(kLingerTime);
  std::size_t dropped = 0;
  while (dropped < kLingerBytes) {
    buffer_.clear();
    auto [ec, n] = co_await socket_.async_read_some(buffer_.prepare(16 * 1024), kUseTuple);
    if (ec) break;  // the client closed, or the sweeper cancelled us at the deadline
    dropped += n;
  }
}

net::awaitable<bool> Connection::Write(const Response& res, bool with_body) {
  const bool separate_body = SerializeHead(res, with_body, head_);
  if (!separate_body) {
    auto [ec, n] = co_await net::async_write(socket_, net::buffer(head_), kUseTuple);
    co_return !ec;
  }
  const std::array<net::const_buffer, 2> buffers = {net::buffer(head_), net::buffer(res.body())};
  auto [ec, n] = co_await net::async_write(socket_, buffers, kUseTuple);
  co_return !ec;
}

// Reads one whole request into `parser`. False when the connection is to be closed (an error
// answer, if any, has been written).
net::awaitable<bool> Connection::ReadRequest(bhttp::request_parser<bhttp::string_body>& parser) {
  const auto& opt = st_.options;
  parser.header_limit(static_cast<std::uint32_t>(opt.max_header_bytes));
  parser.body_limit(boost::none);  // decided once the headers are known
  deadline_ns_ = DeadlineIn(opt.read_timeout);
  // Parse what is buffered; read more only when the header is incomplete.
  while (!parser.is_header_done()) {
    beast::error_code ec;
    if (buffer_.size() > 0) {
      buffer_.consume(parser.put(buffer_.data(), ec));
    } else {
      ec = bhttp::error::need_more;
    }
    if (ec == bhttp::error::need_more) {
      auto [rec, n] = co_await socket_.async_read_some(buffer_.prepare(4096), kUseTuple);
      if (rec) co_return false;  // the client went away, or was too slow and was cancelled
      buffer_.commit(n);
      continue;
    }
    if (ec) {
      if (auto err = ReadFailure(ec)) co_await Reject(parser.get(), *err);
      co_return false;
    }
  }

  const Request& header = parser.get();
  const std::size_t limit = st_.handler.BodyLimit(header);
  if (parser.content_length() && *parser.content_length() > limit) {
    co_await Reject(
        header, Error::Make(ErrorCode::kPayloadTooLarge,
                            "the request body is larger than " + std::to_string(limit) + " bytes"));
    co_return false;
  }
  parser.body_limit(limit);
  if (parser.is_done()) co_return true;
  if (beast::iequals(header[bhttp::field::expect], "100-continue")) {
    static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
    auto [ec, n] = co_await net::async_write(socket_, net::buffer(kContinue), kUseTuple);
    if (ec) co_return false;
  }
  auto [ec, n] = co_await bhttp::async_read(socket_, buffer_, parser, kUseTuple);
  if (ec) {
    if (auto err = ReadFailure(ec)) co_await Reject(parser.get(), *err);
    co_return false;
  }
  co_return true;
}

net::awaitable<void> Connection::Run() {
  const auto id = st_.Register({socket_.get_executor(), &socket_, &idle_, &deadline_ns_});
  const auto& opt = st_.options;
  for (;;) {
    // Wait for the first bytes of the next request under the idle deadline.
    if (buffer_.size() == 0) {
      if (st_.stopping.load()) break;
      idle_ = true;
      deadline_ns_ = DeadlineIn(opt.idle_timeout);
      auto [ec, n] = co_await socket_.async_read_some(buffer_.prepare(4096), kUseTuple);
      idle_ = false;
      if (ec) break;
      buffer_.commit(n);
    }

    bhttp::request_parser<bhttp::string_body> parser;
    if (!co_await ReadRequest(parser)) break;

    Request request = parser.release();
    const bool keep_alive = request.keep_alive();
    deadline_ns_ = 0;  // the handler's own deadlines govern while it works
    // Chunked bodies need HTTP/1.1; HEAD gets the headers of a plain answer.
    const bool can_stream = request.version() == 11 && request.method() != bhttp::verb::head;
    stream_ = StreamState::kNone;
    stream_keep_alive_ = keep_alive;
    Response res = co_await st_.handler.Handle(request, can_stream ? this : nullptr);
    if (stream_ != StreamState::kNone) {
      static constexpr std::string_view kLastChunk = "0\r\n\r\n";
      const bool ended = co_await WriteStreamed(net::buffer(kLastChunk));
      if (!ended || !stream_keep_alive_) break;
      continue;
    }
    res.keep_alive(keep_alive && !st_.stopping.load());
    res.prepare_payload();
    deadline_ns_ = DeadlineIn(opt.write_timeout);
    // HEAD: the headers a GET would send (Content-Length included), without the body.
    const bool ok = co_await Write(res, request.method() != bhttp::verb::head);
    if (!ok || !res.keep_alive()) break;
  }

  beast::error_code ignored;
  socket_.shutdown(tcp::socket::shutdown_send, ignored);
  if (refused_) co_await Linger();
  st_.Unregister(id);
  st_.active.fetch_sub(1);
}

net::awaitable<void> Session(std::shared_ptr<Server::State> st, tcp::socket socket) {
  Connection connection(*st, std::move(socket));
  co_await connection.Run();
}

// A connection past the limit gets a 503 and is closed.
net::awaitable<void> RefuseConnection(std::shared_ptr<Server::State> st, tcp::socket socket) {
  Error e = Error::Make(ErrorCode::kUnavailable, "the server has too many open connections");
  e.retry_after_seconds = 1;
  Response res = st->handler.Reject(Request{}, e);
  res.keep_alive(false);
  res.prepare_payload();
  std::string out;
  SerializeHead(res, true, out);
  co_await net::async_write(socket, net::buffer(out), kUseTuple);
  beast::error_code ignored;
  socket.shutdown(tcp::socket::shutdown_send, ignored);
}

net::awaitable<void> AcceptLoop(std::shared_ptr<Server::State> st) {
  for (;;) {
    auto& target = *st->contexts[st->next_context++ % st->contexts.size()];
    auto [ec, socket] = co_await st->acceptor.async_accept(target, kUseTuple);
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
    auto executor = socket.get_executor();
    if (st->active.load() >= st->options.max_connections) {
      net::co_spawn(executor, RefuseConnection(st, std::move(socket)), net::detached);
      continue;
    }
    st->active.fetch_add(1);
    net::co_spawn(executor, Session(st, std::move(socket)), net::detached);
  }
}

// Every kSweepInterval: cancel the connections past their deadline; during shutdown, finish
// once every connection is gone or the shutdown deadline passed.
void Sweep(std::shared_ptr<Server::State> st) {
  const std::int64_t now = NowNs();
  {
    std::lock_guard lock(st->mu);
    for (const auto& [id, entry] : st->sessions) {
      const auto deadline = entry.deadline_ns->load();
      if (deadline == 0 || deadline > now) continue;
      OnConnection(st, id, entry, [now](const Server::State::Entry& e) {
        const auto d = e.deadline_ns->load();
        if (d != 0 && d <= now) {
          beast::error_code ignored;
          e.socket->cancel(ignored);
        }
      });
    }
  }
  if (st->on_drained) {
    const bool drained = st->active.load() == 0;
    if (drained || Clock::now() >= st->drain_deadline) {
      if (!drained) {
        obs::LogWarn("shutdown deadline passed with requests in flight",
                     {{"connections", st->active.load()}});
      }
      std::exchange(st->on_drained, nullptr)();
      return;
    }
  }
  st->sweeper.expires_after(st->on_drained ? std::chrono::milliseconds(20) : kSweepInterval);
  st->sweeper.async_wait([st](beast::error_code ec) {
    if (!ec) Sweep(st);
  });
}

}  // namespace

Server::Server(std::vector<net::io_context*> contexts, ServerOptions options, Handler& handler)
    : state_(std::make_shared<State>(std::move(contexts), std::move(options), handler)) {}

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
  net::post(state_->sweeper.get_executor(), [st = state_] { Sweep(st); });
}

void Server::BeginShutdown(std::function<void()> on_drained) {
  if (state_->stopping.exchange(true)) return;
  auto st = state_;
  net::post(st->acceptor.get_executor(), [st, done = std::move(on_drained)]() mutable {
    beast::error_code ignored;
    st->acceptor.close(ignored);
    std::lock_guard lock(st->mu);
    st->drain_deadline = Clock::now() + st->options.shutdown_timeout;
    st->on_drained = std::move(done);
    // Close the connections that wait for a next request; busy ones close after answering.
    for (const auto& [id, entry] : st->sessions) {
      OnConnection(st, id, entry, [](const State::Entry& e) {
        beast::error_code ec;
        if (*e.idle) e.socket->cancel(ec);
      });
    }
    // The sweeper (on this thread) notices on_drained at its next run.
  });
}

std::size_t Server::ActiveConnections() const {
  return state_->active.load();
}

}  // namespace jc::http
