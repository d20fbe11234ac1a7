#include <hiredis/hiredis.h>
#include <pthread.h>
#include <signal.h>
#include <sys/time.h>

#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstddef>
#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "store/dependency_probe.hpp"
#include "store/probe_internal.hpp"

namespace jc::store::internal {
namespace {

constexpr int kDefaultPort = 6379;
constexpr int kMaxDb = 1'000'000;  // far past any real "databases" setting; keeps it an int

struct ContextFreer {
  void operator()(redisContext* c) const { redisFree(c); }
};
struct ReplyFreer {
  void operator()(redisReply* r) const { freeReplyObject(r); }
};
using ContextHandle = std::unique_ptr<redisContext, ContextFreer>;
using ReplyHandle = std::unique_ptr<redisReply, ReplyFreer>;

Error Invalid(std::string_view problem) {
  return Error::Make(ErrorCode::kValidation, "REDIS_URL: " + std::string(problem));
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decoding of the user-info part. Never echoes the text in its error.
Result<std::string> PercentDecode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out.push_back(text[i]);
      continue;
    }
    const int high = i + 2 < text.size() ? HexValue(text[i + 1]) : -1;
    const int low = i + 2 < text.size() ? HexValue(text[i + 2]) : -1;
    if (high < 0 || low < 0) {
      return Invalid("the credentials hold a '%' that is not followed by two hex digits");
    }
    out.push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  return out;
}

// A decimal number in [min, max]; -1 when the text is not one.
int ParseNumber(std::string_view text, int min, int max) {
  int value = -1;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < min ||
      value > max) {
    return -1;
  }
  return value;
}

timeval ToTimeval(std::chrono::milliseconds ms) {
  timeval tv{};
  tv.tv_sec = static_cast<time_t>(ms.count() / 1000);
  tv.tv_usec = static_cast<suseconds_t>((ms.count() % 1000) * 1000);
  return tv;
}

// hiredis writes with write(2): a server that has closed the connection would raise SIGPIPE and
// end the process. Blocks SIGPIPE on this thread for the guard's life and swallows one raised
// meanwhile (SIGPIPE from write(2) goes to the writing thread, so other threads are unaffected).
class SigpipeGuard {
 public:
  SigpipeGuard() {
    sigemptyset(&pipe_set_);
    sigaddset(&pipe_set_, SIGPIPE);
    sigset_t pending;
    sigemptyset(&pending);
    was_pending_ = sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE) == 1;
    pthread_sigmask(SIG_BLOCK, &pipe_set_, &old_mask_);
  }
  ~SigpipeGuard() {
    if (!was_pending_) {
      sigset_t pending;
      sigemptyset(&pending);
      if (sigpending(&pending) == 0 && sigismember(&pending, SIGPIPE) == 1) {
        const timespec no_wait{};
        sigtimedwait(&pipe_set_, nullptr, &no_wait);
      }
    }
    pthread_sigmask(SIG_SETMASK, &old_mask_, nullptr);
  }
  SigpipeGuard(const SigpipeGuard&) = delete;
  SigpipeGuard& operator=(const SigpipeGuard&) = delete;

 private:
  sigset_t pipe_set_{};
  sigset_t old_mask_{};
  bool was_pending_ = false;
};

class RedisProbe final : public DependencyProbe {
 public:
  explicit RedisProbe(RedisTarget target) : target_(std::move(target)) {}

  std::string_view Name() const override { return "cache"; }
  std::string_view Kind() const override { return "redis"; }

  ProbeResult Check(std::chrono::milliseconds timeout) override {
    const auto start = Clock::now();
    ProbeResult result;
    {
      const SigpipeGuard no_sigpipe;
      result.detail = Run(start + AtLeastOneMs(timeout));
    }
    result.ok = result.detail.empty();
    if (result.ok) result.detail = "ok";
    result.latency_ms = ElapsedMs(start);
    return result;
  }

 private:
  // Empty on success, otherwise what went wrong.
  std::string Run(Clock::time_point deadline) const {
    auto left = Left(deadline);
    if (!left) return "timed out connecting";
    const ContextHandle ctx(
        redisConnectWithTimeout(target_.host.c_str(), target_.port, ToTimeval(*left)));
    if (!ctx) return "out of memory";
    if (ctx->err != 0) return "connect failed: " + ContextError(ctx.get());

    if (!target_.password.empty()) {
      std::vector<std::string_view> auth = {"AUTH"};
      if (!target_.username.empty()) auth.emplace_back(target_.username);
      auth.emplace_back(target_.password);
      if (auto problem = Command(ctx.get(), auth, deadline, "OK"); !problem.empty()) {
        return "AUTH failed: " + problem;
      }
    }
    if (target_.db != 0) {
      const std::string db = std::to_string(target_.db);
      if (auto problem = Command(ctx.get(), {"SELECT", db}, deadline, "OK"); !problem.empty()) {
        return "SELECT failed: " + problem;
      }
    }
    if (auto problem = Command(ctx.get(), {"PING"}, deadline, "PONG"); !problem.empty()) {
      return "PING failed: " + problem;
    }
    return {};
  }

