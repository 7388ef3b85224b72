#!/usr/bin/env bash
# CI's speed gate on deterministic counts: the instructions a stripped release build of
# crisis-sim executes on two workloads, counted by valgrind's callgrind (event Ir), against
# the counts recorded in Benchmarks/instruction-thresholds.json. Wall time on a shared machine
# moves by tens of percent between runs; the instruction count of the same binary on the same
# input moves by a few thousand in hundreds of millions (with the environment's size), so a
# 1% change is a change in the code.
#
# Workloads:
#   bedpool   `crisis-sim bench bedpool`: the bed-pool speed yardstick of yardsticks.sh
#             (500,000 referrals, 100 beds, MRG32k3a): the kernel's event loop.
#   baseline  `crisis-sim run baseline.yaml --replications 10 --threads 1`: ten replications
#             of the baseline area (each a 365-day warm-up and 365 days measured), start-up,
#             scenario loading and result files included: the whole model. Ten, not one: a
#             replication is ~38.0M instructions, while ~74M are paid once a run (start-up
#             ~24M, loading the scenario, writing the result files), and would be most of a
#             one-replication count.
# A count more than the recorded tolerance away from its threshold, in either direction,
# fails the gate (exit 1): a slower build is a regression, and a faster one should be
# recorded so the gain is kept.
#
# The counts hold for one toolchain: the Swift compiler, GSL's build and valgrind all change
# them. The file records the versions it was made with; when this machine's differ the gate
# fails and says so, rather than comparing counts that cannot be compared.
#
# Usage: Benchmarks/instruction-gate.sh            measure and compare (make instruction-gate)
#        Benchmarks/instruction-gate.sh --update   measure and record (make instruction-thresholds)
# Settings, as environment variables:
#   TOLERANCE_PERCENT=     with --update: the tolerance to record (default: the file's, else 1)
#   CRISIS_SIM=            a crisis-sim binary to measure instead of building one
#   SCRATCH_PATH=          swift build --scratch-path (default: the root's .build)
#   SWIFT=swift VALGRIND=valgrind
set -euo pipefail

SWIFT=${SWIFT:-swift}
VALGRIND=${VALGRIND:-valgrind}
MODE=check
case "${1:-}" in
  --update) MODE=update ;;
  -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
  "") ;;
  *) echo "instruction-gate.sh takes --update or nothing (see --help)" >&2; exit 2 ;;
