#include "observability/logger.hpp"

#include <unistd.h>

#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>

#include "common/json_text.hpp"

namespace jc::obs {
namespace {

constexpr std::size_t kFlushBytes = 32 * 1024;

std::string_view LevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug:
      return "debug";
    case LogLevel::kInfo:
      return "info";
    case LogLevel::kWarn:
      return "warn";
    case LogLevel::kError:
      return "error";
  }
  return "info";
}

// "2026-11-27T07:11:20.123Z". The date-time part is cached per thread for the current second.
void AppendTimestamp(std::string& out) {
  using namespace std::chrono;
  const auto now = system_clock::now();
  const auto secs = time_point_cast<seconds>(now);
  const auto ms = duration_cast<milliseconds>(now - secs).count();
  thread_local std::time_t cached_second = -1;
  thread_local char cached[32];
  const std::time_t t = system_clock::to_time_t(secs);
  if (t != cached_second) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::strftime(cached, sizeof cached, "%Y-%m-%dT%H:%M:%S", &tm);
    cached_second = t;
  }
  const char frac[] = {'.', static_cast<char>('0' + ms / 100),
                       static_cast<char>('0' + ms / 10 % 10), static_cast<char>('0' + ms % 10),
                       'Z'};
  out.append(cached);
  out.append(frac, sizeof frac);
}

void AppendValue(std::string& out, const LogField::Value& v, bool quote_strings) {
  if (const auto* s = std::get_if<std::string_view>(&v)) {
    if (quote_strings) {
      AppendJsonString(out, *s);
    } else {
      out.append(*s);
    }
  } else if (const auto* i = std::get_if<std::int64_t>(&v)) {
    char buf[24];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, *i);
    out.append(buf, end);
  } else if (const auto* d = std::get_if<double>(&v)) {
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, *d, std::chars_format::fixed, 3);
    out.append(buf, ec == std::errc() ? end : buf);
  } else {
    out.append(std::get<bool>(v) ? "true" : "false");
  }
}

}  // namespace

Logger& Logger::Get() {
  static Logger logger;
  return logger;
}

Logger::Logger() {
  flusher_ = std::jthread([this](std::stop_token stop) { FlusherLoop(stop); });
}

Logger::~Logger() {
  flusher_.request_stop();
  if (flusher_.joinable()) flusher_.join();
  Flush();
}

void Logger::Configure(LogFormat format, LogLevel min_level, int fd) {
  std::lock_guard lock(mu_);
  WriteLocked();
  format_ = format;
  min_level_ = min_level;
  fd_ = fd;
}

void Logger::Log(LogLevel level, std::string_view message, std::string_view request_id,
                 std::initializer_list<LogField> fields) {
  if (!Enabled(level)) return;
  thread_local std::string line;
  line.clear();
  if (format_ == LogFormat::kJson) {
    FormatJson(line, level, message, request_id, fields);
  } else {
    FormatText(line, level, message, request_id, fields);
  }
  std::lock_guard lock(mu_);
  buffer_.append(line);
  if (format_ == LogFormat::kText || level >= LogLevel::kWarn || buffer_.size() >= kFlushBytes) {
    WriteLocked();
  }
}

void Logger::FormatJson(std::string& out, LogLevel level, std::string_view message,
                        std::string_view request_id, std::initializer_list<LogField> fields) const {
  out.append("{\"time\":\"");
  AppendTimestamp(out);
  out.append("\",\"level\":\"");
  out.append(LevelName(level));
  out.append("\",\"message\":");
  AppendJsonString(out, message);
  if (!request_id.empty()) {
    out.append(",\"requestId\":");
    AppendJsonString(out, request_id);
  }
  for (const auto& f : fields) {
    out.push_back(',');
    AppendJsonString(out, f.key);
    out.push_back(':');
    AppendValue(out, f.value, true);
  }
  out.append("}\n");
}

void Logger::FormatText(std::string& out, LogLevel level, std::string_view message,
                        std::string_view request_id, std::initializer_list<LogField> fields) const {
  AppendTimestamp(out);
  out.push_back(' ');
  out.append(LevelName(level));
  out.append("  ");
  out.append(message);
  if (!request_id.empty()) {
    out.append(" [");
    out.append(request_id);
    out.push_back(']');
  }
  for (const auto& f : fields) {
    out.push_back(' ');
    out.append(f.key);
    out.push_back('=');
    AppendValue(out, f.value, false);
  }
  out.push_back('\n');
}

void Logger::Flush() {
  std::lock_guard lock(mu_);
  WriteLocked();
}

void Logger::WriteLocked() {
  std::size_t done = 0;
  while (done < buffer_.size()) {
    const ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
    if (n <= 0) break;  // nowhere to report a failing log sink; drop the rest
    done += static_cast<std::size_t>(n);
  }
  buffer_.clear();
}

void Logger::FlusherLoop(std::stop_token stop) {
  std::unique_lock lock(mu_);
  while (!stop.stop_requested()) {
    cv_.wait_for(lock, stop, std::chrono::milliseconds(100), [] { return false; });
    WriteLocked();
  }
}

}  // namespace jc::obs
