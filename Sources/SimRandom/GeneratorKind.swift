import CGSL
import CMRG32k3a

/// The uniform generator underneath every stream.
///
/// `.mrg32k3a` (the default) gives provably disjoint streams: each (stream, substream) pair
/// starts at its own point of one long cycle, 2^127 steps apart for streams and 2^76 for
/// substreams (L'Ecuyer et al. 2002, the scheme behind Arena, JaamSim and ns-3).
/// The other kinds are GSL's own generators, seeded by hashing (master seed, replication,
/// stream identity) with SplitMix64: their streams are disjoint only with high probability
/// (overlap odds for n streams of length L on a period P are about n^2 L / P, negligible for
/// MT19937's 2^19937 period but not a proof). Use them to check that a result does not
/// depend on the generator.
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
