#include "http/pipeline.hpp"

#include <boost/beast/core/string.hpp>
#include <chrono>
#include <exception>
#include <optional>

#include "http/access_log.hpp"
#include "http/error_response.hpp"
#include "http/request_id.hpp"
#include "observability/logger.hpp"

namespace jc::http {
namespace {

double MillisSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

std::string_view PathOf(std::string_view target) {
  return target.substr(0, target.find('?'));
}

}  // namespace

Pipeline::Pipeline(const Router& router, CorsPolicy cors,
                   std::function<bool(std::string_view)> is_upload, PipelineOptions options)
    : router_(router),
      cors_(std::move(cors)),
      is_upload_(std::move(is_upload)),
      options_(options) {}

std::size_t Pipeline::BodyLimit(const Request& header) const {
  const bool upload = is_upload_ && is_upload_(PathOf(header.target()));
  if (!upload) return options_.max_json_body_bytes;
  // A file of up to max_upload_bytes comes as multipart (plus part headers) or as base64 inside
  // JSON (4/3 larger, plus the JSON around it).
  constexpr std::size_t kEnvelope = 64 * 1024;
  const auto type = header[bhttp::field::content_type];
  if (type.size() >= 10 && boost::beast::iequals(type.substr(0, 10), "multipart/")) {
    return options_.max_upload_bytes + kEnvelope;
  }
  return options_.max_upload_bytes + (options_.max_upload_bytes + 2) / 3 + kEnvelope;
}

net::awaitable<Response> Pipeline::Handle(Request& request, ChunkedWriter* writer) {
  const auto start = std::chrono::steady_clock::now();
  const std::string_view target = request.target();
  const auto path = PathOf(target);
  RequestContext ctx{request, path,
                     path.size() < target.size() ? target.substr(path.size() + 1) : "",
                     AcceptOrNewRequestId(request["X-Request-ID"])};
  std::optional<ResponseStream> stream;
  if (writer) {
    stream.emplace(*writer, request.version(),
                   [this, &ctx](Response& head) { Stamp(ctx.request, head, ctx.request_id); });
    ctx.stream = &*stream;
  }
  Result<Response> result = Error::Make(ErrorCode::kInternal, "an unexpected error occurred");
  try {
    result = co_await Dispatch(ctx);
  } catch (const std::exception& e) {
    obs::Logger::Get().Log(obs::LogLevel::kError, "unhandled exception in handler", ctx.request_id,
                           {{"path", path}, {"exception", e.what()}});
  } catch (...) {
    obs::Logger::Get().Log(obs::LogLevel::kError, "unhandled non-standard exception in handler",
                           ctx.request_id, {{"path", path}});
  }
  if (stream && stream->Started()) co_return EndStream(ctx, *stream, result, MillisSince(start));
  Response res = result ? std::move(*result)
                        : ErrorResponse(result.error(), ctx.request_id, request.version());
  if (res.result() == bhttp::status::method_not_allowed &&
      res.find(bhttp::field::allow) == res.end()) {
    res.set(bhttp::field::allow, router_.AllowedMethods(path));
  }
  Finish(request, path, res, ctx.request_id, MillisSince(start));
  co_return res;
}

net::awaitable<Result<Response>> Pipeline::Dispatch(RequestContext& ctx) {
  const Request& req = ctx.request;
  if (CorsPolicy::IsPreflight(req))
    co_return cors_.Preflight(req, router_.AllowedMethods(ctx.path));
  if (req.method() == bhttp::verb::options) {
    const auto allow = router_.AllowedMethods(ctx.path);
    if (allow.empty())
      co_return Error::Make(ErrorCode::kNotFound, "no route for " + std::string(ctx.path));
    Response res{bhttp::status::no_content, req.version()};
    res.set(bhttp::field::allow, allow);
    co_return res;
  }
  const auto match = router_.Find(req.method(), ctx.path);
  if (!match.handler) co_return match.error;
  co_return co_await (*match.handler)(ctx);
}

Response Pipeline::Reject(const Request& header, const Error& error) {
  const auto request_id = AcceptOrNewRequestId(header["X-Request-ID"]);
  const unsigned version = header.version() == 10 ? 10 : 11;
  Response res = ErrorResponse(error, request_id, version);
  Finish(header, PathOf(header.target()), res, request_id, 0.0);
  return res;
}

void Pipeline::Stamp(const Request& request, Response& response,
                     const std::string& request_id) const {
  cors_.Decorate(request, response);
  response.set("X-Request-ID", request_id);
  response.set("X-Content-Type-Options", "nosniff");
}

void Pipeline::Finish(const Request& request, std::string_view path, Response& response,
                      const std::string& request_id, double duration_ms) const {
  Stamp(request, response, request_id);
  if (options_.access_log) LogAccess(request, path, response, request_id, duration_ms);
}

Response Pipeline::EndStream(const RequestContext& ctx, ResponseStream& stream,
                             const Result<Response>& result, double duration_ms) const {
  if (!result) {
    // Too late for the error envelope: the status line is gone. Cutting the connection short
    // tells the client the answer is incomplete, which a last chunk would hide.
    obs::Logger::Get().Log(
        obs::LogLevel::kError, "streamed response failed after its head", ctx.request_id,
        {{"path", ctx.path}, {"code", result.error().slug}, {"error", result.error().message}});
    stream.Abort();
  }
  const auto status = static_cast<unsigned>(stream.Status());
  if (options_.access_log) {
    LogStreamAccess(ctx.request, ctx.path, status, stream.BytesWritten(),
                    result && !stream.Failed(), ctx.request_id, duration_ms);
  }
  return Response{stream.Status(), ctx.request.version()};
}

}  // namespace jc::http
