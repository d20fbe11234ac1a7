// Maps (method, path) to a route handler. Paths are matched exactly (the contract has no path
// parameters). A known path with an unknown method is a 405 carrying the Allow header; HEAD is
// served by the GET handler. Routes are added at start-up, then the router is read-only and
// safe to share between threads.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/error.hpp"
#include "http/request_context.hpp"
#include "http/types.hpp"

namespace jc::http {

using RouteHandler = std::function<net::awaitable<Result<Response>>(RequestContext&)>;

class Router {
 public:
  // Registers a handler. Adding the same method and path twice is a programmer error (throws).
  void Add(bhttp::verb method, std::string path, RouteHandler handler);

  struct Match {
    const RouteHandler* handler = nullptr;  // set on success
    Error error;                            // kNotFound or kMethodNotAllowed otherwise
    std::string allow;                      // for 405 and OPTIONS: "GET, HEAD, OPTIONS"
  };
  Match Find(bhttp::verb method, std::string_view path) const;

  // "GET, HEAD, OPTIONS" for a known path, empty for an unknown one.
  std::string AllowedMethods(std::string_view path) const;

  struct RouteInfo {
    bhttp::verb method;
    std::string path;
  };
  std::vector<RouteInfo> Routes() const;

 private:
  struct PathRoutes {
    std::vector<std::pair<bhttp::verb, RouteHandler>> handlers;
    std::string allow;
  };
  struct PathHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, PathRoutes, PathHash, std::equal_to<>> paths_;
};

}  // namespace jc::http
