#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include "store/dependency_probe.hpp"
#include "store/probe_internal.hpp"

namespace jc::store::internal {
namespace {

struct SqliteCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using SqliteHandle = std::unique_ptr<sqlite3, SqliteCloser>;
using StatementHandle = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

// Reads page 1 (the schema), so a file that is not a database, or one locked for longer than the
// timeout, fails the check; a bare SELECT 1 would not touch the file at all.
constexpr std::string_view kQuery = "SELECT count(*) FROM sqlite_schema";

class SqliteProbe final : public DependencyProbe {
 public:
  explicit SqliteProbe(std::string path) : path_(std::move(path)) {}

  std::string_view Name() const override { return "database"; }
  std::string_view Kind() const override { return "sqlite"; }

  ProbeResult Check(std::chrono::milliseconds timeout) override {
    const auto start = Clock::now();
    ProbeResult result;
    result.detail = Run(AtLeastOneMs(timeout));
    result.ok = result.detail.empty();
    if (result.ok) result.detail = "ok";
    result.latency_ms = ElapsedMs(start);
    return result;
  }

 private:
  // Empty on success, otherwise what went wrong.
  std::string Run(std::chrono::milliseconds timeout) const {
    const std::filesystem::path parent = std::filesystem::path(path_).parent_path();
    if (!parent.empty()) {
      std::error_code ec;
      std::filesystem::create_directories(parent, ec);
      if (ec) return "cannot create the database directory: " + ec.message();
    }

    sqlite3* raw_db = nullptr;
    const int open_rc = sqlite3_open_v2(path_.c_str(), &raw_db,
                                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    const SqliteHandle db(raw_db);  // sqlite3_open_v2 may hand out a handle even on failure
    if (open_rc != SQLITE_OK) {
      return "cannot open the database: " +
             FirstLine(db ? sqlite3_errmsg(db.get()) : sqlite3_errstr(open_rc), "unknown error");
    }
    sqlite3_busy_timeout(db.get(), static_cast<int>(std::min<std::chrono::milliseconds::rep>(
                                       timeout.count(), std::numeric_limits<int>::max())));

    sqlite3_stmt* raw_stmt = nullptr;
    const int prepare_rc = sqlite3_prepare_v2(db.get(), kQuery.data(),
                                              static_cast<int>(kQuery.size()), &raw_stmt, nullptr);
    const StatementHandle stmt(raw_stmt);
    if (prepare_rc != SQLITE_OK) return FirstLine(sqlite3_errmsg(db.get()), "query failed");
    if (sqlite3_step(stmt.get()) != SQLITE_ROW) {
      return FirstLine(sqlite3_errmsg(db.get()), "query failed");
    }
    // A file it may not write to opens read-only without an error; the service needs to write.
    if (sqlite3_db_readonly(db.get(), "main") == 1) return "the database file is read-only";
    return {};
  }

  std::string path_;
};

}  // namespace

Result<std::unique_ptr<DependencyProbe>> MakeSqliteProbe(std::string path) {
  std::unique_ptr<DependencyProbe> probe = std::make_unique<SqliteProbe>(std::move(path));
  return probe;
}

}  // namespace jc::store::internal
