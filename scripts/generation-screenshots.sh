#!/usr/bin/env bash
# Renders page 1 of each generated document to PNG for the README: the CV in the classic and
# modern templates and a cover letter, from a synthetic fixture
# (tests/fixtures/generation/engineer-berlin.json) through `jobcopilot generate`.
#
# Usage: scripts/generation-screenshots.sh [BUILD_DIR]   (default build/release)
# Writes docs/screenshots/cv-classic.png, cv-modern.png and cover-letter.png. Needs pdftoppm
# (Debian's poppler-utils, which `scripts/setup.sh --test` installs).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build/release}"
fixture="$root/tests/fixtures/generation/engineer-berlin.json"
out="$root/docs/screenshots"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for template in classic modern; do
  LOG_LEVEL=error "$build/jobcopilot" generate "$fixture" "$fixture" --template "$template" \
    --out "$work/$template" >/dev/null
  pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$work/$template/cv.pdf" "$out/cv-$template"
done
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$work/modern/cover-letter.pdf" "$out/cover-letter"
echo "wrote $out/cv-classic.png, $out/cv-modern.png, $out/cover-letter.png"
