#include <libpq-fe.h>
#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/dependency_probe.hpp"
#include "store/probe_internal.hpp"

namespace jc::store::internal {
namespace {

constexpr char kApplicationName[] = "jobcopilot-health";
constexpr char kQuery[] = "SELECT 1";

struct ConnCloser {
  void operator()(PGconn* conn) const { PQfinish(conn); }
};
struct ResultClearer {
  void operator()(PGresult* res) const { PQclear(res); }
};
using ConnHandle = std::unique_ptr<PGconn, ConnCloser>;
using ResultHandle = std::unique_ptr<PGresult, ResultClearer>;

// Texts that must never leave the probe: the password as libpq reads it (decoded), and the raw
// spellings a malformed URI may still contain, which libpq error messages may quote.
std::vector<std::string> SecretsOf(std::string_view url, std::string_view decoded_password) {
  std::vector<std::string> secrets;
  if (!decoded_password.empty()) secrets.emplace_back(decoded_password);
  const std::size_t scheme_end = url.find("://");
  if (scheme_end != std::string_view::npos) {
    const std::string_view rest = url.substr(scheme_end + 3);
    // libpq's reading: user[:password] ends at the first '@' found before any '/'.
    const std::size_t stop = rest.find_first_of("@/");
    if (stop != std::string_view::npos && rest[stop] == '@') {
      const std::string_view userinfo = rest.substr(0, stop);
      const std::size_t colon = userinfo.find(':');
      if (colon != std::string_view::npos) secrets.emplace_back(userinfo.substr(colon + 1));
    }
    // A looser reading, for passwords with a raw '/' in them: first ':' to the last '@'.
    const std::size_t colon = rest.find(':');
    const std::size_t at = rest.rfind('@');
    if (colon != std::string_view::npos && at != std::string_view::npos && colon < at) {
      secrets.emplace_back(rest.substr(colon + 1, at - colon - 1));
    }
  }
  // ?password=... in the query string.
  constexpr std::string_view kKey = "password=";
  for (std::size_t key = url.find(kKey); key != std::string_view::npos;
       key = url.find(kKey, key + kKey.size())) {
    const std::size_t value = key + kKey.size();
    secrets.emplace_back(url.substr(value, url.find('&', value) - value));
  }
  std::erase_if(secrets, [](const std::string& s) { return s.empty(); });
  std::sort(secrets.begin(), secrets.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return secrets;
}

// A libpq message made safe to show: the URL itself and every secret masked.
std::string Sanitize(std::string message, std::string_view url,
                     const std::vector<std::string>& secrets) {
  for (std::size_t at = message.find(url); !url.empty() && at != std::string::npos;
       at = message.find(url, at)) {
    message.replace(at, url.size(), "<DATABASE_URL>");
  }
  for (const std::string& secret : secrets) message = Redact(std::move(message), secret);
  return message;
}

enum class Wait { kReady, kTimedOut, kFailed };

// Waits until `fd` has one of `events` (or an error/hang-up, which libpq reports) or the deadline.
Wait WaitForSocket(int fd, short events, Clock::time_point deadline) {
  if (fd < 0) return Wait::kFailed;
  for (;;) {
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return Wait::kTimedOut;
    pollfd pfd{.fd = fd, .events = events, .revents = 0};
    const int wait_ms =
        static_cast<int>(std::min<std::chrono::milliseconds::rep>(left.count(), 60'000));
    const int rc = poll(&pfd, 1, wait_ms);
    if (rc > 0) return Wait::kReady;
    if (rc < 0 && errno != EINTR) return Wait::kFailed;
  }
}

class PostgresProbe final : public DependencyProbe {
 public:
  PostgresProbe(std::string url, std::vector<std::string> secrets)
      : url_(std::move(url)), secrets_(std::move(secrets)) {}

  std::string_view Name() const override { return "database"; }
  std::string_view Kind() const override { return "postgresql"; }

  ProbeResult Check(std::chrono::milliseconds timeout) override {
    const auto start = Clock::now();
    ProbeResult result;
    result.detail = Run(start + AtLeastOneMs(timeout));
    result.ok = result.detail.empty();
    if (result.ok) result.detail = "ok";
    result.latency_ms = ElapsedMs(start);
    return result;
  }

 private:
  // Empty on success, otherwise what went wrong. Connects without blocking (PQconnectStartParams
  // + PQconnectPoll) so the deadline holds to the millisecond; libpq's connect_timeout has a
  // granularity of whole seconds, a floor of 2 s, and applies per address tried.
  std::string Run(Clock::time_point deadline) const {
    const char* const keywords[] = {"dbname", "fallback_application_name", nullptr};
    const char* const values[] = {url_.c_str(), kApplicationName, nullptr};
    const ConnHandle conn(PQconnectStartParams(keywords, values, 1));
    if (!conn) return "out of memory";
    if (PQstatus(conn.get()) == CONNECTION_BAD) return ErrorOf(conn.get());

    PostgresPollingStatusType state = PGRES_POLLING_WRITING;
    while (state != PGRES_POLLING_OK) {
      if (state == PGRES_POLLING_FAILED) return ErrorOf(conn.get());
      const short events = state == PGRES_POLLING_READING ? POLLIN : POLLOUT;
      switch (WaitForSocket(PQsocket(conn.get()), events, deadline)) {
        case Wait::kReady:
          break;
        case Wait::kTimedOut:
          return "timed out connecting";
        case Wait::kFailed:
          return "connection socket unusable";
      }
      state = PQconnectPoll(conn.get());
    }

    if (PQsetnonblocking(conn.get(), 1) != 0 || PQsendQuery(conn.get(), kQuery) == 0) {
      return ErrorOf(conn.get());
    }
    for (int flush = PQflush(conn.get()); flush != 0; flush = PQflush(conn.get())) {
      if (flush < 0) return ErrorOf(conn.get());
      switch (WaitForSocket(PQsocket(conn.get()), POLLIN | POLLOUT, deadline)) {
        case Wait::kReady:
          break;
        case Wait::kTimedOut:
          return "timed out sending SELECT 1";
        case Wait::kFailed:
          return "connection socket unusable";
      }
      if (PQconsumeInput(conn.get()) == 0) return ErrorOf(conn.get());
    }

    bool answered = false;
    for (;;) {
      while (PQisBusy(conn.get()) != 0) {
        switch (WaitForSocket(PQsocket(conn.get()), POLLIN, deadline)) {
          case Wait::kReady:
            break;
          case Wait::kTimedOut:
            return "timed out waiting for SELECT 1";
          case Wait::kFailed:
            return "connection socket unusable";
        }
        if (PQconsumeInput(conn.get()) == 0) return ErrorOf(conn.get());
      }
      const ResultHandle res(PQgetResult(conn.get()));
      if (!res) break;
      if (PQresultStatus(res.get()) != PGRES_TUPLES_OK) {
        return Sanitize(FirstLine(PQresultErrorMessage(res.get()), "SELECT 1 failed"), url_,
                        secrets_);
      }
      answered = answered || (PQntuples(res.get()) == 1 && PQnfields(res.get()) == 1 &&
                              std::string_view(PQgetvalue(res.get(), 0, 0)) == "1");
    }
    return answered ? std::string() : "unexpected answer to SELECT 1";
  }

  std::string ErrorOf(PGconn* conn) const {
    return Sanitize(FirstLine(PQerrorMessage(conn), "connection failed"), url_, secrets_);
  }

  std::string url_;
  std::vector<std::string> secrets_;
};

}  // namespace

Result<std::unique_ptr<DependencyProbe>> MakePostgresProbe(const std::string& url) {
  char* raw_error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &raw_error);
  if (options == nullptr) {
    std::string message = FirstLine(raw_error != nullptr ? raw_error : "", "out of memory");
    PQfreemem(raw_error);
    return Error::Make(ErrorCode::kValidation,
                       "DATABASE_URL is not a valid PostgreSQL URI: " +
                           Sanitize(std::move(message), url, SecretsOf(url, {})));
  }
  std::string decoded_password;
  for (const PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    if (std::string_view(option->keyword) == "password" && option->val != nullptr) {
      decoded_password = option->val;
    }
  }
  PQconninfoFree(options);
  std::unique_ptr<DependencyProbe> probe =
      std::make_unique<PostgresProbe>(url, SecretsOf(url, decoded_password));
  return probe;
}

}  // namespace jc::store::internal
