// jobcopilot: the service and its command-line tools in one binary.
#include "app/cli.hpp"

int main(int argc, char** argv) {
  return jc::app::RunCli(argc, argv);
}
