#include "http/sse.hpp"

#include <boost/beast/core/string.hpp>

namespace jc::http {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The media type of a "type/subtype; params" value, trimmed.
std::string_view MediaType(std::string_view value) {
  return Trim(value.substr(0, value.find(';')));
}

// Whether the parameters of one Accept item ("; q=0.5; x=y") set the quality to zero.
bool ZeroQuality(std::string_view params) {
  while (!params.empty()) {
    const auto semi = params.find(';');
    const auto param = Trim(params.substr(0, semi));
    params = semi == std::string_view::npos ? std::string_view{} : params.substr(semi + 1);
    if (param.size() < 2 || (param[0] != 'q' && param[0] != 'Q') || param[1] != '=') continue;
    const auto q = Trim(param.substr(2));
    // A quality is "0", "0.", "0.0"... or a positive number; anything else counts as positive.
    return !q.empty() && q.find_first_not_of("0.") == std::string_view::npos;
  }
  return false;
}

}  // namespace

std::string SseEvent(std::string_view name, std::string_view data) {
  std::string out;
  out.reserve(name.size() + data.size() + 16);
  if (!name.empty()) {
    out.append("event: ");
    for (const char c : name) {
      if (c != '\r' && c != '\n') out.push_back(c);
    }
    out.push_back('\n');
  }
  for (;;) {
    const auto end = data.find_first_of("\r\n");
    const auto line = data.substr(0, end);
    out.append(line.empty() ? "data:" : "data: ");
    out.append(line);
    out.push_back('\n');
    if (end == std::string_view::npos) break;
    const bool crlf = data[end] == '\r' && end + 1 < data.size() && data[end + 1] == '\n';
    data.remove_prefix(end + (crlf ? 2 : 1));
  }
  out.push_back('\n');
  return out;
}

std::string_view SsePing() {
  return ": ping\n\n";
}

bool IsEventStream(std::string_view content_type) {
  return boost::beast::iequals(MediaType(content_type), kEventStreamType);
}

bool AcceptsEventStream(std::string_view accept) {
  while (!accept.empty()) {
    const auto comma = accept.find(',');
    const auto item = accept.substr(0, comma);
    accept = comma == std::string_view::npos ? std::string_view{} : accept.substr(comma + 1);
    if (!IsEventStream(item)) continue;
    const auto semi = item.find(';');
    if (semi == std::string_view::npos || !ZeroQuality(item.substr(semi + 1))) return true;
  }
  return false;
}

}  // namespace jc::http
