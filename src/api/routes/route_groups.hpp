// One function per route group; each registers its routes with their documentation.
#pragma once

#include "api/app_services.hpp"
#include "api/registry.hpp"

namespace jc::api {

void AddHealthRoutes(Registry& registry, AppServices& services);
void AddCvRoutes(Registry& registry, AppServices& services);
void AddJobRoutes(Registry& registry, AppServices& services);
void AddGenerationRoutes(Registry& registry, AppServices& services);
void AddDocsRoutes(Registry& registry, AppServices& services);

}  // namespace jc::api
