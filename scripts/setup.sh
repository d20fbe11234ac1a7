#!/usr/bin/env bash
# Installs what Job Copilot needs on Debian 12, and only what is missing (re-running is fast).
#
# Usage: scripts/setup.sh [--test]
#   (no flag)  build and run dependencies: compiler, CMake, Ninja, Boost 1.81, SQLite, libpq,
#              hiredis, poppler, libzip, pugixml, libxml2, Hunspell and its dictionaries,
#              libphonenumber (runtime + headers, see below), cairo and pango with the DejaVu
#              and Noto CJK fonts (generated PDFs), Node.js for the docs assets; then `npm ci`
#              in web/ when the lock changed.
#   --test     also what the test suite needs: GoogleTest, Google Benchmark, PostgreSQL 15, Redis 7,
#              and the tools that check generated documents: qpdf, poppler-utils (pdftotext),
#              python3-docx, LibreOffice Writer (headless conversion).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

packages=(
  g++ cmake ninja-build pkg-config ca-certificates
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev libpq-dev libhiredis-dev
  libpoppler-private-dev libpoppler-cpp-dev libzip-dev libpugixml-dev libxml2-dev
  libhunspell-dev hunspell-en-us hunspell-de-de hunspell-fr hunspell-es hunspell-pt-pt
  hunspell-it hunspell-nl hunspell-pl
  libphonenumber8 libprotobuf-dev libabsl-dev
  libcairo2-dev libpango1.0-dev fonts-dejavu-core fonts-noto-cjk
  libssl-dev
)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(libgtest-dev libgmock-dev libbenchmark-dev zlib1g-dev postgresql-15 redis-server curl
    qpdf poppler-utils python3-docx libreoffice-writer-nogui)
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

# libphonenumber's headers. Debian 12's libphonenumber-dev cannot be installed beside
# libboost1.81-dev (it depends on libboost-thread-dev, which is Boost 1.74), so its headers are
# unpacked from that same Debian package into build/deps/ (git-ignored), and the code links
# the runtime library libphonenumber8 installed above. Re-run only when the version changes.
phone_version="$(dpkg-query -W -f='${Version}' libphonenumber8)"
phone_dir="$root/build/deps/libphonenumber-dev"
if [[ ! -f "$phone_dir/.version" || "$(cat "$phone_dir/.version")" != "$phone_version" ]]; then
  echo "setup: unpacking the headers of libphonenumber-dev $phone_version" >&2
  rm -rf "$phone_dir" && mkdir -p "$phone_dir"
  (cd "$phone_dir" && apt-get download -qq "libphonenumber-dev=$phone_version" 2>/dev/null &&
    dpkg-deb -x libphonenumber-dev_*.deb . && rm -f libphonenumber-dev_*.deb)
  [[ -f "$phone_dir/usr/include/phonenumbers/phonenumberutil.h" ]] || {
    echo "setup: could not unpack libphonenumber-dev" >&2
    exit 1
  }
  echo "$phone_version" >"$phone_dir/.version"
fi

# valijson (tests only: FakeOpenAi validates requests against OpenAI's schemas). It is header-only,
# but Debian's libvalijson-dev depends on Qt, Poco and more, so its headers are unpacked from that
# package into build/deps/ (git-ignored) like libphonenumber's. Re-run only when the version changes.
if [[ "${1:-}" == "--test" ]]; then
  valijson_version="$(apt-cache policy libvalijson-dev | awk '/Candidate:/ {print $2}')"
  valijson_dir="$root/build/deps/valijson"
  if [[ -z "$valijson_version" || "$valijson_version" == "(none)" ]]; then
    echo "setup: apt knows no libvalijson-dev (run apt-get update)" >&2
    exit 1
  fi
  if [[ ! -f "$valijson_dir/.version" || "$(cat "$valijson_dir/.version")" != "$valijson_version" ]]; then
    echo "setup: unpacking the headers of libvalijson-dev $valijson_version" >&2
    rm -rf "$valijson_dir" && mkdir -p "$valijson_dir"
    (cd "$valijson_dir" && apt-get download -qq "libvalijson-dev=$valijson_version" 2>/dev/null &&
      dpkg-deb -x libvalijson-dev_*.deb . && rm -f libvalijson-dev_*.deb)
    [[ -f "$valijson_dir/usr/include/valijson/validator.hpp" ]] || {
      echo "setup: could not unpack libvalijson-dev" >&2
      exit 1
    }
    echo "$valijson_version" >"$valijson_dir/.version"
  fi
fi

# Docs UI assets and the OpenAPI linter, pinned by web/package-lock.json.
stamp="$root/web/node_modules/.jc-lock-sha256"
want="$(sha256sum "$root/web/package-lock.json" | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  echo "setup: npm ci in web/" >&2
  (cd "$root/web" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  echo "$want" >"$stamp"
fi
