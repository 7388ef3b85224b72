#ifndef CRISIS_SIM_MRG32K3A_H
#define CRISIS_SIM_MRG32K3A_H
// L'Ecuyer's MRG32k3a (L'Ecuyer 1999; L'Ecuyer, Simard, Chen & Kelton 2002, "An
// object-oriented random-number package with many long streams and substreams")
// packaged as a GSL generator type, so every gsl_ran_* function draws from it.
//
// The period is about 2^191. Streams start 2^127 steps apart and substreams 2^76
// steps apart within a stream, so distinct (stream, substream) pairs never overlap
// as long as each substream draws fewer than 2^76 numbers.
#include <stdint.h>
#include <gsl/gsl_rng.h>

/// The GSL generator type for MRG32k3a ("mrg32k3a").
const gsl_rng_type *crisis_rng_mrg32k3a(void);

/// Sets the generator's state to the start of substream `substream` of stream `stream`,
/// counting from the package seed `seed` (six components: the first three in [0, m1),
/// not all zero, the last three in [0, m2), not all zero). Returns 0, or -1 when `r`
/// is not an MRG32k3a generator or the seed is invalid.
int crisis_mrg32k3a_set_position(gsl_rng *r, const uint32_t seed[6], uint64_t stream, uint64_t substream);

/// Copies the generator's six state components into `state`.
void crisis_mrg32k3a_get_state(const gsl_rng *r, uint32_t state[6]);

#endif
