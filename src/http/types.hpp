// Beast aliases shared by the http module and its users.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include "common/error.hpp"

namespace jc::http {

namespace net = boost::asio;
namespace bhttp = boost::beast::http;

using Request = bhttp::request<bhttp::string_body>;
using Response = bhttp::response<bhttp::string_body>;

// What the server hands a complete request to. Implemented by the middleware pipeline.
class Handler {
 public:
  virtual ~Handler() = default;
  // Produces the response for a complete request. Must not throw.
  virtual net::awaitable<Response> Handle(Request& request) = 0;
  // The largest body the request may have, decided from its headers (route, content type).
  virtual std::size_t BodyLimit(const Request& header) const = 0;
  // Builds the response for a request the server refused before it was complete (too large,
  // too slow, malformed). `header` holds whatever headers were read. Must not throw.
  virtual Response Reject(const Request& header, const Error& error) = 0;
};

}  // namespace jc::http
