// OpenAiClient: the LlmClient that talks to an OpenAI-compatible HTTP API (OpenAI, Azure
// OpenAI, Ollama, vLLM, llama.cpp...).
//
// Each call: circuit breaker (fails at once while open) -> concurrency limit (an async queue,
// LLM_MAX_CONCURRENCY) -> attempts with retries on 408/429/5xx/connection errors and
// unreadable answers (exponential backoff with full jitter, Retry-After honoured when it fits)
// -> one log line (model, status, attempts, latency, tokens; never the key or any content).
// The whole call, queueing included, is bounded by LLM_TIMEOUT_MS.
//
// Owns its transport (TLS context), breaker and semaphore. Thread-safe: any number of calls
// may run concurrently on any executors; each runs on its caller's executor.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <string>

#include "config/config.hpp"
#include "llm/async_semaphore.hpp"
#include "llm/circuit_breaker.hpp"
#include "llm/endpoint.hpp"
#include "llm/http_transport.hpp"
#include "llm/llm_client.hpp"
#include "llm/proxy.hpp"
#include "llm/retry_policy.hpp"

namespace jc::llm {

struct OpenAiClientOptions {
  config::LlmConfig llm;
  ProxySettings proxy;  // none by default; the app passes ProxySettings::FromEnv(...)
  // Host name -> IP address used instead of DNS (like curl --resolve). For tests.
  std::map<std::string, std::string> resolve;
  CircuitBreaker::Now clock;  // the breaker's clock; default steady_clock (tests inject one)
  BackoffPolicy backoff;      // 250 ms base, 8 s cap
};

class OpenAiClient final : public LlmClient {
 public:
  // Fails (kValidation) for an unusable base URL or CA bundle.
  static Result<std::unique_ptr<OpenAiClient>> Create(OpenAiClientOptions options);

  boost::asio::awaitable<Result<ChatResult>> Chat(ChatRequest request) override;
  boost::asio::awaitable<Result<ChatResult>> ChatStream(
      ChatRequest request, std::function<void(std::string_view)> on_delta) override;
  boost::asio::awaitable<Result<std::vector<std::vector<float>>>> Embed(
      std::vector<std::string> inputs) override;
  std::string_view Model() const override { return options_.llm.model; }

  CircuitBreaker::State BreakerState() { return breaker_.CurrentState(); }

 private:
  struct Call;

  OpenAiClient(OpenAiClientOptions options, ProviderEndpoint endpoint,
               std::unique_ptr<HttpTransport> transport);

  // Admission, attempts and retries of one call; `call` decodes each 2xx answer.
  boost::asio::awaitable<Status> Execute(Call& call);
  boost::asio::awaitable<Status> Attempts(Call& call);
  void LogCall(const Call& call, const Status& status) const;
  std::string Redact(std::string message) const;

  const OpenAiClientOptions options_;
  const ProviderEndpoint endpoint_;
  const std::unique_ptr<HttpTransport> transport_;
  CircuitBreaker breaker_;
  AsyncSemaphore semaphore_;
  std::mutex rng_mu_;
  std::mt19937_64 rng_;
};

}  // namespace jc::llm
