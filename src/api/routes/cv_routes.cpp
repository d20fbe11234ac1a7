// CV parsing routes: base64 JSON and multipart upload. The requests are validated here (media
// type, base64, the file part, size, asOf); the file itself is parsed in a sandboxed worker
// process (see cv_parse_job.hpp), called from the CPU pool so no I/O thread ever waits on it.
// With an LLM configured, the model then reviews the parse (RefineProfile in llm_refinement.hpp)
// unless the request says options.engine "local" (the form field `engine` for an upload).
#include <boost/json/parse.hpp>
#include <chrono>

#include "api/cv_parse_job.hpp"
#include "api/dto/cv_dto.hpp"
#include "api/llm_refinement.hpp"
#include "api/routes/route_groups.hpp"
#include "common/base64.hpp"
#include "http/multipart.hpp"
#include "sandbox/process_pool.hpp"
#include "schema/schema.hpp"

namespace jc::api {
namespace {

using Clock = std::chrono::steady_clock;

Error InvalidField(std::string field, std::string message, std::string type) {
  Error e = Error::Make(ErrorCode::kValidation, field + " " + message);
  e.details.push_back({{"body", field}, std::move(message), std::move(type)});
  return e;
}

// Checks the decoded file: not empty, not past the upload limit.
Status CheckFile(std::string_view field, std::size_t size, std::size_t max_bytes) {
  if (size == 0) return InvalidField(std::string(field), "is an empty file", "empty_file");
  if (size > max_bytes) {
    return Error::Make(ErrorCode::kPayloadTooLarge,
                       "the file is larger than " + std::to_string(max_bytes) + " bytes");
  }
  return {};
}

// What the caller said the file is: an explicit type wins, then a specific MIME type, then the
// file name's extension. Empty when nothing was said (the bytes decide).
std::string DeclaredType(std::string_view file_type, std::string_view mime, std::string_view name) {
  if (!file_type.empty()) return std::string(file_type);
  if (!mime.empty() && mime != "application/octet-stream") return std::string(mime);
  return std::string(name);
}

// A described enum from its name (a form field), or nullopt.
template <typename E>
std::optional<E> EnumOf(std::string_view s) {
  E value{};
  if (!boost::describe::enum_from_string(std::string(s).c_str(), value)) return std::nullopt;
  return value;
}

// Parses one file in the sandbox, lets the LLM review it when one is in use, and completes the
// answer's meta.
net::awaitable<Result<ParseCvResponse>> ParseFile(AppServices& services, std::string_view bytes,
                                                  std::string declared,
                                                  const std::optional<std::string>& as_of,
                                                  std::optional<EngineChoice> engine,
                                                  Clock::time_point started) {
  if (services.cv_parser == nullptr) co_return NotImplemented("CV parsing");
  EngineUse use(services.llm, engine);
  JC_CO_RETURN_IF_ERROR(use.Precheck());
  domain::PartialDate reference = CurrentMonth();
  if (as_of) {
    const auto parsed = domain::PartialDate::Parse(*as_of);
    if (!parsed) co_return InvalidField("asOf", "must be YYYY-MM or YYYY", "partial_date");
    reference = *parsed;
  }
  const std::string job = EncodeParseJob({.bytes = bytes,
                                          .declared_type = declared,
                                          .as_of = reference,
                                          .max_pages = services.config.parse.max_pages,
                                          .with_text = use.Try()});
  sandbox::ProcessPool& pool = *services.cv_parser;
  auto reply = co_await services.workers.Run([&pool, &job] { return pool.Call(job); });
  if (!reply) co_return reply.error();

  const ParseReply parts = SplitParseReply(*reply);
  boost::system::error_code ec;
  const auto value = boost::json::parse(parts.json, ec);
  if (ec) co_return Error::Make(ErrorCode::kInternal, "the parser sent a malformed answer");
  auto response = schema::Decode<ParseCvResponse>(value);
  if (!response) co_return Error::Make(ErrorCode::kInternal, "the parser sent a malformed answer");
  JC_CO_RETURN_IF_ERROR(co_await RefineProfile(use, *response, parts.text, services.skills,
                                               services.workers, reference));
  use.Fill(response->meta);
  response->meta.durationMs =
      std::chrono::duration<double, std::milli>(Clock::now() - started).count();
  co_return std::move(*response);
}

json::object MultipartDoc(Registry& r) {
  json::object file_schema{{"type", "string"},
                           {"contentMediaType", "application/octet-stream"},
                           {"description", "The CV: PDF, DOCX, ODT, RTF, HTML or text."}};
  json::object form{
      {"type", "object"},
      {"required", json::array{"file"}},
      {"properties",
       json::object{
           {"file", std::move(file_schema)},
           {"fileType",
            json::object{{"type", "string"},
                         {"enum", json::array{"pdf", "docx", "odt", "rtf", "html", "txt"}},
                         {"description", "Optional: a type that contradicts the bytes is a 415."}}},
           {"asOf", json::object{{"type", "string"}, {"pattern", "^[0-9]{4}(-(0[1-9]|1[0-2]))?$"}}},
           {"engine", json::object{{"type", "string"},
                                   {"enum", json::array{"local", "llm"}},
                                   {"description",
                                    "As options.engine of /api/parse-cv: \"local\" skips the LLM, "
                                    "\"llm\" requires it."}}}}}};
  json::object doc{
      {"requestBody",
       json::object{{"required", true},
                    {"content", json::object{{"multipart/form-data",
                                              json::object{{"schema", std::move(form)}}}}}}}};
  json::object responses;
  responses["200"] = Registry::JsonContent("OK", r.SchemaOf<ParseCvResponse>());
  doc["responses"] = std::move(responses);
  return doc;
}

}  // namespace

void AddCvRoutes(Registry& r, AppServices& services) {
  const std::size_t max_file = services.config.server.max_upload_bytes;

  r.Post<ParseCvRequest, ParseCvResponse>(
      "/api/parse-cv",
      {.summary = "Parse a CV sent as base64 JSON",
       .description = "Turns a CV (PDF, DOCX, ODT, RTF, HTML, text) into a structured profile "
                      "with feedback. The type is sniffed from the bytes.",
       .tag = "cv",
       .errors = {413, 415, 422, 503, 504},
       .upload = true},
      [max_file, &services](http::RequestContext&,
                            ParseCvRequest& req) -> net::awaitable<Result<ParseCvResponse>> {
        const auto started = Clock::now();
        const auto bytes = Base64Decode(req.fileData);
        if (!bytes) co_return InvalidField("fileData", "is not valid base64", "base64");
        JC_CO_RETURN_IF_ERROR(CheckFile("fileData", bytes->size(), max_file));
        const std::string_view type =
            req.fileType ? boost::describe::enum_to_string(*req.fileType, "") : "";
        co_return co_await ParseFile(services, *bytes,
                                     DeclaredType(type, "", req.fileName.value_or("")), req.asOf,
                                     req.options ? req.options->engine : std::nullopt, started);
      });

  r.Raw(verb::post, "/api/parse-cv-file",
        {.summary = "Parse a CV uploaded as multipart/form-data",
         .description = "The file goes in the form field `file`. Same answer as /api/parse-cv.",
         .tag = "cv",
         .errors = {400, 413, 415, 422, 503, 504},
         .upload = true},
        MultipartDoc(r),
        [max_file, &services](http::RequestContext& ctx) -> net::awaitable<Result<http::Response>> {
          const auto started = Clock::now();
          const auto boundary =
              http::MultipartBoundary(ctx.request[http::bhttp::field::content_type]);
          if (!boundary) co_return boundary.error();
          const auto parts = http::ParseMultipart(ctx.request.body(), *boundary);
          if (!parts) co_return parts.error();
          const auto* file = http::FindPart(*parts, "file");
          if (!file) {
            Error e = Error::Make(ErrorCode::kValidation, "the form has no field named file");
            e.details.push_back({{"body", "file"}, "Field required", "missing"});
            co_return e;
          }
          JC_CO_RETURN_IF_ERROR(CheckFile("file", file->data.size(), max_file));
          std::optional<std::string> as_of;
          if (const auto* part = http::FindPart(*parts, "asOf")) as_of = std::string(part->data);
          std::string file_type;
          if (const auto* part = http::FindPart(*parts, "fileType")) {
            file_type = std::string(part->data);
            if (!EnumOf<FileType>(file_type)) {
              co_return InvalidField("fileType", "must be one of pdf, docx, odt, rtf, html, txt",
                                     "enum");
            }
          }
          std::optional<EngineChoice> engine;
          if (const auto* part = http::FindPart(*parts, "engine")) {
            engine = EnumOf<EngineChoice>(part->data);
            if (!engine) co_return InvalidField("engine", "must be local or llm", "enum");
          }
          auto response = co_await ParseFile(
              services, file->data, DeclaredType(file_type, file->content_type, file->filename),
              as_of, engine, started);
          if (!response) co_return response.error();
          co_return Registry::Ok(ctx, schema::EncodeJson(*response));
        });
}

}  // namespace jc::api
