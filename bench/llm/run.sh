#!/usr/bin/env bash
# Issue 6's load figure: the service with its LLM on loopback (fake_openai_server answering
# every chat completion after DELAY_MS with a valid cover letter), REQUESTS concurrent
# POST /api/generate-cover-letter, and GET /health/live probed every 10 ms meanwhile.
#
# Usage: bench/llm/run.sh [BUILD_DIR]   (default build/test-release: jobcopilot, llm_load and
#        fake_openai_server). Knobs: REQUESTS=500, DELAY_MS=2000, IO_THREADS=2.
# Only 127.0.0.1 is used.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$(cd "${1:-$root/build/test-release}" && pwd)"
REQUESTS="${REQUESTS:-500}"
DELAY_MS="${DELAY_MS:-2000}"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/jc-llm-bench.XXXXXX")"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

# The letter the fake model "writes": the fixture's own facts.
python3 - "$root" "$tmp" <<'PY'
import json, sys
root, tmp = sys.argv[1], sys.argv[2]
fixture = json.load(open(f"{root}/tests/fixtures/generation/engineer-berlin.json"))
letter = {"paragraphs": [
  "I am applying for the Senior Backend Engineer role at Nordwind Energy GmbH. Over the past "
  "years I have built services in Go, Python and PostgreSQL, and I hold an M.Sc. in Computer "
  "Science from Technische Universität Berlin.",
  "At Kiezkaufhaus GmbH I reduced checkout latency by 38% by rewriting the cart service in Go, "
  "and I moved 25 services to Kubernetes with Helm, cutting hosting costs by €14,000 a month. "
  "I also designed the PostgreSQL partitioning scheme for 900 million payment records.",
  "Before that, at Spreewald Mobility AG, I built a ride-pricing service in Python and Django "
  "serving 3,000 requests per second and introduced Kafka-based event streaming between 6 "
  "teams. I mentored 3 junior engineers along the way.",
  "You are looking for an engineer who owns the PostgreSQL data model and runs Go services on "
  "Kubernetes. That is the work I have done every day, and I would like to bring it to "
  "Nordwind Energy GmbH. Thank you for considering my application."]}
open(f"{tmp}/letter.json", "w").write(json.dumps(letter))
open(f"{tmp}/request.json", "w").write(json.dumps(fixture))
PY

"$build/fake_openai_server" --port 0 --delay-ms "$DELAY_MS" --threads 2 \
  --content-file "$tmp/letter.json" >"$tmp/fake.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do grep -qs "listening on" "$tmp/fake.log" && break; sleep 0.1; done
fake_port="$(sed -n 's/.*listening on 127.0.0.1:\([0-9]*\).*/\1/p' "$tmp/fake.log")"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$tmp" && PORT="$port" IO_THREADS="${IO_THREADS:-2}" WORKER_THREADS=2 PARSE_WORKERS=1 \
  LOG_LEVEL=warn DATA_DIR="$root/data" WEB_ROOT="$root/web" DATABASE_URL="sqlite://$tmp/db" \
  OPENAI_BASE_URL="http://127.0.0.1:$fake_port/v1" OPENAI_MODEL=bench-model \
  LLM_MAX_CONCURRENCY=1000 LLM_TIMEOUT_MS=120000 exec "$build/jobcopilot" serve) \
  >"$tmp/service.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do curl -sf "127.0.0.1:$port/health/live" >/dev/null && break; sleep 0.1; done

"$build/llm_load" --port "$port" --requests "$REQUESTS" --body "$tmp/request.json"
