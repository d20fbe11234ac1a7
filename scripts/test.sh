#!/usr/bin/env bash
# Sets everything up, builds and runs the whole test suite: unit and integration tests (real
# HTTP over loopback, real PostgreSQL 15 and Redis 7 started here), the OpenAPI lint, in a
# Release build and again under AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/setup.sh --test

# Assigned first so that a failure to start the services stops the script (set -e does not see
# a failing command substitution inside eval).
services_env="$(scripts/test-services.sh start)"
eval "$services_env"
trap 'scripts/test-services.sh stop' EXIT

jobs="$(nproc)"
# fontconfig (under poppler) keeps a one-time cache for the life of the process.
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
for preset in release asan; do
  dir="build/test-$preset"
  case "$preset" in
    release) flags=(-DCMAKE_BUILD_TYPE=Release) ;;
    asan) flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DJC_SANITIZE=ON) ;;
  esac
  echo "== $preset: build" >&2
  cmake -S . -B "$dir" -G Ninja "${flags[@]}" -DJC_BUILD_TESTS=ON -DJC_BUILD_BENCH=ON >/dev/null
  cmake --build "$dir" -j "$jobs"
  echo "== $preset: test" >&2
  ctest --test-dir "$dir" -j "$jobs" --output-on-failure --timeout 300
done
