#!/usr/bin/env bash
# Throwaway PostgreSQL 15 and Redis 7 for the tests, bound to 127.0.0.1 only.
#
#   eval "$(scripts/test-services.sh start)"   # starts (or reuses) both, exports their URLs
#   scripts/test-services.sh stop              # stops both, removes their files
#
# stdout carries only the `export ...` lines; everything else goes to stderr.
# Settings (environment):
#   JC_TEST_PG_PORT        PostgreSQL port            (default 55432)
#   JC_TEST_REDIS_PORT     Redis port                 (default 56379)
#   JC_TEST_SERVICES_DIR   where their files live     (default /tmp/jc-test-services)
#   JC_TEST_PG_BIN         PostgreSQL server binaries (default /usr/lib/postgresql/15/bin)
#   JC_TEST_SERVICES_WAIT  seconds to wait for each   (default 30)
# As root, PostgreSQL runs as the `postgres` OS user (it refuses to run as root); otherwise as
# the calling user. This script installs nothing: scripts/setup.sh does.
set -euo pipefail

readonly PG_PORT="${JC_TEST_PG_PORT:-55432}"
readonly REDIS_PORT="${JC_TEST_REDIS_PORT:-56379}"
readonly BASE_DIR="${JC_TEST_SERVICES_DIR:-/tmp/jc-test-services}"
readonly PG_BIN="${JC_TEST_PG_BIN:-/usr/lib/postgresql/15/bin}"
readonly WAIT_SECONDS="${JC_TEST_SERVICES_WAIT:-30}"
readonly PG_DB="jobcopilot_test"
readonly PG_USER="postgres"

readonly MARKER="${BASE_DIR}/.jc-test-services"
readonly PG_DIR="${BASE_DIR}/pg"
readonly PG_DATA="${PG_DIR}/data"
readonly PG_LOG="${PG_DIR}/postgresql.log"
readonly REDIS_DIR="${BASE_DIR}/redis"
readonly REDIS_PID="${BASE_DIR}/redis.pid"
readonly REDIS_LOG="${BASE_DIR}/redis.log"

# Keep stdout for the export lines only. The daemons started below must not inherit fd 3, or a
# caller's $(...) would wait for them to exit.
exec 3>&1 1>&2

log() { echo "test-services: $*"; }
die() {
  echo "test-services: error: $*"
  exit 1
}

require_binary() {
  local path
  path="$(command -v "$1" 2>/dev/null)" || die "'$1' not found ($2); run scripts/setup.sh"
  [[ -x "${path}" ]] || die "'$1' is not executable ($2); run scripts/setup.sh"
}

check_binaries() {
  local tool
  for tool in initdb pg_ctl pg_isready psql createdb; do
    require_binary "${PG_BIN}/${tool}" "package postgresql-15"
  done
  require_binary redis-server "package redis-server"
  require_binary redis-cli "package redis-tools"
  if [[ "${EUID}" -eq 0 ]]; then
    require_binary runuser "package util-linux"
    getent passwd "${PG_USER}" >/dev/null || die "OS user '${PG_USER}' is missing (package postgresql-15 creates it)"
  fi
}

check_port() {
  if ! [[ "$2" =~ ^[0-9]+$ ]] || (("$2" < 1 || "$2" > 65535)); then
    die "$1 must be a port number from 1 to 65535, got '$2'"
  fi
}

# Runs a PostgreSQL server tool as the user the cluster belongs to.
as_pg_owner() {
  if [[ "${EUID}" -eq 0 ]]; then
    runuser -u "${PG_USER}" -- "$@"
  else
    "$@"
  fi
}

# wait_until SECONDS WHAT COMMAND...: retries COMMAND every 0.2 s until it succeeds.
wait_until() {
  local seconds="$1" what="$2"
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
  log "${what} is up"
}

pg_running() { [[ -f "${PG_DATA}/PG_VERSION" ]] && as_pg_owner "${PG_BIN}/pg_ctl" -D "${PG_DATA}" status >/dev/null 2>&1; }
pg_ready() { "${PG_BIN}/pg_isready" -q -h 127.0.0.1 -p "${PG_PORT}" -d postgres -U "${PG_USER}"; }

redis_pid() {
  local pid
  [[ -f "${REDIS_PID}" ]] || return 1
  pid="$(<"${REDIS_PID}")"
  [[ "${pid}" =~ ^[0-9]+$ ]] && kill -0 "${pid}" 2>/dev/null || return 1
  echo "${pid}"
}
redis_ready() { [[ "$(redis-cli -h 127.0.0.1 -p "${REDIS_PORT}" ping 2>/dev/null)" == "PONG" ]]; }

prepare_base_dir() {
  if [[ -e "${BASE_DIR}" && ! -f "${MARKER}" ]]; then
    [[ -d "${BASE_DIR}" && -z "$(ls -A "${BASE_DIR}")" ]] ||
      die "${BASE_DIR} exists and was not made by this script; remove it or set JC_TEST_SERVICES_DIR"
  fi
  mkdir -p "${BASE_DIR}"
  chmod 0755 "${BASE_DIR}"  # the postgres user must be able to reach pg/
  touch "${MARKER}"
}

