// The request/response half of HttpTransport::Post, once a connection (TCP or TLS) is open:
// writes the POST, reads the head, then streams or collects the body. Internal to the llm
// module. The stream's expiry (set by the caller) bounds every step.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <chrono>
#include <string>

#include "llm/http_transport.hpp"

namespace jc::llm {

struct ExchangeRequest {
  const HttpRequest* request = nullptr;
  std::string host;  // for the Host header
  std::uint16_t port = 0;
  std::string request_target;  // replaces request->target when set (absolute form for a proxy)
  const BodySink* sink = nullptr;
  std::string proxy_authorization;  // for plain-HTTP proxies
};

using ExchangeResult = boost::system::result<HttpResponse, TransportError>;

boost::asio::awaitable<ExchangeResult> Exchange(boost::beast::tcp_stream& stream,
                                                const ExchangeRequest& request,
                                                std::chrono::steady_clock::time_point deadline);
boost::asio::awaitable<ExchangeResult> Exchange(
    boost::beast::ssl_stream<boost::beast::tcp_stream>& stream, const ExchangeRequest& request,
    std::chrono::steady_clock::time_point deadline);

}  // namespace jc::llm
