#include "config/config.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

namespace jc::config {
namespace {

EnvLookup From(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

std::vector<std::string> ProblemVariables(const Result<Config>& r) {
  std::vector<std::string> names;
  for (const auto& d : r.error().details) names.push_back(d.loc.back());
  return names;
}

TEST(ConfigTest, DefaultsAreTheEmbeddedOnes) {
  const auto c = LoadConfig(From({}));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->server.host, "127.0.0.1");
  EXPECT_EQ(c->server.port, 3000);
  EXPECT_EQ(c->server.max_json_body_bytes, 1u << 20);
  EXPECT_EQ(c->server.max_upload_bytes, 10u << 20);
  EXPECT_EQ(c->database_url, "sqlite://./var/jobcopilot.db");
  EXPECT_TRUE(c->redis_url.empty());
  EXPECT_FALSE(c->llm.Configured());
  EXPECT_FALSE(c->debug);
  EXPECT_EQ(c->log_level, "info");
}

TEST(ConfigTest, ReadsEveryVariable) {
  const auto c = LoadConfig(From({{"DEBUG", "true"},
                                  {"HOST", "0.0.0.0"},
                                  {"PORT", "8080"},
                                  {"SECRET_KEY", std::string(32, 'k')},
                                  {"JWT_SECRET", std::string(40, 'j')},
                                  {"DATABASE_URL", "postgresql://u@db/jc"},
                                  {"REDIS_URL", "redis://cache:6379/1"},
                                  {"OPENAI_API_KEY", "sk-x"},
                                  {"OPENAI_MODEL", "llama3"},
                                  {"OPENAI_MAX_TOKENS", "512"},
                                  {"OPENAI_BASE_URL", "http://127.0.0.1:11434/v1"},
                                  {"IO_THREADS", "3"},
                                  {"WORKER_THREADS", "5"},
                                  {"MAX_HEADER_BYTES", "4096"},
                                  {"MAX_JSON_BODY_BYTES", "2048"},
                                  {"MAX_UPLOAD_BYTES", "4096"},
                                  {"READ_TIMEOUT_MS", "1000"},
                                  {"IDLE_TIMEOUT_MS", "2000"},
                                  {"WRITE_TIMEOUT_MS", "3000"},
                                  {"MAX_CONNECTIONS", "7"},
                                  {"SHUTDOWN_TIMEOUT_MS", "0"},
                                  {"CORS_ORIGINS", "https://a.example, http://localhost:5173"}}));
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_TRUE(c->debug);
  EXPECT_EQ(c->log_level, "debug");
  EXPECT_EQ(c->server.host, "0.0.0.0");
  EXPECT_EQ(c->server.port, 8080);
  EXPECT_EQ(c->database_url, "postgresql://u@db/jc");
  EXPECT_EQ(c->redis_url, "redis://cache:6379/1");
  EXPECT_TRUE(c->llm.Configured());
  EXPECT_EQ(c->llm.model, "llama3");
  EXPECT_EQ(c->llm.max_tokens, 512u);
  EXPECT_EQ(c->server.io_threads, 3u);
  EXPECT_EQ(c->server.worker_threads, 5u);
  EXPECT_EQ(c->server.max_header_bytes, 4096u);
  EXPECT_EQ(c->server.max_json_body_bytes, 2048u);
  EXPECT_EQ(c->server.read_timeout, Millis(1000));
  EXPECT_EQ(c->server.idle_timeout, Millis(2000));
  EXPECT_EQ(c->server.write_timeout, Millis(3000));
  EXPECT_EQ(c->server.max_connections, 7u);
  EXPECT_EQ(c->server.shutdown_timeout, Millis(0));
  EXPECT_EQ(c->server.cors_origins,
            (std::vector<std::string>{"https://a.example", "http://localhost:5173"}));
}

TEST(ConfigTest, ReportsEveryBadVariableTogether) {
  const auto c = LoadConfig(From({{"PORT", "70000"},
                                  {"DEBUG", "maybe"},
                                  {"SECRET_KEY", "short"},
                                  {"DATABASE_URL", "mysql://x"},
                                  {"REDIS_URL", "http://x"},
                                  {"OPENAI_BASE_URL", "ftp://x"},
                                  {"READ_TIMEOUT_MS", "fast"},
                                  {"CORS_ORIGINS", "app.example.com"},
                                  {"LOG_LEVEL", "loud"}}));
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().code, ErrorCode::kValidation);
  const auto names = ProblemVariables(c);
  for (const char* v : {"PORT", "DEBUG", "SECRET_KEY", "DATABASE_URL", "REDIS_URL",
                        "OPENAI_BASE_URL", "READ_TIMEOUT_MS", "CORS_ORIGINS", "LOG_LEVEL"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), v), names.end()) << v;
  }
}

