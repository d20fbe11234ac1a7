#include "http/error_response.hpp"

#include "common/json_text.hpp"

namespace jc::http {

std::string ErrorBody(const Error& error, std::string_view request_id) {
  std::string out;
  out.reserve(128 + error.message.size());
  out.append("{\"error\":{\"code\":");
  AppendJsonString(out, error.slug.empty() ? DefaultSlug(error.code) : error.slug);
  out.append(",\"message\":");
  AppendJsonString(out, error.message);
  out.append(",\"details\":[");
  bool first = true;
  for (const auto& d : error.details) {
    if (!first) out.push_back(',');
    first = false;
    out.append("{\"loc\":[");
    for (std::size_t i = 0; i < d.loc.size(); ++i) {
      if (i) out.push_back(',');
      AppendJsonString(out, d.loc[i]);
    }
    out.append("],\"msg\":");
    AppendJsonString(out, d.msg);
    out.append(",\"type\":");
    AppendJsonString(out, d.type);
    out.push_back('}');
  }
  out.append("]},\"requestId\":");
  AppendJsonString(out, request_id);
  out.push_back('}');
  return out;
}

Response JsonResponse(bhttp::status status, std::string body, unsigned http_version) {
  Response res{status, http_version};
  res.set(bhttp::field::content_type, "application/json");
  res.body() = std::move(body);
  return res;
}

Response ErrorResponse(const Error& error, std::string_view request_id, unsigned http_version) {
  Response res = JsonResponse(static_cast<bhttp::status>(HttpStatus(error.code)),
                              ErrorBody(error, request_id), http_version);
  if (error.retry_after_seconds > 0) {
    res.set(bhttp::field::retry_after, std::to_string(error.retry_after_seconds));
  }
  return res;
}

}  // namespace jc::http
