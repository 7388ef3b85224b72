#ifndef CRISIS_SIM_CSTANDARDOUTPUT_SHIM_H
#define CRISIS_SIM_CSTANDARDOUTPUT_SHIM_H
// C's stdout stream, which Swift 6 rejects as shared mutable state (`stdout` is a global
// variable): the tool needs only to flush it and read its error flag, once, at exit.
#include <stdio.h>

static inline int cstdout_flush(void) { return fflush(stdout); }
static inline int cstdout_error(void) { return ferror(stdout); }

#endif
