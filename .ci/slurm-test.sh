#!/usr/bin/env bash
# Sharded experiments on a real Slurm: starts a one-node cluster (.ci/slurm-setup.sh), writes
# the job scripts with `crisis-sim slurm`, submits them (array job + dependent merge), waits,
# and checks the merged files are byte for byte those of the single-process run. Then removes
# one shard and re-submits: only that shard runs again, and the result is the same.
#
# Run as root after `make test` (which builds .build/debug/crisis-sim), or set CRISIS_SIM.
# Prints one PASS or FAIL line; exits non-zero on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
bin=${CRISIS_SIM:-$repo/.build/debug/crisis-sim}
limit=${SLURM_TEST_TIMEOUT:-300}

fail() {
    echo "slurm-test: FAIL: $*"
    for log in "${work:-/nonexistent}"/*/slurm/logs/*.out; do
        [ -f "$log" ] && { echo "--- $log"; tail -n 20 "$log"; }
    done
    squeue 2>/dev/null || true
    exit 1
}

[ -x "$bin" ] || fail "no crisis-sim at $bin: run make test first, or set CRISIS_SIM"
bash .ci/slurm-setup.sh || fail "could not start a one-node Slurm (see above)"

work=$(mktemp -d /tmp/crisis-slurm-test.XXXXXX)
experiment=(Scenarios/baseline.yaml --replications 6 --horizon-days 60 --warmup-days 30)
sweep=(Scenarios/baseline.yaml --vary areas.Northshire.beds=90...100:10 --replications 3 --horizon-days 60 --warmup-days 30)
plan=(Scenarios/baseline.yaml --decide areas.Northshire.beds=90...100:10 --target 'oap.bed_days<=2000' --initial-replications 3
      --horizon-days 60 --warmup-days 30)

# 1. The single-process reference runs.
"$bin" run "${experiment[@]}" --quiet --output "$work/single" >/dev/null || fail "single-process run"
"$bin" sweep "${sweep[@]}" --quiet --output "$work/single-sweep" >/dev/null || fail "single-process sweep"
"$bin" plan "${plan[@]}" --quiet --output "$work/single-plan" >/dev/null || fail "single-process plan"

# 2. The same work as Slurm array jobs of 3 shards, merged by a dependent job.
"$bin" slurm --shards 3 --output "$work/sharded" --time 00:10:00 --mem 1G run "${experiment[@]}" \
    || fail "crisis-sim slurm (run)"
"$bin" slurm --shards 3 --output "$work/sharded-sweep" --time 00:10:00 --mem 1G sweep "${sweep[@]}" \
    || fail "crisis-sim slurm (sweep)"
timeout "$limit" "$work/sharded/slurm/submit.sh" --wait || fail "run array job + merge (exit $?, limit ${limit} s)"
timeout "$limit" "$work/sharded-sweep/slurm/submit.sh" --wait || fail "sweep array job + merge (exit $?, limit ${limit} s)"
"$bin" slurm --shards 3 --output "$work/sharded-plan" --time 00:10:00 --mem 1G plan "${plan[@]}" \
    || fail "crisis-sim slurm (plan)"
timeout "$limit" "$work/sharded-plan/slurm/submit.sh" --wait || fail "plan first stage + plan job (exit $?, limit ${limit} s)"

same() {
    for file in "${@:3}"; do
        cmp "$1/$file" "$2/$file" || fail "$2/$file differs from the single-process $1/$file"
    done
}
same "$work/single" "$work/sharded" summary.csv summary.json replications.csv
same "$work/single-sweep" "$work/sharded-sweep" sweep.csv sweep.svg
same "$work/single-plan" "$work/sharded-plan" plan.json plan.csv plan.html

# 3. Resumable: lose one shard and the merged files; re-submitting runs only that shard.
rm "$work/sharded/shard-2-of-3.partial.json" "$work/sharded/summary.json" "$work/sharded/summary.csv" \
    "$work/sharded/replications.csv"
resubmitted=$(timeout "$limit" "$work/sharded/slurm/submit.sh" --wait) || fail "re-submission (exit $?)"
echo "$resubmitted"
grep -q "submitted 1 of 3 shards" <<<"$resubmitted" || fail "re-submission did not submit exactly the missing shard"
same "$work/single" "$work/sharded" summary.csv summary.json replications.csv

rm -rf "$work"
echo "slurm-test: PASS: 3-shard run, sweep and plan as Slurm array jobs, byte-identical to one process; resubmission ran only the missing shard"
