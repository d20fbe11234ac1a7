#include "http/cors.hpp"

#include <algorithm>
#include <boost/beast/core/string.hpp>

namespace jc::http {
namespace {

// True when `method` is one of the comma-separated names in `allow`.
bool ListContains(std::string_view allow, std::string_view method) {
  while (!allow.empty()) {
    const auto comma = allow.find(',');
    auto item = allow.substr(0, comma);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (boost::beast::iequals(item, method)) return true;
    if (comma == std::string_view::npos) break;
    allow.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace

CorsPolicy::CorsPolicy(CorsOptions options) : options_(std::move(options)) {
  any_origin_ = std::find(options_.allowed_origins.begin(), options_.allowed_origins.end(), "*") !=
                options_.allowed_origins.end();
}

bool CorsPolicy::OriginAllowed(std::string_view origin) const {
  if (origin.empty()) return false;
  if (any_origin_) return true;
  return std::find(options_.allowed_origins.begin(), options_.allowed_origins.end(), origin) !=
         options_.allowed_origins.end();
}

bool CorsPolicy::IsPreflight(const Request& request) {
  return request.method() == bhttp::verb::options &&
         request.find(bhttp::field::origin) != request.end() &&
         request.find(bhttp::field::access_control_request_method) != request.end();
}

Result<Response> CorsPolicy::Preflight(const Request& request, std::string_view allow) const {
  const auto origin = request[bhttp::field::origin];
  if (!OriginAllowed(origin)) {
    return Error::Make(ErrorCode::kForbidden,
                       "origin " + std::string(origin) + " is not allowed by CORS_ORIGINS",
                       "cors_origin_not_allowed");
  }
  if (allow.empty()) return Error::Make(ErrorCode::kNotFound, "no route for this path");
  const auto method = request[bhttp::field::access_control_request_method];
  if (!ListContains(allow, method)) {
    return Error::Make(
        ErrorCode::kMethodNotAllowed,
        std::string(method) + " is not allowed here; allowed: " + std::string(allow));
  }
  Response res{bhttp::status::no_content, request.version()};
  res.set(bhttp::field::access_control_allow_origin, origin);
  res.set(bhttp::field::access_control_allow_methods, allow);
  res.set(bhttp::field::access_control_allow_headers, options_.allowed_headers);
  res.set(bhttp::field::access_control_max_age, std::to_string(options_.max_age_seconds));
  res.set(bhttp::field::vary,
          "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
  return res;
}

void CorsPolicy::Decorate(const Request& request, Response& response) const {
  if (options_.allowed_origins.empty()) return;
  const auto origin = request[bhttp::field::origin];
  if (!OriginAllowed(origin)) return;
  response.set(bhttp::field::access_control_allow_origin, origin);
  response.set(bhttp::field::access_control_expose_headers, options_.exposed_headers);
  response.set(bhttp::field::vary, "Origin");
}

}  // namespace jc::http
