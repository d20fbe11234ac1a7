#include "http/access_log.hpp"

#include "observability/logger.hpp"

namespace jc::http {

void LogAccess(const Request& request, std::string_view path, const Response& response,
               std::string_view request_id, double duration_ms) {
  auto& logger = obs::Logger::Get();
  const unsigned status = response.result_int();
  const auto level = status >= 500 ? obs::LogLevel::kError : obs::LogLevel::kInfo;
  if (!logger.Enabled(level)) return;
  logger.Log(level, "request", request_id,
             {{"method", std::string_view(request.method_string())},
              {"path", path},
              {"status", status},
              {"durationMs", duration_ms},
              {"bytesIn", request.body().size()},
              {"bytesOut", response.body().size()}});
}

void LogStreamAccess(const Request& request, std::string_view path, unsigned status,
                     std::uint64_t bytes_out, bool complete, std::string_view request_id,
                     double duration_ms) {
  auto& logger = obs::Logger::Get();
  // A client leaving mid-stream is ordinary (a closed tab); a handler failure is logged apart.
  const auto level = status >= 500 ? obs::LogLevel::kError : obs::LogLevel::kInfo;
  if (!logger.Enabled(level)) return;
  logger.Log(level, "request", request_id,
             {{"method", std::string_view(request.method_string())},
              {"path", path},
              {"status", status},
              {"durationMs", duration_ms},
              {"bytesIn", request.body().size()},
              {"bytesOut", bytes_out},
              {"streamed", true},
              {"complete", complete}});
}

}  // namespace jc::http