start_postgres() {
  if pg_running; then
    log "PostgreSQL already running in ${PG_DATA}; reusing it"
  else
    if pg_ready; then
      die "port ${PG_PORT} already answers as PostgreSQL but not from ${PG_DATA}; set JC_TEST_PG_PORT"
    fi
    if [[ ! -f "${PG_DATA}/PG_VERSION" ]]; then
      log "creating a PostgreSQL cluster in ${PG_DATA}"
      rm -rf "${PG_DIR}"
      mkdir -p "${PG_DIR}"
      if [[ "${EUID}" -eq 0 ]]; then chown "${PG_USER}:" "${PG_DIR}"; fi
      chmod 0700 "${PG_DIR}"
      as_pg_owner "${PG_BIN}/initdb" -D "${PG_DATA}" -U "${PG_USER}" --auth=trust \
        --encoding=UTF8 --locale=C --no-sync >"${BASE_DIR}/initdb.log" 2>&1 ||
        die "initdb failed; see ${BASE_DIR}/initdb.log"
      # Appending keeps the files' owner. Unix sockets are off: TCP on loopback only.
      cat >>"${PG_DATA}/postgresql.conf" <<EOF

# test-services.sh
listen_addresses = '127.0.0.1'
port = ${PG_PORT}
unix_socket_directories = ''
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 100
EOF
      cat >"${PG_DATA}/pg_hba.conf" <<EOF
# test-services.sh: trust, loopback only
host all all 127.0.0.1/32 trust
EOF
    fi
    log "starting PostgreSQL on 127.0.0.1:${PG_PORT}"
    as_pg_owner "${PG_BIN}/pg_ctl" -D "${PG_DATA}" -l "${PG_LOG}" -w -t "${WAIT_SECONDS}" \
      -o "-p ${PG_PORT}" start </dev/null >/dev/null 3>&- ||
      die "PostgreSQL did not start; see ${PG_LOG}: $(tail -n 5 "${PG_LOG}" 2>/dev/null)"
  fi
  wait_until "${WAIT_SECONDS}" "PostgreSQL (127.0.0.1:${PG_PORT})" pg_ready ||
    die "PostgreSQL did not answer on 127.0.0.1:${PG_PORT} within ${WAIT_SECONDS}s; see ${PG_LOG}"

  local exists
  exists="$("${PG_BIN}/psql" -X -q -h 127.0.0.1 -p "${PG_PORT}" -U "${PG_USER}" -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '${PG_DB}'")" || die "cannot query PostgreSQL"
  if [[ "${exists}" != "1" ]]; then
    "${PG_BIN}/createdb" -h 127.0.0.1 -p "${PG_PORT}" -U "${PG_USER}" "${PG_DB}" ||
      die "cannot create database ${PG_DB}"
    log "created database ${PG_DB}"
  fi
}

start_redis() {
  if redis_pid >/dev/null; then
    log "Redis already running (pid $(redis_pid)); reusing it"
  else
    if redis_ready; then
      die "port ${REDIS_PORT} already answers as Redis but not from ${REDIS_PID}; set JC_TEST_REDIS_PORT"
    fi
    mkdir -p "${REDIS_DIR}"
    rm -f "${REDIS_PID}"
    log "starting Redis on 127.0.0.1:${REDIS_PORT}"
    redis-server --bind 127.0.0.1 --port "${REDIS_PORT}" --save '' --appendonly no \
      --daemonize yes --pidfile "${REDIS_PID}" --logfile "${REDIS_LOG}" --dir "${REDIS_DIR}" \
      </dev/null >/dev/null 3>&- ||
      die "redis-server did not start; see ${REDIS_LOG}"
  fi
  wait_until "${WAIT_SECONDS}" "Redis (127.0.0.1:${REDIS_PORT})" redis_ready ||
    die "Redis did not answer on 127.0.0.1:${REDIS_PORT} within ${WAIT_SECONDS}s; see ${REDIS_LOG}"
}

stop_postgres() {
  if pg_running; then
    log "stopping PostgreSQL"
    as_pg_owner "${PG_BIN}/pg_ctl" -D "${PG_DATA}" -m fast -w -t "${WAIT_SECONDS}" stop >/dev/null ||
      die "PostgreSQL did not stop; see ${PG_LOG}"
  fi
}

stop_redis() {
  local pid
  pid="$(redis_pid)" || return 0
  log "stopping Redis (pid ${pid})"
  kill -TERM "${pid}"
  local deadline=$((SECONDS + WAIT_SECONDS))
  while kill -0 "${pid}" 2>/dev/null; do
    ((SECONDS < deadline)) || die "Redis (pid ${pid}) did not stop within ${WAIT_SECONDS}s"
    sleep 0.2
  done
}

cmd_start() {
  check_port JC_TEST_PG_PORT "${PG_PORT}"
  check_port JC_TEST_REDIS_PORT "${REDIS_PORT}"
  check_binaries
  cd /  # the postgres user may not read the caller's working directory
  prepare_base_dir
  start_postgres
  start_redis
  echo "export JC_TEST_POSTGRES_URL=postgresql://${PG_USER}@127.0.0.1:${PG_PORT}/${PG_DB}" >&3
  echo "export JC_TEST_REDIS_URL=redis://127.0.0.1:${REDIS_PORT}/0" >&3
}

cmd_stop() {
  if [[ ! -e "${BASE_DIR}" ]]; then
    log "nothing to stop"
    return 0
  fi
  [[ -f "${MARKER}" ]] || die "${BASE_DIR} was not made by this script; not touching it"
  check_binaries
  cd /
  stop_postgres
  stop_redis
  rm -rf -- "${BASE_DIR}"
  log "stopped; removed ${BASE_DIR}"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  *)
    echo "usage: $0 start|stop"
    exit 2
    ;;
esac
