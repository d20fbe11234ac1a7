// Health probes for the service's external dependencies (database and cache).
//
// A DependencyProbe answers one question: "can I reach this dependency right now?". The
// readiness and detailed health endpoints hold one probe per dependency, built once at start-up
// from DATABASE_URL and REDIS_URL by the factories below, and call Check() on every request.
//
// Ownership: a probe owns a copy of its URL (which may hold a password; it never leaves the
// probe: not in ProbeResult::detail, not in error messages). Callers own the probe through the
// returned unique_ptr.
// Thread-safety: Check() is safe to call from several threads at once; every call opens its own
// short-lived connection and shares no mutable state. Check() blocks (up to its timeout, plus
// DNS resolution of the host name), so call it from a worker thread, never from an I/O thread.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "common/error.hpp"

namespace jc::store {

struct ProbeResult {
  bool ok = false;
  double latency_ms = 0;  // wall time of the check
  std::string detail;     // short, safe message, e.g. "connection refused"; never a credential
};

// One dependency the service can check.
class DependencyProbe {
 public:
  virtual ~DependencyProbe() = default;
  virtual std::string_view Name() const = 0;  // "database" or "cache"
  virtual std::string_view Kind() const = 0;  // "sqlite", "postgresql", "redis", "memory"
  // Opens a connection, runs a trivial command, closes. Blocks up to `timeout` (a timeout of
  // zero or less is treated as 1 ms). Never throws for a dependency failure: ok = false.
  virtual ProbeResult Check(std::chrono::milliseconds timeout) = 0;
};

// DATABASE_URL:
//   sqlite://PATH   relative (to the working directory) or absolute path, e.g. sqlite://./var/db
//                   or sqlite:///var/lib/jc/db. Check() creates missing parent directories and
//                   the file, then reads the schema.
//   postgres://... or postgresql://...   any libpq connection URI. Check() connects and runs
//                   SELECT 1, all within the timeout.
// A malformed URL is a kValidation error whose message never repeats the URL's password.
Result<std::unique_ptr<DependencyProbe>> MakeDatabaseProbe(const std::string& database_url);

// REDIS_URL: redis://[[user]:password@]host[:port][/db] (password percent-decoded; IPv6 hosts
// in brackets; port defaults to 6379, db to 0). Check() connects, sends AUTH when a password is
// given, SELECT when db is not 0, and PING expecting PONG.
// An empty URL gives a probe of Kind "memory" for the in-process cache; it always answers ok.
// A malformed URL is a kValidation error whose message never repeats the URL's password.
Result<std::unique_ptr<DependencyProbe>> MakeCacheProbe(const std::string& redis_url);

}  // namespace jc::store
