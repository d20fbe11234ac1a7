// What the route groups need from the running application. Owned by app/; the routes hold
// references for the life of the server. Every member is safe to use from any thread.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "http/worker_pool.hpp"
#include "llm/llm_service.hpp"
#include "nlp/skill_matcher.hpp"
#include "nlp/taxonomy.hpp"
#include "sandbox/process_pool.hpp"
#include "store/dependency_probe.hpp"

namespace jc::api {

struct AppServices {
  const config::Config& config;
  http::WorkerPool& workers;
  sandbox::ProcessPool* cv_parser = nullptr;  // parse workers; null where nothing is parsed
  std::vector<std::unique_ptr<store::DependencyProbe>>& probes;  // database, cache
  const nlp::Taxonomy& taxonomy;                                 // the skill taxonomy
  const nlp::SkillMatcher& skills;                               // its matcher (job analysis, fit)
  llm::LlmService* llm = nullptr;  // the LLM, when one is configured (OPENAI_*); else null
  std::chrono::steady_clock::time_point started;
  std::function<std::size_t()> active_connections;
  unsigned io_threads = 1;
  std::string version;
  std::string web_root;  // folder with docs.html, redoc.html and node_modules/
  std::shared_ptr<const std::string> openapi_json;  // set by RegisterRoutes: the served document
};

class Registry;

// Registers every route of the service (the API, health, docs).
void RegisterRoutes(Registry& registry, AppServices& services);

// The answer of a route whose capability lands in a later release: 501 in the error shape.
Error NotImplemented(std::string_view capability);

}  // namespace jc::api
