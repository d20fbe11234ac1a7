#!/usr/bin/env bash
# Sets everything up, builds the Release binary and starts the service on its embedded defaults
# (local engine, SQLite, in-process cache): http://127.0.0.1:3000. Settings come from the
# environment or a .env file (see env.example).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/setup.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DJC_BUILD_TESTS=OFF \
  -DJC_BUILD_BENCH=OFF >/dev/null
cmake --build build/release --target jobcopilot
exec build/release/jobcopilot serve
