#include "llm/request_body.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "llm/endpoint.hpp"

namespace jc::llm {
namespace {

namespace json = boost::json;
using config::StructuredOutput;

ChatRequest SampleRequest(OutputFormat format) {
  ChatRequest r;
  r.messages = {{"system", "You extract."}, {"user", "Hello"}};
  r.format = format;
  r.schema_name = "cv summary!";
  r.schema = json::object{{"type", "object"}, {"additionalProperties", false}};
  return r;
}

TEST(RequestBodyTest, TextHasNoResponseFormat) {
  const auto body = ChatRequestBody(SampleRequest(OutputFormat::kText), {"gpt-4o-mini", 2000});
  EXPECT_EQ(body.at("model"), "gpt-4o-mini");
  EXPECT_EQ(body.at("messages").as_array().size(), 2u);
  EXPECT_EQ(body.at("messages").at(1).at("role"), "user");
  EXPECT_EQ(body.at("messages").at(1).at("content"), "Hello");
  EXPECT_EQ(body.at("max_tokens").to_number<int>(), 2000);
  EXPECT_EQ(body.at("temperature").to_number<double>(), 0.0);
  EXPECT_FALSE(body.contains("response_format"));
  EXPECT_FALSE(body.contains("stream"));
  EXPECT_FALSE(body.contains("stream_options"));
}

TEST(RequestBodyTest, JsonSchemaFormat) {
  auto request = SampleRequest(OutputFormat::kJsonSchema);
  request.max_tokens = 300;
  const auto body = ChatRequestBody(request, {"m", 2000, StructuredOutput::kJsonSchema});
  EXPECT_EQ(body.at("max_tokens").to_number<int>(), 300);
  const auto expected = json::parse(R"({"type":"json_schema","json_schema":{
      "name":"cv_summary_","schema":{"type":"object","additionalProperties":false},
      "strict":true}})");
  EXPECT_EQ(json::value(body.at("response_format")), expected);
}

TEST(RequestBodyTest, FormatsAreDowngradedToTheProvidersCapability) {
  struct Case {
    OutputFormat requested;
    StructuredOutput capability;
    OutputFormat sent;
  } cases[] = {
      {OutputFormat::kJsonSchema, StructuredOutput::kJsonSchema, OutputFormat::kJsonSchema},
      {OutputFormat::kJsonSchema, StructuredOutput::kJsonObject, OutputFormat::kJsonObject},
      {OutputFormat::kJsonSchema, StructuredOutput::kNone, OutputFormat::kText},
      {OutputFormat::kJsonObject, StructuredOutput::kJsonSchema, OutputFormat::kJsonObject},
      {OutputFormat::kJsonObject, StructuredOutput::kNone, OutputFormat::kText},
      {OutputFormat::kText, StructuredOutput::kJsonSchema, OutputFormat::kText},
  };
  for (const auto& c : cases) EXPECT_EQ(EffectiveFormat(c.requested, c.capability), c.sent);
  const auto body = ChatRequestBody(SampleRequest(OutputFormat::kJsonSchema),
                                    {"m", 1, StructuredOutput::kJsonObject});
  EXPECT_EQ(json::value(body.at("response_format")), json::parse(R"({"type":"json_object"})"));
}

TEST(RequestBodyTest, StreamingAsksForUsage) {
  const auto body =
      ChatRequestBody(SampleRequest(OutputFormat::kText), {"m", 1, StructuredOutput::kNone, true});
  EXPECT_EQ(body.at("stream"), true);
  EXPECT_EQ(json::value(body.at("stream_options")), json::parse(R"({"include_usage":true})"));
}

TEST(RequestBodyTest, TheOutputLimitGoesUnderTheConfiguredName) {
  auto request = SampleRequest(OutputFormat::kText);
  const auto old_name = ChatRequestBody(request, {"m", 300});
  EXPECT_EQ(old_name.at("max_tokens"), 300);
  EXPECT_FALSE(old_name.contains("max_completion_tokens"));
  request.max_tokens = 42;
  const auto new_name =
      ChatRequestBody(request, {.model = "m",
                                .default_max_tokens = 300,
                                .token_limit = config::TokenLimitParam::kMaxCompletionTokens});
  EXPECT_EQ(new_name.at("max_completion_tokens"), 42);
  EXPECT_FALSE(new_name.contains("max_tokens"));
}

TEST(RequestBodyTest, SchemaNames) {
  EXPECT_EQ(SchemaName(""), "answer");
  EXPECT_EQ(SchemaName("a-b_C9"), "a-b_C9");
  EXPECT_EQ(SchemaName("é x").size(), 4u);
  EXPECT_EQ(SchemaName(std::string(80, 'n')).size(), 64u);
}

TEST(RequestBodyTest, EmbeddingsBody) {
  EXPECT_EQ(json::value(EmbeddingsRequestBody("text-embedding-3-small", {"a", "b"})),
            json::parse(R"({"model":"text-embedding-3-small","input":["a","b"],
                            "encoding_format":"float"})"));
}

TEST(RequestBodyTest, DecodesAnswersLeniently) {
  // No `refusal`, no `logprobs`, extra fields, usage as doubles: all fine.
  const auto r = DecodeChatCompletion(R"({"model":"llama3","extra":1,"choices":[{"index":0,
      "message":{"role":"assistant","content":"{\"ok\":true}"},"finish_reason":"length"}],
      "usage":{"prompt_tokens":12.0,"completion_tokens":5}})");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->content, "{\"ok\":true}");
  EXPECT_EQ(r->finish_reason, "length");
  EXPECT_EQ(r->model, "llama3");
  EXPECT_EQ(r->usage.prompt_tokens, 12);
  EXPECT_EQ(r->usage.completion_tokens, 5);
  const auto refused = DecodeChatCompletion(
      R"({"choices":[{"message":{"content":null,"refusal":"no"},"finish_reason":"stop"}]})");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->finish_reason, "refusal");
}

