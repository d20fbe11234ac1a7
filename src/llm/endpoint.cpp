#include "llm/endpoint.hpp"

#include <charconv>

namespace jc::llm {
namespace {

Error BadUrl(std::string why) {
  return Error::Make(ErrorCode::kValidation, "OPENAI_BASE_URL " + std::move(why));
}

struct ParsedUrl {
  HttpTarget target;
  std::string path;  // without a trailing '/'
};

Result<ParsedUrl> ParseBaseUrl(std::string_view url) {
  ParsedUrl out;
  if (url.starts_with("https://")) {
    out.target = HttpTarget{true, "", 443};
    url.remove_prefix(8);
  } else if (url.starts_with("http://")) {
    out.target = HttpTarget{false, "", 80};
    url.remove_prefix(7);
  } else {
    return BadUrl("must start with http:// or https://");
  }
  url = url.substr(0, url.find_first_of("?#"));
  const auto slash = url.find('/');
  std::string_view authority = url.substr(0, slash);
  out.path = slash == std::string_view::npos ? "" : std::string(url.substr(slash));
  while (!out.path.empty() && out.path.back() == '/') out.path.pop_back();
  if (authority.find('@') != std::string_view::npos) return BadUrl("must not hold credentials");
  std::string_view port_text;
  if (authority.starts_with('[')) {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) return BadUrl("has a malformed IPv6 host");
    out.target.host = std::string(authority.substr(1, close - 1));
    if (authority.size() > close + 1) {
      if (authority[close + 1] != ':') return BadUrl("has a malformed port");
      port_text = authority.substr(close + 2);
    }
  } else {
    const auto colon = authority.find(':');
    out.target.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) port_text = authority.substr(colon + 1);
  }
  if (out.target.host.empty()) return BadUrl("has no host");
  if (!port_text.empty() || authority.ends_with(':')) {
    unsigned port = 0;
    const auto [end, ec] =
        std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (ec != std::errc() || end != port_text.data() + port_text.size() || port == 0 ||
        port > 65535) {
      return BadUrl("has an invalid port");
    }
    out.target.port = static_cast<std::uint16_t>(port);
  }
  return out;
}

// ".../deployments/CHAT" -> ".../deployments/EMBEDDINGS"; other paths are kept.
std::string AzureEmbeddingsBase(const std::string& path, const std::string& deployment) {
  const auto at = path.rfind("/deployments/");
  if (at == std::string::npos) return path;
  return path.substr(0, at) + "/deployments/" + deployment;
}

}  // namespace

Result<ProviderEndpoint> MakeEndpoint(const config::LlmConfig& config) {
  auto parsed = ParseBaseUrl(config.base_url.empty() ? kDefaultBaseUrl : config.base_url);
  if (!parsed) return parsed.error();
  ProviderEndpoint ep;
  ep.target = std::move(parsed->target);
  const std::string& base = parsed->path;
  if (config.provider == config::LlmProvider::kAzure) {
    const std::string query = "?api-version=" + config.api_version;
    ep.chat_path = base + "/chat/completions" + query;
    ep.embeddings_path = AzureEmbeddingsBase(base, config.embeddings_model) + "/embeddings" + query;
    if (!config.api_key.empty()) ep.auth_headers.emplace_back("api-key", config.api_key);
  } else {
    ep.chat_path = base + "/chat/completions";
    ep.embeddings_path = base + "/embeddings";
    if (!config.api_key.empty()) {
      ep.auth_headers.emplace_back("Authorization", "Bearer " + config.api_key);
    }
  }
  return ep;
}

}  // namespace jc::llm
