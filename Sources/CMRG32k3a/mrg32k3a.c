// MRG32k3a as a gsl_rng_type, with jump-ahead by matrix powers.
// Recurrences (L'Ecuyer 1999):
//   x1[n] = (1403580 x1[n-2] - 810728 x1[n-3]) mod m1
//   x2[n] = (527612 x2[n-1] - 1370589 x2[n-3]) mod m2
//   u[n]  = ((x1[n] - x2[n]) mod m1) / (m1 + 1), mapped into (0, 1)
#include "mrg32k3a.h"
#include <float.h>
#include <pthread.h>
#include <string.h>

// mod_step's rounding relies on each double operation being rounded as written: reassociation
// (-ffast-math) would cancel (x + C) - C, and excess precision would round at the wrong place.
#if defined(__FAST_MATH__) || (defined(FLT_EVAL_METHOD) && FLT_EVAL_METHOD != 0)
#error "mrg32k3a.c needs IEEE double arithmetic as written: no -ffast-math, no excess precision"
#endif

#define M1 4294967087LL
#define M2 4294944443LL
#define A12 1403580LL
#define A13N 810728LL
#define A21 527612LL
#define A23N 1370589LL

// The state is held as in L'Ecuyer's (1999) floating-point implementation, integers exact as
// doubles, with two differences. Each component value is kept as its residue nearest zero, in
// (-m/2 - 2, m/2 + 2), rather than in [0, m) (see mod_step), and the components are
// interleaved by age,
//   s = {x1[n-3], x2[n-3], x1[n-2], x2[n-2], x1[n-1], x2[n-1]},
// so that the pairs the step reads and writes sit side by side (see mrg_next). The functions
// that take or give the state use integers in [0, m) in RngStreams' order (x1[n-3], x1[n-2],
// x1[n-1], x2[n-3], x2[n-2], x2[n-1]); SLOT maps an index in that order to one in s.
typedef struct { double s[6]; } mrg32k3a_state;
#define SLOT(i) (2 * ((i) % 3) + (i) / 3)

// 1.5 * 2^52: adding it to a double of magnitude below 2^51 leaves a double whose unit in the
// last place is 1, so the sum is the addend rounded to the nearest integer (in the default
// rounding mode, which nothing in crisis-sim changes), and subtracting it again is exact.
#define ROUND_TO_INTEGER 6755399441055744.0

// One step of a component: a residue of p modulo m in (-m/2 - 2, m/2 + 2), for an integer p
// with |p| < 2^53.
//
// L'Ecuyer (1999, "Good parameters and implementations for combined multiple recursive random
// number generators", Operations Research 47(1)) chose the multipliers below 2^21 so that the
// products and their difference are exact in double precision, and reduces them with
// k = (long)(p / m); p -= k * m; if (p < 0) p += m. Here the division is a multiply by 1/m,
// and k is p/m rounded to the nearest integer, not truncated:
// - |p/m| < 2^21 and the two roundings of p * (1/m) are each a relative error below 2^-53, so
//   k is within 1/2 + 2^-31 of p/m, and r = p - k m has |r| < m/2 + 2;
// - k m < 2^53 and r are integers that doubles hold exactly, so p - k m is exact (and stays
//   exact if the compiler fuses it into a multiply-add, as on arm64).
// r is not moved into [0, m): the next steps multiply it just as well. State values lie in
// (-m/2 - 2, m) (in [0, m) as set, nearest zero once stepped), so |p| < 1403580 m +
// 810728 (m/2 + 2) < 1.9 * 2^52 for the first component, and 1370589 m + 527612 (m/2 + 2) <
// 1.6 * 2^52 for the second. Only the output needs the residues in [0, m) (to_unit), so that
// correction is off the chain from one step to the next, which in a loop of draws is what
// bounds the speed.
static inline double mod_step(double p, double m, double inv_m) {
  double k = (p * inv_m + ROUND_TO_INTEGER) - ROUND_TO_INTEGER;
  return p - k * m;
}

// The residue in [0, m) of a value from mod_step (or already in [0, m)).
static inline double to_unit(double r, double m) { return r + (r < 0 ? m : 0.0); }

