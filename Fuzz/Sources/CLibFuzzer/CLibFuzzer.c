// Only the header: LLVMFuzzerRunDriver is defined in the fuzzer runtime.
