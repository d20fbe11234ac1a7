#include "support/fake_openai_bodies.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <cmath>
#include <cstring>

namespace jc::testing::openai_wire {
namespace json = boost::json;
namespace {

constexpr std::size_t kPieceBytes = 16;  // content bytes per stream chunk, about 4 tokens

json::object Usage(const Reply& reply) {
  return {{"prompt_tokens", reply.prompt_tokens},
          {"completion_tokens", reply.completion_tokens},
          {"total_tokens", reply.prompt_tokens + reply.completion_tokens}};
}

json::object ChunkHead(const Completion& c) {
  return {{"id", c.id},
          {"object", "chat.completion.chunk"},
          {"created", c.created},
          {"model", c.model},
          {"system_fingerprint", "fp_fake_openai"}};
}

std::string Event(const json::object& chunk) {
  return "data: " + json::serialize(chunk) + "\n\n";
}

// Splits at code point boundaries so every piece is valid UTF-8, as OpenAI's tokens are.
std::vector<std::string> SplitContent(const std::string& content) {
  const std::size_t size = content.size();
  const std::size_t step = std::max<std::size_t>(1, std::min(kPieceBytes, size / 2));
  std::vector<std::string> pieces;
  std::size_t begin = 0;
  while (begin < size) {
    std::size_t end = std::min(size, begin + step);
    while (end < size && (static_cast<unsigned char>(content[end]) & 0xC0U) == 0x80U) ++end;
    pieces.push_back(content.substr(begin, end - begin));
    begin = end;
  }
  return pieces;
}

std::uint64_t Fnv1a(const std::string& text) {
  std::uint64_t h = 1469598103934665603ULL;
  for (const unsigned char ch : text) {
    h ^= ch;
    h *= 1099511628211ULL;
  }
  return h;
}

std::uint64_t SplitMix(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31U);
}

// A unit vector seeded by the input's text: the same input always embeds the same way.
std::vector<float> Vector(const std::string& text, int dimensions) {
  std::uint64_t state = Fnv1a(text);
  std::vector<float> v(static_cast<std::size_t>(dimensions));
  double norm = 0;
  for (auto& x : v) {
    x = static_cast<float>(static_cast<double>(SplitMix(state) >> 11U) * 0x1.0p-53 * 2.0 - 1.0);
    norm += static_cast<double>(x) * static_cast<double>(x);
  }
  norm = std::sqrt(norm);
  for (auto& x : v) x = static_cast<float>(static_cast<double>(x) / norm);
  return v;
}

std::string Base64(const unsigned char* data, std::size_t size) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((size + 2) / 3 * 4);
  for (std::size_t i = 0; i < size; i += 3) {
    const std::uint32_t n = (std::uint32_t{data[i]} << 16U) |
                            (i + 1 < size ? std::uint32_t{data[i + 1]} << 8U : 0U) |
                            (i + 2 < size ? std::uint32_t{data[i + 2]} : 0U);
    out += kAlphabet[(n >> 18U) & 63U];
    out += kAlphabet[(n >> 12U) & 63U];
    out += i + 1 < size ? kAlphabet[(n >> 6U) & 63U] : '=';
    out += i + 2 < size ? kAlphabet[n & 63U] : '=';
  }
  return out;
}

// Each input as text (token arrays by their JSON) and its rough token count.
std::vector<std::pair<std::string, std::int64_t>> Inputs(const json::value& input) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  auto add = [&out](const json::value& item) {
    if (item.is_string()) {
      const auto& s = item.get_string();
      out.emplace_back(std::string(s), std::max<std::int64_t>(1, std::ssize(s) / 4));
    } else if (item.is_array()) {
      out.emplace_back(json::serialize(item), std::ssize(item.get_array()));
    } else {
      out.emplace_back(json::serialize(item), 1);
    }
  };
  const bool one_token_array =
      input.is_array() && !input.get_array().empty() && input.get_array().front().is_number();
  if (input.is_array() && !one_token_array) {
    for (const auto& item : input.get_array()) add(item);
  } else {
    add(input);
  }
  return out;
}

}  // namespace

std::string ChatCompletionBody(const Reply& reply, const Completion& completion) {
  json::object message{{"role", "assistant"},
                       {"content", reply.content},
                       {"refusal", nullptr},
                       {"annotations", json::array()}};
  json::object choice{{"index", 0},
                      {"message", std::move(message)},
                      {"logprobs", nullptr},
                      {"finish_reason", reply.finish_reason}};
  json::object body{{"id", completion.id},
                    {"object", "chat.completion"},
                    {"created", completion.created},
                    {"model", completion.model},
                    {"choices", json::array{std::move(choice)}},
                    {"usage", Usage(reply)},
                    {"system_fingerprint", "fp_fake_openai"}};
  return json::serialize(body);
}

