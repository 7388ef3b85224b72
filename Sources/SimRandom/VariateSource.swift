import CGSL

/// Something variates are drawn from: a GSL generator, owned by a `RandomStream` or borrowed
/// through a `StreamHandle`. Every draw is one `gsl_*` call with parameters named by meaning.
///
/// Variates with invalid parameters are rejected when a `Distribution` is built, so these
/// methods take already-validated parameters and never fail.
public protocol VariateSource {
    /// The GSL generator each draw advances.
    var generator: UnsafeMutablePointer<gsl_rng> { get }
}

extension VariateSource {
    // MARK: Uniforms

    /// A uniform variate in [0, 1) (`gsl_rng_uniform`).
    @inlinable public func uniform() -> Double { gsl_rng_uniform(generator) }

    /// A uniform variate in (0, 1) (`gsl_rng_uniform_pos`): safe to take logarithms of.
    @inlinable public func uniformPositive() -> Double { gsl_rng_uniform_pos(generator) }

    /// A uniform variate in [min, max) (`gsl_ran_flat`).
    @inlinable public func uniform(min: Double, max: Double) -> Double { gsl_ran_flat(generator, min, max) }

    /// True with the given probability (`gsl_ran_bernoulli`). Probability in [0, 1].
    @inlinable public func bernoulli(probability: Double) -> Bool { gsl_ran_bernoulli(generator, probability) == 1 }

    // MARK: Continuous

    /// Exponential with the given mean (`gsl_ran_exponential`, whose parameter is the mean).
    @inlinable public func exponential(mean: Double) -> Double { gsl_ran_exponential(generator, mean) }

    /// Gamma with shape k and scale θ: mean kθ, variance kθ² (`gsl_ran_gamma`).
    @inlinable public func gamma(shape: Double, scale: Double) -> Double { gsl_ran_gamma(generator, shape, scale) }

    /// Lognormal: exp(N(mu, sigma²)), with mu and sigma of the underlying normal, so the
    /// median is exp(mu) (`gsl_ran_lognormal(r, zeta = mu, sigma)`).
    @inlinable public func lognormal(mu: Double, sigma: Double) -> Double { gsl_ran_lognormal(generator, mu, sigma) }

    /// Weibull with shape k and scale λ: P(X > x) = exp(-(x/λ)^k) (`gsl_ran_weibull(r, a = λ, b = k)`).
    @inlinable public func weibull(shape: Double, scale: Double) -> Double { gsl_ran_weibull(generator, scale, shape) }

    /// Beta(α, β) on [0, 1] (`gsl_ran_beta`).
    @inlinable public func beta(alpha: Double, beta: Double) -> Double { gsl_ran_beta(generator, alpha, beta) }

    /// Normal with the given mean and standard deviation (`gsl_ran_gaussian` plus the mean).
    @inlinable public func normal(mean: Double, standardDeviation: Double) -> Double {
        mean + gsl_ran_gaussian(generator, standardDeviation)
    }

    // MARK: Counts

    /// Poisson count with the given mean (`gsl_ran_poisson`).
    @inlinable public func poisson(mean: Double) -> Int { Int(gsl_ran_poisson(generator, mean)) }

    /// Binomial count of successes in `trials` with the given probability (`gsl_ran_binomial`).
    @inlinable public func binomial(trials: Int, probability: Double) -> Int {
        Int(gsl_ran_binomial(generator, probability, UInt32(clamping: trials)))
    }
}
