#include "schema/json_body.hpp"

#include <boost/beast/core/string.hpp>

namespace jc::schema {

bool IsJsonMediaType(std::string_view content_type) {
  auto type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  if (boost::beast::iequals(type, "application/json")) return true;
  return type.size() > 17 && boost::beast::iequals(type.substr(0, 12), "application/") &&
         boost::beast::iequals(type.substr(type.size() - 5), "+json");
}

Result<json::value> ParseJsonBody(std::string_view body, std::string_view content_type) {
  if (!IsJsonMediaType(content_type)) {
    return Error::Make(ErrorCode::kUnsupportedMediaType,
                       content_type.empty() ? "the request needs Content-Type: application/json"
                                            : "Content-Type must be application/json, got " +
                                                  std::string(content_type.substr(0, 100)));
  }
  json::parse_options options;
  options.max_depth = 64;
  json::stream_parser parser({}, options);
  boost::system::error_code ec;
  const std::size_t consumed = parser.write(body.data(), body.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    std::string msg = body.empty() ? "the request body is empty; a JSON object is expected"
                                   : "the request body is not valid JSON near byte " +
                                         std::to_string(consumed) + ": " + ec.message();
    return Error::Make(ErrorCode::kBadRequest, std::move(msg), "malformed_json");
  }
  json::value v = parser.release();
  if (!v.is_object()) {
    Error e = Error::Make(ErrorCode::kValidation, "the request body must be a JSON object");
    e.details.push_back({{"body"}, "Input should be a valid dictionary", "model_attributes_type"});
    return e;
  }
  return v;
}

}  // namespace jc::schema
