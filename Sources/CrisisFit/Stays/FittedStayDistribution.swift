import CGSL
import SimRandom

/// A length-of-stay distribution fitted by maximum likelihood, with the uncertainty a planner
/// needs to judge it: standard errors, 95% intervals, the fit's log-likelihood and AIC.
///
/// Uncertainty comes from the observed information: the Hessian of −log L at the optimum,
/// computed numerically (`gsl_deriv_central`) on the optimiser scale (log of each positive
/// parameter), inverted, and mapped back by the delta method. Intervals are Wald intervals on
/// that scale mapped back, so a positive parameter's interval stays positive and is skewed
/// the way its sampling distribution is.
public struct FittedStayDistribution: Sendable {
    /// One parameter's estimate, on its natural scale.
    public struct Parameter: Sendable, Equatable {
        /// The name the scenario files use ("mu", "sigma", "shape", "scale", "mean").
        public let name: String
        public let value: Double
        /// Delta-method standard error on the natural scale.
        public let standardError: Double
        /// 95% Wald interval, formed on the optimiser scale and mapped back.
        public let lower: Double
        public let upper: Double
    }

    /// A quantity of the fitted distribution (its mean or median) with a 95% interval.
    public struct Estimate: Sendable, Equatable {
        public let value: Double
        /// Delta-method standard error on the natural scale (value × the log-scale error).
        public let standardError: Double
        /// value × exp(∓ z·se(log value)): the delta method on the log scale, so the interval
        /// stays positive and is right-skewed as the estimator's distribution is.
        public let lower: Double
        public let upper: Double

        /// Whether the interval contains `x`.
        public func covers(_ x: Double) -> Bool { lower <= x && x <= upper }
    }

    public let family: StayFamily
    /// In `family.parameterNames` order.
    public let parameters: [Parameter]
    /// The maximised log-likelihood, log L̂, of the censored and truncated data.
    public let logLikelihood: Double
    /// n, the number of observations fitted.
    public let observationCount: Int
    /// The covariance of `parameters` (natural scale), from the inverse observed information.
    public let covariance: [[Double]]
    /// The fitted distribution's mean, E[X].
    public let mean: Estimate
    /// The fitted distribution's median, F⁻¹(0.5).
    public let median: Estimate
    /// Nelder-Mead iterations over the run and its restart.
    public let iterations: Int

    /// The optimiser-scale estimate and its covariance: what the delta method and the
    /// bootstrap (which restarts refits here) work from.
    let transformed: [Double]
    let transformedCovariance: [[Double]]
    let model: StayModel

    /// k, the number of parameters.
    public var parameterCount: Int { family.parameterCount }

    /// Akaike's information criterion, 2k − 2 log L̂: lower is better; differences of more
    /// than about 2 between families fitted to the same stays are worth noticing.
    public var aic: Double { 2 * Double(parameterCount) - 2 * logLikelihood }

    /// The parameter with the given name, if the family has one.
    public func parameter(_ name: String) -> Parameter? { parameters.first { $0.name == name } }

    /// F(x) = P(stay <= x days).
    public func cdf(_ x: Double) -> Double { model.cdf(x) }

    /// S(x) = P(stay > x days).
    public func survival(_ x: Double) -> Double { model.survival(x) }

    /// f(x), the density in days⁻¹.
    public func density(_ x: Double) -> Double { model.density(x) }

    /// F⁻¹(p): the stay that a proportion p of stays are no longer than. NaN outside [0, 1].
    public func quantile(_ p: Double) -> Double {
        _ = FitGSL.errorHandlerDisabled
        return model.quantile(p)
    }

    /// The fit as the simulation's own distribution type, to sample stays from.
    public func distribution() throws -> Distribution {
        switch family {
        case .lognormal: return try .lognormal(mu: model.first, sigma: model.second)
        case .gamma: return try .gamma(shape: model.first, scale: model.second)
        case .weibull: return try .weibull(shape: model.first, scale: model.second)
        case .exponential: return try .exponential(mean: model.first)
        }
    }

    /// The normal quantile for two-sided 95% intervals (`gsl_cdf_ugaussian_Pinv(0.975)`).
    public static var z95: Double { gsl_cdf_ugaussian_Pinv(0.975) }

    /// Builds the fit at the optimum `transformed` of `likelihood`: the observed information,
    /// covariances, intervals, mean and median.
    init(likelihood: StayLikelihood, transformed: [Double], iterations: Int) throws {
        let family = likelihood.family
        let k = family.parameterCount
        precondition(transformed.count == k)
        let negativeLogLikelihood: ([Double]) -> Double = { p in
            -likelihood.logLikelihood(transformed: p[0], p.count > 1 ? p[1] : 0)
        }
        let information = Derivatives.hessian(negativeLogLikelihood, at: transformed, innerStep: 1e-5, outerStep: 1e-2)
        guard let inverse = Derivatives.inverseOfPositiveDefinite(information) else {
            throw StayFitError.informationNotPositiveDefinite(family: family)
        }
        self.family = family
        self.transformed = transformed
        self.transformedCovariance = inverse
        self.model = StayModel(family: family, transformed: transformed[0], k > 1 ? transformed[1] : 0)
        self.logLikelihood = likelihood.logLikelihood(model)
        self.observationCount = likelihood.observationCount
        self.iterations = iterations

        // Delta method: Cov(θ) = J Cov(t) J with J = diag(dθ/dt).
        let jacobian = (0..<k).map { family.naturalDerivative(transformed[$0], index: $0) }
        let naturalCovariance = (0..<k).map { i in (0..<k).map { j in jacobian[i] * inverse[i][j] * jacobian[j] } }
        covariance = naturalCovariance
        let z = Self.z95
        parameters = (0..<k).map { i in
            let se = inverse[i][i].squareRoot()
            return Parameter(name: family.parameterNames[i],
                             value: family.natural(transformed[i], index: i),
                             standardError: naturalCovariance[i][i].squareRoot(),
                             lower: family.natural(transformed[i] - z * se, index: i),
                             upper: family.natural(transformed[i] + z * se, index: i))
        }
        let modelAt: ([Double]) -> StayModel = { p in StayModel(family: family, transformed: p[0], p.count > 1 ? p[1] : 0) }
        mean = Self.estimate(log: { modelAt($0).logMean }, at: transformed, covariance: inverse)
        median = Self.estimate(log: { log(modelAt($0).median) }, at: transformed, covariance: inverse)
    }

    /// A positive quantity g(t) with a 95% interval by the delta method on the log scale:
    /// Var(log g) ≈ ∇ᵀ Cov(t) ∇ with ∇ = ∂ log g / ∂t from `gsl_deriv_central`.
    private static func estimate(log logValue: @escaping ([Double]) -> Double, at t: [Double],
                                 covariance: [[Double]]) -> Estimate {
        let gradient = Derivatives.gradient(logValue, at: t, step: 1e-4)
        var variance = 0.0
        for i in t.indices { for j in t.indices { variance += gradient[i] * covariance[i][j] * gradient[j] } }
        let se = variance.squareRoot()
        let value = exp(logValue(t))
        let z = z95
        return Estimate(value: value, standardError: value * se, lower: value * exp(-z * se), upper: value * exp(z * se))
    }
}
