#ifndef CRISIS_SIM_CGSL_SHIM_H
#define CRISIS_SIM_CGSL_SHIM_H
// The parts of GSL that crisis-sim uses: random variates (SimRandom), and minimisers,
// derivatives, root finders, CDFs and special functions (CrisisFit). Swift 6 rejects GSL's
// mutable type globals (gsl_rng_mt19937, gsl_multimin_fminimizer_nmsimplex2 and friends are
// `extern const ... *`, imported as shared mutable state), so each is exposed through a
// static inline accessor instead.
#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_deriv.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_multifit.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_multimin.h>
#include <gsl/gsl_roots.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_psi.h>
#include <gsl/gsl_sort_double.h>
#include <gsl/gsl_statistics_double.h>

// Generator types (SimRandom).
static inline const gsl_rng_type *cgsl_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_rng_type *cgsl_rng_ranlxd2(void) { return gsl_rng_ranlxd2; }
static inline const gsl_rng_type *cgsl_rng_taus2(void) { return gsl_rng_taus2; }
static inline const gsl_rng_type *cgsl_rng_mrg(void) { return gsl_rng_mrg; }

// Solver types (CrisisFit): the simplex that maximises stay likelihoods, the gradient
// minimiser that fits Poisson rate models (arrival profiles, growth), and Brent's root
// bracketing for quantiles where GSL's own inverse CDFs fail to converge.
static inline const gsl_multimin_fminimizer_type *cgsl_multimin_fminimizer_nmsimplex2(void) { return gsl_multimin_fminimizer_nmsimplex2; }
static inline const gsl_multimin_fdfminimizer_type *cgsl_multimin_fdfminimizer_vector_bfgs2(void) { return gsl_multimin_fdfminimizer_vector_bfgs2; }
static inline const gsl_root_fsolver_type *cgsl_root_fsolver_brent(void) { return gsl_root_fsolver_brent; }

#endif
