#include "llm/request_body.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <cctype>

namespace jc::llm {
namespace {

namespace json = boost::json;

Error NotJson() {
  return Error::Make(ErrorCode::kUnavailable, "the provider's answer is not valid JSON");
}

Error Malformed(std::string what) {
  return Error::Make(ErrorCode::kUnavailable, "the provider's answer " + std::move(what));
}

std::optional<json::value> Parse(std::string_view text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec) return std::nullopt;
  return v;
}

const json::value* Field(const json::value& v, std::string_view key) {
  const auto* obj = v.if_object();
  return obj == nullptr ? nullptr : obj->if_contains(key);
}

std::string StringField(const json::value& v, std::string_view key) {
  const auto* f = Field(v, key);
  if (f == nullptr || !f->is_string()) return {};
  return std::string(f->get_string());
}

int IntField(const json::value& v, std::string_view key) {
  const auto* f = Field(v, key);
  if (f == nullptr) return 0;
  if (f->is_int64()) return static_cast<int>(f->get_int64());
  if (f->is_uint64()) return static_cast<int>(f->get_uint64());
  if (f->is_double()) return static_cast<int>(f->get_double());
  return 0;
}

std::optional<Usage> UsageOf(const json::value& root) {
  const auto* u = Field(root, "usage");
  if (u == nullptr || !u->is_object()) return std::nullopt;
  return Usage{IntField(*u, "prompt_tokens"), IntField(*u, "completion_tokens")};
}

const json::value* FirstChoice(const json::value& root) {
  const auto* choices = Field(root, "choices");
  if (choices == nullptr || !choices->is_array() || choices->get_array().empty()) return nullptr;
  return &choices->get_array().front();
}

}  // namespace

OutputFormat EffectiveFormat(OutputFormat requested, config::StructuredOutput capability) {
  using config::StructuredOutput;
  if (requested == OutputFormat::kJsonSchema && capability != StructuredOutput::kJsonSchema) {
    requested = OutputFormat::kJsonObject;
  }
  if (requested == OutputFormat::kJsonObject && capability == StructuredOutput::kNone) {
    requested = OutputFormat::kText;
  }
  return requested;
}

std::string SchemaName(std::string_view name) {
  std::string out;
  for (char c : name.substr(0, 64)) {
    const bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    out.push_back(ok ? c : '_');
  }
  return out.empty() ? "answer" : out;
}

json::object ChatRequestBody(const ChatRequest& request, const ChatBodyOptions& options) {
  json::array messages;
  for (const auto& m : request.messages) {
    messages.push_back(json::object{{"role", m.role}, {"content", m.content}});
  }
  json::object body{{"model", options.model},
                    {"messages", std::move(messages)},
                    {"temperature", request.temperature}};
  body[options.token_limit == config::TokenLimitParam::kMaxCompletionTokens
           ? "max_completion_tokens"
           : "max_tokens"] = request.max_tokens.value_or(options.default_max_tokens);
  switch (EffectiveFormat(request.format, options.capability)) {
    case OutputFormat::kText:
      break;
    case OutputFormat::kJsonObject:
      body["response_format"] = json::object{{"type", "json_object"}};
      break;
    case OutputFormat::kJsonSchema:
      body["response_format"] =
          json::object{{"type", "json_schema"},
                       {"json_schema", json::object{{"name", SchemaName(request.schema_name)},
                                                    {"schema", request.schema},
                                                    {"strict", true}}}};
      break;
  }
  if (options.stream) {
    body["stream"] = true;
    body["stream_options"] = json::object{{"include_usage", true}};
  }
  return body;
}

json::object EmbeddingsRequestBody(std::string_view model, const std::vector<std::string>& inputs) {
  json::array input;
  for (const auto& s : inputs) input.emplace_back(s);
  return json::object{{"model", model}, {"input", std::move(input)}, {"encoding_format", "float"}};
}

Result<ChatResult> DecodeChatCompletion(std::string_view body) {
  const auto root = Parse(body);
  if (!root) return NotJson();
  const auto* choice = FirstChoice(*root);
  if (choice == nullptr) return Malformed("has no choices");
  const auto* message = Field(*choice, "message");
  if (message == nullptr || !message->is_object()) return Malformed("has no message");
  ChatResult r;
  r.content = StringField(*message, "content");
  r.finish_reason = StringField(*choice, "finish_reason");
  if (r.content.empty() && !StringField(*message, "refusal").empty()) r.finish_reason = "refusal";
  r.model = StringField(*root, "model");
  if (auto usage = UsageOf(*root)) r.usage = *usage;
  return r;
}

Result<ChatChunk> DecodeChatChunk(std::string_view data) {
  const auto root = Parse(data);
  if (!root || !root->is_object()) return NotJson();
  if (const auto* error = Field(*root, "error")) {
    // Some servers report a failure inside the stream instead of with a status.
    const auto message = error->is_object() ? StringField(*error, "message") : std::string();
    return Malformed("reported an error mid-stream" + (message.empty() ? "" : ": " + message));
  }
  ChatChunk chunk;
  chunk.model = StringField(*root, "model");
  chunk.usage = UsageOf(*root);
  if (const auto* choice = FirstChoice(*root)) {
    if (const auto* delta = Field(*choice, "delta")) chunk.content = StringField(*delta, "content");
    chunk.finish_reason = StringField(*choice, "finish_reason");
  }
  return chunk;
}

Result<std::vector<std::vector<float>>> DecodeEmbeddings(std::string_view body,
                                                         std::size_t expected) {
  const auto root = Parse(body);
  if (!root) return NotJson();
  const auto* data = Field(*root, "data");
  if (data == nullptr || !data->is_array()) return Malformed("has no data");
  const auto& items = data->get_array();
  if (items.size() != expected) return Malformed("has the wrong number of embeddings");
  std::vector<std::vector<float>> out(expected);
  std::vector<bool> seen(expected, false);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto* index_v = Field(items[i], "index");
    const std::size_t index =
        index_v == nullptr ? i : static_cast<std::size_t>(IntField(items[i], "index"));
    const auto* embedding = Field(items[i], "embedding");
    if (index >= expected || seen[index] || embedding == nullptr || !embedding->is_array()) {
      return Malformed("has an invalid embedding");
    }
    seen[index] = true;
    auto& vec = out[index];
    vec.reserve(embedding->get_array().size());
    for (const auto& x : embedding->get_array()) {
      if (!x.is_number()) return Malformed("has an invalid embedding");
      vec.push_back(static_cast<float>(x.to_number<double>()));
    }
  }
  return out;
}

std::string ProviderErrorMessage(std::string_view body) {
  const auto root = Parse(body);
  if (!root) return {};
  const auto* error = Field(*root, "error");
  if (error == nullptr) return {};
  std::string message =
      error->is_string() ? std::string(error->get_string()) : StringField(*error, "message");
  if (message.size() > 300) message = message.substr(0, 300) + "...";
  return message;
}

}  // namespace jc::llm
