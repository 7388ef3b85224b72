import CGSL
import CMRG32k3a

/// One independent stream of random numbers, owned by one stochastic process.
///
/// Wraps a `gsl_rng`; every variate is drawn with GSL's `gsl_ran_*` functions on top of it
/// (the drawing methods are `VariateSource`'s).
/// A stream is not thread-safe: each replication owns its streams.
public final class RandomStream {
    @usableFromInline let rng: UnsafeMutablePointer<gsl_rng>

    /// The stream's identity, kept for error messages and traces.
    public let identity: StreamIdentity

    init(kind: GeneratorKind, masterSeed: UInt64, replication: UInt64, identity: StreamIdentity) {
        _ = GSL.errorHandlerDisabled
        guard let rng = gsl_rng_alloc(kind.gslType) else {
            fatalError("gsl_rng_alloc failed: out of memory")
        }
        self.rng = rng
        self.identity = identity
        switch kind {
        case .mrg32k3a:
            var seed = MRG32k3aSeed(masterSeed: masterSeed).components
            let status = seed.withUnsafeMutableBufferPointer {
                crisis_mrg32k3a_set_position(rng, $0.baseAddress, identity.index, replication)
            }
            precondition(status == 0, "MRG32k3a seed out of range")
        default:
            // GSL's own generators take one integer seed: mix the three coordinates.
            var mix = SplitMix64(state: masterSeed)
            var seed = mix.next() ^ identity.index
            seed = SplitMix64(state: seed).nextValue() ^ replication
            seed = SplitMix64(state: seed).nextValue()
            gsl_rng_set(rng, UInt(truncatingIfNeeded: seed))
        }
    }

    deinit { gsl_rng_free(rng) }

    /// The GSL name of the underlying generator (`gsl_rng_name`).
    public var generatorName: String { String(cString: gsl_rng_name(rng)) }

    /// The generator itself, for `VariateSource`'s draws.
    @inlinable public var generator: UnsafeMutablePointer<gsl_rng> { rng }

    /// The stream borrowed for a hot loop (see `StreamHandle`); this stream must outlive it.
    @inlinable public var handle: StreamHandle { StreamHandle(generator: rng) }
}

extension RandomStream: VariateSource {}

/// SplitMix64 (Steele, Lea & Flood 2014): a well-mixed 64-bit sequence used only to turn
/// seeds into generator states, never to draw variates.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    func nextValue() -> UInt64 {
        var copy = self
        return copy.next()
    }
}

/// The six-component package seed of MRG32k3a, derived from a 64-bit master seed.
struct MRG32k3aSeed {
    static let m1: UInt64 = 4_294_967_087
    static let m2: UInt64 = 4_294_944_443

    var components: [UInt32]

    /// Each component is drawn in [1, m) so neither half of the state can be all zero.
    init(masterSeed: UInt64) {
        var mix = SplitMix64(state: masterSeed)
        components = (0..<6).map { i in
            let m = i < 3 ? Self.m1 : Self.m2
            return UInt32(1 + mix.next() % (m - 1))
        }
    }

    init(components: [UInt32]) { self.components = components }
}
