// Beast aliases shared by the http module and its users.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <string_view>

#include "common/error.hpp"

namespace jc::http {

namespace net = boost::asio;
namespace bhttp = boost::beast::http;

using Request = bhttp::request<bhttp::string_body>;
using Response = bhttp::response<bhttp::string_body>;

// The connection's half of a streamed response (chunked transfer coding), implemented by the
// server for one request at a time. Handlers never see it: they use ResponseStream
// (http/response_stream.hpp), which adds the pipeline's headers and bookkeeping on top.
class ChunkedWriter {
 public:
  virtual ~ChunkedWriter() = default;
  // Sends `head` (status line and headers; its body is ignored) at once. The server sets the
  // framing headers itself: HTTP/1.1, Transfer-Encoding: chunked, Connection. Called at most once.
  // False when the client is gone or did not take the bytes before the write deadline.
  virtual net::awaitable<bool> WriteHead(Response& head) = 0;
  // Sends non-empty `bytes` as one chunk, flushed. False as above; once false, always false.
  virtual net::awaitable<bool> WriteChunk(std::string_view bytes) = 0;
  // Gives up on the response: the connection is closed without the last chunk, so the client
  // sees a truncated response instead of a complete one.
  virtual void Abort() = 0;
};

// What the server hands a complete request to. Implemented by the middleware pipeline.
class Handler {
 public:
  virtual ~Handler() = default;
  // Produces the response for a complete request. Must not throw. `writer` is set when the
  // answer may be streamed (HTTP/1.1, not HEAD), null otherwise. Once a handler has used the
  // writer, the returned Response is not sent: the server only ends the chunked body.
  virtual net::awaitable<Response> Handle(Request& request, ChunkedWriter* writer) = 0;
  // The largest body the request may have, decided from its headers (route, content type).
  virtual std::size_t BodyLimit(const Request& header) const = 0;
  // Builds the response for a request the server refused before it was complete (too large,
  // too slow, malformed). `header` holds whatever headers were read. Must not throw.
  virtual Response Reject(const Request& header, const Error& error) = 0;
};

}  // namespace jc::http
