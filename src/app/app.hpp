// Wiring: the one place that names the concrete classes and owns them. Serve() builds the
// service from a Config, runs it until SIGTERM/SIGINT, and shuts it down gracefully.
#pragma once

#include <string>

#include "config/config.hpp"

namespace jc::app {

// Runs the HTTP service. Returns the process exit code: 0 after a graceful shutdown, 1 when it
// cannot start (the reason is logged).
int Serve(const config::Config& config);

// Prints the OpenAPI document the service would serve, without starting it.
int PrintOpenApi(const config::Config& config);

// The folder of the web assets: WEB_ROOT, else ./web, else <binary>/../../web.
std::string FindWebRoot(const std::string& configured);

std::string_view Version();

}  // namespace jc::app
