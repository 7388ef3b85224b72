import Foundation

/// A validated continuous distribution of a duration or quantity, sampled through GSL.
///
/// Build one with the static constructors, which check every parameter and throw a
/// `DistributionError` for invalid ones; sampling then never fails. Units are the caller's
/// (a stay in days, a response time in hours): the distribution does not convert them.
public struct Distribution: Sendable, Equatable, CustomStringConvertible {
    @usableFromInline enum Kind: Sendable, Equatable {
        case fixed(Double)
        case uniform(min: Double, max: Double)
        case exponential(mean: Double)
        case gamma(shape: Double, scale: Double)
        case lognormal(mu: Double, sigma: Double)
        case weibull(shape: Double, scale: Double)
        case triangular(min: Double, mode: Double, max: Double)
        case pert(min: Double, mode: Double, max: Double)
        case empirical(EmpiricalDistribution)
    }

    @usableFromInline let kind: Kind

    init(_ kind: Kind) { self.kind = kind }

    // MARK: Constructors

    /// Always the same value. Useful for deterministic checks and fixed delays.
    public static func fixed(_ value: Double) throws -> Distribution {
        try ParameterCheck(distribution: "fixed").finite("value", value)
        return Distribution(.fixed(value))
    }

    /// Uniform on [min, max) (`gsl_ran_flat`).
    public static func uniform(min: Double, max: Double) throws -> Distribution {
        let check = ParameterCheck(distribution: "uniform")
        try check.finite("min", min)
        try check.finite("max", max)
        guard max > min else { throw check.fail("max", "greater than min (\(min))", max) }
        return Distribution(.uniform(min: min, max: max))
    }

    /// Exponential with the given mean (`gsl_ran_exponential`).
    public static func exponential(mean: Double) throws -> Distribution {
        try ParameterCheck(distribution: "exponential").positive("mean", mean)
        return Distribution(.exponential(mean: mean))
    }

    /// Gamma with shape k and scale θ (mean kθ) (`gsl_ran_gamma`).
    public static func gamma(shape: Double, scale: Double) throws -> Distribution {
        let check = ParameterCheck(distribution: "gamma")
        try check.positive("shape", shape)
        try check.positive("scale", scale)
        return Distribution(.gamma(shape: shape, scale: scale))
    }

    /// Gamma from its mean and coefficient of variation: shape 1/cv², scale mean·cv².
    public static func gamma(mean: Double, cv: Double) throws -> Distribution {
        let check = ParameterCheck(distribution: "gamma")
        try check.positive("mean", mean)
        try check.positive("cv", cv)
        let shape = 1 / (cv * cv), scale = mean * cv * cv
        guard shape.isFinite, shape > 0, scale.isFinite, scale > 0 else {
            throw check.fail("cv", "a value giving a finite gamma shape and scale", cv)
        }
        return try gamma(shape: shape, scale: scale)
    }

    /// Lognormal exp(N(mu, sigma²)): mu and sigma are the mean and standard deviation of the
    /// logarithm, so the median is exp(mu) (`gsl_ran_lognormal(r, zeta: mu, sigma)`).
    public static func lognormal(mu: Double, sigma: Double) throws -> Distribution {
        let check = ParameterCheck(distribution: "lognormal")
        try check.finite("mu", mu)
        try check.positive("sigma", sigma)
        return Distribution(.lognormal(mu: mu, sigma: sigma))
    }

    /// Lognormal from its mean and coefficient of variation (what planners usually know):
    /// sigma² = ln(1 + cv²), mu = ln(mean) − sigma²/2.
    public static func lognormal(mean: Double, cv: Double) throws -> Distribution {
        let check = ParameterCheck(distribution: "lognormal")
        try check.positive("mean", mean)
        try check.positive("cv", cv)
        let sigma2 = log1p(cv * cv)
        let mu = log(mean) - sigma2 / 2
        guard sigma2.isFinite, sigma2 > 0, mu.isFinite else {
            throw check.fail("cv", "a value giving a finite lognormal mu and sigma", cv)
        }
        return try lognormal(mu: mu, sigma: sigma2.squareRoot())
    }

