// The one place that renders the contract's error envelope:
//   {"error": {"code", "message", "details": [{"loc", "msg", "type"}]}, "requestId": "..."}
// Stateless; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "common/error.hpp"
#include "http/types.hpp"

namespace jc::http {

// The JSON text of the envelope.
std::string ErrorBody(const Error& error, std::string_view request_id);

// A complete response: status from the code, JSON body, Retry-After when the error has one.
Response ErrorResponse(const Error& error, std::string_view request_id, unsigned http_version = 11);

// A JSON response with the given status and body text.
Response JsonResponse(bhttp::status status, std::string body, unsigned http_version = 11);

}  // namespace jc::http
