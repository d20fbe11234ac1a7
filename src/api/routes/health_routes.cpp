// Health routes: liveness, readiness (every configured dependency answers) and a detailed view
// with process statistics. Dependency checks block, so they run on the worker pool.
#include <chrono>
#include <ctime>

#include "api/dto/health_dto.hpp"
#include "api/routes/route_groups.hpp"
#include "http/error_response.hpp"
#include "observability/process_stats.hpp"

namespace jc::api {
namespace {

constexpr std::chrono::milliseconds kProbeTimeout{2000};

std::string NowIso8601() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Runs every probe on the worker pool. `all_up` is false when a configured dependency is down.
net::awaitable<std::map<std::string, CheckResult>> RunChecks(AppServices& s, bool& all_up) {
  std::map<std::string, CheckResult> checks;
  all_up = true;
  for (auto& probe : s.probes) {
    auto* p = probe.get();
    const auto result = co_await s.workers.Run([p] { return p->Check(kProbeTimeout); });
    CheckResult c;
    c.status = result.ok ? "up" : "down";
    c.kind = std::string(p->Kind());
    c.latencyMs = std::round(result.latency_ms * 1000) / 1000;
    if (!result.detail.empty()) c.detail = result.detail;
    all_up = all_up && result.ok;
    checks[std::string(p->Name())] = std::move(c);
  }
  CheckResult llm;
  llm.kind = "openai-compatible";
  llm.status = "not_configured";
  if (s.config.llm.Configured()) {
    llm.status = "configured";
    llm.detail = "model " + s.config.llm.model + "; the LLM client is not part of this version";
  }
  checks["llm"] = std::move(llm);
  co_return checks;
}

json::object ReadyDoc(Registry& r) {
  json::object responses;
  responses["200"] =
      Registry::JsonContent("Every configured dependency answers", r.SchemaOf<ReadyResponse>());
  return json::object{{"responses", std::move(responses)}};
}

}  // namespace

void AddHealthRoutes(Registry& r, AppServices& s) {
  r.Get<HealthResponse>("/health", {.summary = "Service identity and time", .tag = "health"},
                        [&s](http::RequestContext&) -> net::awaitable<Result<HealthResponse>> {
                          HealthResponse h;
                          h.version = s.version;
                          h.timestamp = NowIso8601();
                          co_return h;
                        });

  r.Get<LiveResponse>("/health/live",
                      {.summary = "Liveness: 200 while the process serves", .tag = "health"},
                      [](http::RequestContext&) -> net::awaitable<Result<LiveResponse>> {
                        co_return LiveResponse{};
                      });

  r.Raw(verb::get, "/health/ready",
        {.summary = "Readiness: 200 when every configured dependency answers",
         .description = "503 (error shape, plus `checks`) when one is down.",
         .tag = "health",
         .errors = {503}},
        ReadyDoc(r), [&s](http::RequestContext& ctx) -> net::awaitable<Result<http::Response>> {
          bool all_up = true;
          ReadyResponse ready;
          ready.checks = co_await RunChecks(s, all_up);
          if (all_up) {
            co_return http::JsonResponse(http::bhttp::status::ok, schema::EncodeJson(ready),
                                         ctx.request.version());
          }
          Error e = Error::Make(ErrorCode::kUnavailable, "a dependency is down", "not_ready");
          for (const auto& [name, check] : ready.checks) {
            if (check.status == "down") {
              e.details.push_back(
                  {{"checks", name}, check.detail.value_or("down"), "dependency_down"});
            }
          }
          e.retry_after_seconds = 5;
          // The error envelope, with the checks beside it.
          auto body = json::parse(http::ErrorBody(e, ctx.request_id)).as_object();
          body["status"] = "not_ready";
          body["checks"] = schema::Encode(ready.checks);
          auto res = http::JsonResponse(http::bhttp::status::service_unavailable,
                                        schema::ToJson(body), ctx.request.version());
          res.set(http::bhttp::field::retry_after, "5");
          co_return res;
        });

  r.Get<DetailedHealthResponse>(
      "/health/detailed",
      {.summary = "Dependencies and process statistics",
       .description = "Uptime, RSS, CPU time, threads, open file descriptors, parse workers, "
                      "the state and latency of each configured dependency, and the version of "
                      "the loaded data (skill taxonomy).",
       .tag = "health"},
      [&s](http::RequestContext&) -> net::awaitable<Result<DetailedHealthResponse>> {
        DetailedHealthResponse d;
        bool all_up = true;
        d.checks = co_await RunChecks(s, all_up);
        d.status = all_up ? "healthy" : "degraded";
        d.version = s.version;
        const auto stats = obs::ReadProcessStats();
        d.system.uptimeSeconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - s.started).count();
        d.system.rssBytes = static_cast<std::int64_t>(stats.rss_bytes);
        d.system.cpuUserSeconds = stats.cpu_user_seconds;
        d.system.cpuSystemSeconds = stats.cpu_system_seconds;
        d.system.threads = stats.threads;
        d.system.openFileDescriptors = stats.open_fds;
        d.system.activeConnections = static_cast<std::int64_t>(s.active_connections());
        d.system.ioThreads = s.io_threads;
        d.system.workerThreads = s.workers.Threads();
        if (s.cv_parser != nullptr) {
          d.system.parseWorkers = static_cast<std::int64_t>(s.cv_parser->Size());
          d.system.parseWorkersStarted = static_cast<std::int64_t>(s.cv_parser->Spawned());
          d.system.parseWorkerFailures = static_cast<std::int64_t>(s.cv_parser->Failures());
        }
        d.data.skillsVersion = std::string(s.taxonomy.Version());
        d.data.skills = static_cast<std::int64_t>(s.taxonomy.Size());
        co_return d;
      });
}

}  // namespace jc::api
