// The attempt loop of OpenAiClient: one HTTP exchange per attempt, classified as success,
// a transient failure (retried after a backoff or the provider's Retry-After) or final.
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <optional>

#include "llm/openai_call.hpp"
#include "llm/request_body.hpp"

namespace jc::llm {
namespace {

namespace net = boost::asio;
using Clock = std::chrono::steady_clock;

struct Failure {
  Error error;
  bool retryable = false;
  std::optional<Millis> retry_after;
};

Failure FromTransport(const TransportError& te, const StreamCollector* collector) {
  switch (te.kind) {
    case TransportFailure::kTimeout:
      return {Error::Make(ErrorCode::kUpstreamTimeout, "the LLM provider did not answer in time")};
    case TransportFailure::kConnect:
      return {Error::Make(ErrorCode::kUnavailable, "cannot reach the LLM provider: " + te.message),
              true};
    case TransportFailure::kIo:
      if (collector != nullptr && collector->Delivered()) {
        return {Error::Make(ErrorCode::kUnavailable, "the provider's stream broke off")};
      }
      return {Error::Make(ErrorCode::kUnavailable,
                          "the LLM provider's answer broke off: " + te.message),
              true};
    case TransportFailure::kTls:
      return {Error::Make(ErrorCode::kUnavailable,
                          "cannot talk to the LLM provider securely: " + te.message)};
    case TransportFailure::kStopped:
      if (collector != nullptr && collector->Failure()) return {*collector->Failure(), true};
      return {Error::Make(ErrorCode::kUnavailable, "the provider's stream is unreadable"), true};
    case TransportFailure::kConfig:
      return {Error::Make(ErrorCode::kUnavailable, "the proxy setting is unusable: " + te.message)};
  }
  return {Error::Make(ErrorCode::kInternal, "unknown transport failure")};
}

}  // namespace

net::awaitable<Status> OpenAiClient::Attempts(Call& call) {
  HttpRequest request{*call.path, endpoint_.auth_headers, call.body};
  request.headers.emplace_back("Accept", call.stream ? "text/event-stream" : "application/json");
  const int max_attempts = static_cast<int>(options_.llm.max_retries) + 1;
  for (unsigned retry = 0;; ++retry) {
    ++call.attempts;
    std::optional<StreamCollector> collector;
    BodySink sink;
    if (call.stream) {
      collector.emplace(call.on_delta);
      sink = [&collector](std::string_view piece) { return collector->Feed(piece); };
    }
    call.collector = collector ? &*collector : nullptr;
    auto response = co_await transport_->Post(endpoint_.target, request, call.deadline,
                                              call.stream ? &sink : nullptr);
    Failure failure;
    if (!response) {
      failure = FromTransport(response.error(), call.collector);
    } else if (call.last_status = response->status; response->status / 100 == 2) {
      const Status accepted = call.accept(*response);
      if (accepted) co_return accepted;
      failure = {accepted.error(), accepted.error().code == ErrorCode::kUnavailable};
    } else if (IsRetryableStatus(response->status)) {
      failure = {Error::Make(ErrorCode::kUnavailable,
                             "the LLM provider answered HTTP " + std::to_string(response->status)),
                 true, ParseRetryAfter(response->retry_after, std::chrono::system_clock::now())};
    } else {
      const std::string message = Redact(ProviderErrorMessage(response->body));
      co_return Error::Make(ErrorCode::kValidation, "the LLM provider rejected the request (HTTP " +
                                                        std::to_string(response->status) + ")" +
                                                        (message.empty() ? "" : ": " + message));
    }
    // Content already reached the caller: a second attempt would repeat it.
    if (collector && collector->Delivered()) failure.retryable = false;
    if (failure.retry_after) failure.error.retry_after_seconds = CeilSeconds(*failure.retry_after);
    if (!failure.retryable || call.attempts >= max_attempts) co_return failure.error;

    Millis wait = failure.retry_after.value_or(Millis(0));
    if (!failure.retry_after) {
      std::lock_guard lock(rng_mu_);
      wait = BackoffDelay(options_.backoff, retry, rng_);
    }
    // A wait that outlasts the deadline is pointless: fail now with what we know.
    if (Clock::now() + wait >= call.deadline) co_return failure.error;
    net::steady_timer timer(co_await net::this_coro::executor);
    timer.expires_after(wait);
    co_await timer.async_wait(net::as_tuple(net::use_awaitable));
  }
}

}  // namespace jc::llm
