import CGSL

/// A parametric family a length of stay can be fitted to, parameterised as the scenario
/// files and `SimRandom.Distribution` are, so a fit can be written straight into a scenario.
///
/// - lognormal(mu, sigma): mu and sigma are the mean and standard deviation of log(stay).
/// - gamma(shape, scale): mean shape × scale.
/// - weibull(shape, scale): P(X > x) = exp(-(x/scale)^shape). (GSL's `gsl_ran_weibull`
///   takes them the other way round: a = scale, b = shape.)
/// - exponential(mean).
public enum StayFamily: String, CaseIterable, Sendable, CustomStringConvertible {
    case lognormal, gamma, weibull, exponential

    public var description: String { rawValue }

    /// The parameters' names in the order `FittedStayDistribution.parameters` lists them.
    public var parameterNames: [String] {
        switch self {
        case .lognormal: return ["mu", "sigma"]
        case .gamma, .weibull: return ["shape", "scale"]
        case .exponential: return ["mean"]
        }
    }

    /// k, the number of free parameters (what AIC charges for).
    public var parameterCount: Int { self == .exponential ? 1 : 2 }

    /// Whether parameter `index` is positive, and so optimised (and given Wald intervals) on
    /// the log scale: that keeps Nelder-Mead inside the parameter space without constraints,
    /// and keeps interval ends positive. Only the lognormal's mu is free on the real line.
    func isLogTransformed(_ index: Int) -> Bool { !(self == .lognormal && index == 0) }

    /// A natural-scale parameter from its optimiser-scale value.
    func natural(_ transformed: Double, index: Int) -> Double {
        isLogTransformed(index) ? exp(transformed) : transformed
    }

    /// d(natural)/d(transformed): the Jacobian's diagonal for the delta method.
    func naturalDerivative(_ transformed: Double, index: Int) -> Double {
        isLogTransformed(index) ? exp(transformed) : 1
    }

    /// Where Nelder-Mead starts, on the optimiser scale: moment or log-moment estimates from
    /// the uncensored stays (biased short by censoring, but close enough for a simplex to
    /// walk from).
    ///
    /// - lognormal: mean and standard deviation of log x.
    /// - gamma: method of moments, shape = m²/v, scale = v/m.
    /// - weibull: log-moments, sd(log X) = π/(shape √6) and E[log X] = log scale − γ/shape.
    /// - exponential: the mean.
    func startingPoint(uncensored: [Double]) throws -> [Double] {
        let needed = parameterCount == 1 ? 1 : 2
        let distinct = Set(uncensored).count
        guard distinct >= needed else {
            throw StayFitError.tooFewUncensoredStays(family: self, needed: needed, found: distinct)
        }
        let values = uncensored
        let logs = values.map { log($0) }
        let n = values.count
        return values.withUnsafeBufferPointer { x in
            logs.withUnsafeBufferPointer { lx in
                switch self {
                case .exponential:
                    return [log(gsl_stats_mean(x.baseAddress, 1, n))]
                case .lognormal:
                    return [gsl_stats_mean(lx.baseAddress, 1, n), log(gsl_stats_sd(lx.baseAddress, 1, n))]
                case .gamma:
                    let mean = gsl_stats_mean(x.baseAddress, 1, n)
                    let variance = gsl_stats_variance_m(x.baseAddress, 1, n, mean)
                    return [log(mean * mean / variance), log(variance / mean)]
                case .weibull:
                    let logMean = gsl_stats_mean(lx.baseAddress, 1, n)
                    let logSD = gsl_stats_sd_m(lx.baseAddress, 1, n, logMean)
                    let shape = Double.pi / (logSD * 6.0.squareRoot())
                    return [log(shape), logMean + M_EULER / shape]
                }
            }
        }
    }
}
