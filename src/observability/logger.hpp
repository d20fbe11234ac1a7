// The process logger: one JSON object per line on stdout (or readable text when DEBUG=true).
//
// The only global of the codebase. Thread-safe: lines are formatted on the calling thread and
// appended to a shared buffer under a short lock; a background thread writes the buffer out at
// least every 100 ms, and warnings and errors are written at once. Callers must never pass a CV's
// content, a token or a key as a message or field: log sizes, counts and identifiers instead.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <initializer_list>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <variant>

namespace jc::obs {

enum class LogLevel : std::uint8_t { kDebug, kInfo, kWarn, kError };
enum class LogFormat : std::uint8_t { kJson, kText };

struct LogField {
  using Value = std::variant<std::string_view, std::int64_t, double, bool>;
  std::string_view key;
  Value value;

  LogField(std::string_view k, std::string_view v) : key(k), value(v) {}
  LogField(std::string_view k, const char* v) : key(k), value(std::string_view(v)) {}
  LogField(std::string_view k, const std::string& v) : key(k), value(std::string_view(v)) {}
  LogField(std::string_view k, double v) : key(k), value(v) {}
  LogField(std::string_view k, bool v) : key(k), value(v) {}
  template <typename Int>
  requires std::is_integral_v<Int> &&(!std::is_same_v<Int, bool>)LogField(std::string_view k, Int v)
      : key(k), value(static_cast<std::int64_t>(v)) {}
};

class Logger {
 public:
  static Logger& Get();

  // Sets the format and minimum level and the file descriptor lines go to (default stdout).
  void Configure(LogFormat format, LogLevel min_level, int fd = 1);
  bool Enabled(LogLevel level) const { return level >= min_level_; }

  void Log(LogLevel level, std::string_view message, std::string_view request_id = {},
           std::initializer_list<LogField> fields = {});
  // Writes out everything buffered. Called on shutdown; safe at any time.
  void Flush();

  ~Logger();
  Logger(const Logger&) = delete;
  Logger& operator=(const Logger&) = delete;

 private:
  Logger();
  void FormatJson(std::string& out, LogLevel level, std::string_view message,
                  std::string_view request_id, std::initializer_list<LogField> fields) const;
  void FormatText(std::string& out, LogLevel level, std::string_view message,
                  std::string_view request_id, std::initializer_list<LogField> fields) const;
  void WriteLocked();
  void FlusherLoop(std::stop_token stop);

  LogFormat format_ = LogFormat::kJson;
  LogLevel min_level_ = LogLevel::kInfo;
  int fd_ = 1;
  std::mutex mu_;
  std::condition_variable_any cv_;
  std::string buffer_;
  std::jthread flusher_;
};

inline void LogInfo(std::string_view msg, std::initializer_list<LogField> fields = {}) {
  Logger::Get().Log(LogLevel::kInfo, msg, {}, fields);
}
inline void LogWarn(std::string_view msg, std::initializer_list<LogField> fields = {}) {
  Logger::Get().Log(LogLevel::kWarn, msg, {}, fields);
}
inline void LogError(std::string_view msg, std::initializer_list<LogField> fields = {}) {
  Logger::Get().Log(LogLevel::kError, msg, {}, fields);
}

}  // namespace jc::obs
