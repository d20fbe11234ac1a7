#include "llm/llm_service.hpp"

#include <boost/json/parse.hpp>

namespace jc::llm {
namespace {

// Why an answer cannot be used, or nullopt when it can.
std::optional<std::string> Problem(
    const ChatResult& r,
    const std::function<std::optional<std::string>(const boost::json::value&)>& validate) {
  if (r.finish_reason == "length") return "the answer was cut off (finish_reason length)";
  if (r.content.empty()) return "the answer was empty";
  boost::system::error_code ec;
  const auto value = boost::json::parse(r.content, ec);
  if (ec) return "the answer is not valid JSON: " + ec.message();
  return validate(value);
}

void Add(CallInfo& info, const ChatResult& r) {
  info.model = r.model;
  info.usage.prompt_tokens += r.usage.prompt_tokens;
  info.usage.completion_tokens += r.usage.completion_tokens;
  info.latency_ms += r.latency_ms;
  info.attempts += r.attempts;
}

}  // namespace

LlmService::LlmService(LlmClient& client, const PromptLibrary& prompts, ResponseCache& cache)
    : client_(client), prompts_(prompts), cache_(cache) {}

boost::asio::awaitable<Result<CallInfo>> LlmService::AskJson(
    std::string_view prompt_name, const PromptValues& values, std::string_view schema_name,
    boost::json::object schema,
    const std::function<std::optional<std::string>(const boost::json::value&)>& validate) {
  const Prompt* prompt = prompts_.Find(prompt_name);
  if (prompt == nullptr) {
    co_return Error::Make(ErrorCode::kInternal,
                          "prompt '" + std::string(prompt_name) + "' is not installed");
  }
  CallInfo info;
  info.prompt = prompt->Id();
  ChatRequest request;
  request.messages = PromptLibrary::Render(*prompt, values);
  request.format = OutputFormat::kJsonSchema;
  request.schema_name = std::string(schema_name);
  request.schema = std::move(schema);

  const std::string key = ResponseCache::Key(client_.Model(), request);
  if (auto hit = cache_.Get(key)) {
    if (!Problem(*hit, validate)) {
      info.model = hit->model;
      info.cached = true;
      co_return info;
    }
  }
  auto first = co_await client_.Chat(request);
  if (!first) co_return first.error();
  Add(info, *first);
  auto problem = Problem(*first, validate);
  if (!problem) {
    cache_.Put(key, *first);
    co_return info;
  }
  // One repair attempt: the model sees its answer and what was wrong with it.
  const Prompt* repair = prompts_.Find("repair");
  if (repair == nullptr) {
    co_return Error::Make(ErrorCode::kUnavailable, "the model's answer was unusable: " + *problem);
  }
  ChatRequest again = request;
  const auto repair_messages = PromptLibrary::Render(
      *repair,
      {{"problem", {*problem, false}}, {"answer", {first->content.substr(0, 20'000), true}}});
  again.messages.push_back({"assistant", first->content.substr(0, 20'000)});
  again.messages.push_back({"user", repair_messages.back().content});
  auto second = co_await client_.Chat(again);
  if (!second) co_return second.error();
  Add(info, *second);
  info.repaired = true;
  if (auto still = Problem(*second, validate)) {
    co_return Error::Make(ErrorCode::kUnavailable,
                          "the model's answer was unusable twice: " + *still);
  }
  cache_.Put(key, *second);
  co_return info;
}

boost::asio::awaitable<Result<TextAnswer>> LlmService::StreamText(
    std::string_view prompt_name, const PromptValues& values,
    std::function<void(std::string_view)> on_delta) {
  const Prompt* prompt = prompts_.Find(prompt_name);
  if (prompt == nullptr) {
    co_return Error::Make(ErrorCode::kInternal,
                          "prompt '" + std::string(prompt_name) + "' is not installed");
  }
  ChatRequest request;
  request.messages = PromptLibrary::Render(*prompt, values);
  TextAnswer out;
  out.info.prompt = prompt->Id();
  const std::string key = ResponseCache::Key(client_.Model(), request);
  if (auto hit = cache_.Get(key)) {
    // A complete answer seen before: the stream is that text at once.
    on_delta(hit->content);
    out.info.model = hit->model;
    out.info.cached = true;
    out.text = std::move(hit->content);
    co_return out;
  }
  auto result = co_await client_.ChatStream(std::move(request), std::move(on_delta));
  if (!result) co_return result.error();
  if (result->finish_reason == "length") {
    co_return Error::Make(ErrorCode::kUnavailable, "the answer was cut off (finish_reason length)");
  }
  if (!result->content.empty()) cache_.Put(key, *result);
  Add(out.info, *result);
  out.text = std::move(result->content);
  co_return out;
}

}  // namespace jc::llm
