#include "llm/http_exchange.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

namespace jc::llm {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using Clock = std::chrono::steady_clock;
constexpr auto kUseTuple = net::as_tuple(net::use_awaitable);
constexpr std::uint64_t kMaxBodyBytes = 64ull << 20;

TransportError IoFailure(const beast::error_code& ec, Clock::time_point deadline,
                         const char* what) {
  if (ec == beast::error::timeout || Clock::now() >= deadline) {
    return TransportError{TransportFailure::kTimeout, "deadline passed"};
  }
  return TransportError{TransportFailure::kIo, std::string(what) + ": " + ec.message()};
}

bhttp::request<bhttp::string_body> BuildRequest(const ExchangeRequest& ex) {
  const HttpRequest& r = *ex.request;
  bhttp::request<bhttp::string_body> req{
      bhttp::verb::post, ex.request_target.empty() ? r.target : ex.request_target, 11};
  const bool v6 = ex.host.find(':') != std::string::npos;
  std::string host = v6 ? "[" + ex.host + "]" : ex.host;
  if (ex.port != 80 && ex.port != 443) host += ":" + std::to_string(ex.port);
  req.set(bhttp::field::host, host);
  req.set(bhttp::field::user_agent, "job-copilot");
  req.set(bhttp::field::content_type, "application/json");
  req.set(bhttp::field::connection, "close");
  if (!ex.proxy_authorization.empty()) {
    req.set(bhttp::field::proxy_authorization, ex.proxy_authorization);
  }
  for (const auto& [name, value] : r.headers) req.set(name, value);
  req.body() = r.body;
  req.prepare_payload();
  return req;
}

template <typename Stream>
net::awaitable<ExchangeResult> ExchangeOn(Stream& stream, const ExchangeRequest& ex,
                                          Clock::time_point deadline) {
  auto req = BuildRequest(ex);
  const auto [wec, wn] = co_await bhttp::async_write(stream, req, kUseTuple);
  if (wec) co_return IoFailure(wec, deadline, "sending the request failed");

  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(kMaxBodyBytes);
  const auto [hec, hn] = co_await bhttp::async_read_header(stream, buffer, parser, kUseTuple);
  if (hec) co_return IoFailure(hec, deadline, "reading the answer failed");

  HttpResponse response;
  response.status = parser.get().result_int();
  if (const auto it = parser.get().find(bhttp::field::retry_after); it != parser.get().end()) {
    response.retry_after = std::string(it->value());
  }
  const bool stream_body = ex.sink != nullptr && response.status / 100 == 2;
  while (!parser.is_done()) {
    const auto [ec, n] = co_await bhttp::async_read_some(stream, buffer, parser, kUseTuple);
    if (stream_body && !parser.get().body().empty()) {
      // The string body only grows by what was just read: hand it over and start afresh.
      const bool go_on = (*ex.sink)(parser.get().body());
      parser.get().body().clear();
      if (!go_on) co_return TransportError{TransportFailure::kStopped, "stopped by the reader"};
    }
    if (ec) co_return IoFailure(ec, deadline, "the answer broke off");
  }
  if (!stream_body) response.body = std::move(parser.get().body());
  co_return response;
}

}  // namespace

net::awaitable<ExchangeResult> Exchange(beast::tcp_stream& stream, const ExchangeRequest& request,
                                        Clock::time_point deadline) {
  co_return co_await ExchangeOn(stream, request, deadline);
}

net::awaitable<ExchangeResult> Exchange(beast::ssl_stream<beast::tcp_stream>& stream,
                                        const ExchangeRequest& request,
                                        Clock::time_point deadline) {
  co_return co_await ExchangeOn(stream, request, deadline);
}

}  // namespace jc::llm
