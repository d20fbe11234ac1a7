#!/usr/bin/env bash
# Installs what Job Copilot needs on Debian 12, and only what is missing (re-running is fast).
#
# Usage: scripts/setup.sh [--test]
#   (no flag)  build and run dependencies: compiler, CMake, Ninja, Boost 1.81, SQLite, libpq,
#              hiredis, Node.js for the docs assets; then `npm ci` in web/ when the lock changed.
#   --test     also what the test suite needs: GoogleTest, Google Benchmark, PostgreSQL 15, Redis 7.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

packages=(
  g++ cmake ninja-build pkg-config ca-certificates
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev libpq-dev libhiredis-dev
  libpoppler-cpp-dev libzip-dev libpugixml-dev libxml2-dev
)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(libgtest-dev libgmock-dev libbenchmark-dev postgresql-15 redis-server curl)
fi
# Node.js and npm install the pinned docs assets; keep a Node.js that is already there.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} > 0)); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Docs UI assets and the OpenAPI linter, pinned by web/package-lock.json.
stamp="$root/web/node_modules/.jc-lock-sha256"
want="$(sha256sum "$root/web/package-lock.json" | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  echo "setup: npm ci in web/" >&2
  (cd "$root/web" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  echo "$want" >"$stamp"
fi
