// libFuzzer's driver, for a program with a `main` of its own (SwiftPM gives every executable
// one). Linked from clang's fuzzer runtime by -sanitize=fuzzer; see llvm/compiler-rt
// lib/fuzzer/FuzzerInterface.h.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
