// Helpers shared by the LLM client's integration tests: running a call to completion on a
// private io_context, a client aimed at a FakeOpenAi, a header lookup.
#pragma once

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <cctype>
#include <exception>
#include <memory>
#include <optional>
#include <string>

#include "llm/openai_client.hpp"
#include "support/fake_openai.hpp"

namespace jc::llm::test {

// Runs one coroutine on a fresh single-threaded io_context and returns its result.
template <typename T>
T RunCall(boost::asio::awaitable<T> call) {
  boost::asio::io_context io;
  std::optional<T> out;
  std::exception_ptr error;
  boost::asio::co_spawn(io, std::move(call), [&](std::exception_ptr e, T value) {
    error = e;
    if (!e) out.emplace(std::move(value));
  });
  io.run();
  if (error) std::rethrow_exception(error);
  return std::move(*out);
}

inline constexpr const char* kTestKey = "sk-test-key-1234567890";

inline OpenAiClientOptions OptionsFor(const std::string& base_url) {
  OpenAiClientOptions o;
  o.llm.base_url = base_url;
  o.llm.api_key = kTestKey;
  o.llm.timeout = std::chrono::seconds(15);
  o.llm.connect_timeout = std::chrono::seconds(2);
  return o;
}

inline std::unique_ptr<OpenAiClient> MakeClient(OpenAiClientOptions options) {
  auto client = OpenAiClient::Create(std::move(options));
  EXPECT_TRUE(client) << (client ? "" : client.error().message);
  return client ? std::move(*client) : nullptr;
}

inline ChatRequest Hello(OutputFormat format = OutputFormat::kText) {
  ChatRequest r;
  r.messages = {{"system", "Answer briefly."}, {"user", "Say hello."}};
  r.format = format;
  if (format == OutputFormat::kJsonSchema) {
    r.schema_name = "greeting";
    r.schema = boost::json::object{
        {"type", "object"},
        {"properties", boost::json::object{{"text", boost::json::object{{"type", "string"}}}}},
        {"required", boost::json::array{"text"}},
        {"additionalProperties", false}};
  }
  return r;
}

inline std::optional<std::string> Header(const jc::testing::RecordedRequest& r, std::string name) {
  const auto lower = [](std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  name = lower(name);
  for (const auto& [k, v] : r.headers) {
    if (lower(k) == name) return v;
  }
  return std::nullopt;
}

}  // namespace jc::llm::test