// Advances the state and returns the output (x1 - x2) mod m1 in [1, m1] (m1 for 0), with x1,
// x2 in [0, m1), [0, m2): an integer held as a double.
//
// The two components are independent until the output, and written alike, clang at -O2
// computes them as one pair of doubles (SSE2, part of baseline x86-64; NEON on arm64): the
// interleaved state makes (x1[n-3], x2[n-3]) one load and the shift two 16-byte copies. That
// is 35 instructions a draw (callgrind), where the integer form took 52 (44 with the rounded
// quotient) and this code kept scalar (-fno-slp-vectorize) 52; the bed-pool instruction count
// would show if the pairing were ever lost.
static inline double mrg_next(mrg32k3a_state *st) {
  double *s = st->s;
  double x1 = mod_step((double)A12 * s[2] - (double)A13N * s[0], (double)M1, 1.0 / (double)M1);
  double x2 = mod_step((double)A21 * s[5] - (double)A23N * s[1], (double)M2, 1.0 / (double)M2);
  s[0] = s[2]; s[1] = s[3];
  s[2] = s[4]; s[3] = s[5];
  s[4] = x1; s[5] = x2;
  // x1 - x2 lies in (-m2, m1) and is exact; below 1 it is moved up by m1, into (m1 - m2, m1].
  double d = to_unit(x1, (double)M1) - to_unit(x2, (double)M2);
  return d + (d > 0 ? 0.0 : (double)M1);
}

static unsigned long mrg_get(void *vstate) { return (unsigned long)(int64_t)mrg_next(vstate) - 1; }

// 1 / (m1 + 1), as in L'Ecuyer's RngStreams: a multiply, not a division, per draw. The same
// integer times the same constant as when the output was converted from a 64-bit integer, so
// the same double.
#define NORM 2.328306549295727688e-10

static double mrg_get_double(void *vstate) { return mrg_next(vstate) * NORM; }

// GSL seeds every new generator through `set`; a plain integer seed is spread over the
// six components with SplitMix64 (Steele, Lea & Flood 2014). crisis-sim then moves the
// generator to its stream and substream with crisis_mrg32k3a_set_position.
static uint64_t splitmix64(uint64_t *x) {
  uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

static void mrg_set(void *vstate, unsigned long seed) {
  mrg32k3a_state *st = vstate;
  uint64_t x = seed;
  for (int i = 0; i < 6; i++) {
    // Components in [1, m) can never be all zero.
    int64_t m = i < 3 ? M1 : M2;
    st->s[SLOT(i)] = (double)(1 + (int64_t)(splitmix64(&x) % (uint64_t)(m - 1)));
  }
}

static const gsl_rng_type mrg32k3a_type = {
  "mrg32k3a", (unsigned long)(M1 - 1), 0, sizeof(mrg32k3a_state), &mrg_set, &mrg_get, &mrg_get_double
};

const gsl_rng_type *crisis_rng_mrg32k3a(void) { return &mrg32k3a_type; }

// ---- Jump-ahead: the state after n steps is A^n s (mod m), per component. ----
//
// A model makes dozens of streams per area and replication, so positioning one must be
// cheap: the powers (A^(2^127))^(2^k) and (A^(2^76))^(2^k) are squared out once per process
// into tables, and a position is then one matrix-vector product per set bit of the stream and
// substream indices. Modular arithmetic is exact, so this gives the state A^n s itself,
// whatever the order of the products.

typedef uint64_t mat3[3][3];

// a * b mod m for a, b < m < 2^32: the product fits in 64 bits, so no 128-bit division.
static inline uint64_t mulmod(uint64_t a, uint64_t b, uint64_t m) {
  return (a * b) % m;
}

static void mat_mul(const mat3 a, const mat3 b, mat3 out, uint64_t m) {
  mat3 t;
  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 3; j++) {
      uint64_t acc = 0;
      for (int k = 0; k < 3; k++) acc = (acc + mulmod(a[i][k], b[k][j], m)) % m;
      t[i][j] = acc;
    }
  memcpy(out, t, sizeof(mat3));
}

