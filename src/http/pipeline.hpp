// The middleware chain every request goes through, in order:
//   request id -> CORS preflight / OPTIONS -> router (404, 405 + Allow) -> handler
//   -> error envelope (anything unexpected becomes a 500 that leaks nothing) -> CORS headers
//   -> X-Request-ID and security headers -> access log.
// Each step is a small function tested on its own; this class only composes them.
// A streamed answer (http/response_stream.hpp) gets the same headers on its head and one access
// log line when the handler returns; the error envelope applies only before its head went out.
// Thread-safe: the router and policy are read-only after start-up.
#pragma once

#include <functional>

#include "http/cors.hpp"
#include "http/response_stream.hpp"
#include "http/router.hpp"
#include "http/types.hpp"

namespace jc::http {

struct PipelineOptions {
  std::size_t max_json_body_bytes = 1 << 20;
  std::size_t max_upload_bytes = 10 << 20;
  bool access_log = true;
};

class Pipeline final : public Handler {
 public:
  // is_upload(path): whether the route takes upload-sized bodies (files, as multipart or
  // base64 JSON). JSON routes get max_json_body_bytes.
  Pipeline(const Router& router, CorsPolicy cors, std::function<bool(std::string_view)> is_upload,
           PipelineOptions options);

  net::awaitable<Response> Handle(Request& request, ChunkedWriter* writer) override;
  std::size_t BodyLimit(const Request& header) const override;
  Response Reject(const Request& header, const Error& error) override;

 private:
  net::awaitable<Result<Response>> Dispatch(RequestContext& ctx);
  // The headers every answer carries: CORS, X-Request-ID, nosniff.
  void Stamp(const Request& request, Response& response, const std::string& request_id) const;
  void Finish(const Request& request, std::string_view path, Response& response,
              const std::string& request_id, double duration_ms) const;
  // After a streamed answer: aborts it when the handler failed, logs it. Returns a placeholder
  // (the server does not send it).
  Response EndStream(const RequestContext& ctx, ResponseStream& stream,
                     const Result<Response>& result, double duration_ms) const;

  const Router& router_;
  CorsPolicy cors_;
  std::function<bool(std::string_view)> is_upload_;
  PipelineOptions options_;
};

}  // namespace jc::http
