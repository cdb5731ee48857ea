#!/bin/sh
# print_sizes.sh DIST: the download a visitor pays for, raw and gzipped (fonts and data aside).
cd "$1" || exit 1
js=$(wc -c < caseboard.js); wasm=$(wc -c < caseboard.wasm)
gjs=$(gzip -9 -c caseboard.js | wc -c); gwasm=$(gzip -9 -c caseboard.wasm | wc -c)
printf 'caseboard.js %d B (gzip %d B), caseboard.wasm %d B (gzip %d B), total gzip %d KB\n' \
    "$js" "$gjs" "$wasm" "$gwasm" $(( (gjs + gwasm + 1023) / 1024 ))
