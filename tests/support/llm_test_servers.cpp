#include "support/llm_test_servers.hpp"

#include <unistd.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>

namespace jc::testing {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
constexpr auto kUseTuple = net::as_tuple(net::use_awaitable);

constexpr const char* kChatAnswer =
    R"({"id":"chatcmpl-tls","object":"chat.completion","created":1,"model":"tls-model",)"
    R"("choices":[{"index":0,"message":{"role":"assistant","content":"over tls"},)"
    R"("finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}})";

bool Run(const std::string& command) {
  return std::system((command + " >/dev/null 2>&1").c_str()) == 0;
}

// Listens on 127.0.0.1:0 and runs one io_context thread; Spawn(socket) per connection.
struct Loop {
  net::io_context io;
  tcp::acceptor acceptor{io, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0)};
  std::thread thread;

  template <typename OnSocket>
  void Start(OnSocket on_socket) {
    net::co_spawn(
        io,
        [this, on_socket]() -> net::awaitable<void> {
          for (;;) {
            auto [ec, socket] = co_await acceptor.async_accept(kUseTuple);
            if (ec) co_return;
            net::co_spawn(io, on_socket(std::move(socket)), net::detached);
          }
        },
        net::detached);
    thread = std::thread([this] { io.run(); });
  }
  void Stop() {
    io.stop();
    if (thread.joinable()) thread.join();
  }
};

struct SocketPair {
  explicit SocketPair(tcp::socket c) : client(std::move(c)), upstream(client.get_executor()) {}
  tcp::socket client;
  tcp::socket upstream;
};

// Copies one direction until EOF or an error, then half-closes the other side. The pair is
// shared by both directions, so it lives until the slower one has finished.
net::awaitable<void> Pump(std::shared_ptr<SocketPair> pair, bool from_client,
                          std::function<void()> on_first_byte = {}) {
  tcp::socket& from = from_client ? pair->client : pair->upstream;
  tcp::socket& to = from_client ? pair->upstream : pair->client;
  char data[16 * 1024];
  for (;;) {
    auto [ec, n] = co_await from.async_read_some(net::buffer(data), kUseTuple);
    if (ec) break;
    if (on_first_byte) std::exchange(on_first_byte, nullptr)();
    auto [wec, wn] = co_await net::async_write(to, net::buffer(data, n), kUseTuple);
    if (wec) break;
  }
  beast::error_code ignored;
  to.shutdown(tcp::socket::shutdown_send, ignored);
}

}  // namespace

TestPki MakeTestPki() {
  TestPki pki;
  char tmpl[] = "/tmp/jc_llm_pki_XXXXXX";
  if (::mkdtemp(tmpl) == nullptr) return pki;
  const std::string d = tmpl;
  pki.ca_cert = d + "/ca.pem";
  pki.other_ca_cert = d + "/other-ca.pem";
  pki.server_cert = d + "/server.pem";
  pki.server_key = d + "/server.key";
  // The names the server certificate holds; no IP address, so https://127.0.0.1 must fail.
  std::ofstream(d + "/san.ext") << "subjectAltName=DNS:localhost,DNS:llm.test\n";
  const std::string ca = "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj ";
  const bool ok =
      Run(ca + "/CN=jc-test-ca -keyout " + d + "/ca.key -out " + pki.ca_cert) &&
      Run(ca + "/CN=jc-other-ca -keyout " + d + "/other-ca.key -out " + pki.other_ca_cert) &&
      Run("openssl req -newkey rsa:2048 -nodes -subj /CN=localhost -keyout " + pki.server_key +
          " -out " + d + "/server.csr") &&
      Run("openssl x509 -req -in " + d + "/server.csr -CA " + pki.ca_cert + " -CAkey " + d +
          "/ca.key -CAcreateserial -days 2 -extfile " + d + "/san.ext -out " + pki.server_cert);
  if (ok) pki.dir = d;
  return pki;
}

struct TlsChatServer::Impl {
  Loop loop;
  net::ssl::context ssl{net::ssl::context::tls_server};
  std::atomic<int> answered{0};

