#include "llm/http_transport.hpp"

#include <openssl/ssl.h>

#include <atomic>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <memory>

#include "llm/http_exchange.hpp"

namespace jc::llm {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;
using PostResult = boost::system::result<HttpResponse, TransportError>;
constexpr auto kUseTuple = net::as_tuple(net::use_awaitable);

bool IsIpLiteral(const std::string& host) {
  boost::system::error_code ec;
  net::ip::make_address(host, ec);
  return !ec;
}

std::string Authority(const std::string& host, std::uint16_t port) {
  const bool v6 = host.find(':') != std::string::npos;
  return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

// The outcome of one connection step. (A plain struct: boost::system::result<void,
// TransportError> returned from a coroutine trips GCC 12's -Wmaybe-uninitialized at -O2 with
// the sanitizers.)
struct Step {
  Step() = default;
  Step(TransportError e) : ok(false), error(std::move(e)) {}  // NOLINT: implicit on purpose
  bool ok = true;
  TransportError error;
};

TransportError Fail(TransportFailure kind, std::string message) {
  return TransportError{kind, std::move(message)};
}

// The outcome of a lookup, shared with the resolver's handler, which may finish after the
// caller has given up.
struct Lookup {
  explicit Lookup(const net::any_io_executor& ex) : timer(ex) {}
  net::steady_timer timer;
  beast::error_code ec;
  tcp::resolver::results_type results;
  std::atomic<bool> done{false};
};

// getaddrinfo runs on Asio's private resolver thread, so no I/O thread waits for it; but it
// ignores cancellation, so the caller stops waiting at the deadline and leaves it to finish.
net::awaitable<boost::system::result<tcp::resolver::results_type, TransportError>> Resolve(
    const std::string& host, std::uint16_t port, Clock::time_point deadline) {
  const auto ex = co_await net::this_coro::executor;
  auto lookup = std::make_shared<Lookup>(ex);
  auto resolver = std::make_shared<tcp::resolver>(ex);
  lookup->timer.expires_at(deadline);
  resolver->async_resolve(host, std::to_string(port),
                          [lookup, resolver](beast::error_code ec, tcp::resolver::results_type r) {
                            lookup->ec = ec;
                            lookup->results = std::move(r);
                            lookup->done.store(true, std::memory_order_release);
                            lookup->timer.cancel();
                          });
  co_await lookup->timer.async_wait(kUseTuple);
  if (!lookup->done.load(std::memory_order_acquire)) {
    co_return Fail(TransportFailure::kConnect, "resolving the host timed out");
  }
  if (lookup->ec) {
    co_return Fail(TransportFailure::kConnect, "cannot resolve the host: " + lookup->ec.message());
  }
  co_return std::move(lookup->results);
}

// Resolves and connects `tcp` to host:port within `connect_deadline`.
net::awaitable<Step> Connect(beast::tcp_stream& stream, const TransportOptions& options,
                             std::string host, std::uint16_t port,
                             Clock::time_point connect_deadline) {
  if (const auto it = options.resolve.find(host); it != options.resolve.end()) host = it->second;
  auto lookup = co_await Resolve(host, port, connect_deadline);
  if (!lookup) co_return lookup.error();
  const auto endpoints = std::move(*lookup);
  stream.expires_at(connect_deadline);
  const auto [ec, ep] = co_await stream.async_connect(endpoints, kUseTuple);
  if (ec == beast::error::timeout) {
    co_return Fail(TransportFailure::kConnect, "connecting timed out");
  }
  if (ec) co_return Fail(TransportFailure::kConnect, "cannot connect: " + ec.message());
  co_return Step{};
}

// Asks the proxy on `stream` for a tunnel to target.
net::awaitable<Step> OpenTunnel(beast::tcp_stream& stream, const ProxyServer& proxy,
                                const HttpTarget& target) {
  const std::string authority = Authority(target.host, target.port);
  bhttp::request<bhttp::empty_body> req{bhttp::verb::connect, authority, 11};
  req.set(bhttp::field::host, authority);
  if (!proxy.authorization.empty()) req.set(bhttp::field::proxy_authorization, proxy.authorization);
  const auto [wec, wn] = co_await bhttp::async_write(stream, req, kUseTuple);
  if (wec) co_return Fail(TransportFailure::kConnect, "the proxy closed: " + wec.message());
  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::empty_body> parser;
  parser.skip(true);  // a 2xx answer to CONNECT has no body: the tunnel starts after the head
  const auto [rec, rn] = co_await bhttp::async_read_header(stream, buffer, parser, kUseTuple);
  if (rec) co_return Fail(TransportFailure::kConnect, "no answer from the proxy: " + rec.message());
  const unsigned status = parser.get().result_int();
  if (status / 100 != 2) {
    co_return Fail(TransportFailure::kConnect,
                   "the proxy refused the tunnel with status " + std::to_string(status));
  }
  co_return Step{};
}

}  // namespace

Result<std::unique_ptr<HttpTransport>> HttpTransport::Create(TransportOptions options) {
  ssl::context ctx(ssl::context::tls_client);
  boost::system::error_code ec;
  ctx.set_verify_mode(ssl::verify_peer, ec);
  SSL_CTX_set_min_proto_version(ctx.native_handle(), TLS1_2_VERSION);
  if (options.ca_file.empty()) {
    ctx.set_default_verify_paths(ec);
  } else {
    ctx.load_verify_file(options.ca_file, ec);
  }
  if (ec) {
    return Error::Make(ErrorCode::kValidation,
                       "cannot load the CA certificates for the LLM provider: " + ec.message());
  }
  return std::unique_ptr<HttpTransport>(new HttpTransport(std::move(options), std::move(ctx)));
}

net::awaitable<PostResult> HttpTransport::Post(const HttpTarget& target, const HttpRequest& request,
                                               Clock::time_point deadline, const BodySink* sink) {
  if (Clock::now() >= deadline) co_return Fail(TransportFailure::kTimeout, "deadline passed");
  const auto proxy = ProxyFor(options_.proxy, target.tls, target.host, target.port);
  if (!proxy) co_return Fail(TransportFailure::kConfig, proxy.error().message);
  const auto connect_deadline = std::min(deadline, Clock::now() + options_.connect_timeout);

  beast::tcp_stream stream(co_await net::this_coro::executor);
  const auto& hop_host = *proxy ? (*proxy)->host : target.host;
  const auto hop_port = *proxy ? (*proxy)->port : target.port;
  auto connected = co_await Connect(stream, options_, hop_host, hop_port, connect_deadline);
  if (connected.ok && *proxy && target.tls) {
    connected = co_await OpenTunnel(stream, **proxy, target);
  }
  if (!connected.ok) {
    if (Clock::now() >= deadline) co_return Fail(TransportFailure::kTimeout, "deadline passed");
    co_return std::move(connected.error);
  }
  stream.expires_at(deadline);

  ExchangeRequest exchange{&request, target.host, target.port, std::string(), sink};
  if (*proxy && !target.tls) {
    // A plain-HTTP proxy takes the absolute URL, and the credentials on every request.
    exchange.request_target = "http://" + Authority(target.host, target.port) + request.target;
    exchange.proxy_authorization = (*proxy)->authorization;
  }
  if (!target.tls) co_return co_await Exchange(stream, exchange, deadline);

  beast::ssl_stream<beast::tcp_stream> tls(std::move(stream), ssl_);
  // SNI (not for IP addresses, RFC 6066). SSL_set_tlsext_host_name is a macro with a C cast.
  if (!IsIpLiteral(target.host) &&
      SSL_ctrl(tls.native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
               const_cast<char*>(target.host.c_str())) != 1) {
    co_return Fail(TransportFailure::kTls, "cannot set the TLS server name");
  }
  tls.set_verify_mode(ssl::verify_peer);
  tls.set_verify_callback(ssl::host_name_verification(target.host));
  const auto [hec] = co_await tls.async_handshake(ssl::stream_base::client, kUseTuple);
  if (hec == beast::error::timeout) co_return Fail(TransportFailure::kTimeout, "deadline passed");
  if (hec) co_return Fail(TransportFailure::kTls, "TLS handshake failed: " + hec.message());
  co_return co_await Exchange(tls, exchange, deadline);
}

}  // namespace jc::llm
