#!/usr/bin/env bash
# HTTP benchmark: our server vs nginx returning the same body for GET /health/live.
#
# Usage: bench/http/run.sh [BINARY]     (default: build/release/jobcopilot)
#
# Environment knobs (all optional):
#   DURATION=10      seconds per wrk run
#   ROUNDS=3         rounds per (server, connections); medians are reported
#   CONNS="64 512"   connection counts
#   THREADS=2        wrk threads
#   ONLY=both        both | nginx | ours   (run one side only)
#   NGINX_PORT, OURS_PORT   fixed loopback ports (default: free ones are picked)
#   OUT_DIR          where results go (default: bench/http/out/<timestamp>)
#   KEEP_TMP=1       keep the temp dir (configs, access logs, sqlite db)
#
# Only 127.0.0.1 is ever used. See bench/http/README.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$here/../.." && pwd)"

binary="${1:-$repo_root/build/release/jobcopilot}"
DURATION="${DURATION:-10}"
ROUNDS="${ROUNDS:-3}"
CONNS="${CONNS:-64 512}"
THREADS="${THREADS:-2}"
ONLY="${ONLY:-both}"
NGINX_BIN="${NGINX_BIN:-/usr/sbin/nginx}"
WRK_BIN="${WRK_BIN:-wrk}"
lua_script="$here/report.lua"
path="/health/live"
body='{"status":"alive"}'

die() {
  echo "run.sh: error: $*" >&2
  exit 1
}
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

case "$ONLY" in
  both | nginx | ours) ;;
  *) die "ONLY must be both, nginx or ours (got '$ONLY')" ;;
esac
[[ "$DURATION" =~ ^[0-9]+$ && "$DURATION" -gt 0 ]] || die "DURATION must be a positive integer"
[[ "$ROUNDS" =~ ^[0-9]+$ && "$ROUNDS" -gt 0 ]] || die "ROUNDS must be a positive integer"

want_nginx=0
want_ours=0
if [[ "$ONLY" != ours ]]; then want_nginx=1; fi
if [[ "$ONLY" != nginx ]]; then want_ours=1; fi

