#include "app/app.hpp"

#include <signal.h>
#include <unistd.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <filesystem>
#include <iostream>
#include <thread>
#include <vector>

#include "api/app_services.hpp"
#include "api/registry.hpp"
#include "app/parse_commands.hpp"
#include "http/pipeline.hpp"
#include "http/server.hpp"
#include "http/worker_pool.hpp"
#include "llm/llm_service.hpp"
#include "llm/openai_client.hpp"
#include "nlp/taxonomy.hpp"
#include "observability/logger.hpp"
#include "sandbox/process_pool.hpp"
#include "schema/schema.hpp"
#include "store/dependency_probe.hpp"

namespace jc::app {
namespace {

namespace net = boost::asio;
namespace fs = std::filesystem;

unsigned OrCores(unsigned n) {
  if (n != 0) return n;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores;
}

Result<std::vector<std::unique_ptr<store::DependencyProbe>>> MakeProbes(const config::Config& c) {
  std::vector<std::unique_ptr<store::DependencyProbe>> probes;
  auto db = store::MakeDatabaseProbe(c.database_url);
  if (!db) return db.error();
  probes.push_back(std::move(*db));
  auto cache = store::MakeCacheProbe(c.redis_url);
  if (!cache) return cache.error();
  probes.push_back(std::move(*cache));
  return probes;
}

sandbox::SandboxLimits ParseLimits(const config::Config& c) {
  sandbox::SandboxLimits limits;
  limits.wall_timeout = c.parse.timeout;
  limits.cpu_seconds = c.parse.cpu_seconds;
  limits.address_space_bytes = c.parse.memory_bytes;
  // A worker that holds more than a quarter of its limit after a job is replaced: a parse that
  // ran out of memory inside poppler leaves hundreds of MiB behind, and the next document must
  // not inherit them. A normal parse leaves a worker at about 35 MiB.
  limits.recycle_rss_bytes = c.parse.memory_bytes / 4;
#if defined(__SANITIZE_ADDRESS__)
  // ASan reserves terabytes of address space at start-up: RLIMIT_AS would stop every worker.
  limits.address_space_bytes = 0;
#endif
  // The job carries a small header before the file's bytes.
  limits.max_input_bytes = c.server.max_upload_bytes + 4096;
  return limits;
}

}  // namespace

std::string_view Version() {
  return JC_VERSION;
}

std::string FindWebRoot(const std::string& configured) {
  if (!configured.empty()) return configured;
  std::error_code ec;
  if (fs::exists("web/docs.html", ec)) return fs::absolute("web", ec).string();
  const auto exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (const auto& candidate : {exe.parent_path() / "../../web", exe.parent_path() / "../web"}) {
      if (fs::exists(candidate / "docs.html", ec))
        return fs::weakly_canonical(candidate, ec).string();
    }
  }
  return "web";
}

namespace {

// What LLM mode needs at run time; all null when no LLM is configured.
struct LlmParts {
  std::unique_ptr<llm::OpenAiClient> client;
  std::unique_ptr<llm::PromptLibrary> prompts;
  std::unique_ptr<llm::ResponseCache> cache;
  std::unique_ptr<llm::LlmService> service;
};

Result<LlmParts> StartLlm(const config::Config& config, const std::string& data_dir) {
  LlmParts parts;
  if (!config.llm.Configured()) return parts;
  auto prompts = llm::PromptLibrary::Load(data_dir + "/prompts");
  if (!prompts) return prompts.error();
  auto client =
      llm::OpenAiClient::Create({.llm = config.llm,
                                 .proxy = llm::ProxySettings::FromEnv(
                                     [](const std::string& name) -> std::optional<std::string> {
                                       const char* v = std::getenv(name.c_str());
                                       return v ? std::optional<std::string>(v) : std::nullopt;
                                     })});
  if (!client) return client.error();
  parts.client = std::move(*client);
  parts.prompts = std::make_unique<llm::PromptLibrary>(std::move(*prompts));
  parts.cache = std::make_unique<llm::ResponseCache>(
      config.llm.cache_entries, std::chrono::seconds(config.llm.cache_ttl_seconds));
  parts.service = std::make_unique<llm::LlmService>(*parts.client, *parts.prompts, *parts.cache);
  return parts;
}

}  // namespace

