#!/usr/bin/env bash
# setup.sh: make this machine ready to build and test Caseboard. Idempotent; a second run is offline.
#   1. Debian packages (only those missing), 2. npm packages for the browser and rollups tests,
#   3. Dear ImGui 1.90.1 from Debian's source package (private apt config, sha256-checked, cached),
#   4. configure the native and the Emscripten builds.
# Never changes the machine's apt sources. Cache: ${CASEBOARD_CACHE:-$HOME/.cache/caseboard}.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CACHE=${CASEBOARD_CACHE:-$HOME/.cache/caseboard}
IMGUI_VERSION=1.90.1
IMGUI_TARBALL=imgui_${IMGUI_VERSION}+ds.orig.tar.xz
IMGUI_SHA256=ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c
IMGUI_DIR=$CACHE/imgui-$IMGUI_VERSION
DEBS=(emscripten nlohmann-json3-dev cmake ninja-build googletest libbenchmark-dev chromium fonts-dejavu-core
      clang-format xz-utils ca-certificates)
log() { printf '[setup] %s\n' "$*"; }
SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo

# 1. Debian packages ----------------------------------------------------------------------------------
missing=()
for p in "${DEBS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# Node.js and npm: the machine's own when present (it may not come from Debian), else Debian's.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
else
    log "Debian packages present"
fi

# 2. npm packages (playwright-core drives Debian's chromium; no browser download) ---------------------
if [ ! -d tests/e2e/node_modules/playwright-core ]; then
    log "installing npm packages for the browser tests"
    (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
else
    log "npm packages present"
fi
# DuckDB's Node package runs sql/rollups.duckdb.sql in the rollups parity test.
if [ ! -d tests/rollups/node_modules/@duckdb/node-api ]; then
    log "installing npm packages for the rollups test"
    (cd tests/rollups && npm ci --no-audit --no-fund --loglevel=error)
fi

# 3. Dear ImGui sources from Debian's trixie source package ------------------------------------------
if [ ! -f "$IMGUI_DIR/imgui.h" ]; then
    mkdir -p "$CACHE/apt/sources" "$CACHE/apt/lists/partial" "$CACHE/apt/cache/archives/partial" "$CACHE/src"
    if [ ! -f "$CACHE/src/$IMGUI_TARBALL" ]; then
        uris=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
        uris=${uris:-http://deb.debian.org/debian}
        cat >"$CACHE/apt/sources/imgui.sources" <<EOF
Types: deb-src
URIs: $uris
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
        APTOPT=(-o APT::Sandbox::User=root -o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$CACHE/apt/sources"
                -o "Dir::State::Lists=$CACHE/apt/lists" -o "Dir::Cache=$CACHE/apt/cache")
        log "fetching Dear ImGui $IMGUI_VERSION source package"
        apt-get "${APTOPT[@]}" update -qq
        (cd "$CACHE/src" && apt-get "${APTOPT[@]}" source --download-only -qq "imgui=${IMGUI_VERSION}+ds-1")
    fi
    echo "$IMGUI_SHA256  $CACHE/src/$IMGUI_TARBALL" | sha256sum -c --quiet - ||
        { log "sha256 mismatch for $IMGUI_TARBALL"; rm -f "$CACHE/src/$IMGUI_TARBALL"; exit 1; }
    rm -rf "$IMGUI_DIR.tmp" && mkdir -p "$IMGUI_DIR.tmp"
    tar -xJf "$CACHE/src/$IMGUI_TARBALL" -C "$IMGUI_DIR.tmp" --strip-components=1
    rm -rf "$IMGUI_DIR" && mv "$IMGUI_DIR.tmp" "$IMGUI_DIR"
    log "Dear ImGui in $IMGUI_DIR"
else
    log "Dear ImGui cached in $IMGUI_DIR"
fi

# 4. Configure both builds ----------------------------------------------------------------------------
export NODE_PATH=/usr/share/nodejs
WERROR=${CASEBOARD_WERROR:-ON}
if [ ! -f build/native/build.ninja ]; then
    log "configuring native build (build/native)"
    cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Release -DCASEBOARD_WERROR="$WERROR" >/dev/null
fi
if [ ! -f build/wasm/build.ninja ]; then
    log "configuring Emscripten build (build/wasm)"
    emcmake cmake -S . -B build/wasm -G Ninja -DCMAKE_BUILD_TYPE=Release -DCASEBOARD_WERROR="$WERROR" \
        -DIMGUI_DIR="$IMGUI_DIR" >/dev/null
fi
ln -sf build/native/compile_commands.json compile_commands.json
log "ready"