# ---- tools ---------------------------------------------------------------
missing=()
command -v "$WRK_BIN" >/dev/null || missing+=(wrk)
if ((want_nginx)) && [[ ! -x "$NGINX_BIN" ]]; then missing+=(nginx-light); fi
command -v curl >/dev/null || missing+=(curl)
if ((${#missing[@]})); then
  log "installing missing packages: ${missing[*]}"
  apt-get install -y "${missing[@]}" >/dev/null
fi
if ((want_ours)); then
  [[ -x "$binary" ]] || die "binary not found or not executable: $binary (build it, or pass its path, or use ONLY=nginx)"
fi

# ---- limits --------------------------------------------------------------
if ! ulimit -n 65536 2>/dev/null; then
  hard="$(ulimit -Hn)"
  ulimit -n "$hard"
  log "warning: could not raise open files to 65536; using the hard limit $hard"
fi

# ---- temp dir, cleanup ---------------------------------------------------
tmp="$(mktemp -d "${TMPDIR:-/tmp}/jc-bench.XXXXXX")"
stamp="$(date +%Y%m%d-%H%M%S)"
out_dir="${OUT_DIR:-$here/out/$stamp}"
mkdir -p "$out_dir"

nginx_pid=""
ours_pid=""
wrk_pid=""

# stop_pid PID NAME: SIGTERM, wait up to 10 s, then SIGKILL.
stop_pid() {
  local pid="$1" name="$2" i
  [[ -n "$pid" ]] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name (pid $pid) did not stop on SIGTERM; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() {
  local rc=$?
  set +e
  stop_pid "$wrk_pid" wrk
  stop_pid "$ours_pid" jobcopilot
  stop_pid "$nginx_pid" nginx
  if [[ "${KEEP_TMP:-0}" == 1 ]]; then
    log "temp dir kept: $tmp"
  else
    rm -rf -- "$tmp"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- helpers -------------------------------------------------------------
# port_free PORT: no socket on this host uses PORT locally (listening, or a
# connection incl. TIME-WAIT: a client's TIME-WAIT on the port makes bind fail).
port_free() {
  if command -v ss >/dev/null; then
    [[ -z "$(ss -Htan "( sport = :$1 )" 2>/dev/null)" ]]
  else
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 1; fi
  fi
}

# pick_port: a free port below the kernel's ephemeral range (so that wrk's and
# curl's own client ports can never collide with it).
pick_port() {
  local low=32768 span p i
  if [[ -r /proc/sys/net/ipv4/ip_local_port_range ]]; then
    read -r low _ </proc/sys/net/ipv4/ip_local_port_range
  fi
  span=$((low - 10000))
  ((span > 0)) || span=20000
  for ((i = 0; i < 200; i++)); do
    p=$((10000 + (RANDOM * 32768 + RANDOM) % span))
    if port_free "$p"; then
      echo "$p"
      return 0
    fi
  done
  die "no free loopback port found"
}

# wait_ready NAME PID PORT LOGFILE: poll GET /health/live for up to 30 s.
wait_ready() {
  local name="$1" pid="$2" port="$3" logfile="$4" i
  for ((i = 0; i < 300; i++)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "---- last lines of $logfile ----" >&2
      tail -n 30 "$logfile" >&2 || true
      die "$name exited during startup"
    fi
    if curl -fsS --max-time 1 -o /dev/null "http://127.0.0.1:$port$path" 2>/dev/null; then
      return 0
    fi
    sleep 0.1
  done
  echo "---- last lines of $logfile ----" >&2
  tail -n 30 "$logfile" >&2 || true
  die "$name did not answer GET $path on 127.0.0.1:$port within 30 s"
}

# rss_kib PID: VmRSS (KiB) of one process
rss_kib() {
  awk '/^VmRSS:/ {print $2}' "/proc/$1/status"
}
# hwm_kib PID: VmHWM (peak RSS, KiB) of one process
hwm_kib() {
  awk '/^VmHWM:/ {print $2}' "/proc/$1/status"
}
# tree_rss_kib PID: VmRSS summed over PID and its direct children (nginx workers)
tree_rss_kib() {
  local total pid
  total="$(rss_kib "$1")"
  for pid in $(pgrep -P "$1" || true); do
    total=$((total + $(rss_kib "$pid" || echo 0)))
  done
  echo "$total"
}

mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

# median of the numbers on stdin
median() {
  sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "nan"; exit }
    if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# ---- start nginx ---------------------------------------------------------
start_nginx() {
  local port="${NGINX_PORT:-$(pick_port)}"
  port_free "$port" || die "port $port is already in use"
  local user_line=""
  if [[ "$(id -u)" == 0 ]]; then user_line="user root;"; fi
  mkdir -p "$tmp/nginx"
  cat >"$tmp/nginx/nginx.conf" <<EOF
# generated by bench/http/run.sh
$user_line
worker_processes auto;
worker_rlimit_nofile $(ulimit -n);
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;

events {
    worker_connections 16384;
}

http {
    access_log $tmp/nginx/access.log;
    client_body_temp_path $tmp/nginx/client_body;
    proxy_temp_path $tmp/nginx/proxy;
    fastcgi_temp_path $tmp/nginx/fastcgi;
    uwsgi_temp_path $tmp/nginx/uwsgi;
    scgi_temp_path $tmp/nginx/scgi;
    keepalive_requests 1000000;
    keepalive_timeout 75s;
    server_tokens off;

    server {
        listen 127.0.0.1:$port;
        location = $path {
            default_type application/json;
            return 200 '$body';
        }
        location / {
            return 404;
        }
    }
}
EOF
  "$NGINX_BIN" -t -q -p "$tmp/nginx" -e "$tmp/nginx/error.log" -c "$tmp/nginx/nginx.conf" ||
    die "nginx config test failed (see $tmp/nginx/nginx.conf)"
  "$NGINX_BIN" -p "$tmp/nginx" -e "$tmp/nginx/error.log" -c "$tmp/nginx/nginx.conf" \
    -g 'daemon off;' >"$tmp/nginx/stdout.log" 2>&1 &
  nginx_pid=$!
  nginx_port="$port"
  wait_ready nginx "$nginx_pid" "$port" "$tmp/nginx/error.log"
  cp "$tmp/nginx/nginx.conf" "$out_dir/nginx.conf"
  log "nginx pid $nginx_pid on 127.0.0.1:$port"
}

# ---- start ours ----------------------------------------------------------
start_ours() {
  local port="${OURS_PORT:-$(pick_port)}"
  while [[ -z "${OURS_PORT:-}" && "$port" == "${nginx_port:-}" ]]; do port="$(pick_port)"; done
  port_free "$port" || die "port $port is already in use"
  mkdir -p "$tmp/ours"
  # Run from the temp dir so that no .env of the caller's working tree is read.
  (
    cd "$tmp/ours"
    exec env HOST=127.0.0.1 PORT="$port" DATABASE_URL="sqlite://$tmp/ours/bench.db" \
      "$binary" serve >"$tmp/ours/access.log" 2>"$tmp/ours/stderr.log"
  ) &
  ours_pid=$!
  ours_port="$port"
  wait_ready jobcopilot "$ours_pid" "$port" "$tmp/ours/stderr.log"
  log "jobcopilot pid $ours_pid on 127.0.0.1:$port"
}

nginx_port=""
ours_port=""
if ((want_nginx)); then start_nginx; fi
if ((want_ours)); then start_ours; fi

# ---- sanity: same body ---------------------------------------------------
for side in nginx ours; do
  port_var="${side}_port"
  port="${!port_var}"
  [[ -n "$port" ]] || continue
  got="$(curl -fsS --max-time 2 "http://127.0.0.1:$port$path")"
  if [[ "$got" != "$body" ]]; then
    log "note: $side answers '$got' (nginx sends '$body')"
  fi
  curl -sS --max-time 2 -D - -o /dev/null "http://127.0.0.1:$port$path" >"$out_dir/headers-$side.txt"
done

# ---- idle RSS ------------------------------------------------------------
ours_idle_kib=""
nginx_idle_kib=""
for _ in $(seq 1 20); do
  if [[ -n "$ours_port" ]]; then curl -fsS --max-time 2 -o /dev/null "http://127.0.0.1:$ours_port$path"; fi
  if [[ -n "$nginx_port" ]]; then curl -fsS --max-time 2 -o /dev/null "http://127.0.0.1:$nginx_port$path"; fi
done
sleep 1
if [[ -n "$ours_pid" ]]; then ours_idle_kib="$(rss_kib "$ours_pid")"; fi
if [[ -n "$nginx_pid" ]]; then nginx_idle_kib="$(tree_rss_kib "$nginx_pid")"; fi

# ---- benchmark -----------------------------------------------------------
results="$out_dir/results.tsv"
printf 'server\tconnections\tround\trps\tp99_ms\tp50_ms\tnon2xx\tsocket_errors\trequests\n' >"$results"

# run_wrk SERVER PORT CONNS ROUND
run_wrk() {
  local server="$1" port="$2" conns="$3" round="$4"
  local raw="$out_dir/wrk-$server-c$conns-r$round.txt"
  local pid_var="${server}_pid"
  log "wrk $server c=$conns round $round/$ROUNDS (${DURATION}s)"
  # In the background + wait, so that INT/TERM reach our traps at once.
  "$WRK_BIN" -t"$THREADS" -c"$conns" -d"${DURATION}s" --latency -s "$lua_script" \
    "http://127.0.0.1:$port$path" >"$raw" 2>&1 &
  wrk_pid=$!
  if ! wait "$wrk_pid"; then
    wrk_pid=""
    die "wrk failed against $server, see $raw"
  fi
  wrk_pid=""
  kill -0 "${!pid_var}" 2>/dev/null || die "$server died during the run (see $tmp)"
  awk -v s="$server" -v c="$conns" -v r="$round" '
    /^BENCH / { split($2, kv, "="); m[kv[1]] = kv[2] }
    END {
      if (!("rps" in m)) exit 1
      printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", s, c, r, m["rps"], m["p99_ms"], m["p50_ms"],
        m["non2xx"], m["socket_errors"], m["requests"]
    }' "$raw" >>"$results" || die "no BENCH lines in $raw (is report.lua in use?)"
  sleep 1
}

servers=()
if ((want_nginx)); then servers+=(nginx); fi
if ((want_ours)); then servers+=(ours); fi

for conns in $CONNS; do
  for ((round = 1; round <= ROUNDS; round++)); do
    for server in "${servers[@]}"; do
      port_var="${server}_port"
      run_wrk "$server" "${!port_var}" "$conns" "$round"
    done
  done
done

ours_peak_kib=""
if [[ -n "$ours_pid" ]]; then ours_peak_kib="$(hwm_kib "$ours_pid")"; fi

# ---- report --------------------------------------------------------------
# col SERVER CONNS FIELD_NUMBER: median of one column over rounds
col_median() {
  awk -F'\t' -v s="$1" -v c="$2" -v f="$3" 'NR > 1 && $1 == s && $2 == c { print $f }' "$results" | median
}
col_sum() {
  awk -F'\t' -v s="$1" -v c="$2" -v f="$3" 'NR > 1 && $1 == s && $2 == c { t += $f } END { print t + 0 }' "$results"
}

summary="$out_dir/summary.txt"
{
  echo "# HTTP benchmark: GET $path, wrk -t$THREADS -d${DURATION}s, $ROUNDS round(s), medians"
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ)  host: $(nproc) CPU(s), $(uname -r)"
  echo "# wrk: $("$WRK_BIN" -v 2>&1 | head -n 1 | awk '{print $1, $2}')"
  if ((want_nginx)); then echo "# nginx: $("$NGINX_BIN" -v 2>&1 | sed 's/^nginx version: //')"; fi
  if ((want_ours)); then
    echo "# ours: $binary ($(stat -c %s "$binary") bytes, sha256 $(sha256sum "$binary" | cut -c1-12))"
  fi
  echo
  printf '%-8s %6s %12s %9s %8s %9s %12s %10s\n' \
    server conns 'req/s' 'p99 ms' non2xx 'sock err' 'ratio req/s' 'ratio p99'
  for conns in $CONNS; do
    n_rps="" n_p99=""
    if ((want_nginx)); then
      n_rps="$(col_median nginx "$conns" 4)"
      n_p99="$(col_median nginx "$conns" 5)"
    fi
    for server in "${servers[@]}"; do
      rps="$(col_median "$server" "$conns" 4)"
      p99="$(col_median "$server" "$conns" 5)"
      non2xx="$(col_sum "$server" "$conns" 7)"
      sockerr="$(col_sum "$server" "$conns" 8)"
      r_rps="-" r_p99="-"
      if [[ "$server" == ours && -n "$n_rps" ]]; then
        r_rps="$(awk -v a="$rps" -v b="$n_rps" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')"
        r_p99="$(awk -v a="$p99" -v b="$n_p99" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')"
      fi
      printf '%-8s %6s %12.0f %9.2f %8s %9s %12s %10s\n' \
        "$server" "$conns" "$rps" "$p99" "$non2xx" "$sockerr" "$r_rps" "$r_p99"
    done
  done
  echo
  if [[ -n "$ours_idle_kib" ]]; then
    echo "ours idle RSS:   $(mib "$ours_idle_kib") MiB (VmRSS after start + 20 requests)"
    echo "ours peak RSS:   $(mib "$ours_peak_kib") MiB (VmHWM after the runs)"
  fi
  if [[ -n "$nginx_idle_kib" ]]; then
    echo "nginx idle RSS:  $(mib "$nginx_idle_kib") MiB (master + workers, for reference)"
  fi
  echo "(non2xx = responses with status >= 400 as counted by wrk; sock err = connect+read+write+timeout)"
} >"$summary"

cat "$summary"
log "results in $out_dir"
