#ifndef CRISIS_PERF_PROBE_H
#define CRISIS_PERF_PROBE_H

/// 1 when this process may count its own retired instructions with perf_event_open
/// (what package-benchmark's `instructions` metric uses on Linux), 0 otherwise:
/// not Linux, no PMU in the VM, seccomp in a container, or perf_event_paranoid too high.
int crisis_perf_instructions_available(void);

#endif