int Serve(const config::Config& config) {
  ::signal(SIGPIPE, SIG_IGN);
  const auto started = std::chrono::steady_clock::now();
  const unsigned io_threads = OrCores(config.server.io_threads);
  auto probes = MakeProbes(config);
  if (!probes) {
    obs::LogError("cannot start", {{"reason", probes.error().message}});
    return 1;
  }

  // One io_context per I/O thread (see http/server.hpp). The pool is declared after them so
  // that it is destroyed first: work it still holds after a deadline-cut shutdown refers to
  // their executors.
  std::vector<std::unique_ptr<net::io_context>> contexts;
  std::vector<net::io_context*> context_ptrs;
  for (unsigned i = 0; i < io_threads; ++i) {
    contexts.push_back(std::make_unique<net::io_context>(1));
    context_ptrs.push_back(contexts.back().get());
  }
  net::io_context& main_context = *contexts.front();
  // The taxonomy is loaded here too, so a broken data folder stops start-up instead of every
  // parse worker.
  const std::string data_dir = FindDataDir(config.data_dir);
  auto taxonomy = nlp::Taxonomy::Load(data_dir + "/skills");
  if (!taxonomy) {
    obs::LogError("cannot start", {{"reason", taxonomy.error().message}});
    return 1;
  }
  const nlp::SkillMatcher skills(*taxonomy);
  // Started from this thread, which lives as long as the service (see PR_SET_PDEATHSIG in
  // sandbox/process_pool.hpp).
  sandbox::ProcessPool cv_parser({"/proc/self/exe", "parse-worker", "--data-dir", data_dir},
                                 OrCores(config.parse.workers), ParseLimits(config));
  http::WorkerPool workers(OrCores(config.server.worker_threads));
  // The LLM, when one is configured: the client, the prompts (data/prompts) and the response
  // cache. Without one every capability runs on the local engine.
  auto llm = StartLlm(config, data_dir);
  if (!llm) {
    obs::LogError("cannot start", {{"reason", llm.error().message}});
    return 1;
  }
  http::Server* server_ptr = nullptr;
  api::Registry registry;
  api::AppServices services{
      .config = config,
      .workers = workers,
      .cv_parser = &cv_parser,
      .probes = *probes,
      .taxonomy = *taxonomy,
      .skills = skills,
      .llm = llm->service.get(),
      .started = started,
      .active_connections =
          [&server_ptr] { return server_ptr ? server_ptr->ActiveConnections() : 0; },
      .io_threads = io_threads,
      .version = std::string(Version()),
      .web_root = FindWebRoot(config.web_root),
  };
  api::RegisterRoutes(registry, services);

  const auto& sc = config.server;
  http::Pipeline pipeline(registry.Router(), http::CorsPolicy({.allowed_origins = sc.cors_origins}),
                          [&registry](std::string_view path) { return registry.IsUpload(path); },
                          {.max_json_body_bytes = sc.max_json_body_bytes,
                           .max_upload_bytes = sc.max_upload_bytes,
                           .access_log = true});
  http::Server server(context_ptrs,
                      {.host = sc.host,
                       .port = sc.port,
                       .max_header_bytes = sc.max_header_bytes,
                       .read_timeout = sc.read_timeout,
                       .idle_timeout = sc.idle_timeout,
                       .write_timeout = sc.write_timeout,
                       .max_connections = sc.max_connections,
                       .shutdown_timeout = sc.shutdown_timeout},
                      pipeline);
  server_ptr = &server;
  auto endpoint = server.Listen();
  if (!endpoint) {
    obs::LogError("cannot start", {{"reason", endpoint.error().message}});
    return 1;
  }
  server.Start();
  obs::LogInfo("listening", {{"host", endpoint->address().to_string()},
                             {"port", endpoint->port()},
                             {"version", Version()},
                             {"engine", config.llm.Configured() ? "llm" : "local"},
                             {"ioThreads", io_threads},
                             {"parseWorkers", cv_parser.Size()},
                             {"skillsVersion", taxonomy->Version()},
                             {"workerThreads", workers.Threads()}});

  net::signal_set signals(main_context, SIGINT, SIGTERM);
  signals.async_wait([&](const boost::system::error_code& ec, int signo) {
    if (ec) return;
    obs::LogInfo("shutting down", {{"signal", signo}, {"connections", server.ActiveConnections()}});
    server.BeginShutdown([&contexts] {
      for (auto& c : contexts) c->stop();
    });
  });

  std::vector<std::jthread> threads;
  for (unsigned i = 1; i < io_threads; ++i) {
    threads.emplace_back([c = contexts[i].get()] {
      // Keep the thread alive while its context has no connection yet.
      auto guard = net::make_work_guard(*c);
      c->run();
    });
  }
  main_context.run();
  for (auto& t : threads) t.join();
  // From here on the process is only tearing down (joining the CPU pool, killing the parse
  // workers): a repeated SIGTERM or SIGINT must not kill it halfway and turn a clean exit into
  // death by signal. signal_set::clear() restores the defaults, so ignore them after it.
  boost::system::error_code ignored;
  signals.clear(ignored);
  ::signal(SIGTERM, SIG_IGN);
  ::signal(SIGINT, SIG_IGN);
  workers.Stop();
  obs::LogInfo(
      "stopped",
      {{"uptimeSeconds",
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()}});
  obs::Logger::Get().Flush();
  return 0;
}

int PrintOpenApi(const config::Config& config) {
  auto taxonomy = nlp::Taxonomy::Load(FindDataDir(config.data_dir) + "/skills");
  if (!taxonomy) {
    std::cerr << "cannot load the skill taxonomy: " << taxonomy.error().message << '\n';
    return 1;
  }
  const nlp::SkillMatcher skills(*taxonomy);
  http::WorkerPool workers(1);
  std::vector<std::unique_ptr<store::DependencyProbe>> probes;
  api::Registry registry;
  api::AppServices services{.config = config,
                            .workers = workers,
                            .probes = probes,
                            .taxonomy = *taxonomy,
                            .skills = skills,
                            .started = std::chrono::steady_clock::now(),
                            .active_connections = [] { return std::size_t{0}; },
                            .io_threads = 1,
                            .version = std::string(Version()),
                            .web_root = FindWebRoot(config.web_root)};
  api::RegisterRoutes(registry, services);
  std::cout << *services.openapi_json << '\n';
  return 0;
}

}  // namespace jc::app
