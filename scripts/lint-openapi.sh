#!/usr/bin/env bash
# Lint an OpenAPI document with the locally installed Redocly CLI (1.x).
#
# Usage: scripts/lint-openapi.sh SOURCE [extra redocly lint args...]
#   SOURCE  a file path, or an http(s) URL (e.g. http://127.0.0.1:8080/openapi.json)
#           which is fetched with curl into a temp file first, so redocly itself
#           only ever reads a local file.
#
# Needs `npm ci` in web/ first (web/node_modules/.bin/redocly).
# Exit status: 0 when there are no errors (warnings are allowed), non-zero otherwise.
#
# Redocly never touches the network here: telemetry is off (REDOCLY_TELEMETRY=off
# and `telemetry: off` in web/redocly.yaml) and the update check that queries the
# npm registry is suppressed (REDOCLY_SUPPRESS_UPDATE_NOTICE=true).
set -euo pipefail

usage() {
  echo "usage: $0 FILE|URL [redocly lint options...]" >&2
  exit 2
}

[[ $# -ge 1 ]] || usage
case "$1" in -h | --help) usage ;; esac

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
redocly="$repo_root/web/node_modules/.bin/redocly"
config="$repo_root/web/redocly.yaml"

if [[ ! -x "$redocly" ]]; then
  echo "error: $redocly not found; run: (cd '$repo_root/web' && npm ci --no-audit --no-fund)" >&2
  exit 2
fi

source_arg="$1"
shift

tmpdir=""
# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() {
  if [[ -n "$tmpdir" ]]; then rm -rf -- "$tmpdir"; fi
}
trap cleanup EXIT

case "$source_arg" in
  http://* | https://*)
    tmpdir="$(mktemp -d)"
    # Keep the extension when the URL names .yaml/.yml, else assume JSON.
    # (Redocly parses both with a YAML parser, so the name is cosmetic.)
    case "${source_arg%%\?*}" in
      *.yaml | *.yml) doc="$tmpdir/openapi.yaml" ;;
      *) doc="$tmpdir/openapi.json" ;;
    esac
    echo "lint-openapi: fetching $source_arg into $doc" >&2
    if ! curl --fail --silent --show-error --location --max-time 30 \
      --output "$doc" "$source_arg"; then
      echo "error: could not fetch $source_arg" >&2
      exit 2
    fi
    ;;
  *)
    doc="$source_arg"
    if [[ ! -f "$doc" ]]; then
      echo "error: no such file: $doc" >&2
      exit 2
    fi
    ;;
esac

export REDOCLY_TELEMETRY=off
export REDOCLY_SUPPRESS_UPDATE_NOTICE=true

rc=0
"$redocly" lint --config "$config" "$@" "$doc" || rc=$?
exit "$rc"
