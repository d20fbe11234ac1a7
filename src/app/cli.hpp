// The command-line face of the binary: `jobcopilot [serve]`, `openapi`, and the offline
// subcommands (`parse`, `analyze`, `generate`) that run the same code as the service.
#pragma once

namespace jc::app {

// Dispatches on argv; returns the process exit code (0 ok, 1 runtime failure, 2 usage or
// configuration error, 3 not implemented yet).
int RunCli(int argc, char** argv);

}  // namespace jc::app
