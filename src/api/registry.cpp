#include "api/registry.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "api/dto/common_dto.hpp"
#include "http/response_stream.hpp"
#include "http/sse.hpp"

namespace jc::api {
namespace {

std::string_view StatusText(unsigned status) {
  switch (status) {
    case 400:
      return "Malformed request (invalid JSON or HTTP)";
    case 401:
      return "Not authenticated";
    case 403:
      return "Not allowed";
    case 404:
      return "Not found";
    case 405:
      return "Method not allowed";
    case 413:
      return "Request body too large";
    case 415:
      return "Unsupported file or media type";
    case 422:
      return "Well-formed but invalid, with field-level details";
    case 429:
      return "Rate limited (see Retry-After)";
    case 500:
      return "Unexpected server error (nothing internal is leaked)";
    case 501:
      return "Not implemented yet: the capability lands in a later release";
    case 503:
      return "A dependency is down";
    case 504:
      return "The LLM did not answer in time";
    default:
      return "Error";
  }
}

// "/api/parse-cv-file" -> "parseCvFile"; the method is prefixed when not GET or POST.
std::string OperationId(verb method, std::string_view path) {
  std::string id;
  bool upper = false;
  for (const char c : path.substr(path.rfind("/api/", 0) == 0 ? 5 : 1)) {
    if (c == '/' || c == '-' || c == '.' || c == '_') {
      upper = !id.empty();
      continue;
    }
    id.push_back(upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c);
    upper = false;
  }
  if (method != verb::get && method != verb::post) {
    std::string m(http::bhttp::to_string(method));
    std::transform(m.begin(), m.end(), m.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    id = m + static_cast<char>(std::toupper(static_cast<unsigned char>(id[0]))) + id.substr(1);
  }
  return id.empty() ? "root" : id;
}

std::string_view TagDescription(std::string_view tag) {
  if (tag == "cv") return "Parse a CV (PDF, DOCX, ODT, RTF, HTML, text) into a structured profile.";
  if (tag == "jobs") return "Job requirements, fit scores, improvement suggestions and ranking.";
  if (tag == "generation")
    return "Tailored CVs and cover letters that state only what the profile supports.";
  if (tag == "health") return "Liveness, readiness and diagnostics.";
  if (tag == "docs") return "This API's documentation.";
  return "Operations.";
}

}  // namespace

json::value Registry::JsonContent(std::string_view description, json::value schema) {
  return json::object{
      {"description", description},
      {"content", json::object{{"application/json", json::object{{"schema", std::move(schema)}}}}}};
}

json::value Registry::JsonOrEventStream(json::value schema, std::string_view events) {
  return json::object{
      {"description",
       "OK: JSON, or a stream of Server-Sent Events when the request's Accept header lists "
       "`text/event-stream`."},
      {"content",
       json::object{
           {"application/json", json::object{{"schema", std::move(schema)}}},
           {http::kEventStreamType,
            json::object{{"schema", json::object{{"type", "string"}, {"description", events}}}}},
       }}};
}

bool Registry::WantsStream(const http::RequestContext& ctx) {
  return ctx.stream != nullptr && http::AcceptsEventStream(ctx.request[http::bhttp::field::accept]);
}

http::Response Registry::Streamed(const http::RequestContext& ctx) {
  if (!ctx.stream->Started()) {
    throw std::logic_error("a stream handler succeeded without beginning the stream");
  }
  return http::Response{ctx.stream->Status(), ctx.request.version()};
}

json::object Registry::Describe(Operation& op) {
  // Any request can be malformed HTTP (400), carry too large headers (431) or meet a bug (500).
  op.errors.insert(op.errors.end(), {400, 431, 500});
  std::sort(op.errors.begin(), op.errors.end());
  op.errors.erase(std::unique(op.errors.begin(), op.errors.end()), op.errors.end());
  json::object responses;
  const auto error_schema = schemas_.SchemaOf<ErrorResponseDto>();
  for (const unsigned status : op.errors) {
    auto content = JsonContent(StatusText(status), error_schema);
    if (status == 429 || status == 503) {
      content.as_object()["headers"] = json::object{
          {"Retry-After", json::object{{"description", "Seconds to wait before retrying."},
                                       {"schema", json::object{{"type", "integer"}}}}}};
    }
    responses[std::to_string(status)] = std::move(content);
  }
  return json::object{{"responses", std::move(responses)}};
}

void Registry::Document(verb method, const std::string& path, const Operation& op,
                        json::object doc) {
  doc["summary"] = op.summary;
  if (!op.description.empty()) doc["description"] = op.description;
  doc["tags"] = json::array{op.tag};
  doc["operationId"] = OperationId(method, path);
  doc["security"] = json::array{};  // no authentication yet: every operation is public
  tags_.emplace(op.tag);
  std::string m(http::bhttp::to_string(method));
  std::transform(m.begin(), m.end(), m.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  auto& entry = paths_[path];
  if (!entry.is_object()) entry.emplace_object();
  entry.as_object()[m] = std::move(doc);
  if (op.upload) upload_paths_.emplace(path);
}

void Registry::Raw(verb method, std::string path, Operation op, json::object doc,
                   http::RouteHandler handler) {
  json::object described = Describe(op);
  for (auto& [status, response] : doc["responses"].as_object()) {
    described["responses"].as_object()[status] = response;
  }
  doc["responses"] = std::move(described["responses"]);
  Document(method, path, op, std::move(doc));
  router_.Add(method, std::move(path), std::move(handler));
}

void Registry::Hidden(verb method, std::string path, http::RouteHandler handler) {
  router_.Add(method, std::move(path), std::move(handler));
}

bool Registry::IsUpload(std::string_view path) const {
  return upload_paths_.contains(path);
}

json::value Registry::OpenApi(const ApiInfo& info) {
  json::array tags;
  for (const auto& t : tags_) {
    tags.push_back(json::object{{"name", t}, {"description", TagDescription(t)}});
  }
  return json::object{
      {"openapi", "3.1.0"},
      {"info", json::object{{"title", info.title},
                            {"version", info.version},
                            {"description", info.description},
                            {"license", json::object{{"name", "GPL-2.0-or-later"},
                                                     {"identifier", "GPL-2.0-or-later"}}}}},
      {"servers", json::array{json::object{{"url", "/"}, {"description", "This server"}}}},
      {"tags", std::move(tags)},
      {"paths", paths_},
      {"components", json::object{{"schemas", schemas_.Components()}}},
  };
}

}  // namespace jc::api
