import CGSL

/// One member of a `StayFamily`: the family with its parameters set. Every density,
/// distribution function and quantile comes from GSL (`gsl_ran_*_pdf`, `gsl_cdf_*`).
///
/// `first` and `second` are the natural-scale parameters in `StayFamily.parameterNames`
/// order (`second` is unused by the exponential).
struct StayModel: Sendable {
    let family: StayFamily
    let first: Double
    let second: Double

    init(family: StayFamily, first: Double, second: Double = 0) {
        self.family = family
        self.first = first
        self.second = second
    }

    /// From optimiser-scale (transformed) parameters.
    init(family: StayFamily, transformed t0: Double, _ t1: Double) {
        self.init(family: family, first: family.natural(t0, index: 0),
                  second: family.parameterCount > 1 ? family.natural(t1, index: 1) : 0)
    }

    /// The density f(x).
    @inline(__always) func density(_ x: Double) -> Double {
        switch family {
        case .lognormal: return gsl_ran_lognormal_pdf(x, first, second)
        case .gamma: return gsl_ran_gamma_pdf(x, first, second)
        case .weibull: return gsl_ran_weibull_pdf(x, second, first)
        case .exponential: return gsl_ran_exponential_pdf(x, first)
        }
    }

    /// F(x) = P(X <= x).
    @inline(__always) func cdf(_ x: Double) -> Double {
        switch family {
        case .lognormal: return gsl_cdf_lognormal_P(x, first, second)
        case .gamma: return gsl_cdf_gamma_P(x, first, second)
        case .weibull: return gsl_cdf_weibull_P(x, second, first)
        case .exponential: return gsl_cdf_exponential_P(x, first)
        }
    }

    /// S(x) = P(X > x), from GSL's upper tail (`_Q`) rather than 1 − F, so that survival
    /// to long stays keeps its precision.
    @inline(__always) func survival(_ x: Double) -> Double {
        switch family {
        case .lognormal: return gsl_cdf_lognormal_Q(x, first, second)
        case .gamma: return gsl_cdf_gamma_Q(x, first, second)
        case .weibull: return gsl_cdf_weibull_Q(x, second, first)
        case .exponential: return gsl_cdf_exponential_Q(x, first)
        }
    }

    /// The p-quantile, F⁻¹(p) (`gsl_cdf_*_Pinv`; gamma's checked, as its Newton refinement
    /// can fail to converge).
    func quantile(_ p: Double) -> Double {
        switch family {
        case .lognormal: return gsl_cdf_lognormal_Pinv(p, first, second)
        case .gamma: return CheckedQuantile.gamma(p, shape: first, scale: second)
        case .weibull: return gsl_cdf_weibull_Pinv(p, second, first)
        case .exponential: return gsl_cdf_exponential_Pinv(p, first)
        }
    }

    /// S⁻¹(q): the stay exceeded with probability q (`gsl_cdf_*_Qinv`). Equal to
    /// quantile(1 − q) but exact for small q, where 1 − q would lose digits.
    func upperQuantile(_ q: Double) -> Double {
        switch family {
        case .lognormal: return gsl_cdf_lognormal_Qinv(q, first, second)
        case .gamma: return CheckedQuantile.gammaUpper(q, shape: first, scale: second)
        case .weibull: return gsl_cdf_weibull_Qinv(q, second, first)
        case .exponential: return gsl_cdf_exponential_Qinv(q, first)
        }
    }

    /// log E[X]: lognormal mu + sigma²/2, gamma log(shape·scale), Weibull
    /// log(scale) + log Γ(1 + 1/shape) (`gsl_sf_lngamma`), exponential log(mean).
    var logMean: Double {
        switch family {
        case .lognormal: return first + second * second / 2
        case .gamma: return log(first) + log(second)
        case .weibull: return log(second) + gsl_sf_lngamma(1 + 1 / first)
        case .exponential: return log(first)
        }
    }

    var mean: Double { exp(logMean) }

    var median: Double { quantile(0.5) }
}
