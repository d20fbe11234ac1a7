// CORS for browser clients: answers preflights and decorates actual responses, for the origins
// configured in CORS_ORIGINS ("*" allows any). No origin configured means no CORS headers at all,
// which browsers treat as "same origin only". Read-only after construction; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "http/types.hpp"

namespace jc::http {

struct CorsOptions {
  std::vector<std::string> allowed_origins;  // exact origins, or "*"
  std::string allowed_headers = "Authorization, Content-Type, X-API-Key, X-Request-ID";
  std::string exposed_headers = "Retry-After, X-Request-ID";
  int max_age_seconds = 600;
};

class CorsPolicy {
 public:
  explicit CorsPolicy(CorsOptions options);

  bool OriginAllowed(std::string_view origin) const;

  // OPTIONS with Origin and Access-Control-Request-Method.
  static bool IsPreflight(const Request& request);

  // The answer to a preflight for a path whose methods are `allow` (empty: unknown path).
  // Errors: kForbidden (slug "cors_origin_not_allowed"), kNotFound, kMethodNotAllowed.
  Result<Response> Preflight(const Request& request, std::string_view allow) const;

  // Adds Access-Control-Allow-Origin and friends when the request's origin is allowed.
  void Decorate(const Request& request, Response& response) const;

 private:
  CorsOptions options_;
  bool any_origin_ = false;
};

}  // namespace jc::http