  // Time left before the deadline, or nothing when it has passed.
  static std::optional<std::chrono::milliseconds> Left(Clock::time_point deadline) {
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return std::nullopt;
    return left;
  }

  static std::string ContextError(const redisContext* ctx) {
    std::string text = FirstLine(ctx->errstr, "unknown error");
    // The read timeout (SO_RCVTIMEO) surfaces as EAGAIN.
    if (ctx->err == REDIS_ERR_IO && text == std::system_category().message(EAGAIN)) {
      return "timed out";
    }
    return text;
  }

  // Sends one command and expects a status reply `expected`; empty on success. The server's
  // error replies (e.g. "WRONGPASS ...") never quote the password sent.
  std::string Command(redisContext* ctx, const std::vector<std::string_view>& args,
                      Clock::time_point deadline, std::string_view expected) const {
    auto left = Left(deadline);
    if (!left) return "timed out";
    if (redisSetTimeout(ctx, ToTimeval(*left)) != REDIS_OK) return ContextError(ctx);
    std::vector<const char*> argv;
    std::vector<std::size_t> argv_len;
    for (std::string_view arg : args) {
      argv.push_back(arg.data());
      argv_len.push_back(arg.size());
    }
    const ReplyHandle reply(static_cast<redisReply*>(
        redisCommandArgv(ctx, static_cast<int>(argv.size()), argv.data(), argv_len.data())));
    if (!reply) return ContextError(ctx);
    const std::string_view text(reply->str != nullptr ? reply->str : "", reply->len);
    if (reply->type == REDIS_REPLY_ERROR) return FirstLine(text, "error reply");
    if (reply->type != REDIS_REPLY_STATUS || text != expected) return "unexpected reply";
    return {};
  }

  RedisTarget target_;
};

}  // namespace

Result<RedisTarget> ParseRedisUrl(std::string_view url) {
  constexpr std::string_view kScheme = "redis://";
  if (!url.starts_with(kScheme)) return Invalid("must start with redis://");
  std::string_view rest = url.substr(kScheme.size());
  if (rest.find_first_of("?#") != std::string_view::npos) {
    return Invalid("query parameters and fragments are not supported");
  }

  const std::size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  const std::string_view path =
      slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);

  RedisTarget target;
  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
    const std::string_view userinfo = authority.substr(0, at);
    authority.remove_prefix(at + 1);
    const std::size_t colon = userinfo.find(':');
    if (colon == std::string_view::npos) {
      return Invalid("credentials must be written :password@ or user:password@");
    }
    auto username = PercentDecode(userinfo.substr(0, colon));
    if (!username) return std::move(username).error();
    auto password = PercentDecode(userinfo.substr(colon + 1));
    if (!password) return std::move(password).error();
    if (!username->empty() && password->empty()) return Invalid("a user name needs a password");
    target.username = std::move(*username);
    target.password = std::move(*password);
  }

  std::string_view port;
  if (authority.starts_with('[')) {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) return Invalid("an IPv6 host lacks its closing ']'");
    target.host = authority.substr(1, close - 1);
    const std::string_view after = authority.substr(close + 1);
    if (!after.empty() && !after.starts_with(':')) return Invalid("unexpected text after ']'");
    if (after == ":") return Invalid("the port is empty");
    if (!after.empty()) port = after.substr(1);
  } else {
    const std::size_t colon = authority.find(':');
    target.host = authority.substr(0, colon);
    if (colon != std::string_view::npos) {
      port = authority.substr(colon + 1);
      if (port.find(':') != std::string_view::npos) {
        return Invalid("an IPv6 host must be written in brackets, e.g. redis://[::1]:6379");
      }
      if (port.empty()) return Invalid("the port is empty");
    }
  }
  if (target.host.empty()) return Invalid("the host is missing, e.g. redis://127.0.0.1:6379/0");
  if (!port.empty()) {
    target.port = ParseNumber(port, 1, 65535);
    if (target.port < 0) return Invalid("the port must be a number from 1 to 65535");
  } else {
    target.port = kDefaultPort;
  }
  if (!path.empty()) {
    target.db = ParseNumber(path, 0, kMaxDb);
    if (target.db < 0) return Invalid("the database must be a number, e.g. redis://host:6379/0");
  }
  return target;
}

Result<std::unique_ptr<DependencyProbe>> MakeRedisProbe(const std::string& url) {
  auto target = ParseRedisUrl(url);
  if (!target) return std::move(target).error();
  std::unique_ptr<DependencyProbe> probe = std::make_unique<RedisProbe>(std::move(*target));
  return probe;
}

}  // namespace jc::store::internal
