#!/usr/bin/env bash
# The bed-pool speed yardstick, three ways, in one run: the hand-written C program
# (shared/bench/bedpool.c, binary heap + GSL), crisis-sim's own model on its public kernel API
# (`crisis-sim bench bedpool`), and SimPy (shared/bench/bedpool_simpy.py). Each program is run
# RUNS times, interleaved, timed as a whole process; the table gives the median wall time,
# referrals per second and the ratios crisis-sim/C and crisis-sim/SimPy. Every run's counts are
# checked: all referrals seen, events = referrals + admissions, and the out-of-area fraction
# close to Erlang B(beds, 0.95 x beds).
#
# Then the crisis pathway itself, two ways: `crisis-sim run` and the SimPy peer
# (Benchmarks/peers/crisis_simpy.py) on Benchmarks/peers/core-pathway.yaml (the baseline's
# core pathway), each a whole process on one thread, interleaved; the table gives the median
# wall time, replications per second and the ratio crisis-sim/SimPy. Whether the two agree on
# the KPIs is Benchmarks/peers/check_agreement.py's job; here each run must report the
# replications asked for, and the table shows each one's mean admissions a year. It also gives
# each process's CPU time (user + system) and the ratio of those medians: on a shared machine
# wall time depends on what else runs, CPU time much less.
#
# Usage: Benchmarks/yardsticks.sh            (from any directory)
# Settings, as environment variables:
#   RUNS=5                 runs of each program (the median is reported)
#   REFERRALS=5000000      referrals for the C program and crisis-sim
#   SIMPY_REFERRALS=200000 referrals for SimPy (about 25x slower), normalised per second
#   BEDS=100 SEED=42
#   GENERATOR=mrg32k3a     crisis-sim's uniform generator; mt19937 is the C program's
#   PATHWAY_REPLICATIONS=100        replications of the pathway model per crisis-sim run
#   SIMPY_PATHWAY_REPLICATIONS=10   per SimPy run (about 0.5 s each), normalised per second
#   PATHWAY=1              0 skips the pathway model
#   SCRATCH_PATH=          swift build --scratch-path for crisis-sim (default: the root's .build)
#   CRISIS_SIM=            a crisis-sim binary to time instead of building one (e.g. an older build)
#   BENCH_DIR=             where bedpool.c and bedpool_simpy.py are (default: ../shared/bench
#                          beside the repository, as on the developers' machines and CI)
#   PYTHON=python3  CC=cc  SWIFT=swift
set -euo pipefail

RUNS=${RUNS:-5}
REFERRALS=${REFERRALS:-5000000}
SIMPY_REFERRALS=${SIMPY_REFERRALS:-200000}
BEDS=${BEDS:-100}
SEED=${SEED:-42}
GENERATOR=${GENERATOR:-mrg32k3a}
PYTHON=${PYTHON:-python3}
CC=${CC:-cc}
SWIFT=${SWIFT:-swift}

case "${1:-}" in
  -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
  "") ;;
  *) echo "yardsticks.sh takes no arguments (settings are environment variables; see --help)" >&2; exit 2 ;;
esac

PATHWAY_REPLICATIONS=${PATHWAY_REPLICATIONS:-100}
SIMPY_PATHWAY_REPLICATIONS=${SIMPY_PATHWAY_REPLICATIONS:-10}
PATHWAY=${PATHWAY:-1}

for value in "$RUNS" "$REFERRALS" "$SIMPY_REFERRALS" "$BEDS" "$SEED" "$PATHWAY_REPLICATIONS" "$SIMPY_PATHWAY_REPLICATIONS"; do
  [[ "$value" =~ ^[0-9]+$ ]] || { echo "RUNS, REFERRALS, SIMPY_REFERRALS, BEDS, SEED and the *_REPLICATIONS must be whole numbers" >&2; exit 2; }
