// MRG32k3a as a gsl_rng_type, with jump-ahead by matrix powers.
// Recurrences (L'Ecuyer 1999):
//   x1[n] = (1403580 x1[n-2] - 810728 x1[n-3]) mod m1
//   x2[n] = (527612 x2[n-1] - 1370589 x2[n-3]) mod m2
//   u[n]  = ((x1[n] - x2[n]) mod m1) / (m1 + 1), mapped into (0, 1)
#include "mrg32k3a.h"
#include <string.h>

#define M1 4294967087LL
#define M2 4294944443LL
#define A12 1403580LL
#define A13N 810728LL
#define A21 527612LL
#define A23N 1370589LL

typedef struct { int64_t s[6]; } mrg32k3a_state;

// x mod m for |x| < 2^53, without a hardware division (the generator's hot spot): the
// quotient estimated in double precision is off by at most one either way, and the two
// corrections put the remainder in [0, m).
static inline int64_t mod_fast(int64_t x, int64_t m, double inv_m) {
  int64_t r = x - (int64_t)((double)x * inv_m) * m;
  if (r < 0) r += m;
  if (r >= m) r -= m;
  return r;
}

// Advances the state and returns the output in [1, m1].
static inline uint64_t mrg_next(mrg32k3a_state *st) {
  int64_t *s = st->s;
  int64_t p1 = mod_fast(A12 * s[1] - A13N * s[0], M1, 1.0 / (double)M1);
  s[0] = s[1]; s[1] = s[2]; s[2] = p1;
  int64_t p2 = mod_fast(A21 * s[5] - A23N * s[3], M2, 1.0 / (double)M2);
  s[3] = s[4]; s[4] = s[5]; s[5] = p2;
  return (uint64_t)(p1 > p2 ? p1 - p2 : p1 - p2 + M1);
}

static unsigned long mrg_get(void *vstate) { return (unsigned long)(mrg_next(vstate) - 1); }

// 1 / (m1 + 1), as in L'Ecuyer's RngStreams: a multiply, not a division, per draw.
#define NORM 2.328306549295727688e-10

static double mrg_get_double(void *vstate) { return (double)mrg_next(vstate) * NORM; }

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
    st->s[i] = 1 + (int64_t)(splitmix64(&x) % (uint64_t)(m - 1));
  }
}

static const gsl_rng_type mrg32k3a_type = {
  "mrg32k3a", (unsigned long)(M1 - 1), 0, sizeof(mrg32k3a_state), &mrg_set, &mrg_get, &mrg_get_double
};

const gsl_rng_type *crisis_rng_mrg32k3a(void) { return &mrg32k3a_type; }

// ---- Jump-ahead: the state after n steps is A^n s (mod m), per component. ----

typedef uint64_t mat3[3][3];

static uint64_t mulmod(uint64_t a, uint64_t b, uint64_t m) {
  return (uint64_t)(((unsigned __int128)a * b) % m);
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

static void mat_square_n(mat3 a, int n, uint64_t m) {
  for (int i = 0; i < n; i++) mat_mul(a, a, a, m);
}

// out = a^e (mod m) by square-and-multiply.
static void mat_pow(const mat3 a, uint64_t e, mat3 out, uint64_t m) {
  mat3 base, acc = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
  memcpy(base, a, sizeof(mat3));
  while (e) {
    if (e & 1) mat_mul(acc, base, acc, m);
    mat_mul(base, base, base, m);
    e >>= 1;
  }
  memcpy(out, acc, sizeof(mat3));
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

int crisis_mrg32k3a_set_position(gsl_rng *r, const uint32_t seed[6], uint64_t stream, uint64_t substream) {
  if (r == NULL || r->type != &mrg32k3a_type) return -1;
  int nonzero1 = 0, nonzero2 = 0;
  for (int i = 0; i < 3; i++) {
    if (seed[i] >= M1 || seed[i + 3] >= M2) return -1;
    nonzero1 |= seed[i] != 0;
    nonzero2 |= seed[i + 3] != 0;
  }
  if (!nonzero1 || !nonzero2) return -1;

  // A^(2^127) moves one stream; A^(2^76) one substream. Computed by repeated squaring;
  // the test suite checks them against the constants published with RngStreams.
  mat3 s1, s2, ss1, ss2, j1, j2;
  memcpy(s1, A1, sizeof(mat3)); mat_square_n(s1, 127, M1);
  memcpy(s2, A2, sizeof(mat3)); mat_square_n(s2, 127, M2);
  memcpy(ss1, A1, sizeof(mat3)); mat_square_n(ss1, 76, M1);
  memcpy(ss2, A2, sizeof(mat3)); mat_square_n(ss2, 76, M2);

  mrg32k3a_state *st = r->state;
  for (int i = 0; i < 6; i++) st->s[i] = seed[i];
  mat_pow(s1, stream, j1, M1); mat_vec(j1, st->s, M1);
  mat_pow(s2, stream, j2, M2); mat_vec(j2, st->s + 3, M2);
  mat_pow(ss1, substream, j1, M1); mat_vec(j1, st->s, M1);
  mat_pow(ss2, substream, j2, M2); mat_vec(j2, st->s + 3, M2);
  return 0;
}

void crisis_mrg32k3a_get_state(const gsl_rng *r, uint32_t state[6]) {
  const mrg32k3a_state *st = r->state;
  for (int i = 0; i < 6; i++) state[i] = (uint32_t)st->s[i];
}
