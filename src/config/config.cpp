#include "config/config.hpp"

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

namespace jc::config {
namespace {

std::string Trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

// Collects problems while reading typed values out of the environment.
class Reader {
 public:
  explicit Reader(const EnvLookup& env) : env_(env) {}

  void String(const char* name, std::string& out) {
    if (auto v = env_(name)) out = Trim(*v);
  }

  void Secret(const char* name, std::string& out) {
    auto v = env_(name);
    if (!v || v->empty()) return;
    if (v->size() < 32) {
      Problem(name, "must be at least 32 characters long (it holds a secret)");
      return;
    }
    out = *v;
  }

  void Bool(const char* name, bool& out) {
    auto v = env_(name);
    if (!v) return;
    std::string s = Trim(*v);
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (s == "1" || s == "true" || s == "yes" || s == "on") {
      out = true;
    } else if (s == "0" || s == "false" || s == "no" || s == "off" || s.empty()) {
      out = false;
    } else {
      Problem(name, "must be true or false, got '" + Shown(*v) + "'");
    }
  }

  template <typename Int>
  void Integer(const char* name, Int& out, std::uint64_t min, std::uint64_t max) {
    auto v = env_(name);
    if (!v) return;
    const std::string s = Trim(*v);
    std::uint64_t parsed = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), parsed);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size() || parsed < min ||
        parsed > max) {
      Problem(name, "must be an integer from " + std::to_string(min) + " to " +
                        std::to_string(max) + ", got '" + Shown(*v) + "'");
      return;
    }
    out = static_cast<Int>(parsed);
  }

  void Duration(const char* name, Millis& out, std::uint64_t min_ms, std::uint64_t max_ms) {
    std::uint64_t ms = static_cast<std::uint64_t>(out.count());
    Integer(name, ms, min_ms, max_ms);
    out = Millis(static_cast<Millis::rep>(ms));
  }

  void Problem(const char* name, std::string msg) {
    problems_.push_back(ErrorDetail{{"env", name}, std::move(msg), "invalid_config"});
  }

  std::vector<ErrorDetail> Take() { return std::move(problems_); }

 private:
  // Values are echoed only when short; they are never secrets (secrets are not echoed at all).
  static std::string Shown(const std::string& v) {
    return v.size() <= 40 ? v : v.substr(0, 40) + "...";
  }

  const EnvLookup& env_;
  std::vector<ErrorDetail> problems_;
};