done
(( RUNS >= 1 && REFERRALS >= 1 && SIMPY_REFERRALS >= 1 && BEDS >= 1 && PATHWAY_REPLICATIONS >= 2 && SIMPY_PATHWAY_REPLICATIONS >= 1 )) || {
  echo "RUNS, REFERRALS, SIMPY_REFERRALS, BEDS and SIMPY_PATHWAY_REPLICATIONS must be at least 1, PATHWAY_REPLICATIONS at least 2" >&2; exit 2; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR=${BENCH_DIR:-$ROOT/../shared/bench}
[[ -f "$BENCH_DIR/bedpool.c" && -f "$BENCH_DIR/bedpool_simpy.py" ]] || {
  echo "bedpool.c and bedpool_simpy.py not found in $BENCH_DIR (set BENCH_DIR)" >&2; exit 1; }
BENCH_DIR=$(cd "$BENCH_DIR" && pwd)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/yardsticks.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# ---------------------------------------------------------------- build
pkg-config --exists gsl 2>/dev/null || { echo "GSL not found by pkg-config: install libgsl-dev (make deps)" >&2; exit 1; }
echo "building the C yardstick"
# shellcheck disable=SC2046  # pkg-config's flags are meant to split
"$CC" -O2 -o "$WORK/bedpool" "$BENCH_DIR/bedpool.c" $(pkg-config --cflags --libs gsl)

# shellcheck source=Benchmarks/release-binary.sh
source "$ROOT/Benchmarks/release-binary.sh"
release_binary

# The pinned versions the peers were checked with (SimPy for both models, PyYAML to read the
# pathway's scenario file).
if ! "$PYTHON" -c 'import simpy, yaml' 2>/dev/null; then
  echo "installing simpy and PyYAML (Benchmarks/peers/requirements.txt)"
  "$PYTHON" -m pip install --quiet -r "$ROOT/Benchmarks/peers/requirements.txt"
fi
SIMPY_VERSION=$("$PYTHON" -c 'import simpy; print(simpy.__version__)')

# ---------------------------------------------------------------- helpers
now() {  # wall-clock seconds with microseconds, without forking where bash allows
  if [[ -n "${EPOCHREALTIME:-}" ]]; then echo "${EPOCHREALTIME/,/.}"; else "$PYTHON" -c 'import time; print(f"{time.time():.6f}")'; fi
}

# Erlang B(c, A) by the stable recursion B(k) = A B(k-1) / (k + A B(k-1)).
ERLANG_B=$(awk -v c="$BEDS" 'BEGIN { a = 0.95 * c; b = 1; for (k = 1; k <= c; k++) b = a * b / (k + a * b); printf "%.5f", b }')

field() {  # field NAME LINE: the value of NAME=... in a counts line
  awk -v key="$1" '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == key) print kv[2] } }' <<<"$2"
}

# check NAME LINE REFERRALS: the counts are whole and plausible
check() {
  local name=$1 line=$2 expected=$3 referrals admitted oap fraction events
  referrals=$(field referrals "$line"); admitted=$(field admitted "$line")
  oap=$(field oap "$line"); fraction=$(field oap_fraction "$line"); events=$(field events "$line")
  if [[ -z "$referrals" || -z "$admitted" || -z "$oap" || -z "$fraction" ]]; then
    echo "$name printed no counts: $line" >&2; return 1
  fi
  if (( referrals != expected )); then
    echo "$name saw $referrals referrals, expected $expected: $line" >&2; return 1
  fi
  if [[ -n "$events" ]] && (( events != referrals + admitted )); then
    echo "$name handled $events events, expected referrals + admitted = $((referrals + admitted)): $line" >&2; return 1
  fi
  # The fraction's standard deviation between seeds is about 0.8/sqrt(referrals) with 100
  # beds (0.0018 at 200,000), so allow 3.5/sqrt(referrals), and never less than 0.002.
  if ! awk -v f="$fraction" -v b="$ERLANG_B" -v n="$referrals" 'BEGIN {
         d = f - b; if (d < 0) d = -d; tol = 3.5 / sqrt(n); if (tol < 0.002) tol = 0.002; exit !(d <= tol) }'; then
    echo "$name: oap_fraction $fraction is not near Erlang B($BEDS, $(awk -v c="$BEDS" 'BEGIN{print 0.95*c}')) = $ERLANG_B: $line" >&2; return 1
  fi
}

