#include "http/router.hpp"

#include <algorithm>
#include <stdexcept>

namespace jc::http {
namespace {

std::string BuildAllow(const std::vector<std::pair<bhttp::verb, RouteHandler>>& handlers) {
  std::vector<std::string> names;
  for (const auto& [verb, handler] : handlers) {
    names.emplace_back(bhttp::to_string(verb));
    if (verb == bhttp::verb::get) names.emplace_back("HEAD");
  }
  names.emplace_back("OPTIONS");
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out.append(", ");
    out.append(n);
  }
  return out;
}

}  // namespace

void Router::Add(bhttp::verb method, std::string path, RouteHandler handler) {
  auto& entry = paths_[path];
  for (const auto& [verb, existing] : entry.handlers) {
    if (verb == method) throw std::logic_error("route added twice: " + path);
  }
  entry.handlers.emplace_back(method, std::move(handler));
  entry.allow = BuildAllow(entry.handlers);
}

Router::Match Router::Find(bhttp::verb method, std::string_view path) const {
  Match m;
  const auto it = paths_.find(path);
  if (it == paths_.end()) {
    m.error = Error::Make(ErrorCode::kNotFound, "no route for " + std::string(path));
    return m;
  }
  const auto wanted = method == bhttp::verb::head ? bhttp::verb::get : method;
  for (const auto& [verb, handler] : it->second.handlers) {
    if (verb == wanted) {
      m.handler = &handler;
      return m;
    }
  }
  m.allow = it->second.allow;
  m.error = Error::Make(ErrorCode::kMethodNotAllowed,
                        std::string(bhttp::to_string(method)) + " is not allowed on " +
                            std::string(path) + "; allowed: " + m.allow);
  return m;
}

std::string Router::AllowedMethods(std::string_view path) const {
  const auto it = paths_.find(path);
  return it == paths_.end() ? std::string() : it->second.allow;
}

std::vector<Router::RouteInfo> Router::Routes() const {
  std::vector<RouteInfo> out;
  for (const auto& [path, entry] : paths_) {
    for (const auto& [verb, handler] : entry.handlers) out.push_back({verb, path});
  }
  std::sort(out.begin(), out.end(), [](const RouteInfo& a, const RouteInfo& b) {
    return a.path != b.path ? a.path < b.path : a.method < b.method;
  });
  return out;
}

}  // namespace jc::http
