import CGSL
import CMRG32k3a

/// The uniform generator underneath every stream.
///
/// `.mrg32k3a` (the default) gives provably disjoint streams: each (stream, substream) pair
/// starts at its own point of one long cycle, 2^127 steps apart for streams and 2^76 for
/// substreams (L'Ecuyer et al. 2002, the scheme behind Arena, JaamSim and ns-3).
/// The other kinds are GSL's own generators. GSL seeds them from 32 bits only, so each
/// (master seed, replication, stream identity) is hashed with SplitMix64 to one of 2^32
/// seeds: two of k streams share a seed with probability about k²/2^33 (about 1% at
/// k = 10,000), and streams from different seeds are not proven disjoint. Use them to check
/// that a result does not depend on the generator, not for production runs.
public enum GeneratorKind: String, CaseIterable, Sendable, Codable {
    case mrg32k3a
    case mt19937
    case ranlxd2
    case taus2

    var gslType: UnsafePointer<gsl_rng_type> {
        switch self {
        case .mrg32k3a: return crisis_rng_mrg32k3a()
        case .mt19937: return cgsl_rng_mt19937()
        case .ranlxd2: return cgsl_rng_ranlxd2()
        case .taus2: return cgsl_rng_taus2()
        }
    }
}