TEST(ConfigTest, LlmClientDefaults) {
  const auto c = LoadConfig(From({}));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->llm.embeddings_model, "text-embedding-3-small");
  EXPECT_EQ(c->llm.provider, LlmProvider::kOpenAi);
  EXPECT_EQ(c->llm.structured_output, StructuredOutput::kJsonSchema);
  EXPECT_EQ(c->llm.connect_timeout, Millis(5000));
  EXPECT_EQ(c->llm.timeout, Millis(60000));
  EXPECT_EQ(c->llm.max_retries, 2u);
  EXPECT_EQ(c->llm.max_concurrency, 64u);
  EXPECT_TRUE(c->llm.ca_file.empty());
  EXPECT_EQ(c->llm.breaker_failures, 5u);
  EXPECT_EQ(c->llm.breaker_cooldown, Millis(30000));
}

TEST(ConfigTest, ReadsTheLlmClientVariables) {
  const std::string ca = ::testing::TempDir() + "/jc_config_test_ca.pem";
  std::ofstream(ca) << "-----BEGIN CERTIFICATE-----\n";
  const auto c = LoadConfig(From({{"OPENAI_EMBEDDINGS_MODEL", "embed-dep"},
                                  {"LLM_PROVIDER", "azure"},
                                  {"OPENAI_API_VERSION", "2024-06-01"},
                                  {"LLM_STRUCTURED_OUTPUT", "json_object"},
                                  {"LLM_CONNECT_TIMEOUT_MS", "250"},
                                  {"LLM_TIMEOUT_MS", "9000"},
                                  {"LLM_MAX_RETRIES", "0"},
                                  {"LLM_MAX_CONCURRENCY", "4"},
                                  {"LLM_CA_FILE", ca},
                                  {"LLM_BREAKER_FAILURES", "3"},
                                  {"LLM_BREAKER_COOLDOWN_MS", "1500"}}));
  ASSERT_TRUE(c) << c.error().details.front().msg;
  EXPECT_EQ(c->llm.embeddings_model, "embed-dep");
  EXPECT_EQ(c->llm.provider, LlmProvider::kAzure);
  EXPECT_EQ(c->llm.api_version, "2024-06-01");
  EXPECT_EQ(c->llm.structured_output, StructuredOutput::kJsonObject);
  EXPECT_EQ(c->llm.connect_timeout, Millis(250));
  EXPECT_EQ(c->llm.timeout, Millis(9000));
  EXPECT_EQ(c->llm.max_retries, 0u);
  EXPECT_EQ(c->llm.max_concurrency, 4u);
  EXPECT_EQ(c->llm.ca_file, ca);
  EXPECT_EQ(c->llm.breaker_failures, 3u);
  EXPECT_EQ(c->llm.breaker_cooldown, Millis(1500));
  EXPECT_EQ(LoadConfig(From({{"LLM_STRUCTURED_OUTPUT", "none"}}))->llm.structured_output,
            StructuredOutput::kNone);
}

TEST(ConfigTest, TheTokenLimitNameFollowsTheProviderUnlessSet) {
  const auto param = [](std::map<std::string, std::string> env) {
    return LoadConfig(From(std::move(env)))->llm.token_limit_param;
  };
  EXPECT_EQ(param({{"OPENAI_API_KEY", "k"}}), TokenLimitParam::kMaxCompletionTokens);
  EXPECT_EQ(param({{"OPENAI_BASE_URL", "https://api.openai.com/v1"}}),
            TokenLimitParam::kMaxCompletionTokens);
  EXPECT_EQ(param({{"OPENAI_BASE_URL", "http://127.0.0.1:11434/v1"}}), TokenLimitParam::kMaxTokens);
  EXPECT_EQ(param({{"LLM_PROVIDER", "azure"}, {"OPENAI_API_VERSION", "2024-06-01"}}),
            TokenLimitParam::kMaxTokens);
  EXPECT_EQ(param({{"OPENAI_BASE_URL", "http://127.0.0.1:8000/v1"},
                   {"LLM_TOKEN_LIMIT_PARAM", "max_completion_tokens"}}),
            TokenLimitParam::kMaxCompletionTokens);
  EXPECT_EQ(param({{"LLM_TOKEN_LIMIT_PARAM", "max_tokens"}}), TokenLimitParam::kMaxTokens);
  EXPECT_EQ(param({{"LLM_TOKEN_LIMIT_PARAM", "auto"}}), TokenLimitParam::kMaxCompletionTokens);
  EXPECT_FALSE(LoadConfig(From({{"LLM_TOKEN_LIMIT_PARAM", "tokens"}})));
}