esac

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
THRESHOLDS=$ROOT/Benchmarks/instruction-thresholds.json
WORK=$(mktemp -d "${TMPDIR:-/tmp}/instruction-gate.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

command -v "$VALGRIND" >/dev/null || { echo "valgrind not found: make instruction-gate installs it" >&2; exit 1; }
STRIP=$(command -v strip || command -v llvm-strip || true)
[[ -n "$STRIP" ]] || { echo "strip not found: install binutils" >&2; exit 1; }

# ---------------------------------------------------------------- the binary
# shellcheck source=Benchmarks/release-binary.sh
source "$ROOT/Benchmarks/release-binary.sh"
release_binary
# The binary as shipped. Stripping is also what lets valgrind 3.19 run it at all: it cannot
# read the DWARF 5 debug information Swift 6.3 writes ("Possibly corrupted debuginfo file ...
# Giving up"). `strip --strip-debug` keeps function names for callgrind_annotate when
# profiling by hand; the symbol table changes dynamic linking, so its counts differ a little.
cp "$CRISIS_SIM" "$WORK/crisis-sim"
"$STRIP" "$WORK/crisis-sim"

# What the counts depend on besides the code.
SWIFT_VERSION=$("$SWIFT" --version 2>/dev/null | grep -m1 -o 'Swift version [^ ]*' || echo unknown)
GSL_VERSION="GSL $(pkg-config --modversion gsl 2>/dev/null || echo unknown)"
VALGRIND_VERSION=$("$VALGRIND" --version)
MACHINE=$(uname -m)
TOOLCHAIN="$SWIFT_VERSION; $GSL_VERSION; $VALGRIND_VERSION; $MACHINE"

# ---------------------------------------------------------------- measuring
# Each workload runs in the scratch folder with relative paths, so the clone's location does
# not enter the count, and with Swift's hashing seeded the same in every process: it is
# random by default, which moved a one-replication baseline count by up to 0.9% between runs
# (196.3M to 198.0M); seeded, repeated runs differ by under a hundred instructions.
cp "$ROOT/Scenarios/baseline.yaml" "$WORK/baseline.yaml"
WORKLOADS=(bedpool baseline)
declare -A ARGS=(
  [bedpool]="bench bedpool --referrals 500000 --beds 100 --seed 42 --generator mrg32k3a"
  [baseline]="run baseline.yaml --replications 10 --threads 1 --seed 42 --output baseline-results --quiet"
)

measure() {  # measure NAME: instructions executed by crisis-sim ARGS[NAME]
  local name=$1
  # shellcheck disable=SC2086  # the arguments are meant to split
  (cd "$WORK" && SWIFT_DETERMINISTIC_HASHING=1 "$VALGRIND" --tool=callgrind --callgrind-out-file="$WORK/$name.callgrind" \
     ./crisis-sim ${ARGS[$name]} >"$WORK/$name.stdout" 2>"$WORK/$name.valgrind") || {
    tail -20 "$WORK/$name.valgrind" >&2; echo "$name failed under valgrind" >&2; exit 1; }
  awk '/^summary:/ { print $2 }' "$WORK/$name.callgrind"
}

declare -A MEASURED
for name in "${WORKLOADS[@]}"; do
  start=$SECONDS
  MEASURED[$name]=$(measure "$name")
  printf '  %-9s %15s instructions  (%ds under callgrind)\n' "$name" "${MEASURED[$name]}" $((SECONDS - start))
done

# ---------------------------------------------------------------- the thresholds file
# One value per line, so this script reads it with awk and CI needs no JSON tool.
recorded() {  # recorded KEY [WORKLOAD]: a value from the thresholds file
  if [[ $# -eq 1 ]]; then
    awk -v key="\"$1\"" -F': ' '$1 ~ key { v = $2; sub(/,$/, "", v); gsub(/^"|"$/, "", v); print v; exit }' "$THRESHOLDS"
  else
    awk -v w="\"$2\"" -v key="\"$1\"" -F': ' '$1 ~ w { inside = 1; next } inside && $1 ~ key {
      v = $2; sub(/,$/, "", v); gsub(/^"|"$/, "", v); print v; exit }' "$THRESHOLDS"
  fi
}

if [[ $MODE == update ]]; then
  tolerance=${TOLERANCE_PERCENT:-$([[ -f $THRESHOLDS ]] && recorded tolerance_percent || echo 1)}
  {
    echo "{"
    echo "  \"about\": \"Instructions (valgrind callgrind, Ir) a stripped release build of crisis-sim executes; checked by Benchmarks/instruction-gate.sh, re-recorded with make instruction-thresholds. Valid only for the toolchain below.\","
    echo "  \"toolchain\": \"$TOOLCHAIN\","
    echo "  \"recorded\": \"$(date -u +%Y-%m-%d)\","
    echo "  \"tolerance_percent\": $tolerance,"
    echo "  \"workloads\": {"
    for name in "${WORKLOADS[@]}"; do
      echo "    \"$name\": {"
      echo "      \"command\": \"crisis-sim ${ARGS[$name]}\","
      echo "      \"instructions\": ${MEASURED[$name]}"
      [[ $name == "${WORKLOADS[-1]}" ]] && echo "    }" || echo "    },"
    done
    echo "  }"
    echo "}"
  } >"$THRESHOLDS.tmp"
  mv "$THRESHOLDS.tmp" "$THRESHOLDS"
  echo "recorded in ${THRESHOLDS#"$ROOT"/} (tolerance ${tolerance}%, $TOOLCHAIN): commit it"
  exit 0
fi

[[ -f $THRESHOLDS ]] || { echo "no ${THRESHOLDS#"$ROOT"/}: record one with make instruction-thresholds" >&2; exit 1; }
tolerance=$(recorded tolerance_percent)
recorded_toolchain=$(recorded toolchain)
echo
printf '%-9s %15s %15s %9s  %s\n' workload threshold measured change "verdict (tolerance ${tolerance}%)"
failed=0
for name in "${WORKLOADS[@]}"; do
  before=$(recorded instructions "$name")
  command=$(recorded command "$name")
  after=${MEASURED[$name]}
  if [[ -z "$before" || "$command" != "crisis-sim ${ARGS[$name]}" ]]; then
    printf '%-9s %15s %15s %9s  %s\n' "$name" "${before:--}" "$after" - "RECORD AGAIN: the file's command differs from this script's"
    failed=1; continue
  fi
  verdict=$(awk -v b="$before" -v a="$after" -v t="$tolerance" 'BEGIN {
    c = 100 * (a - b) / b; d = c < 0 ? -c : c
    printf "%+.2f%% %s", c, d <= t ? "ok" : (c > 0 ? "SLOWER" : "FASTER: record the gain") }')
  printf '%-9s %15s %15s %9s  %s\n' "$name" "$before" "$after" "${verdict%% *}" "${verdict#* }"
  [[ ${verdict#* } == ok ]] || failed=1
done
echo
if [[ "$recorded_toolchain" != "$TOOLCHAIN" ]]; then
  echo "The thresholds were recorded with $recorded_toolchain;"
  echo "this machine has $TOOLCHAIN. Counts from different toolchains cannot be compared:"
  echo "record them for this one (make instruction-thresholds) and commit the file."
  exit 1
fi
if (( failed )); then
  echo "Instruction counts moved beyond ${tolerance}%. If the change is intended, record them again"
  echo "(make instruction-thresholds) and commit Benchmarks/instruction-thresholds.json."
  exit 1
fi
echo "instruction counts within ${tolerance}% of Benchmarks/instruction-thresholds.json"
