// ProviderEndpoint: where and how the client talks to the configured provider, derived once
// from LlmConfig: the host, the request paths (with Azure's ?api-version=) and the
// authentication headers (Authorization: Bearer for OpenAI-compatible servers, none without a
// key, api-key for Azure).
//
// Azure's base URL is the chat deployment's URL (.../openai/deployments/NAME); embeddings go
// to the deployment named by OPENAI_EMBEDDINGS_MODEL beside it.
// A plain value; the headers hold the key, so never log them.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "common/error.hpp"
#include "config/config.hpp"
#include "llm/http_transport.hpp"

namespace jc::llm {

inline constexpr const char* kDefaultBaseUrl = "https://api.openai.com/v1";

struct ProviderEndpoint {
  HttpTarget target;
  std::string chat_path;        // e.g. "/v1/chat/completions"
  std::string embeddings_path;  // e.g. "/v1/embeddings"
  std::vector<std::pair<std::string, std::string>> auth_headers;
};

// Fails (kValidation) for a base URL that is not http(s)://host[:port][/path].
Result<ProviderEndpoint> MakeEndpoint(const config::LlmConfig& config);

}  // namespace jc::llm
