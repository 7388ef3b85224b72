#!/bin/sh
# Builds the scenario loader fuzzer with libFuzzer's instrumentation and runs it for
# FUZZ_SECONDS (default 60), seeded with the scenario library, the studies and the broken-file
# fixtures. Crashes, hangs and out-of-memory inputs land in Fuzz/artifacts/; each one found
# must be fixed and kept as a fixture in Tests/CrisisScenarioTests/Fixtures/.
set -eu
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}

# -sanitize=fuzzer instruments every Swift target (the loader, Yams) and links libFuzzer;
# fuzzer-no-link instruments the C targets (libyaml) without a second libFuzzer main. lld,
# because gold stops with an internal error (dwarf_reader.cc) on the instrumented objects.
"$SWIFT" build -c release --package-path Fuzz --scratch-path .build-fuzz \
    -Xswiftc -sanitize=fuzzer -Xcc -fsanitize=fuzzer-no-link -Xswiftc -use-ld=lld

mkdir -p Fuzz/corpus Fuzz/artifacts
cp Scenarios/*.yaml Scenarios/studies/*.yaml Tests/CrisisScenarioTests/Fixtures/*.yaml Fuzz/corpus/
# Every key the library writes, as a dictionary: mutations then splice real keys, not bytes.
grep -ohE '^[ -]*[a-z_0-9]+:' Scenarios/*.yaml Scenarios/studies/*.yaml \
    | sed -E 's/^[ -]*//; s/.*/"&"/' | sort -u > .build-fuzz/scenario-keys.dict

# A load takes milliseconds; 10 s is a hang. 2 GB is far above what a 10 MB file may need.
exec .build-fuzz/release/ScenarioLoaderFuzzer Fuzz/corpus \
    -dict=.build-fuzz/scenario-keys.dict -artifact_prefix=Fuzz/artifacts/ \
    -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1
