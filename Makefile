# crisis-sim: every target installs what it needs first, so each works on a fresh
# Debian machine that has only the Swift toolchain.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps report-deps browser-deps valgrind-deps build run test browser-test dist dist-check validation sanitize fuzz bench bench-check instruction-gate instruction-thresholds yardsticks peer-check clean

# GSL from Debian's packages (libgsl-dev), only when pkg-config cannot find it.
deps:
	@if ! (command -v pkg-config >/dev/null && pkg-config --exists gsl); then \
		echo "installing libgsl-dev and pkg-config"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libgsl-dev pkg-config; \
	fi

# Headless Chromium (Debian's chromium), which the HTML report tests render pages in.
report-deps:
	@command -v chromium >/dev/null || { echo "installing chromium"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

# valgrind (callgrind counts instructions for the instruction gate) and strip (binutils).
valgrind-deps:
	@command -v valgrind >/dev/null || { echo "installing valgrind"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq valgrind; }
	@command -v strip >/dev/null || { echo "installing binutils"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq binutils; }

# The browser test's driver: Debian's chromium-driver (it drives Debian's chromium, no browser
# download) and Selenium from PyPI.
browser-deps: report-deps
	@command -v chromedriver >/dev/null || { echo "installing chromium-driver"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium-driver; }
	@python3 -c "import selenium" 2>/dev/null || { echo "installing selenium"; python3 -m pip install -q selenium; }

# Every release build links the Swift runtime statically, as `make dist` does (dist also links
# GSL statically): one configuration, so no release build recompiles another's (switching to or
# from dist only relinks), and a start-up that does not relocate the runtime's shared libraries
# (a third of the instructions of `bench bedpool --referrals 1`).
# (`swift run` does not take --static-swift-stdlib, so the targets that run it build, then run
# the binary.)
RELEASE = -c release --static-swift-stdlib
CRISIS_SIM_RELEASE = $$($(SWIFT) build $(RELEASE) --show-bin-path)/crisis-sim

build: deps
	$(SWIFT) build $(RELEASE)

# The main job: the baseline scenario, results in results/baseline.
run: deps
	$(SWIFT) build $(RELEASE) --product crisis-sim
	$(CRISIS_SIM_RELEASE) run Scenarios/baseline.yaml

test: deps report-deps
	$(SWIFT) test

# The planner's desk in a real browser: serve on a free loopback port, run the baseline, change
# its beds, save and run, read the out-of-area figure. Screenshots in results/test-artifacts/.
# DESK_BINARY defaults to the release tarball's binary (make dist), what planners run.
DESK_BINARY ?= $(firstword $(wildcard dist/crisis-sim-*/crisis-sim))
browser-test: browser-deps
	@test -n "$(DESK_BINARY)" || { echo "browser-test: no binary: run make dist, or give DESK_BINARY=.build/debug/crisis-sim"; exit 1; }
	python3 Tests/Browser/planner_desk.py $(DESK_BINARY)

# A release tarball for planners under dist/: the binary (Swift's libraries and GSL linked in),
# Scenarios/, docs/ and README.md. dist-check: it needs no Swift or GSL shared library (ldd).
dist: deps
	SWIFT=$(SWIFT) .ci/dist.sh

dist-check: dist
	.ci/dist-check.sh

# docs/VALIDATION.md: every study in Scenarios/studies/ against the analytic or published
# result it checks (about 80 s on 2 idle cores, 150 s on busy ones). Commit before running
# it: the document names the commit it was made from.
validation: deps
	$(SWIFT) build $(RELEASE) --product crisis-sim
	$(CRISIS_SIM_RELEASE) validation

# The test suite under AddressSanitizer, then ThreadSanitizer (each in its own build folder;
# several times slower than `make test`, so not part of CI's run).
# Leak detection is off: LeakSanitizer reports Swift's lazily initialised globals (e.g. the
# scenario schema table), which live for the whole process, as leaks.
sanitize: deps report-deps
	ASAN_OPTIONS=detect_leaks=0 CRISIS_SIM_TEST_SLOWDOWN=10 $(SWIFT) test --sanitize=address --scratch-path .build-asan
	CRISIS_SIM_TEST_SLOWDOWN=10 $(SWIFT) test --sanitize=thread --scratch-path .build-tsan

# libFuzzer on the scenario loader and validator for FUZZ_SECONDS (default 60), seeded with
# the library, the studies and the broken-file fixtures (Fuzz/, a package of its own so it
# stays out of `swift build` and `swift test`). Findings land in Fuzz/artifacts/.
FUZZ_SECONDS ?= 60
fuzz: deps
	SWIFT=$(SWIFT) FUZZ_SECONDS=$(FUZZ_SECONDS) Fuzz/fuzz.sh

# The package-benchmark suite (Benchmarks/, a nested package). See Benchmarks/README.md.
bench: deps
	cd Benchmarks && $(SWIFT) package benchmark

# CI's regression gate: allocation counts against Benchmarks/Thresholds, in short mode.
bench-check: deps
	cd Benchmarks && CRISIS_BENCH_SHORT=1 $(SWIFT) package benchmark thresholds check --metric mallocCountTotal

# CI's speed gate: callgrind instruction counts of a stripped release build (the bed pool and
# ten baseline replications) within a tolerance of Benchmarks/instruction-thresholds.json.
# The counts hold for this machine's toolchain (Swift, GSL, valgrind); after an intended
# change, or on another toolchain, record them again and commit the file.
instruction-gate: deps valgrind-deps
	SWIFT=$(SWIFT) Benchmarks/instruction-gate.sh

instruction-thresholds: deps valgrind-deps
	SWIFT=$(SWIFT) Benchmarks/instruction-gate.sh --update

# crisis-sim against the hand-written C bed pool and SimPy, and against the SimPy peer of the
# crisis pathway (Benchmarks/peers), whole processes, medians.
yardsticks: deps
	Benchmarks/yardsticks.sh

# Whether crisis-sim and the SimPy peer agree on the core pathway's KPIs (exit 1 if not).
PEER_REPLICATIONS ?= 50
peer-check: deps
	$(SWIFT) build $(RELEASE) --product crisis-sim
	python3 -c 'import simpy, yaml' 2>/dev/null || python3 -m pip install --quiet -r Benchmarks/peers/requirements.txt
	python3 Benchmarks/peers/check_agreement.py --replications $(PEER_REPLICATIONS) --crisis-sim $(CRISIS_SIM_RELEASE)

clean:
	rm -rf .build dist
