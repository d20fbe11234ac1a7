// Responses of the health routes.
#pragma once

#include <boost/describe.hpp>
#include <map>
#include <optional>
#include <string>

#include "schema/field_spec.hpp"

namespace jc::api {

struct HealthResponse {
  static constexpr std::string_view kSchemaName = "HealthResponse";
  std::string status = "healthy";
  std::string service = "job-copilot";
  std::string version;
  std::string timestamp;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "timestamp", .description = "Server time, ISO 8601 UTC.", .format = "date-time"}};
};
BOOST_DESCRIBE_STRUCT(HealthResponse, (), (status, service, version, timestamp))

struct LiveResponse {
  static constexpr std::string_view kSchemaName = "LiveResponse";
  std::string status = "alive";
};
BOOST_DESCRIBE_STRUCT(LiveResponse, (), (status))

struct CheckResult {
  static constexpr std::string_view kSchemaName = "CheckResult";
  std::string status;  // "up", "down" or "not_configured"
  std::string kind;
  std::optional<double> latencyMs;
  std::optional<std::string> detail;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "status", .description = "\"up\", \"down\" or \"not_configured\"."},
      {.name = "kind", .description = "sqlite, postgresql, redis, memory, openai-compatible..."},
      {.name = "detail", .description = "Why a dependency is down, or what it is."},
  };
};
BOOST_DESCRIBE_STRUCT(CheckResult, (), (status, kind, latencyMs, detail))

struct ReadyResponse {
  static constexpr std::string_view kSchemaName = "ReadyResponse";
  std::string status = "ready";
  std::map<std::string, CheckResult> checks;
};
BOOST_DESCRIBE_STRUCT(ReadyResponse, (), (status, checks))

struct SystemStats {
  static constexpr std::string_view kSchemaName = "SystemStats";
  double uptimeSeconds = 0;
  std::int64_t rssBytes = 0;
  double cpuUserSeconds = 0;
  double cpuSystemSeconds = 0;
  std::int64_t threads = 0;
  std::int64_t openFileDescriptors = 0;
  std::int64_t activeConnections = 0;
  std::int64_t ioThreads = 0;
  std::int64_t workerThreads = 0;
  std::int64_t parseWorkers = 0;
  std::int64_t parseWorkersStarted = 0;
  std::int64_t parseWorkerFailures = 0;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "parseWorkers", .description = "Sandboxed document-parsing processes."},
      {.name = "parseWorkersStarted",
       .description = "Parse workers started, replacements included."},
      {.name = "parseWorkerFailures",
       .description = "Parse workers killed or found dead (crash, timeout, resource limit)."},
  };
};
BOOST_DESCRIBE_STRUCT(SystemStats, (),
                      (uptimeSeconds, rssBytes, cpuUserSeconds, cpuSystemSeconds, threads,
                       openFileDescriptors, activeConnections, ioThreads, workerThreads,
                       parseWorkers, parseWorkersStarted, parseWorkerFailures))

struct DataInfo {
  static constexpr std::string_view kSchemaName = "DataInfo";
  std::string skillsVersion;
  std::int64_t skills = 0;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "skillsVersion",
       .description = "Version of the skill taxonomy (data/skills/VERSION).",
       .example = R"("2026.11.2")"},
      {.name = "skills", .description = "Skills in the taxonomy."},
  };
};
BOOST_DESCRIBE_STRUCT(DataInfo, (), (skillsVersion, skills))

struct DetailedHealthResponse {
  static constexpr std::string_view kSchemaName = "DetailedHealthResponse";
  std::string status;
  std::string version;
  std::map<std::string, CheckResult> checks;
  SystemStats system;
  DataInfo data;
  static constexpr schema::FieldSpec kFields[] = {
      {.name = "status",
       .description = "\"healthy\" when every configured dependency is up, "
                      "else \"degraded\"."}};
};
BOOST_DESCRIBE_STRUCT(DetailedHealthResponse, (), (status, version, checks, system, data))

}  // namespace jc::api
