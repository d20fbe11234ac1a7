// The API's route table: every route is registered here together with its documentation, so the
// router and the served OpenAPI document come from the same declarations and cannot drift.
// JSON routes are declared with their request and response models; decoding (415/400/422) and
// encoding are done here, so a handler only sees a valid request model. A POST route may also
// answer as a stream of Server-Sent Events (PostStreaming).
// Built once at start-up, then read-only: safe to share between threads.
#pragma once

#include <boost/json.hpp>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "http/error_response.hpp"
#include "http/router.hpp"
#include "schema/json_body.hpp"
#include "schema/schema.hpp"

namespace jc::api {

namespace net = boost::asio;
namespace json = boost::json;
using http::bhttp::verb;

// The documentation of one operation.
struct Operation {
  std::string_view summary;
  std::string_view description;
  std::string_view tag;
  std::vector<unsigned> errors;  // error statuses it may answer, besides the JSON ones
  bool upload = false;           // the body may be as large as an upload (MAX_UPLOAD_BYTES)
};

struct ApiInfo {
  std::string title = "Job Copilot API";
  std::string version;
  std::string description;
};

class Registry {
 public:
  template <typename Res>
  using GetHandler = std::function<net::awaitable<Result<Res>>(http::RequestContext&)>;
  template <typename Req, typename Res>
  using PostHandler = std::function<net::awaitable<Result<Res>>(http::RequestContext&, Req&)>;
  // Answers through ctx.stream (never null here); see http/response_stream.hpp.
  template <typename Req>
  using StreamHandler = std::function<net::awaitable<Status>(http::RequestContext&, Req&)>;

  // GET route answering Res as JSON with 200.
  template <typename Res>
  void Get(std::string path, Operation op, GetHandler<Res> handler) {
    json::object doc = Describe(op);
    doc["responses"].as_object()["200"] = JsonContent("OK", schemas_.SchemaOf<Res>());
    Document(verb::get, path, op, std::move(doc));
    router_.Add(verb::get, std::move(path),
                [h = std::move(handler)](
                    http::RequestContext& ctx) -> net::awaitable<Result<http::Response>> {
                  auto res = co_await h(ctx);
                  if (!res) co_return res.error();
                  co_return Ok(ctx, schema::EncodeJson(*res));
                });
  }

  // POST route whose JSON body is decoded into Req; answers Res as JSON with 200.
  template <typename Req, typename Res>
  void Post(std::string path, Operation op, PostHandler<Req, Res> handler) {
    json::object doc = PostDoc<Req>(op, JsonContent("OK", schemas_.SchemaOf<Res>()));
    Document(verb::post, path, op, std::move(doc));
    router_.Add(verb::post, std::move(path),
                [h = std::move(handler)](
                    http::RequestContext& ctx) -> net::awaitable<Result<http::Response>> {
                  auto req = schema::DecodeJsonBody<Req>(
                      ctx.request.body(), ctx.request[http::bhttp::field::content_type]);
                  if (!req) co_return req.error();
                  auto res = co_await h(ctx, *req);
                  if (!res) co_return res.error();
                  co_return Ok(ctx, schema::EncodeJson(*res));
                });
  }

  // A Post route that can also stream. The body is decoded as for Post (its errors are JSON
  // envelopes). Then, when the request's Accept lists text/event-stream and the connection can
  // stream (ctx.stream set: HTTP/1.1), `stream_handler` answers through ctx.stream; otherwise
  // `json_handler` answers Res as JSON. The stream handler returns an error only before
  // ctx.stream->Begin (it becomes the usual envelope); returning success without having called
  // Begin is a programmer error (a 500). `events` describes the events in the OpenAPI document,
  // where the 200 answer lists both media types.
  template <typename Req, typename Res>
  void PostStreaming(std::string path, Operation op, std::string_view events,
                     PostHandler<Req, Res> json_handler, StreamHandler<Req> stream_handler) {
    json::object doc = PostDoc<Req>(op, JsonOrEventStream(schemas_.SchemaOf<Res>(), events));
    Document(verb::post, path, op, std::move(doc));
    router_.Add(verb::post, std::move(path),
                [json_h = std::move(json_handler), stream_h = std::move(stream_handler)](
                    http::RequestContext& ctx) -> net::awaitable<Result<http::Response>> {
                  auto req = schema::DecodeJsonBody<Req>(
                      ctx.request.body(), ctx.request[http::bhttp::field::content_type]);
                  if (!req) co_return req.error();
                  if (WantsStream(ctx)) {
                    JC_CO_RETURN_IF_ERROR(co_await stream_h(ctx, *req));
                    co_return Streamed(ctx);
                  }
                  auto res = co_await json_h(ctx, *req);
                  if (!res) co_return res.error();
                  co_return Ok(ctx, schema::EncodeJson(*res));
                });
  }

  // A route documented by hand (`doc` is the OpenAPI operation object without summary/tags).
  void Raw(verb method, std::string path, Operation op, json::object doc,
           http::RouteHandler handler);

  // A route that is not part of the API (static assets of the docs UI): routed, not documented.
  void Hidden(verb method, std::string path, http::RouteHandler handler);

  template <typename T>
  json::value SchemaOf() {
    return schemas_.SchemaOf<T>();
  }
  static json::value JsonContent(std::string_view description, json::value schema);
  // A 200 answer that is JSON (`schema`) or, on request, Server-Sent Events (`events`).
  static json::value JsonOrEventStream(json::value schema, std::string_view events);

  const http::Router& Router() const { return router_; }
  bool IsUpload(std::string_view path) const;
  // The OpenAPI 3.1 document of every documented route.
  json::value OpenApi(const ApiInfo& info);

  // A 200 with a JSON body, in the request's HTTP version (for Raw handlers).
  static http::Response Ok(const http::RequestContext& ctx, std::string body) {
    return http::JsonResponse(http::bhttp::status::ok, std::move(body), ctx.request.version());
  }

 private:
  json::object Describe(Operation& op);
  // The operation object of a POST with a JSON body of type Req, answering `ok` with 200.
  template <typename Req>
  json::object PostDoc(Operation& op, json::value ok) {
    op.errors.insert(op.errors.end(), {400, 413, 415, 422});
    json::object doc = Describe(op);
    doc["requestBody"] = json::object{
        {"required", true},
        {"content",
         json::object{{"application/json", json::object{{"schema", schemas_.SchemaOf<Req>()}}}}}};
    doc["responses"].as_object()["200"] = std::move(ok);
    return doc;
  }
  // Whether the request asks for a stream and the connection can carry one.
  static bool WantsStream(const http::RequestContext& ctx);
  // What a stream handler's route returns once it succeeded: a placeholder, as the answer went
  // out through ctx.stream. Throws std::logic_error when the handler never began the stream.
  static http::Response Streamed(const http::RequestContext& ctx);
  void Document(verb method, const std::string& path, const Operation& op, json::object doc);

  http::Router router_;
  schema::SchemaBuilder schemas_;
  json::object paths_;
  std::set<std::string, std::less<>> upload_paths_;
  std::set<std::string, std::less<>> tags_;
};

}  // namespace jc::api