    /// Lognormal from its mean and median (as length-of-stay statistics are published):
    /// mu = ln(median), sigma² = 2 ln(mean / median). Needs mean > median.
    public static func lognormal(mean: Double, median: Double) throws -> Distribution {
        let check = ParameterCheck(distribution: "lognormal")
        try check.positive("mean", mean)
        try check.positive("median", median)
        guard mean > median else { throw check.fail("mean", "greater than the median (\(median))", mean) }
        return try lognormal(mu: log(median), sigma: (2 * log(mean / median)).squareRoot())
    }

    /// Weibull with shape k and scale λ: P(X > x) = exp(−(x/λ)^k) (`gsl_ran_weibull`).
    public static func weibull(shape: Double, scale: Double) throws -> Distribution {
        let check = ParameterCheck(distribution: "weibull")
        try check.positive("shape", shape)
        try check.positive("scale", scale)
        return Distribution(.weibull(shape: shape, scale: scale))
    }

    /// Triangular on [min, max] with the given mode, drawn by inverting its distribution
    /// function at a GSL uniform (GSL has no triangular variate).
    public static func triangular(min: Double, mode: Double, max: Double) throws -> Distribution {
        try checkRange("triangular", min: min, mode: mode, max: max)
        return Distribution(.triangular(min: min, mode: mode, max: max))
    }

    /// PERT on [min, max] with the given mode: min + (max − min)·Beta(α, β) with
    /// α = 1 + 4(mode − min)/(max − min), β = 1 + 4(max − mode)/(max − min) (`gsl_ran_beta`).
    /// The mean is (min + 4·mode + max) / 6.
    public static func pert(min: Double, mode: Double, max: Double) throws -> Distribution {
        try checkRange("pert", min: min, mode: mode, max: max)
        return Distribution(.pert(min: min, mode: mode, max: max))
    }

    /// The empirical distribution of observed values (see `EmpiricalDistribution`).
    public static func empirical(_ data: [Double]) throws -> Distribution {
        Distribution(.empirical(try EmpiricalDistribution(data)))
    }

    private static func checkRange(_ name: String, min: Double, mode: Double, max: Double) throws {
        let check = ParameterCheck(distribution: name)
        try check.finite("min", min)
        try check.finite("mode", mode)
        try check.finite("max", max)
        guard max > min else { throw check.fail("max", "greater than min (\(min))", max) }
        guard (max - min).isFinite else { throw check.fail("max", "within a finite distance of min (\(min))", max) }
        guard mode >= min, mode <= max else { throw check.fail("mode", "within [min, max] = [\(min), \(max)]", mode) }
    }

    // MARK: Sampling

    /// One draw from `stream`.
    @inlinable public func sample<Source: VariateSource>(_ stream: Source) -> Double {
        switch kind {
        case .fixed(let value): return value
        case .uniform(let min, let max): return stream.uniform(min: min, max: max)
        case .exponential(let mean): return stream.exponential(mean: mean)
        case .gamma(let shape, let scale): return stream.gamma(shape: shape, scale: scale)
        case .lognormal(let mu, let sigma): return stream.lognormal(mu: mu, sigma: sigma)
        case .weibull(let shape, let scale): return stream.weibull(shape: shape, scale: scale)
        case .triangular(let min, let mode, let max):
            let u = stream.uniform()
            let split = (mode - min) / (max - min)
            return u < split
                ? min + ((max - min) * (mode - min) * u).squareRoot()
                : max - ((max - min) * (max - mode) * (1 - u)).squareRoot()
        case .pert(let min, let mode, let max):
            let range = max - min
            let alpha = 1 + 4 * (mode - min) / range
            let beta = 1 + 4 * (max - mode) / range
            return min + range * stream.beta(alpha: alpha, beta: beta)
        case .empirical(let table): return table.sample(stream)
        }
    }

