# Sourced by the benchmark scripts: sets CRISIS_SIM to a release build of crisis-sim, built here
# (with SCRATCH_PATH as swift build's --scratch-path when given) unless CRISIS_SIM already names
# a binary. Needs SWIFT, ROOT and WORK (the build log goes there). The Swift runtime is linked
# statically, as `make dist` and the Makefile's release builds link it (dist also links GSL
# statically; this build uses the system's shared GSL).
release_binary() {
  if [[ -n "${CRISIS_SIM:-}" ]]; then
    echo "using the crisis-sim binary $CRISIS_SIM"
  else
    echo "building crisis-sim (release)"
    local swift_args=(-c release --static-swift-stdlib --package-path "$ROOT")
    [[ -n "${SCRATCH_PATH:-}" ]] && swift_args+=(--scratch-path "$SCRATCH_PATH")
    "$SWIFT" build "${swift_args[@]}" --product crisis-sim >"$WORK/swift-build.log" 2>&1 || {
      tail -40 "$WORK/swift-build.log" >&2; echo "swift build failed" >&2; exit 1; }
    CRISIS_SIM="$("$SWIFT" build "${swift_args[@]}" --show-bin-path)/crisis-sim"
  fi
  [[ -x "$CRISIS_SIM" ]] || { echo "no crisis-sim binary at $CRISIS_SIM" >&2; exit 1; }
}
