// Proxy selection for the LLM client, with the conventions of curl and most HTTP clients:
// HTTPS_PROXY / https_proxy for https:// targets, HTTP_PROXY / http_proxy for http:// ones,
// and NO_PROXY / no_proxy listing hosts that are reached directly. Loopback targets
// (localhost, *.localhost, 127.0.0.0/8, ::1) are always reached directly.
//
// Only http:// proxies are supported (CONNECT tunnels for https targets, absolute-form
// requests for http ones); user:password in the proxy URL becomes Proxy-Authorization: Basic.
// Plain values and pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.hpp"

namespace jc::llm {

struct ProxySettings {
  std::string https_proxy;  // URL of the proxy for https:// targets (empty = none)
  std::string http_proxy;   // URL of the proxy for http:// targets (empty = none)
  std::string no_proxy;     // comma-separated hosts, domains (".example.com"), IPs, CIDRs, "*"

  // Reads HTTPS_PROXY/https_proxy, HTTP_PROXY/http_proxy, NO_PROXY/no_proxy (lower case wins
  // when both are set, as in curl).
  static ProxySettings FromEnv(
      const std::function<std::optional<std::string>(const std::string&)>& env);
};

struct ProxyServer {
  std::string host;  // without brackets for IPv6
  std::uint16_t port = 1080;
  std::string authorization;  // "Basic ..." when the URL had user:password (never logged)
};

// "http://[user:pass@]host[:port][/]" or "host[:port]". kValidation when unusable (https://
// proxies, socks, no host, bad port).
Result<ProxyServer> ParseProxyUrl(std::string_view url);

bool IsLoopbackHost(std::string_view host);

// Whether `host` (and `port`) is listed in a NO_PROXY value. Entries: "*" (everything),
// "example.com" or ".example.com" or "*.example.com" (the domain and its subdomains),
// "host:port", IP addresses and CIDR ranges ("10.0.0.0/8", "fd00::/8"). Case-insensitive.
bool NoProxyMatches(std::string_view no_proxy, std::string_view host, std::uint16_t port);

// The proxy to use for a target, nullopt for a direct connection, an error when the
// configured proxy URL is unusable.
Result<std::optional<ProxyServer>> ProxyFor(const ProxySettings& settings, bool tls,
                                            std::string_view host, std::uint16_t port);

}  // namespace jc::llm
