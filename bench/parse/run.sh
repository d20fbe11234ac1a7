#!/usr/bin/env bash
# CV parsing speed, both figures of issue 3 from one run:
#   1. bench_parse (Google Benchmark) on one core (taskset -c 1; the worker inherits it): a whole
#      parse per file type through a parse worker, and for PDFs the ratio to poppler's own
#      text_list() floor (poppler's global state kept warm for both, as the worker keeps it);
#   2. files per second through POST /api/parse-cv-file with wrk, the service using 2 parse
#      workers (2 cores busy), cycling over every corpus PDF, DOCX and TXT.
#
# Usage: bench/parse/run.sh [BUILD_DIR]   (default: build/test-release, as scripts/test.sh leaves
#        it; the folder must hold jobcopilot and bench_parse)
# Knobs: DURATION=10 (wrk seconds), CONNS=4, REPS=3 (benchmark repetitions), SKIP_MICRO=1.
# Only 127.0.0.1 is used.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$(cd "${1:-$root/build/test-release}" && pwd)"
DURATION="${DURATION:-10}"
CONNS="${CONNS:-4}"
REPS="${REPS:-3}"

[[ -x "$build/jobcopilot" ]] || { echo "run.sh: no $build/jobcopilot" >&2; exit 1; }
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null

if [[ "${SKIP_MICRO:-0}" != 1 ]]; then
  taskset -c 1 "$build/bench_parse" --benchmark_repetitions="$REPS" --benchmark_report_aggregates_only=true \
    --benchmark_min_time=0.2 | grep -v "_mean\|_stddev\|_cv"
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/jc-parse-bench.XXXXXX")"
pid=""
cleanup() {
  [[ -n "$pid" ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$tmp" && PORT="$port" PARSE_WORKERS=2 WORKER_THREADS=2 IO_THREADS=1 LOG_LEVEL=warn \
  DATA_DIR="$root/data" WEB_ROOT="$root/web" DATABASE_URL="sqlite://$tmp/db" \
  MAX_UPLOAD_BYTES=$((16 << 20)) exec "$build/jobcopilot" serve) >"$tmp/service.log" 2>&1 &
pid=$!
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port/health/live" >/dev/null && break
  sleep 0.1
done

ls "$root"/tests/corpus/cvs/*.{pdf,docx,txt} >"$tmp/files"
cat >"$tmp/post.lua" <<'LUA'
local bodies, i = {}, 0
local boundary = "JcBenchBoundary"
for path in io.lines(os.getenv("FILES")) do
  local f = assert(io.open(path, "rb")); local data = f:read("*a"); f:close()
  local name = path:match("[^/]+$")
  bodies[#bodies + 1] = "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" ..
    name .. "\"\r\nContent-Type: application/octet-stream\r\n\r\n" .. data .. "\r\n--" .. boundary .. "--\r\n"
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "multipart/form-data; boundary=" .. boundary
request = function()
  i = i % #bodies + 1
  return wrk.format(nil, "/api/parse-cv-file", nil, bodies[i])
end
done = function(summary, latency)
  io.write(string.format("files/s %.1f  requests %d  non-200 %d  p50 %.1f ms  p99 %.1f ms\n",
    summary.requests / (summary.duration / 1e6), summary.requests,
    summary.errors.status, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
LUA
echo
echo "POST /api/parse-cv-file, $(wc -l <"$tmp/files") corpus files (pdf, docx, txt) in turn, 2 parse workers, $CONNS connections, ${DURATION}s:"
FILES="$tmp/files" wrk -t2 -c"$CONNS" -d"${DURATION}s" -s "$tmp/post.lua" "http://127.0.0.1:$port" | grep "files/s"