  net::awaitable<void> Serve(tcp::socket socket) {
    net::ssl::stream<tcp::socket> stream(std::move(socket), ssl);
    auto [hec] = co_await stream.async_handshake(net::ssl::stream_base::server, kUseTuple);
    if (hec) co_return;  // the client refused our certificate
    beast::flat_buffer buffer;
    http::request<http::string_body> req;
    auto [rec, rn] = co_await http::async_read(stream, buffer, req, kUseTuple);
    if (rec) co_return;
    ++answered;  // before answering: the client cannot see the answer before this count
    http::response<http::string_body> res{http::status::ok, 11};
    res.set(http::field::content_type, "application/json");
    res.keep_alive(false);
    res.body() = kChatAnswer;
    res.prepare_payload();
    co_await http::async_write(stream, res, kUseTuple);
    beast::error_code ignored;
    stream.next_layer().close(ignored);
  }
};

TlsChatServer::TlsChatServer(const std::string& cert, const std::string& key)
    : impl_(std::make_unique<Impl>()) {
  impl_->ssl.use_certificate_chain_file(cert);
  impl_->ssl.use_private_key_file(key, net::ssl::context::pem);
  impl_->loop.Start([impl = impl_.get()](tcp::socket s) { return impl->Serve(std::move(s)); });
}
TlsChatServer::~TlsChatServer() {
  impl_->loop.Stop();
}
unsigned short TlsChatServer::Port() const {
  return impl_->loop.acceptor.local_endpoint().port();
}
int TlsChatServer::Answered() const {
  return impl_->answered;
}

struct Splicer::Impl {
  Loop loop;
  Mode mode = Mode::kForward;
  unsigned short target_port = 0;
  std::atomic<int> connections{0}, active{0}, max_active{0};
  mutable std::mutex mu;
  std::vector<std::string> targets;

  // A connection is "active" from its accept until the first byte of the answer: the time the
  // server spends on the request (closing handshakes afterwards do not count).
  net::awaitable<void> Serve(tcp::socket client) {
    ++connections;
    const int now = ++active;
    for (int seen = max_active; now > seen && !max_active.compare_exchange_weak(seen, now);) {
    }
    bool answered = false;
    co_await Relay(std::move(client), [this, &answered] {
      if (!std::exchange(answered, true)) --active;
    });
    if (!answered) --active;
  }

  net::awaitable<void> Relay(tcp::socket client, std::function<void()> on_answer) {
    auto pair = std::make_shared<SocketPair>(std::move(client));
    unsigned short port = target_port;
    if (mode == Mode::kConnectProxy) {
      beast::flat_buffer buffer;
      http::request_parser<http::empty_body> parser;
      auto [ec, n] = co_await http::async_read_header(pair->client, buffer, parser, kUseTuple);
      if (ec || parser.get().method() != http::verb::connect) co_return;
      const std::string target(parser.get().target());
      {
        std::lock_guard lock(mu);
        targets.push_back(target);
      }
      port = static_cast<unsigned short>(std::stoi(target.substr(target.rfind(':') + 1)));
    }
    auto [cec] = co_await pair->upstream.async_connect(
        tcp::endpoint(net::ip::make_address("127.0.0.1"), port), kUseTuple);
    if (cec) co_return;
    if (mode == Mode::kConnectProxy) {
      const std::string ok = "HTTP/1.1 200 Connection established\r\n\r\n";
      auto [wec, wn] = co_await net::async_write(pair->client, net::buffer(ok), kUseTuple);
      if (wec) co_return;
    }
    net::co_spawn(loop.io, Pump(pair, true), net::detached);
    co_await Pump(pair, false, std::move(on_answer));
  }
};

Splicer::Splicer(Mode mode, unsigned short target_port) : impl_(std::make_unique<Impl>()) {
  impl_->mode = mode;
  impl_->target_port = target_port;
  impl_->loop.Start([impl = impl_.get()](tcp::socket s) { return impl->Serve(std::move(s)); });
}
Splicer::~Splicer() {
  impl_->loop.Stop();
}
unsigned short Splicer::Port() const {
  return impl_->loop.acceptor.local_endpoint().port();
}
int Splicer::Connections() const {
  return impl_->connections;
}
int Splicer::MaxConcurrent() const {
  return impl_->max_active;
}
std::vector<std::string> Splicer::ConnectTargets() const {
  std::lock_guard lock(impl_->mu);
  return impl_->targets;
}

}  // namespace jc::testing
