import CGSL
import CMRG32k3a

/// One independent stream of random numbers, owned by one stochastic process.
///
/// Wraps a `gsl_rng`; every variate is drawn with GSL's `gsl_ran_*` functions on top of it.
/// Variates with invalid parameters are rejected when a `Distribution` is built, so the
/// drawing methods here take already-validated parameters and never fail.
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

    // MARK: Uniforms

    /// A uniform variate in [0, 1) (`gsl_rng_uniform`).
    @inlinable public func uniform() -> Double { gsl_rng_uniform(rng) }

    /// A uniform variate in (0, 1) (`gsl_rng_uniform_pos`): safe to take logarithms of.
    @inlinable public func uniformPositive() -> Double { gsl_rng_uniform_pos(rng) }

    /// A uniform variate in [min, max) (`gsl_ran_flat`).
    @inlinable public func uniform(min: Double, max: Double) -> Double { gsl_ran_flat(rng, min, max) }

    /// True with the given probability (`gsl_ran_bernoulli`). Probability in [0, 1].
    @inlinable public func bernoulli(probability: Double) -> Bool { gsl_ran_bernoulli(rng, probability) == 1 }

    // MARK: Continuous

    /// Exponential with the given mean (`gsl_ran_exponential`, whose parameter is the mean).
    @inlinable public func exponential(mean: Double) -> Double { gsl_ran_exponential(rng, mean) }

    /// Gamma with shape k and scale θ: mean kθ, variance kθ² (`gsl_ran_gamma`).
    @inlinable public func gamma(shape: Double, scale: Double) -> Double { gsl_ran_gamma(rng, shape, scale) }

    /// Lognormal: exp(N(mu, sigma²)), with mu and sigma of the underlying normal, so the
    /// median is exp(mu) (`gsl_ran_lognormal(r, zeta = mu, sigma)`).
    @inlinable public func lognormal(mu: Double, sigma: Double) -> Double { gsl_ran_lognormal(rng, mu, sigma) }

    /// Weibull with shape k and scale λ: P(X > x) = exp(-(x/λ)^k) (`gsl_ran_weibull(r, a = λ, b = k)`).
    @inlinable public func weibull(shape: Double, scale: Double) -> Double { gsl_ran_weibull(rng, scale, shape) }

    /// Beta(α, β) on [0, 1] (`gsl_ran_beta`).
    @inlinable public func beta(alpha: Double, beta: Double) -> Double { gsl_ran_beta(rng, alpha, beta) }

    /// Normal with the given mean and standard deviation (`gsl_ran_gaussian` plus the mean).
    @inlinable public func normal(mean: Double, standardDeviation: Double) -> Double {
        mean + gsl_ran_gaussian(rng, standardDeviation)
    }

    // MARK: Counts

    /// Poisson count with the given mean (`gsl_ran_poisson`).
    @inlinable public func poisson(mean: Double) -> Int { Int(gsl_ran_poisson(rng, mean)) }

    /// Binomial count of successes in `trials` with the given probability (`gsl_ran_binomial`).
    @inlinable public func binomial(trials: Int, probability: Double) -> Int {
        Int(gsl_ran_binomial(rng, probability, UInt32(clamping: trials)))
    }
}

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