declare -A TIMES FRACTION
run_one() {  # run_one NAME REFERRALS COMMAND...
  local name=$1 referrals=$2; shift 2
  local start end line
  start=$(now)
  line=$("$@")
  end=$(now)
  check "$name" "$line" "$referrals"
  local seconds
  seconds=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f", e - s }')
  TIMES[$name]+="$seconds "
  FRACTION[$name]=$(field oap_fraction "$line")
  printf '  %-10s %7ss  %s\n' "$name" "$seconds" "$line"
}

median() {  # median of whitespace-separated numbers
  tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# ---------------------------------------------------------------- runs
echo
echo "bed pool: $BEDS beds, offered load 0.95 x beds, seed $SEED; Erlang B = $ERLANG_B"
echo "C and crisis-sim: $REFERRALS referrals; SimPy $SIMPY_VERSION: $SIMPY_REFERRALS referrals; $RUNS runs each, interleaved"
for ((run = 1; run <= RUNS; run++)); do
  echo "run $run/$RUNS"
  run_one C "$REFERRALS" "$WORK/bedpool" "$REFERRALS" "$BEDS" "$SEED"
  run_one crisis-sim "$REFERRALS" "$CRISIS_SIM" bench bedpool --referrals "$REFERRALS" --beds "$BEDS" --seed "$SEED" --generator "$GENERATOR"
  run_one SimPy "$SIMPY_REFERRALS" "$PYTHON" "$BENCH_DIR/bedpool_simpy.py" "$SIMPY_REFERRALS" "$BEDS" "$SEED"
done

# ---------------------------------------------------------------- table
declare -A RATE
echo
printf '%-11s %10s %10s %10s %10s %14s %13s\n' yardstick referrals "median s" "min s" "max s" referrals/s oap_fraction
for name in C crisis-sim SimPy; do
  case $name in SimPy) referrals=$SIMPY_REFERRALS ;; *) referrals=$REFERRALS ;; esac
  times=${TIMES[$name]}
  med=$(median "$times")
  min=$(tr ' ' '\n' <<<"$times" | grep . | sort -g | head -1)
  max=$(tr ' ' '\n' <<<"$times" | grep . | sort -g | tail -1)
  RATE[$name]=$(awk -v n="$referrals" -v t="$med" 'BEGIN { printf "%.0f", n / t }')
  printf '%-11s %10s %10s %10s %10s %14s %13s\n' "$name" "$referrals" "$med" "$min" "$max" "${RATE[$name]}" "${FRACTION[$name]}"
done
echo
awk -v s="${RATE[crisis-sim]}" -v c="${RATE[C]}" -v p="${RATE[SimPy]}" 'BEGIN {
  printf "crisis-sim / C      %8.2f   (referrals per second, whole process, medians)\n", s / c
  printf "crisis-sim / SimPy  %8.1f\n", s / p
}'

(( PATHWAY )) || exit 0