static void mat_vec(const mat3 a, int64_t *v, uint64_t m) {
  uint64_t t[3];
  for (int i = 0; i < 3; i++) {
    uint64_t acc = 0;
    for (int k = 0; k < 3; k++) acc = (acc + mulmod(a[i][k], (uint64_t)v[k], m)) % m;
    t[i] = acc;
  }
  for (int i = 0; i < 3; i++) v[i] = (int64_t)t[i];
}

// One-step transition matrices of the two components.
static const mat3 A1 = {{0, 1, 0}, {0, 0, 1}, {M1 - A13N, A12, 0}};
static const mat3 A2 = {{0, 1, 0}, {0, 0, 1}, {M2 - A23N, 0, A21}};

// Stream indices are 64-bit. A substream index of 2^51 or more reaches into the next
// streams (2^76 * 2^51 = 2^127): its high bits jump by whole streams.
#define STREAM_BITS 64
#define SUBSTREAM_BITS 51

// jumps[k] = (A^(2^shift))^(2^k) = A^(2^(shift + k)) for one component.
typedef struct {
  mat3 stream1[STREAM_BITS], stream2[STREAM_BITS];
  mat3 substream1[SUBSTREAM_BITS], substream2[SUBSTREAM_BITS];
} jump_tables;

static jump_tables tables;
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

// The k-th entry is A squared (shift + k) times; the test suite checks A^(2^127) and
// A^(2^76) against the constants published with RngStreams.
static void fill(mat3 *out, int count, const mat3 a, int shift, uint64_t m) {
  mat3 p;
  memcpy(p, a, sizeof(mat3));
  for (int i = 0; i < shift; i++) mat_mul(p, p, p, m);
  for (int k = 0; k < count; k++) {
    memcpy(out[k], p, sizeof(mat3));
    mat_mul(p, p, p, m);
  }
}

static void fill_tables(void) {
  fill(tables.stream1, STREAM_BITS, A1, 127, M1);
  fill(tables.stream2, STREAM_BITS, A2, 127, M2);
  fill(tables.substream1, SUBSTREAM_BITS, A1, 76, M1);
  fill(tables.substream2, SUBSTREAM_BITS, A2, 76, M2);
}

// v = (jumps[0])^n v, one product per set bit of n.
static void jump(const mat3 *jumps, int bits, uint64_t n, int64_t *v, uint64_t m) {
  for (int k = 0; k < bits && n; k++, n >>= 1)
    if (n & 1) mat_vec(jumps[k], v, m);
}

int crisis_mrg32k3a_set_position(gsl_rng *r, const uint32_t seed[6], uint64_t stream, uint64_t substream) {
  if (r == NULL || r->type != &mrg32k3a_type) return -1;
  int nonzero1 = 0, nonzero2 = 0;
  for (int i = 0; i < 3; i++) {
    if (seed[i] >= M1 || seed[i + 3] >= M2) return -1;
    nonzero1 |= seed[i] != 0;
    nonzero2 |= seed[i + 3] != 0;
  }
  if (!nonzero1 || !nonzero2) return -1;
  pthread_once(&tables_once, fill_tables);

  // The jumps work on integers in RngStreams' order; the state takes them as doubles.
  int64_t v[6];
  for (int i = 0; i < 6; i++) v[i] = seed[i];
  jump(tables.stream1, STREAM_BITS, stream, v, M1);
  jump(tables.stream2, STREAM_BITS, stream, v + 3, M2);
  jump(tables.substream1, SUBSTREAM_BITS, substream, v, M1);
  jump(tables.substream2, SUBSTREAM_BITS, substream, v + 3, M2);
  jump(tables.stream1, STREAM_BITS, substream >> SUBSTREAM_BITS, v, M1);
  jump(tables.stream2, STREAM_BITS, substream >> SUBSTREAM_BITS, v + 3, M2);
  mrg32k3a_state *st = r->state;
  for (int i = 0; i < 6; i++) st->s[SLOT(i)] = (double)v[i];
  return 0;
}

void crisis_mrg32k3a_get_state(const gsl_rng *r, uint32_t state[6]) {
  const mrg32k3a_state *st = r->state;
  for (int i = 0; i < 6; i++)
    state[i] = (uint32_t)(int64_t)to_unit(st->s[SLOT(i)], i < 3 ? (double)M1 : (double)M2);
}
