// How a route handler answers as a stream (Server-Sent Events, or any chunked body) instead of
// returning one Response. The pipeline creates one per request and puts it in
// RequestContext::stream when the connection can stream (HTTP/1.1 and not HEAD); otherwise
// ctx.stream is null and the handler answers the usual way.
//
// A streaming handler:
//   1. may still fail before Begin: its error Result becomes the usual JSON error envelope;
//   2. calls `co_await ctx.stream->Begin(status, content_type)`, which sends the head at once with
//      Transfer-Encoding: chunked, Cache-Control: no-cache, the pipeline's headers (X-Request-ID,
//      CORS, nosniff) and, for text/event-stream, X-Accel-Buffering: no;
//   3. calls `co_await ctx.stream->Write(bytes)` per piece: one chunk on the wire, sent before
//      Write returns (under the connection's write deadline);
//   4. returns. Whatever Response it returns is not sent; the connection ends the chunked body
//      and carries on with keep-alive. After Begin, errors must be reported in-band (e.g. an SSE
//      `error` event) followed by a successful return: an error Result (or an exception) after
//      Begin is logged and the connection is closed without the last chunk, so the client sees
//      a truncated response rather than a complete one.
// Begin and Write return false when the client is gone or too slow; the handler should stop.
// A disconnect is only noticed by a write: a handler that waits long between writes can send
// SsePing() to find out sooner.
//
// Not thread-safe: used by the handler's coroutine only, one call at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/types.hpp"

namespace jc::http {

class ResponseStream {
 public:
  using Headers = std::vector<std::pair<std::string, std::string>>;

  // `decorate` adds the headers every response of the pipeline carries to the head.
  ResponseStream(ChunkedWriter& writer, unsigned http_version,
                 std::function<void(Response&)> decorate);

  // Sends the head; `headers` are added to it. Calling it twice is a programmer error (throws
  // std::logic_error). In a coroutine, build `headers` in a variable first: g++ 12 rejects a
  // braced list there ("array used as initializer").
  net::awaitable<bool> Begin(bhttp::status status, std::string_view content_type,
                             Headers headers = {});
  // Sends `bytes` as one chunk (nothing for empty bytes). Calling it before Begin is a
  // programmer error (throws std::logic_error).
  net::awaitable<bool> Write(std::string_view bytes);

  bool Started() const { return started_; }
  // Whether a write failed (the client is gone or too slow).
  bool Failed() const { return failed_; }
  bhttp::status Status() const { return status_; }
  std::uint64_t BytesWritten() const { return bytes_written_; }
  // Closes the connection without ending the body (see ChunkedWriter::Abort).
  void Abort();

 private:
  ChunkedWriter& writer_;
  unsigned http_version_;
  std::function<void(Response&)> decorate_;
  bool started_ = false;
  bool failed_ = false;
  bhttp::status status_ = bhttp::status::ok;
  std::uint64_t bytes_written_ = 0;
};

}  // namespace jc::http
