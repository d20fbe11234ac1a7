// API documentation, served offline: /openapi.json (built once from the route table), Swagger
// UI at /docs and ReDoc at /redoc, with their assets read once from the web folder (installed
// from the npm registry at pinned versions by scripts/setup.sh). Nothing is fetched from a CDN.
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "api/routes/route_groups.hpp"
#include "observability/logger.hpp"

namespace jc::api {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kCsp =
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; worker-src 'self' blob:; font-src 'self' data:; connect-src 'self'";

struct Asset {
  std::string route;  // e.g. /static/redoc/redoc.standalone.js
  std::string file;   // relative to the web root
  std::string_view type;
};

std::optional<std::string> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

http::RouteHandler ServeBytes(std::shared_ptr<const std::string> bytes, std::string_view type,
                              std::string_view cache_control) {
  return [bytes, type,
          cache_control](http::RequestContext& ctx) -> net::awaitable<Result<http::Response>> {
    if (!bytes) {
      co_return Error::Make(ErrorCode::kUnavailable,
                            "the API docs assets are not installed: run scripts/setup.sh",
                            "docs_assets_missing");
    }
    http::Response res{http::bhttp::status::ok, ctx.request.version()};
    res.set(http::bhttp::field::content_type, type);
    res.set(http::bhttp::field::cache_control, cache_control);
    if (type.starts_with("text/html")) res.set("Content-Security-Policy", kCsp);
    res.body() = *bytes;
    co_return res;
  };
}

json::object HtmlDoc(std::string_view what) {
  json::object responses;
  responses["200"] = json::object{
      {"description", what},
      {"content",
       json::object{{"text/html", json::object{{"schema", json::object{{"type", "string"}}}}}}}};
  return json::object{{"responses", std::move(responses)}};
}

}  // namespace

void AddDocsRoutes(Registry& r, AppServices& s) {
  const fs::path root = s.web_root;
  const std::vector<Asset> assets = {
      {"/docs", "docs.html", "text/html; charset=utf-8"},
      {"/redoc", "redoc.html", "text/html; charset=utf-8"},
      {"/static/docs-init.js", "docs-init.js", "text/javascript; charset=utf-8"},
      {"/static/swagger-ui/swagger-ui.css", "node_modules/swagger-ui-dist/swagger-ui.css",
       "text/css; charset=utf-8"},
      {"/static/swagger-ui/swagger-ui-bundle.js",
       "node_modules/swagger-ui-dist/swagger-ui-bundle.js", "text/javascript; charset=utf-8"},
      {"/static/swagger-ui/swagger-ui-standalone-preset.js",
       "node_modules/swagger-ui-dist/swagger-ui-standalone-preset.js",
       "text/javascript; charset=utf-8"},
      {"/static/swagger-ui/favicon-32x32.png", "node_modules/swagger-ui-dist/favicon-32x32.png",
       "image/png"},
      {"/static/redoc/redoc.standalone.js", "node_modules/redoc/bundles/redoc.standalone.js",
       "text/javascript; charset=utf-8"},
  };
  std::size_t missing = 0;
  for (const auto& a : assets) {
    std::shared_ptr<const std::string> bytes;
    if (auto content = ReadFile(root / a.file)) {
      bytes = std::make_shared<const std::string>(std::move(*content));
    } else {
      ++missing;
    }
    auto handler = ServeBytes(
        bytes, a.type, a.route.starts_with("/static/") ? "public, max-age=86400" : "no-cache");
    if (a.route == "/docs") {
      r.Raw(verb::get, a.route, {.summary = "Swagger UI", .tag = "docs", .errors = {503}},
            HtmlDoc("The interactive API documentation"), std::move(handler));
    } else if (a.route == "/redoc") {
      r.Raw(verb::get, a.route, {.summary = "ReDoc", .tag = "docs", .errors = {503}},
            HtmlDoc("The API reference"), std::move(handler));
    } else {
      r.Hidden(verb::get, a.route, std::move(handler));
    }
  }
  if (missing > 0) {
    obs::LogWarn("API docs assets missing; /docs and /redoc answer 503 until scripts/setup.sh runs",
                 {{"webRoot", root.string()}, {"missing", missing}});
  }

  auto openapi = std::make_shared<std::string>();
  json::object doc_responses;
  doc_responses["200"] = json::object{
      {"description", "This document"},
      {"content", json::object{{"application/json",
                                json::object{{"schema", json::object{{"type", "object"}}}}}}}};
  r.Raw(verb::get, "/openapi.json", {.summary = "The OpenAPI 3.1 document", .tag = "docs"},
        json::object{{"responses", std::move(doc_responses)}},
        [openapi](http::RequestContext& ctx) -> net::awaitable<Result<http::Response>> {
          auto res = http::JsonResponse(http::bhttp::status::ok, *openapi, ctx.request.version());
          res.set(http::bhttp::field::cache_control, "no-cache");
          co_return res;
        });

  ApiInfo info;
  info.version = s.version;
  info.description =
      "Job Copilot parses CVs, analyses job postings, scores fit, suggests improvements and "
      "generates tailored CVs and cover letters that never invent anything. Every error has one "
      "shape: `{\"error\": {\"code\", \"message\", \"details\"}, \"requestId\"}`.";
  *openapi = schema::ToJson(r.OpenApi(info));
  s.openapi_json = openapi;
}

}  // namespace jc::api
