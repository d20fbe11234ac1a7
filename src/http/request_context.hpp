// What a route handler sees of one request. Lives for the duration of the request; not shared
// between threads.
#pragma once

#include <string>
#include <string_view>

#include "http/types.hpp"

namespace jc::http {

struct RequestContext {
  Request& request;
  std::string_view path;   // without the query string
  std::string_view query;  // after '?', empty when absent
  std::string request_id;
};

}  // namespace jc::http
