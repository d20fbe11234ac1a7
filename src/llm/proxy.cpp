#include "llm/proxy.hpp"

#include <algorithm>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/network_v4.hpp>
#include <boost/asio/ip/network_v6.hpp>
#include <cctype>
#include <charconv>

#include "common/base64.hpp"

namespace jc::llm {
namespace {

namespace ip = boost::asio::ip;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string_view StripBrackets(std::string_view host) {
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    return host.substr(1, host.size() - 2);
  }
  return host;
}

std::optional<ip::address> AsAddress(std::string_view host) {
  boost::system::error_code ec;
  const auto addr = ip::make_address(std::string(StripBrackets(host)), ec);
  if (ec) return std::nullopt;
  return addr;
}

std::optional<std::uint16_t> ParsePort(std::string_view s) {
  unsigned port = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), port);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || port == 0 || port > 65535) {
    return std::nullopt;
  }
  return static_cast<std::uint16_t>(port);
}

// Splits "host:port" / "[v6]:port" / "host" / a bare IPv6 address into host and port text.
std::pair<std::string_view, std::string_view> SplitHostPort(std::string_view s) {
  if (!s.empty() && s.front() == '[') {
    const auto close = s.find(']');
    if (close == std::string_view::npos) return {s, {}};
    const auto rest = s.substr(close + 1);
    return {s.substr(1, close - 1), rest.starts_with(':') ? rest.substr(1) : std::string_view{}};
  }
  const auto colon = s.rfind(':');
  if (colon == std::string_view::npos || s.find(':') != colon) return {s, {}};  // none, or IPv6
  return {s.substr(0, colon), s.substr(colon + 1)};
}

bool InCidr(const ip::address& addr, std::string_view cidr) {
  boost::system::error_code ec;
  if (addr.is_v4()) {
    const auto net = ip::make_network_v4(std::string(cidr), ec);
    if (ec) return false;
    return ip::network_v4(addr.to_v4(), net.prefix_length()).canonical() == net.canonical();
  }
  const auto net = ip::make_network_v6(std::string(cidr), ec);
  if (ec) return false;
  return ip::network_v6(addr.to_v6(), net.prefix_length()).canonical() == net.canonical();
}

bool EntryMatches(std::string_view entry, const std::string& host,
                  const std::optional<ip::address>& host_ip, std::uint16_t port) {
  if (entry == "*") return true;
  if (host_ip && entry.find('/') != std::string_view::npos) return InCidr(*host_ip, entry);
  auto [name, port_text] = SplitHostPort(entry);
  if (!port_text.empty()) {
    const auto entry_port = ParsePort(port_text);
    if (!entry_port || *entry_port != port) return false;
  }
  if (host_ip) {
    const auto entry_ip = AsAddress(name);
    return entry_ip && *entry_ip == *host_ip;
  }
  if (name.starts_with("*.")) name.remove_prefix(2);
  if (name.starts_with('.')) name.remove_prefix(1);
  if (name.ends_with('.')) name.remove_suffix(1);
  if (name.empty()) return false;
  if (host == name) return true;
  return host.size() > name.size() && host.ends_with(name) &&
         host[host.size() - name.size() - 1] == '.';
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned value = 0;
    if (s[i] == '%' && i + 2 < s.size() &&
        std::from_chars(s.data() + i + 1, s.data() + i + 3, value, 16).ptr == s.data() + i + 3) {
      out.push_back(static_cast<char>(value));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

}  // namespace

ProxySettings ProxySettings::FromEnv(
    const std::function<std::optional<std::string>(const std::string&)>& env) {
  const auto first = [&](const char* lower, const char* upper) {
    if (auto v = env(lower); v && !Trim(*v).empty()) return std::string(Trim(*v));
    if (auto v = env(upper)) return std::string(Trim(*v));
    return std::string();
  };
  return ProxySettings{first("https_proxy", "HTTPS_PROXY"), first("http_proxy", "HTTP_PROXY"),
                       first("no_proxy", "NO_PROXY")};
}

Result<ProxyServer> ParseProxyUrl(std::string_view url) {
  url = Trim(url);
  if (const auto scheme_end = url.find("://"); scheme_end != std::string_view::npos) {
    if (Lower(url.substr(0, scheme_end)) != "http") {
      return Error::Make(ErrorCode::kValidation, "only http:// proxies are supported");
    }
    url.remove_prefix(scheme_end + 3);
  }
  url = url.substr(0, url.find('/'));
  ProxyServer proxy;
  if (const auto at = url.rfind('@'); at != std::string_view::npos) {
    const auto userinfo = url.substr(0, at);
    const auto colon = userinfo.find(':');
    const std::string user = PercentDecode(userinfo.substr(0, colon));
    const std::string pass =
        colon == std::string_view::npos ? "" : PercentDecode(userinfo.substr(colon + 1));
    proxy.authorization = "Basic " + Base64Encode(user + ":" + pass);
    url.remove_prefix(at + 1);
  }
  const auto [host, port_text] = SplitHostPort(url);
  if (host.empty()) return Error::Make(ErrorCode::kValidation, "the proxy URL has no host");
  proxy.host = std::string(host);
  if (!port_text.empty()) {
    const auto port = ParsePort(port_text);
    if (!port) return Error::Make(ErrorCode::kValidation, "the proxy URL has an invalid port");
    proxy.port = *port;
  }
  return proxy;
}

bool IsLoopbackHost(std::string_view host) {
  const std::string h = Lower(StripBrackets(host));
  if (h == "localhost" || h == "localhost." || h.ends_with(".localhost")) return true;
  const auto addr = AsAddress(h);
  return addr && addr->is_loopback();
}

bool NoProxyMatches(std::string_view no_proxy, std::string_view host, std::uint16_t port) {
  std::string h = Lower(StripBrackets(host));
  if (h.ends_with('.')) h.pop_back();
  const auto host_ip = AsAddress(h);
  while (!no_proxy.empty()) {
    const auto comma = no_proxy.find(',');
    const std::string entry = Lower(Trim(no_proxy.substr(0, comma)));
    no_proxy = comma == std::string_view::npos ? "" : no_proxy.substr(comma + 1);
    if (!entry.empty() && EntryMatches(entry, h, host_ip, port)) return true;
  }
  return false;
}

Result<std::optional<ProxyServer>> ProxyFor(const ProxySettings& settings, bool tls,
                                            std::string_view host, std::uint16_t port) {
  const std::string& url = tls ? settings.https_proxy : settings.http_proxy;
  if (url.empty() || IsLoopbackHost(host) || NoProxyMatches(settings.no_proxy, host, port)) {
    return std::optional<ProxyServer>();
  }
  auto proxy = ParseProxyUrl(url);
  if (!proxy) return proxy.error();
  return std::optional<ProxyServer>(std::move(*proxy));
}

}  // namespace jc::llm