StreamEvents ChatStreamEvents(const Reply& reply, const Completion& completion,
                              bool include_usage) {
  auto chunk = [&](json::object delta, json::value finish_reason) {
    json::object c = ChunkHead(completion);
    c["choices"] = json::array{json::object{{"index", 0},
                                            {"delta", std::move(delta)},
                                            {"logprobs", nullptr},
                                            {"finish_reason", std::move(finish_reason)}}};
    // With include_usage, OpenAI sends "usage": null on every chunk but the last.
    if (include_usage) c["usage"] = nullptr;
    return Event(c);
  };
  StreamEvents out;
  out.events.push_back(
      chunk({{"role", "assistant"}, {"content", ""}, {"refusal", nullptr}}, nullptr));
  const auto pieces = SplitContent(reply.content);
  for (const auto& piece : pieces) out.events.push_back(chunk({{"content", piece}}, nullptr));
  out.half = 1 + pieces.size() / 2;
  out.events.push_back(chunk({}, json::value(reply.finish_reason)));
  if (include_usage) {
    json::object c = ChunkHead(completion);
    c["choices"] = json::array();
    c["usage"] = Usage(reply);
    out.events.push_back(Event(c));
  }
  out.events.emplace_back("data: [DONE]\n\n");
  return out;
}

std::string EmbeddingsBody(const json::object& request, int default_dimensions) {
  int dimensions = default_dimensions;
  if (const auto* d = request.if_contains("dimensions"); d && d->is_int64()) {
    dimensions = static_cast<int>(d->get_int64());
  }
  const auto* format = request.if_contains("encoding_format");
  const bool base64 = format && format->is_string() && format->get_string() == "base64";
  json::array data;
  std::int64_t tokens = 0;
  const auto inputs = Inputs(request.at("input"));
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    tokens += inputs[i].second;
    const auto v = Vector(inputs[i].first, dimensions);
    json::value embedding;
    if (base64) {
      // Little-endian float32, as the API sends it (this runs on little-endian hosts only).
      std::vector<unsigned char> bytes(v.size() * sizeof(float));
      std::memcpy(bytes.data(), v.data(), bytes.size());
      embedding = Base64(bytes.data(), bytes.size());
    } else {
      json::array numbers;
      numbers.reserve(v.size());
      for (const float x : v) numbers.emplace_back(static_cast<double>(x));
      embedding = std::move(numbers);
    }
    data.push_back(json::object{{"object", "embedding"},
                                {"embedding", std::move(embedding)},
                                {"index", static_cast<std::int64_t>(i)}});
  }
  json::object body{{"object", "list"},
                    {"data", std::move(data)},
                    {"model", request.at("model")},
                    {"usage", json::object{{"prompt_tokens", tokens}, {"total_tokens", tokens}}}};
  return json::serialize(body);
}

std::string ErrorBody(const std::string& message, const std::string& type,
                      const std::optional<std::string>& param,
                      const std::optional<std::string>& code) {
  auto or_null = [](const std::optional<std::string>& s) {
    return s ? json::value(*s) : json::value(nullptr);
  };
  json::object error{
      {"message", message}, {"type", type}, {"param", or_null(param)}, {"code", or_null(code)}};
  return json::serialize(json::object{{"error", std::move(error)}});
}

std::string HttpErrorBody(unsigned status) {
  switch (status) {
    case 401:
      return ErrorBody("Incorrect API key provided.", "invalid_request_error", std::nullopt,
                       "invalid_api_key");
    case 404:
      return ErrorBody("The model does not exist or you do not have access to it.",
                       "invalid_request_error", std::nullopt, "model_not_found");
    case 429:
      return ErrorBody("Rate limit reached for requests (FakeOpenAi scenario).", "requests",
                       std::nullopt, "rate_limit_exceeded");
    default:
      break;
  }
  if (status >= 500) {
    return ErrorBody("The server had an error while processing your request (FakeOpenAi).",
                     "server_error", std::nullopt, std::nullopt);
  }
  return ErrorBody("HTTP " + std::to_string(status) + " (FakeOpenAi scenario)",
                   "invalid_request_error", std::nullopt, std::nullopt);
}

}  // namespace jc::testing::openai_wire
