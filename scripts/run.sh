#!/usr/bin/env bash
# run.sh: set up (first time), build the dashboard and serve it with the bundled demo data.
#   scripts/run.sh [--port N] [--prefix /sub/path/]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export NODE_PATH=/usr/share/nodejs
echo "[run] building the dashboard (build/wasm)"
if ! ninja -C build/wasm caseboard_dist >build/wasm/build.log 2>&1; then
    cat build/wasm/build.log
    exit 1
fi
grep -E 'total gzip' build/wasm/build.log || true
exec node scripts/serve.mjs --root build/wasm/dist "$@"
