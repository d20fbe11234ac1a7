// Typed configuration, loaded once at start-up from the environment and an optional .env file.
//
// Every variable is documented in env.example with its default. LoadConfig validates all of
// them and reports every problem together, one line per variable, so a bad deployment fails fast
// and says exactly what to fix. The structs are plain values: copy them freely.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"

namespace jc::config {

using Millis = std::chrono::milliseconds;

struct ServerConfig {
  std::string host = "127.0.0.1";             // HOST
  std::uint16_t port = 3000;                  // PORT (0 = any free port, printed at start-up)
  unsigned io_threads = 0;                    // IO_THREADS (0 = one per core)
  unsigned worker_threads = 0;                // WORKER_THREADS for CPU-bound work (0 = cores)
  std::size_t max_header_bytes = 16 * 1024;   // MAX_HEADER_BYTES
  std::size_t max_json_body_bytes = 1 << 20;  // MAX_JSON_BODY_BYTES (1 MiB)
  std::size_t max_upload_bytes = 10 << 20;    // MAX_UPLOAD_BYTES (10 MiB, multipart bodies)
  Millis read_timeout{15'000};           // READ_TIMEOUT_MS: a whole request must arrive within this
  Millis idle_timeout{60'000};           // IDLE_TIMEOUT_MS: keep-alive wait for the next request
  Millis write_timeout{30'000};          // WRITE_TIMEOUT_MS: a response must be taken within this
  std::size_t max_connections = 10'000;  // MAX_CONNECTIONS: more are refused with a 503
  Millis shutdown_timeout{10'000};  // SHUTDOWN_TIMEOUT_MS: in-flight requests finish within this
  std::vector<std::string> cors_origins;  // CORS_ORIGINS, comma-separated; "*" allows any
};

enum class LlmProvider : std::uint8_t {
  kOpenAi,  // OpenAI and OpenAI-compatible servers (Ollama, vLLM...): Authorization: Bearer
  kAzure,   // Azure OpenAI: api-key header, ?api-version=, base URL = the deployment URL
};

// The strongest response_format the provider accepts; requests are downgraded to it.
enum class StructuredOutput : std::uint8_t { kJsonSchema, kJsonObject, kNone };

// How a request states its output limit: `max_completion_tokens` (OpenAI's current name, the
// only one its reasoning models accept) or the older `max_tokens` (what most compatible
// servers read).
enum class TokenLimitParam : std::uint8_t { kMaxTokens, kMaxCompletionTokens };

struct LlmConfig {
  std::string api_key;                                      // OPENAI_API_KEY (never logged)
  std::string base_url;                                     // OPENAI_BASE_URL (empty = OpenAI's)
  std::string model = "gpt-4o-mini";                        // OPENAI_MODEL
  unsigned max_tokens = 2000;                               // OPENAI_MAX_TOKENS
  std::string embeddings_model = "text-embedding-3-small";  // OPENAI_EMBEDDINGS_MODEL
  LlmProvider provider = LlmProvider::kOpenAi;              // LLM_PROVIDER: openai | azure
  std::string api_version;  // OPENAI_API_VERSION (required for azure), e.g. 2024-06-01
  // LLM_STRUCTURED_OUTPUT: json_schema | json_object | none
  StructuredOutput structured_output = StructuredOutput::kJsonSchema;
  // LLM_TOKEN_LIMIT_PARAM: max_tokens | max_completion_tokens | auto (the default: the latter
  // for OpenAI's own API, the former for any other base URL)
  TokenLimitParam token_limit_param = TokenLimitParam::kMaxCompletionTokens;
  Millis connect_timeout{5'000};    // LLM_CONNECT_TIMEOUT_MS: TCP (+ proxy) connect of one attempt
  Millis timeout{60'000};           // LLM_TIMEOUT_MS: a whole call, retries and queueing included
  unsigned max_retries = 2;         // LLM_MAX_RETRIES: on 408, 429, 5xx and connection errors
  unsigned max_concurrency = 64;    // LLM_MAX_CONCURRENCY: calls in flight; more wait in a queue
  std::string ca_file;              // LLM_CA_FILE: PEM CA bundle (empty = the system's)
  unsigned breaker_failures = 5;    // LLM_BREAKER_FAILURES: consecutive failed calls open it
  Millis breaker_cooldown{30'000};  // LLM_BREAKER_COOLDOWN_MS: open this long, then one probe
  unsigned cache_entries = 1000;    // LLM_CACHE_ENTRIES: identical requests answered from memory
  unsigned cache_ttl_seconds = 3600;  // LLM_CACHE_TTL_SECONDS: how long a cached answer lives
  bool Configured() const { return !api_key.empty() || !base_url.empty(); }
};

// Parsing runs in sandboxed worker processes (see sandbox/process_pool.hpp).
struct ParseConfig {
  unsigned workers = 0;                 // PARSE_WORKERS: worker processes (0 = one per core)
  Millis timeout{5'000};                // PARSE_TIMEOUT_MS: wall-clock budget of one parse
  unsigned cpu_seconds = 5;             // PARSE_CPU_SECONDS: RLIMIT_CPU of a worker (0 = none)
  std::size_t memory_bytes = 1u << 30;  // PARSE_MEMORY_MB: RLIMIT_AS of a worker (0 = none)
  int max_pages = 50;                   // PARSE_MAX_PAGES: longer documents are refused (413)
};

struct Config {
  bool debug = false;              // DEBUG: readable text logs and debug level
  std::string log_level = "info";  // LOG_LEVEL: debug | info | warn | error
  std::string secret_key;          // SECRET_KEY (>= 32 chars when set)
  std::string jwt_secret;          // JWT_SECRET (>= 32 chars when set)
  std::string database_url = "sqlite://./var/jobcopilot.db";  // DATABASE_URL
  std::string redis_url;  // REDIS_URL (empty = in-process cache)
  std::string web_root;   // WEB_ROOT: folder of the docs UI assets (empty = found)
  std::string data_dir;   // DATA_DIR: folder of the skill taxonomy etc. (empty = found)
  LlmConfig llm;
  ServerConfig server;
  ParseConfig parse;
};

// Looks a variable up; returns nullopt when it is not set.
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;

// Loads and validates. On failure the error's details hold one entry per bad variable, with
// loc {"env", NAME} and a message saying what is wrong (the value itself only when harmless).
Result<Config> LoadConfig(const EnvLookup& env);

// The process environment, falling back to the variables of a .env file (the environment wins).
// A missing file is fine; an unreadable line is skipped.
EnvLookup ProcessEnvWithDotenv(const std::string& dotenv_path);

// Parses .env text: KEY=VALUE lines, '#' comments, optional "export ", single or double quotes.
std::map<std::string, std::string> ParseDotenv(const std::string& text);

}  // namespace jc::config
