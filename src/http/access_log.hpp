// The structured access log: one line per answered request with method, path (never the query
// string, which may carry data), status, duration and sizes. Thread-safe (uses the logger).
#pragma once

#include <string_view>

#include "http/types.hpp"

namespace jc::http {

void LogAccess(const Request& request, std::string_view path, const Response& response,
               std::string_view request_id, double duration_ms);

}  // namespace jc::http