TEST(ConfigTest, ReportsEveryBadLlmVariableTogether) {
  const auto c = LoadConfig(From({{"OPENAI_EMBEDDINGS_MODEL", " "},
                                  {"LLM_PROVIDER", "anthropic"},
                                  {"LLM_STRUCTURED_OUTPUT", "xml"},
                                  {"LLM_CONNECT_TIMEOUT_MS", "0"},
                                  {"LLM_TIMEOUT_MS", "soon"},
                                  {"LLM_MAX_RETRIES", "11"},
                                  {"LLM_MAX_CONCURRENCY", "0"},
                                  {"LLM_CA_FILE", "/nonexistent/ca.pem"},
                                  {"LLM_BREAKER_FAILURES", "0"},
                                  {"LLM_BREAKER_COOLDOWN_MS", "-5"}}));
  ASSERT_FALSE(c);
  const auto names = ProblemVariables(c);
  for (const char* v :
       {"OPENAI_EMBEDDINGS_MODEL", "LLM_PROVIDER", "LLM_STRUCTURED_OUTPUT",
        "LLM_CONNECT_TIMEOUT_MS", "LLM_TIMEOUT_MS", "LLM_MAX_RETRIES", "LLM_MAX_CONCURRENCY",
        "LLM_CA_FILE", "LLM_BREAKER_FAILURES", "LLM_BREAKER_COOLDOWN_MS"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), v), names.end()) << v;
  }
  EXPECT_EQ(names.size(), 10u);
}

TEST(ConfigTest, AzureNeedsAnApiVersion) {
  const auto c = LoadConfig(From({{"LLM_PROVIDER", "azure"}}));
  ASSERT_FALSE(c);
  EXPECT_EQ(ProblemVariables(c), std::vector<std::string>{"OPENAI_API_VERSION"});
}

TEST(ConfigTest, SecretsAreNeverEchoed) {
  const auto c = LoadConfig(From({{"JWT_SECRET", "tooshort-secret"}}));
  ASSERT_FALSE(c);
  for (const auto& d : c.error().details) EXPECT_EQ(d.msg.find("tooshort"), std::string::npos);
}

TEST(ConfigTest, IntegersRejectSignsSpacesAndJunk) {
  for (const char* bad : {"-1", "1.5", "12abc", "", "99999999999999999999999"}) {
    const auto c = LoadConfig(From({{"MAX_CONNECTIONS", bad}}));
    ASSERT_FALSE(c) << bad;
    EXPECT_EQ(ProblemVariables(c), std::vector<std::string>{"MAX_CONNECTIONS"});
  }
  EXPECT_TRUE(LoadConfig(From({{"MAX_CONNECTIONS", " 12 "}})));
}

TEST(DotenvTest, ParsesCommentsQuotesAndExport) {
  const auto vars = ParseDotenv(
      "# comment\n"
      "PORT=4000\n"
      "export HOST = 0.0.0.0\n"
      "OPENAI_MODEL=\"gpt 4o\"\n"
      "SECRET_KEY='a#b'\n"
      "DEBUG=true # inline\n"
      "not a line\n"
      "=nokey\n");
  EXPECT_EQ(vars.at("PORT"), "4000");
  EXPECT_EQ(vars.at("HOST"), "0.0.0.0");
  EXPECT_EQ(vars.at("OPENAI_MODEL"), "gpt 4o");
  EXPECT_EQ(vars.at("SECRET_KEY"), "a#b");
  EXPECT_EQ(vars.at("DEBUG"), "true");
  EXPECT_EQ(vars.size(), 5u);
}

TEST(DotenvTest, EnvironmentWinsOverTheFile) {
  const std::string path = ::testing::TempDir() + "/jc_dotenv_test.env";
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs("JC_DOTENV_A=file\nJC_DOTENV_B=file\n", f);
    std::fclose(f);
  }
  ::setenv("JC_DOTENV_A", "env", 1);
  const auto lookup = ProcessEnvWithDotenv(path);
  EXPECT_EQ(lookup("JC_DOTENV_A"), "env");
  EXPECT_EQ(lookup("JC_DOTENV_B"), "file");
  EXPECT_EQ(lookup("JC_DOTENV_C"), std::nullopt);
  ::unsetenv("JC_DOTENV_A");
  EXPECT_EQ(ProcessEnvWithDotenv("/nonexistent/.env")("JC_DOTENV_B"), std::nullopt);
}

}  // namespace
}  // namespace jc::config

namespace jc::config {
namespace {

// env.example documents exactly the variables the service reads, with values that load.
TEST(EnvExampleTest, DocumentsEveryVariableWithValidDefaults) {
  std::ifstream in(std::string(JC_SOURCE_DIR) + "/env.example");
  ASSERT_TRUE(in) << "env.example is missing";
  std::stringstream ss;
  ss << in.rdbuf();
  const auto documented = ParseDotenv(ss.str());

  std::set<std::string> asked;
  const auto loaded = LoadConfig([&](const std::string& name) -> std::optional<std::string> {
    asked.insert(name);
    auto it = documented.find(name);
    if (it == documented.end()) return std::nullopt;
    return it->second;
  });
  ASSERT_TRUE(loaded) << loaded.error().details.front().msg;
  std::set<std::string> names;
  for (const auto& [k, v] : documented) names.insert(k);
  EXPECT_EQ(names, asked);
  EXPECT_EQ(loaded->server.port, 3000);
  EXPECT_EQ(loaded->database_url, Config{}.database_url);
}

}  // namespace
}  // namespace jc::config
