#!/usr/bin/env bash
# test.sh: set up (first time), build everything and run every test tier:
#   format   clang-format check of our sources
#   native   GoogleTest unit tests of the core (ctest)
#   wasm     the same unit tests compiled with Emscripten, run under Node
#   bench    the benchmark's JavaScript peer computes the same figures as the dashboard (small data)
#   rollups  sql/rollups.duckdb.sql on generated data gives the same report figures as the raw feeds
#   e2e      the dashboard in Debian's Chromium (playwright-core) against a local HTTP server
# Ends with one line "N passed, N failed" over all tiers; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh || { echo "0 passed, 1 failed"; exit 1; }
export NODE_PATH=/usr/share/nodejs
LOGS=build/test-logs
mkdir -p "$LOGS"
passed=0
failed=0
count() {  # tier passed failed
    printf '[test] %-7s %d passed, %d failed\n' "$1" "$2" "$3"
    passed=$((passed + $2))
    failed=$((failed + $3))
}

# format ---------------------------------------------------------------------------------------------
mapfile -t sources < <(git ls-files -co --exclude-standard -- 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h' 'bench/*.cpp' 'bench/*.h')
if clang-format --dry-run --Werror "${sources[@]}" >"$LOGS/format.log" 2>&1; then
    count format 1 0
else
    head -20 "$LOGS/format.log"
    count format 0 1
fi

# native -------------------------------------------------------------------------------------------
if ninja -C build/native >"$LOGS/native-build.log" 2>&1; then
    ctest --test-dir build/native -j2 --output-on-failure >"$LOGS/native.log" 2>&1
    total=$(sed -n 's/.*tests failed out of \([0-9]*\).*/\1/p' "$LOGS/native.log" | tail -1)
    bad=$(sed -n 's/.* \([0-9]*\) tests failed out of.*/\1/p' "$LOGS/native.log" | tail -1)
    total=${total:-0}; bad=${bad:-1}
    grep -E '^\s+[0-9]+ - .*\(Failed|Timeout|Exception' "$LOGS/native.log" | head -20
    count native $((total - bad)) "$bad"
else
    grep -E 'error|FAILED' "$LOGS/native-build.log" | head -20
    count native 0 1
fi

# wasm ---------------------------------------------------------------------------------------------
if ninja -C build/wasm caseboard_tests caseboard_dist >"$LOGS/wasm-build.log" 2>&1; then
    grep -E 'total gzip' "$LOGS/wasm-build.log" || true
    (cd build/wasm && node --no-experimental-fetch caseboard_tests.js) >"$LOGS/wasm.log" 2>&1
    ok=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$LOGS/wasm.log" | tail -1)
    bad=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$LOGS/wasm.log" | tail -1)
    if [ -z "$ok" ] && [ -z "$bad" ]; then tail -20 "$LOGS/wasm.log"; bad=1; fi
    grep -E '^\[  FAILED  \] [A-Za-z]' "$LOGS/wasm.log" | head -20
    count wasm "${ok:-0}" "${bad:-0}"
else
    grep -E 'error|FAILED' "$LOGS/wasm-build.log" | head -20
    count wasm 0 1
fi

# bench parity: the plain-JavaScript peer of the benchmark computes the same overview figures ----------
if [ -f build/wasm/dist/caseboard.wasm ] &&
    node bench/run.mjs --check-only --dist build/wasm/dist --cli build/native/caseboard >"$LOGS/bench.log" 2>&1; then
    count bench 1 0
else
    tail -20 "$LOGS/bench.log" 2>/dev/null
    count bench 0 1
fi

# rollups: one count per filter compared (and the negative control) ----------------------------------
if [ -x build/native/caseboard ]; then
    node tests/rollups/parity.mjs --cli build/native/caseboard >"$LOGS/rollups.log" 2>&1
    ok=$(sed -n 's/^rollups: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p' "$LOGS/rollups.log" | tail -1)
    bad=$(sed -n 's/^rollups: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p' "$LOGS/rollups.log" | tail -1)
    if [ -z "$ok" ]; then tail -20 "$LOGS/rollups.log"; ok=0; bad=1; fi
    grep -A3 '^FAIL' "$LOGS/rollups.log" | head -20
    count rollups "$ok" "$bad"
else
    count rollups 0 1
fi

# e2e ----------------------------------------------------------------------------------------------
if [ -f build/wasm/dist/caseboard.wasm ]; then
    node tests/e2e/run.mjs --dist build/wasm/dist --screenshots tests/e2e/screenshots 2>&1 | tee "$LOGS/e2e.log"
    ok=$(sed -n 's/^e2e: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p' "$LOGS/e2e.log" | tail -1)
    bad=$(sed -n 's/^e2e: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p' "$LOGS/e2e.log" | tail -1)
    [ -n "$ok" ] || { ok=0; bad=1; }
    count e2e "$ok" "$bad"
else
    count e2e 0 1
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
