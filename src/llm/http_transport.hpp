// HttpTransport: one HTTP/1.1 POST exchange with an LLM provider, over TCP or TLS, directly
// or through an http:// proxy (a CONNECT tunnel for https targets), on the caller's executor.
//
// Every exchange opens its own connection (Connection: close): LLM calls last seconds, so a
// handshake per call costs little and no pool state is shared between threads. TLS verifies
// the peer against the system CAs or a CA bundle file, sends SNI and checks the host name.
// The deadline bounds the whole exchange; the connect timeout bounds TCP connect and proxy
// tunnel set-up. Holds the TLS context; thread-safe (Post may run concurrently on any thread).
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/system/result.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/error.hpp"
#include "llm/proxy.hpp"

namespace jc::llm {

struct TransportOptions {
  std::chrono::milliseconds connect_timeout{5000};
  std::string ca_file;  // PEM bundle; empty = the system's default paths
  ProxySettings proxy;
  // Host name -> IP address used instead of DNS (like curl --resolve). For tests.
  std::map<std::string, std::string> resolve;
};

struct HttpTarget {
  bool tls = false;
  std::string host;  // a name or an IP address (IPv6 without brackets)
  std::uint16_t port = 443;
};

struct HttpRequest {
  std::string target;  // origin-form: "/v1/chat/completions?api-version=..."
  std::vector<std::pair<std::string, std::string>> headers;  // besides Host, Content-*, UA
  std::string body;                                          // JSON
};

struct HttpResponse {
  unsigned status = 0;
  std::string body;         // empty when the body went to the sink
  std::string retry_after;  // the Retry-After header, if any
};

enum class TransportFailure : std::uint8_t {
  kConnect,  // DNS, TCP connect (or its timeout), the proxy tunnel
  kTls,      // handshake or certificate verification
  kIo,       // the connection broke or the answer was not HTTP
  kTimeout,  // the deadline passed
  kStopped,  // the body sink asked to stop
  kConfig,   // an unusable proxy URL
};

struct TransportError {
  TransportFailure kind = TransportFailure::kIo;
  std::string message;  // no secrets: safe to log and to show
};

// Receives the body of a 2xx answer piece by piece; returns false to stop reading.
using BodySink = std::function<bool(std::string_view piece)>;

class HttpTransport {
 public:
  // Fails (kValidation) when the CA bundle cannot be loaded.
  static Result<std::unique_ptr<HttpTransport>> Create(TransportOptions options);

  // POSTs `request` and reads the answer. With a sink, the body of a 2xx answer is streamed to
  // it instead of collected; other answers are always collected (up to 64 MiB).
  boost::asio::awaitable<boost::system::result<HttpResponse, TransportError>> Post(
      const HttpTarget& target, const HttpRequest& request,
      std::chrono::steady_clock::time_point deadline, const BodySink* sink = nullptr);

 private:
  HttpTransport(TransportOptions options, boost::asio::ssl::context ssl)
      : options_(std::move(options)), ssl_(std::move(ssl)) {}

  const TransportOptions options_;
  boost::asio::ssl::context ssl_;
};

}  // namespace jc::llm