    /// The distribution's mean, for analytic estimates (offered load, Little's law).
    public var mean: Double {
        switch kind {
        case .fixed(let value): return value
        case .uniform(let min, let max): return (min + max) / 2
        case .exponential(let mean): return mean
        case .gamma(let shape, let scale): return shape * scale
        case .lognormal(let mu, let sigma): return exp(mu + sigma * sigma / 2)
        case .weibull(let shape, let scale): return scale * tgamma(1 + 1 / shape)
        case .triangular(let min, let mode, let max): return (min + mode + max) / 3
        case .pert(let min, let mode, let max): return (min + 4 * mode + max) / 6
        case .empirical(let table): return table.mean
        }
    }

    /// The coefficient of variation, standard deviation / mean: how widely draws spread for
    /// their size, in no unit (1 for every exponential). 0 when every draw is the same;
    /// infinite when the spread overflows a Double (a lognormal with sigma 40) or the mean is 0
    /// with draws either side of it. Scenario validation bounds it (see `SchemaType`).
    ///
    /// Computed from the parameters without forming the variance where that could overflow:
    /// gamma 1/sqrt(shape), lognormal sqrt(e^(sigma^2) - 1), Weibull
    /// sqrt(Γ(1 + 2/k) / Γ(1 + 1/k)^2 - 1) through log-gamma.
    public var coefficientOfVariation: Double {
        switch kind {
        case .fixed: return 0
        case .exponential: return 1
        case .gamma(let shape, _): return 1 / shape.squareRoot()
        case .lognormal(_, let sigma): return expm1(sigma * sigma).squareRoot()
        case .weibull(let shape, _):
            return expm1(lgamma(1 + 2 / shape) - 2 * lgamma(1 + 1 / shape)).squareRoot()
        case .uniform(let min, let max):
            return Self.ratio(spread: (max - min) / 12.0.squareRoot(), mean: mean)
        case .triangular(let min, let mode, let max):
            // Variance (a² + b² + c² − ab − ac − bc) / 18, written in the range so it cannot overflow.
            let range = max - min, u = (mode - min) / range
            return Self.ratio(spread: range * ((1 - u + u * u) / 18).squareRoot(), mean: mean)
        case .pert(let min, let mode, let max):
            // Beta(α, β) with α + β = 6: variance αβ / (6² · 7), times the range squared.
            let range = max - min
            let alpha = 1 + 4 * (mode - min) / range, beta = 1 + 4 * (max - mode) / range
            return Self.ratio(spread: range * (alpha * beta / 252).squareRoot(), mean: mean)
        case .empirical(let table): return Self.ratio(spread: table.standardDeviation, mean: table.mean)
        }
    }

    /// spread / |mean|, 0 when nothing spreads, infinite when the mean is 0 and draws spread.
    private static func ratio(spread: Double, mean: Double) -> Double {
        spread == 0 ? 0 : spread / abs(mean)
    }

    /// The least value a draw can take: the lower end of the support (0 for the distributions
    /// on [0, inf)). A duration whose minimum is 0 can let a chain of events happen with no
    /// time passing, which scenario validation looks for.
    public var minimum: Double {
        switch kind {
        case .fixed(let value): return value
        case .uniform(let min, _), .triangular(let min, _, _), .pert(let min, _, _): return min
        case .exponential, .gamma, .lognormal, .weibull: return 0
        case .empirical(let table): return table.minimum
        }
    }

    public var description: String {
        switch kind {
        case .fixed(let value): return "fixed(\(value))"
        case .uniform(let min, let max): return "uniform(min: \(min), max: \(max))"
        case .exponential(let mean): return "exponential(mean: \(mean))"
        case .gamma(let shape, let scale): return "gamma(shape: \(shape), scale: \(scale))"
        case .lognormal(let mu, let sigma): return "lognormal(mu: \(mu), sigma: \(sigma))"
        case .weibull(let shape, let scale): return "weibull(shape: \(shape), scale: \(scale))"
        case .triangular(let min, let mode, let max): return "triangular(min: \(min), mode: \(mode), max: \(max))"
        case .pert(let min, let mode, let max): return "pert(min: \(min), mode: \(mode), max: \(max))"
        case .empirical(let table): return "empirical(\(table.count) values)"
        }
    }
}
