#include "http/response_stream.hpp"

#include <stdexcept>

#include "http/sse.hpp"

namespace jc::http {

ResponseStream::ResponseStream(ChunkedWriter& writer, unsigned http_version,
                               std::function<void(Response&)> decorate)
    : writer_(writer), http_version_(http_version), decorate_(std::move(decorate)) {}

net::awaitable<bool> ResponseStream::Begin(bhttp::status status, std::string_view content_type,
                                           Headers headers) {
  if (started_) throw std::logic_error("ResponseStream::Begin called twice");
  Response head{status, http_version_};
  head.set(bhttp::field::content_type, content_type);
  // Proxies and browsers must pass each chunk on as it comes, not cache or buffer the body.
  head.set(bhttp::field::cache_control, "no-cache");
  if (IsEventStream(content_type)) head.set("X-Accel-Buffering", "no");
  for (const auto& [name, value] : headers) head.set(name, value);
  if (decorate_) decorate_(head);
  started_ = true;
  status_ = status;
  // Awaited into a local: g++ 12 miscompiles some `if (!co_await ...)` forms (the frame is
  // resumed at a wrong address).
  const bool sent = co_await writer_.WriteHead(head);
  failed_ = !sent;
  co_return sent;
}

net::awaitable<bool> ResponseStream::Write(std::string_view bytes) {
  if (!started_) throw std::logic_error("ResponseStream::Write called before Begin");
  if (failed_) co_return false;
  // An empty chunk would end the body.
  if (bytes.empty()) co_return true;
  const bool sent = co_await writer_.WriteChunk(bytes);  // not in the `if`: see Begin
  if (!sent) {
    failed_ = true;
    co_return false;
  }
  bytes_written_ += bytes.size();
  co_return true;
}

void ResponseStream::Abort() {
  failed_ = true;
  writer_.Abort();
}

}  // namespace jc::http
