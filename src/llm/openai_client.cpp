#include "llm/openai_client.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/serialize.hpp>
#include <optional>

#include "llm/openai_call.hpp"
#include "llm/request_body.hpp"
#include "llm/stream_collector.hpp"
#include "observability/logger.hpp"

namespace jc::llm {
namespace {

namespace net = boost::asio;
using Clock = std::chrono::steady_clock;

double MillisBetween(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

ChatBodyOptions BodyOptions(const config::LlmConfig& llm, bool stream) {
  return {.model = llm.model,
          .default_max_tokens = llm.max_tokens,
          .capability = llm.structured_output,
          .stream = stream,
          .token_limit = llm.token_limit_param};
}

}  // namespace

Result<std::unique_ptr<OpenAiClient>> OpenAiClient::Create(OpenAiClientOptions options) {
  auto endpoint = MakeEndpoint(options.llm);
  if (!endpoint) return endpoint.error();
  auto transport = HttpTransport::Create(TransportOptions{
      options.llm.connect_timeout, options.llm.ca_file, options.proxy, options.resolve});
  if (!transport) return transport.error();
  return std::unique_ptr<OpenAiClient>(
      new OpenAiClient(std::move(options), std::move(*endpoint), std::move(*transport)));
}

OpenAiClient::OpenAiClient(OpenAiClientOptions options, ProviderEndpoint endpoint,
                           std::unique_ptr<HttpTransport> transport)
    : options_(std::move(options)),
      endpoint_(std::move(endpoint)),
      transport_(std::move(transport)),
      breaker_(options_.llm.breaker_failures, options_.llm.breaker_cooldown, options_.clock),
      semaphore_(options_.llm.max_concurrency),
      rng_(std::random_device{}()) {}

net::awaitable<Result<ChatResult>> OpenAiClient::Chat(ChatRequest request) {
  if (request.messages.empty()) {
    co_return Error::Make(ErrorCode::kValidation, "a chat request needs at least one message");
  }
  Call call{.op = "chat", .model = options_.llm.model, .path = &endpoint_.chat_path};
  call.body = boost::json::serialize(ChatRequestBody(request, BodyOptions(options_.llm, false)));
  ChatResult result;
  call.accept = [&](HttpResponse& response) -> Status {
    auto decoded = DecodeChatCompletion(response.body);
    if (!decoded) return decoded.error();
    result = std::move(*decoded);
    call.usage = result.usage;
    return {};
  };
  const auto status = co_await Execute(call);
  if (!status) co_return status.error();
  result.attempts = call.attempts;
  result.latency_ms = MillisBetween(call.started, call.finished);
  co_return result;
}

net::awaitable<Result<ChatResult>> OpenAiClient::ChatStream(
    ChatRequest request, std::function<void(std::string_view)> on_delta) {
  if (request.messages.empty()) {
    co_return Error::Make(ErrorCode::kValidation, "a chat request needs at least one message");
  }
  Call call{.op = "chat_stream", .model = options_.llm.model, .path = &endpoint_.chat_path};
  call.body = boost::json::serialize(ChatRequestBody(request, BodyOptions(options_.llm, true)));
  call.stream = true;
  call.on_delta = &on_delta;
  ChatResult result;
  call.accept = [&](HttpResponse&) -> Status {
    auto finished = call.collector->Finish();
    if (!finished) return finished.error();
    result = std::move(*finished);
    call.usage = result.usage;
    return {};
  };
  const auto status = co_await Execute(call);
  if (!status) co_return status.error();
  result.attempts = call.attempts;
  result.latency_ms = MillisBetween(call.started, call.finished);
  co_return result;
}

net::awaitable<Result<std::vector<std::vector<float>>>> OpenAiClient::Embed(
    std::vector<std::string> inputs) {
  if (inputs.empty()) co_return std::vector<std::vector<float>>();
  Call call{.op = "embeddings",
            .model = options_.llm.embeddings_model,
            .path = &endpoint_.embeddings_path};
  call.body = boost::json::serialize(EmbeddingsRequestBody(options_.llm.embeddings_model, inputs));
  std::vector<std::vector<float>> vectors;
  call.accept = [&](HttpResponse& response) -> Status {
    auto decoded = DecodeEmbeddings(response.body, inputs.size());
    if (!decoded) return decoded.error();
    vectors = std::move(*decoded);
    return {};
  };
  const auto status = co_await Execute(call);
  if (!status) co_return status.error();
  co_return vectors;
}

net::awaitable<Status> OpenAiClient::Execute(Call& call) {
  call.deadline = Clock::now() + options_.llm.timeout;
  call.started = call.finished = Clock::now();
  const auto admission = breaker_.TryAcquire();
  if (!admission.admitted) {
    Error e = Error::Make(ErrorCode::kUnavailable,
                          "the LLM provider keeps failing; calls are paused for a moment");
    e.retry_after_seconds = CeilSeconds(admission.retry_after);
    LogCall(call, e);
    co_return e;
  }
  // Tells the breaker how the admitted call went, exactly once, even if this coroutine is
  // destroyed mid-call (its io_context shut down): a lost verdict would wedge a probe.
  struct Verdict {
    CircuitBreaker& breaker;
    std::optional<bool> healthy;
    ~Verdict() {
      if (!healthy) {
        breaker.OnAbandoned();
      } else if (*healthy) {
        breaker.OnSuccess();
      } else {
        breaker.OnFailure();
      }
    }
  } verdict{breaker_, std::nullopt};
  // Awaited into a local: g++ 12 miscompiles `!co_await` inside a condition.
  const bool admitted = co_await semaphore_.Acquire(call.deadline);
  if (!admitted) {
    Status timeout = Error::Make(ErrorCode::kUpstreamTimeout,
                                 "no LLM call slot became free before the deadline");
    LogCall(call, timeout);
    co_return timeout;
  }
  AsyncSemaphore::Permit permit(&semaphore_);
  call.started = Clock::now();
  const Status status = co_await Attempts(call);
  call.finished = Clock::now();
  if (status || status.error().code == ErrorCode::kValidation) {
    verdict.healthy = true;  // a rejected request still proves the provider is up
  } else if (status.error().code == ErrorCode::kUnavailable ||
             status.error().code == ErrorCode::kUpstreamTimeout) {
    verdict.healthy = false;
  }
  LogCall(call, status);
  co_return status;
}

void OpenAiClient::LogCall(const Call& call, const Status& status) const {
  const std::string outcome = status ? "ok" : status.error().slug;
  obs::LogInfo("llm call", {{"op", call.op},
                            {"model", call.model},
                            {"outcome", outcome},
                            {"status", call.last_status},
                            {"attempts", call.attempts},
                            {"latencyMs", MillisBetween(call.started, Clock::now())},
                            {"tokensIn", call.usage.prompt_tokens},
                            {"tokensOut", call.usage.completion_tokens}});
}

std::string OpenAiClient::Redact(std::string message) const {
  const std::string& key = options_.llm.api_key;
  constexpr std::string_view kRedacted = "[redacted]";
  for (auto at = key.empty() ? std::string::npos : message.find(key); at != std::string::npos;
       at = message.find(key, at + kRedacted.size())) {
    message.replace(at, key.size(), kRedacted);
  }
  // OpenAI echoes part of a wrong key ("sk-abc***xyz"): drop any sk- token.
  for (auto at = message.find("sk-"); at != std::string::npos; at = message.find("sk-", at + 1)) {
    auto end = message.find_first_of(" \t\n.,;\"'", at);
    if (end == std::string::npos) end = message.size();
    message.replace(at, end - at, "sk-[redacted]");
  }
  return message;
}

}  // namespace jc::llm