TEST(RequestBodyTest, UnreadableAnswersAreUnavailable) {
  for (const char* bad : {"<html>502</html>", "{\"choices\":[]}", "{\"choices\":[{}]}", "[1]"}) {
    const auto r = DecodeChatCompletion(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kUnavailable) << bad;
  }
  EXPECT_EQ(DecodeChatCompletion("not json").error().message,
            "the provider's answer is not valid JSON");
}

TEST(RequestBodyTest, DecodesChunks) {
  const auto c = DecodeChatChunk(
      R"({"model":"m","choices":[{"index":0,"delta":{"content":"Hel"},"finish_reason":null}]})");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->content, "Hel");
  EXPECT_TRUE(c->finish_reason.empty());
  const auto usage =
      DecodeChatChunk(R"({"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":4}})");
  ASSERT_TRUE(usage && usage->usage);
  EXPECT_EQ(usage->usage->completion_tokens, 4);
  EXPECT_FALSE(DecodeChatChunk("{\"error\":{\"message\":\"overloaded\"}}"));
  EXPECT_FALSE(DecodeChatChunk("nope"));
}

TEST(RequestBodyTest, DecodesEmbeddingsInIndexOrder) {
  const auto r = DecodeEmbeddings(R"({"data":[{"index":1,"embedding":[3,4]},
      {"index":0,"embedding":[1.5,2]}],"model":"e"})",
                                  2);
  ASSERT_TRUE(r);
  EXPECT_EQ((*r)[0], (std::vector<float>{1.5f, 2.0f}));
  EXPECT_EQ((*r)[1], (std::vector<float>{3.0f, 4.0f}));
  EXPECT_FALSE(DecodeEmbeddings(R"({"data":[{"index":0,"embedding":[1]}]})", 2));
  EXPECT_FALSE(DecodeEmbeddings(R"({"data":[{"index":0,"embedding":["x"]}]})", 1));
}

TEST(RequestBodyTest, ProviderErrorMessages) {
  EXPECT_EQ(ProviderErrorMessage(R"({"error":{"message":"bad model","type":"x"}})"), "bad model");
  EXPECT_EQ(ProviderErrorMessage(R"({"error":"plain"})"), "plain");
  EXPECT_EQ(ProviderErrorMessage("<html>"), "");
  EXPECT_EQ(
      ProviderErrorMessage(R"({"error":{"message":")" + std::string(400, 'x') + "\"}}").size(),
      303u);
}

TEST(EndpointTest, OpenAiCompatible) {
  config::LlmConfig c;
  c.api_key = "sk-test";
  auto ep = MakeEndpoint(c);
  ASSERT_TRUE(ep);
  EXPECT_TRUE(ep->target.tls);
  EXPECT_EQ(ep->target.host, "api.openai.com");
  EXPECT_EQ(ep->target.port, 443);
  EXPECT_EQ(ep->chat_path, "/v1/chat/completions");
  EXPECT_EQ(ep->embeddings_path, "/v1/embeddings");
  EXPECT_EQ(
      ep->auth_headers,
      (std::vector<std::pair<std::string, std::string>>{{"Authorization", "Bearer sk-test"}}));

  c.api_key.clear();
  c.base_url = "http://127.0.0.1:11434/v1/";
  ep = MakeEndpoint(c);
  ASSERT_TRUE(ep);
  EXPECT_FALSE(ep->target.tls);
  EXPECT_EQ(ep->target.port, 11434);
  EXPECT_EQ(ep->chat_path, "/v1/chat/completions");
  EXPECT_TRUE(ep->auth_headers.empty());  // a keyless local server

  c.base_url = "http://[::1]:8000";
  ep = MakeEndpoint(c);
  ASSERT_TRUE(ep);
  EXPECT_EQ(ep->target.host, "::1");
  EXPECT_EQ(ep->chat_path, "/chat/completions");
}

TEST(EndpointTest, Azure) {
  config::LlmConfig c;
  c.provider = config::LlmProvider::kAzure;
  c.api_key = "azure-key";
  c.api_version = "2024-06-01";
  c.embeddings_model = "embed-dep";
  c.base_url = "https://res.openai.azure.com/openai/deployments/chat-dep";
  const auto ep = MakeEndpoint(c);
  ASSERT_TRUE(ep);
  EXPECT_EQ(ep->chat_path, "/openai/deployments/chat-dep/chat/completions?api-version=2024-06-01");
  EXPECT_EQ(ep->embeddings_path, "/openai/deployments/embed-dep/embeddings?api-version=2024-06-01");
  EXPECT_EQ(ep->auth_headers,
            (std::vector<std::pair<std::string, std::string>>{{"api-key", "azure-key"}}));
}

TEST(EndpointTest, RejectsUnusableBaseUrls) {
  config::LlmConfig c;
  for (const char* bad : {"ftp://x", "https://", "http://host:0", "http://host:70000",
                          "http://user:pw@host", "http://[::1"}) {
    c.base_url = bad;
    EXPECT_FALSE(MakeEndpoint(c)) << bad;
  }
}

}  // namespace
}  // namespace jc::llm
