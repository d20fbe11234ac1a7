// What a route handler sees of one request. Lives for the duration of the request; not shared
// between threads.
#pragma once

#include <string>
#include <string_view>

#include "http/types.hpp"

namespace jc::http {

class ResponseStream;

struct RequestContext {
  Request& request;
  std::string_view path;   // without the query string
  std::string_view query;  // after '?', empty when absent
  std::string request_id;
  // Set when this request's answer may be streamed (HTTP/1.1, not HEAD); null otherwise. See
  // http/response_stream.hpp. Owned by the pipeline; lives as long as the context.
  ResponseStream* stream = nullptr;
};

}  // namespace jc::http