bool IsValidUrlWithScheme(const std::string& url, std::initializer_list<std::string_view> schemes) {
  for (auto scheme : schemes) {
    if (url.size() > scheme.size() + 3 && url.compare(0, scheme.size(), scheme) == 0 &&
        url.compare(scheme.size(), 3, "://") == 0) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ',')) {
    item = Trim(item);
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

// The LLM client's provider, structured-output, deadline, retry and breaker settings.
void LoadLlmExtras(Reader& r, const EnvLookup& env, LlmConfig& llm) {
  r.String("OPENAI_EMBEDDINGS_MODEL", llm.embeddings_model);
  if (llm.embeddings_model.empty()) r.Problem("OPENAI_EMBEDDINGS_MODEL", "must not be empty");
  if (auto v = env("LLM_PROVIDER")) {
    const std::string p = Trim(*v);
    if (p == "openai" || p.empty()) {
      llm.provider = LlmProvider::kOpenAi;
    } else if (p == "azure") {
      llm.provider = LlmProvider::kAzure;
    } else {
      r.Problem("LLM_PROVIDER", "must be openai or azure, got '" + p.substr(0, 40) + "'");
    }
  }
  r.String("OPENAI_API_VERSION", llm.api_version);
  if (llm.provider == LlmProvider::kAzure && llm.api_version.empty()) {
    r.Problem("OPENAI_API_VERSION", "is required when LLM_PROVIDER=azure (e.g. 2024-06-01)");
  }
  if (auto v = env("LLM_STRUCTURED_OUTPUT")) {
    const std::string f = Trim(*v);
    if (f == "json_schema" || f.empty()) {
      llm.structured_output = StructuredOutput::kJsonSchema;
    } else if (f == "json_object") {
      llm.structured_output = StructuredOutput::kJsonObject;
    } else if (f == "none") {
      llm.structured_output = StructuredOutput::kNone;
    } else {
      r.Problem("LLM_STRUCTURED_OUTPUT",
                "must be json_schema, json_object or none, got '" + f.substr(0, 40) + "'");
    }
  }
  const bool openai_itself =
      llm.provider == LlmProvider::kOpenAi &&
      (llm.base_url.empty() || llm.base_url.starts_with("https://api.openai.com/"));
  llm.token_limit_param =
      openai_itself ? TokenLimitParam::kMaxCompletionTokens : TokenLimitParam::kMaxTokens;
  if (auto v = env("LLM_TOKEN_LIMIT_PARAM")) {
    const std::string p = Trim(*v);
    if (p == "max_tokens") {
      llm.token_limit_param = TokenLimitParam::kMaxTokens;
    } else if (p == "max_completion_tokens") {
      llm.token_limit_param = TokenLimitParam::kMaxCompletionTokens;
    } else if (p != "auto" && !p.empty()) {
      r.Problem("LLM_TOKEN_LIMIT_PARAM",
                "must be max_tokens, max_completion_tokens or auto, got '" + p.substr(0, 40) + "'");
    }
  }
  r.Duration("LLM_CONNECT_TIMEOUT_MS", llm.connect_timeout, 10, 600'000);
  r.Duration("LLM_TIMEOUT_MS", llm.timeout, 100, 3'600'000);
  r.Integer("LLM_MAX_RETRIES", llm.max_retries, 0, 10);
  r.Integer("LLM_MAX_CONCURRENCY", llm.max_concurrency, 1, 100'000);
  r.String("LLM_CA_FILE", llm.ca_file);
  if (!llm.ca_file.empty() && !std::ifstream(llm.ca_file)) {
    r.Problem("LLM_CA_FILE", "must name a readable PEM file (or be empty for the system's CAs)");
  }
  r.Integer("LLM_BREAKER_FAILURES", llm.breaker_failures, 1, 1'000);
  r.Duration("LLM_BREAKER_COOLDOWN_MS", llm.breaker_cooldown, 100, 3'600'000);
  r.Integer("LLM_CACHE_ENTRIES", llm.cache_entries, 0, 1'000'000);
  r.Integer("LLM_CACHE_TTL_SECONDS", llm.cache_ttl_seconds, 1, 30 * 86'400);
}

}  // namespace

Result<Config> LoadConfig(const EnvLookup& env) {
  Config c;
  Reader r(env);
  r.Bool("DEBUG", c.debug);
  if (c.debug) c.log_level = "debug";
  r.String("LOG_LEVEL", c.log_level);
  if (c.log_level != "debug" && c.log_level != "info" && c.log_level != "warn" &&
      c.log_level != "error") {
    r.Problem("LOG_LEVEL", "must be one of debug, info, warn, error, got '" + c.log_level + "'");
  }
  r.Secret("SECRET_KEY", c.secret_key);
  r.Secret("JWT_SECRET", c.jwt_secret);

  r.String("DATABASE_URL", c.database_url);
  if (!IsValidUrlWithScheme(c.database_url, {"sqlite", "postgresql", "postgres"})) {
    r.Problem("DATABASE_URL",
              "must start with sqlite://, postgresql:// or postgres:// (e.g. sqlite://./var/db)");
  }
  r.String("REDIS_URL", c.redis_url);
  if (!c.redis_url.empty() && !IsValidUrlWithScheme(c.redis_url, {"redis"})) {
    r.Problem("REDIS_URL", "must start with redis:// (e.g. redis://127.0.0.1:6379/0) or be empty");
  }
  r.String("WEB_ROOT", c.web_root);
  r.String("DATA_DIR", c.data_dir);

  r.String("OPENAI_API_KEY", c.llm.api_key);
  r.String("OPENAI_BASE_URL", c.llm.base_url);
  if (!c.llm.base_url.empty() && !IsValidUrlWithScheme(c.llm.base_url, {"http", "https"})) {
    r.Problem("OPENAI_BASE_URL", "must be an http:// or https:// URL");
  }
  r.String("OPENAI_MODEL", c.llm.model);
  if (c.llm.model.empty()) r.Problem("OPENAI_MODEL", "must not be empty");
  r.Integer("OPENAI_MAX_TOKENS", c.llm.max_tokens, 1, 1'000'000);
  LoadLlmExtras(r, env, c.llm);

  auto& s = c.server;
  r.String("HOST", s.host);
  if (s.host.empty()) r.Problem("HOST", "must not be empty");
  r.Integer("PORT", s.port, 0, 65535);
  r.Integer("IO_THREADS", s.io_threads, 0, 256);
  r.Integer("WORKER_THREADS", s.worker_threads, 0, 256);
  r.Integer("MAX_HEADER_BYTES", s.max_header_bytes, 1024, 1 << 20);
  r.Integer("MAX_JSON_BODY_BYTES", s.max_json_body_bytes, 1024, 256u << 20);
  r.Integer("MAX_UPLOAD_BYTES", s.max_upload_bytes, 1024, 1024u << 20);
  r.Duration("READ_TIMEOUT_MS", s.read_timeout, 100, 3'600'000);
  r.Duration("IDLE_TIMEOUT_MS", s.idle_timeout, 100, 3'600'000);
  r.Duration("WRITE_TIMEOUT_MS", s.write_timeout, 100, 3'600'000);
  r.Integer("MAX_CONNECTIONS", s.max_connections, 1, 1'000'000);
  r.Duration("SHUTDOWN_TIMEOUT_MS", s.shutdown_timeout, 0, 600'000);
  auto& p = c.parse;
  r.Integer("PARSE_WORKERS", p.workers, 0, 256);
  r.Duration("PARSE_TIMEOUT_MS", p.timeout, 100, 600'000);
  r.Integer("PARSE_CPU_SECONDS", p.cpu_seconds, 0, 3600);
  std::uint64_t memory_mb = p.memory_bytes >> 20;
  r.Integer("PARSE_MEMORY_MB", memory_mb, 0, 1u << 20);
  if (memory_mb != 0 && memory_mb < 64)
    r.Problem("PARSE_MEMORY_MB", "must be 0 (no limit) or at least 64");
  p.memory_bytes = static_cast<std::size_t>(memory_mb) << 20;
  r.Integer("PARSE_MAX_PAGES", p.max_pages, 1, 10'000);
  if (auto v = env("CORS_ORIGINS")) {
    s.cors_origins = SplitList(*v);
    for (const auto& o : s.cors_origins) {
      if (o != "*" && !IsValidUrlWithScheme(o, {"http", "https"})) {
        r.Problem("CORS_ORIGINS",
                  "each origin must be * or like https://app.example.com, got '" + o + "'");
      }
    }
  }

  auto problems = r.Take();
  if (!problems.empty()) {
    Error e = Error::Make(ErrorCode::kValidation, "invalid configuration", "invalid_config");
    e.details = std::move(problems);
    return e;
  }
  return c;
}

std::map<std::string, std::string> ParseDotenv(const std::string& text) {
  std::map<std::string, std::string> vars;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::string t = Trim(line);
    if (t.empty() || t[0] == '#') continue;
    if (t.rfind("export ", 0) == 0) t = Trim(t.substr(7));
    const auto eq = t.find('=');
    if (eq == std::string::npos || eq == 0) continue;
    std::string key = Trim(t.substr(0, eq));
    std::string value = Trim(t.substr(eq + 1));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front()) {
      value = value.substr(1, value.size() - 2);
    } else if (const auto hash = value.find(" #"); hash != std::string::npos) {
      value = Trim(value.substr(0, hash));  // an inline comment after an unquoted value
    }
    vars[key] = value;
  }
  return vars;
}

EnvLookup ProcessEnvWithDotenv(const std::string& dotenv_path) {
  auto file_vars = std::make_shared<std::map<std::string, std::string>>();
  if (std::ifstream f(dotenv_path); f) {
    std::stringstream ss;
    ss << f.rdbuf();
    *file_vars = ParseDotenv(ss.str());
  }
  return [file_vars](const std::string& name) -> std::optional<std::string> {
    if (const char* v = std::getenv(name.c_str())) return std::string(v);
    if (auto it = file_vars->find(name); it != file_vars->end()) return it->second;
    return std::nullopt;
  };
}

}  // namespace jc::config