# ---------------------------------------------------------------- the crisis pathway
SCENARIO=$ROOT/Benchmarks/peers/core-pathway.yaml
declare -A PTIMES PCPU ADMISSIONS
# Mean of a column of a CSV file with a header: csv_mean FILE COLUMN
csv_mean() {
  awk -F, -v col="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next }
                       { s += $c; n++ } END { if (n) printf "%.1f %d\n", s / n, n }' "$1"
}
pathway_command() {  # pathway_command NAME REPLICATIONS
  case $1 in
    crisis-sim) "$CRISIS_SIM" run "$SCENARIO" --replications "$2" --threads 1 --seed "$SEED" \
                  --output "$WORK/pathway" --quiet >/dev/null ;;
    SimPy) "$PYTHON" "$ROOT/Benchmarks/peers/crisis_simpy.py" "$SCENARIO" --replications "$2" --seed "$SEED" \
             --quiet --csv "$WORK/pathway/replications.csv" ;;
  esac
}
run_pathway() {  # run_pathway NAME REPLICATIONS: times one whole process, checks its output
  local name=$1 replications=$2 start end seconds cpu mean n TIMEFORMAT='%U %S'
  rm -rf "$WORK/pathway"; mkdir -p "$WORK/pathway"
  start=$(now)
  { time pathway_command "$name" "$replications" 2>"$WORK/pathway.stderr"; } 2>"$WORK/pathway.cpu" || {
    cat "$WORK/pathway.stderr" >&2; echo "$name failed" >&2; return 1; }
  end=$(now)
  cpu=$(awk '{ printf "%.4f", $1 + $2 }' "$WORK/pathway.cpu")
  if [[ $name == crisis-sim ]]; then
    read -r mean n < <(awk -F, '$2 == "admissions.total" && $4 == "all" { printf "%.1f %d\n", $7, $6 }' "$WORK/pathway/summary.csv")
  else
    read -r mean n < <(csv_mean "$WORK/pathway/replications.csv" admissions.total)
  fi
  (( ${n:-0} == replications )) || { echo "$name reported ${n:-no} replications, expected $replications" >&2; return 1; }
  seconds=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f", e - s }')
  PTIMES[$name]+="$seconds "
  PCPU[$name]+="$cpu "
  ADMISSIONS[$name]=$mean
  printf '  %-10s %7ss  (cpu %7ss)  replications=%s admissions.total=%s a year\n' "$name" "$seconds" "$cpu" "$n" "$mean"
}

echo
echo "crisis pathway: $SCENARIO, seed $SEED, one thread"
echo "crisis-sim: $PATHWAY_REPLICATIONS replications; SimPy $SIMPY_VERSION: $SIMPY_PATHWAY_REPLICATIONS replications; $RUNS runs each, interleaved"
for ((run = 1; run <= RUNS; run++)); do
  echo "run $run/$RUNS"
  run_pathway crisis-sim "$PATHWAY_REPLICATIONS"
  run_pathway SimPy "$SIMPY_PATHWAY_REPLICATIONS"
done

declare -A PRATE PCPURATE
echo
printf '%-11s %12s %10s %10s %10s %16s %14s %17s\n' pathway replications "median s" "min s" "max s" replications/s "median cpu s" admissions/year
for name in crisis-sim SimPy; do
  case $name in SimPy) replications=$SIMPY_PATHWAY_REPLICATIONS ;; *) replications=$PATHWAY_REPLICATIONS ;; esac
  times=${PTIMES[$name]}
  med=$(median "$times")
  min=$(tr ' ' '\n' <<<"$times" | grep . | sort -g | head -1)
  max=$(tr ' ' '\n' <<<"$times" | grep . | sort -g | tail -1)
  PRATE[$name]=$(awk -v n="$replications" -v t="$med" 'BEGIN { printf "%.2f", n / t }')
  cpu=$(median "${PCPU[$name]}")
  PCPURATE[$name]=$(awk -v n="$replications" -v t="$cpu" 'BEGIN { printf "%.4f", n / t }')
  printf '%-11s %12s %10s %10s %10s %16s %14s %17s\n' "$name" "$replications" "$med" "$min" "$max" "${PRATE[$name]}" "$cpu" "${ADMISSIONS[$name]}"
done
echo
awk -v s="${PRATE[crisis-sim]}" -v p="${PRATE[SimPy]}" -v cs="${PCPURATE[crisis-sim]}" -v cp="${PCPURATE[SimPy]}" 'BEGIN {
  printf "crisis-sim / SimPy  %8.1f   (pathway replications per second, whole process, medians)\n", s / p
  printf "crisis-sim / SimPy  %8.1f   (pathway replications per CPU second, medians)\n", cs / cp
}'
