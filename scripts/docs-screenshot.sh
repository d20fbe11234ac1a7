#!/usr/bin/env bash
# Screenshot the API docs pages of a running server with headless Chromium.
#
# Usage: scripts/docs-screenshot.sh BASE_URL OUTDIR
#   e.g. scripts/docs-screenshot.sh http://127.0.0.1:8080 /tmp/docs-shots
# Writes OUTDIR/docs.png (BASE_URL/docs, Swagger UI) and OUTDIR/redoc.png
# (BASE_URL/redoc, ReDoc), plus OUTDIR/docs.log and OUTDIR/redoc.log with
# Chromium's log (browser console messages, including any CSP violations).
#
# For humans, not CI: installs Debian's chromium with apt if it is missing.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 BASE_URL OUTDIR" >&2
  exit 2
fi

base_url="${1%/}"
outdir="$2"
chromium=/usr/bin/chromium

if [[ ! -x "$chromium" ]]; then
  echo "chromium not found; installing Debian's chromium with apt-get" >&2
  apt-get install -y chromium
fi

mkdir -p "$outdir"

profiles=()
# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() {
  local d
  for d in "${profiles[@]}"; do rm -rf -- "$d"; done
}
trap cleanup EXIT

# shot NAME PATH: screenshot BASE_URL/PATH into OUTDIR/NAME.png
shot() {
  local name="$1" path="$2"
  local url="$base_url/$path"
  local png="$outdir/$name.png"
  local log="$outdir/$name.log"
  local profile
  profile="$(mktemp -d)"
  profiles+=("$profile")
  rm -f -- "$png"
  # Chromium's own exit status is unreliable in headless screenshot mode;
  # success is judged by the PNG existing.
  "$chromium" \
    --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" \
    --enable-logging=stderr --v=0 \
    --window-size=1280,1600 --virtual-time-budget=5000 \
    --screenshot="$png" "$url" >"$log" 2>&1 || true
  if [[ -s "$png" ]]; then
    echo "$url -> $png"
  else
    echo "error: no screenshot for $url (see $log)" >&2
    return 1
  fi
  # Surface browser console errors (failed loads, CSP violations) if any.
  if grep -E 'CONSOLE|Content Security Policy|Refused to' "$log" >/dev/null; then
    echo "  console messages for $name (from $log):"
    grep -E 'CONSOLE|Content Security Policy|Refused to' "$log" | sed 's/^/    /' | head -n 20
  fi
}

rc=0
shot docs docs || rc=1
shot redoc redoc || rc=1
exit "$rc"
