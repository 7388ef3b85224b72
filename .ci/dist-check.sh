#!/usr/bin/env bash
# Checks the tarball `make dist` made: the binary needs no Swift shared library (nor GSL's),
# and, unpacked anywhere, validates and runs the scenarios shipped beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
tarball=$(ls -t dist/crisis-sim-*.tar.gz | head -1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -C "$work" -xzf "$tarball"
folder=$(ls -d "$work"/crisis-sim-*)
binary=$folder/crisis-sim

needs=$(ldd "$binary")
echo "$needs"
if echo "$needs" | grep -Ei 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime|libgsl|not found'; then
    echo "dist-check: FAILED: $binary needs the libraries above at run time" >&2
    exit 1
fi

# From another folder, as a planner would after unpacking: the shipped scenarios load.
cd "$work"
"$binary" validate "$folder"/Scenarios/*.yaml > /dev/null
"$binary" run "$folder/Scenarios/baseline.yaml" --replications 2 --quiet --output "$work/run" > /dev/null
test -s "$work/run/summary.csv"
echo "dist-check: $tarball: no Swift or GSL shared library needed; the shipped scenarios validate and run"
