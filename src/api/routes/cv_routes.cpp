// CV parsing routes: base64 JSON and multipart upload. The requests are fully validated here
// (media type, base64, the file part, size); the parser itself lands with the parsing engine.
#include "api/dto/cv_dto.hpp"
#include "api/routes/route_groups.hpp"
#include "common/base64.hpp"
#include "http/multipart.hpp"

namespace jc::api {
namespace {

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

json::object MultipartDoc(Registry& r) {
  json::object file_schema{{"type", "string"},
                           {"contentMediaType", "application/octet-stream"},
                           {"description", "The CV: PDF, DOCX, ODT, RTF, HTML or text."}};
  json::object form{
      {"type", "object"},
      {"required", json::array{"file"}},
      {"properties",
       json::object{{"file", std::move(file_schema)},
                    {"asOf", json::object{{"type", "string"},
                                          {"pattern", "^[0-9]{4}(-(0[1-9]|1[0-2]))?$"}}}}}};
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
       .errors = {501},
       .upload = true},
      [max_file](http::RequestContext&,
                 ParseCvRequest& req) -> net::awaitable<Result<ParseCvResponse>> {
        const auto bytes = Base64Decode(req.fileData);
        if (!bytes) co_return InvalidField("fileData", "is not valid base64", "base64");
        JC_CO_RETURN_IF_ERROR(CheckFile("fileData", bytes->size(), max_file));
        co_return NotImplemented("CV parsing");
      });

  r.Raw(verb::post, "/api/parse-cv-file",
        {.summary = "Parse a CV uploaded as multipart/form-data",
         .description = "The file goes in the form field `file`. Same answer as /api/parse-cv.",
         .tag = "cv",
         .errors = {400, 413, 415, 422, 501},
         .upload = true},
        MultipartDoc(r),
        [max_file](http::RequestContext& ctx) -> net::awaitable<Result<http::Response>> {
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
          co_return NotImplemented("CV parsing");
        });
}

}  // namespace jc::api
