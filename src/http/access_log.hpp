// The structured access log: one line per answered request with method, path (never the query
// string, which may carry data), status, duration and sizes. Thread-safe (uses the logger).
#pragma once

#include <cstdint>
#include <string_view>

#include "http/types.hpp"

namespace jc::http {

void LogAccess(const Request& request, std::string_view path, const Response& response,
               std::string_view request_id, double duration_ms);

// The line for a streamed response: its head's status, the body bytes written, and whether the
// stream ended normally (`complete`: false when the client left or the handler failed).
void LogStreamAccess(const Request& request, std::string_view path, unsigned status,
                     std::uint64_t bytes_out, bool complete, std::string_view request_id,
                     double duration_ms);

}  // namespace jc::http
