#include "api/app_services.hpp"

#include "api/registry.hpp"
#include "api/routes/route_groups.hpp"

namespace jc::api {

void RegisterRoutes(Registry& registry, AppServices& services) {
  AddHealthRoutes(registry, services);
  AddCvRoutes(registry, services);
  AddJobRoutes(registry, services);
  AddGenerationRoutes(registry, services);
  AddDocsRoutes(registry, services);  // last: it documents everything registered before it
}

Error NotImplemented(std::string_view capability) {
  return Error::Make(ErrorCode::kNotImplemented,
                     std::string(capability) +
                         " is not implemented yet in this version of the service; the request "
                         "was valid");
}

}  // namespace jc::api
