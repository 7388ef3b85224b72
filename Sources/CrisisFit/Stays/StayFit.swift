/// Maximum-likelihood fitting of lengths of stay seen through an observation window, where
/// some stays are still open at the window's end (right censored) and some began before it
/// (left truncated). See `StayLikelihood` for the likelihood, `FittedStayDistribution` for
/// what a fit reports, and `StayGoodnessOfFit` for checking it against the data.
public enum StayFit {
    /// Nelder-Mead's starting steps on the optimiser scale: 0.2 in log(parameter) is a 20%
    /// change, enough to cross from moment estimates to the censored-data optimum.
    static let simplexSteps = [0.2, 0.2]
    /// Simplex size at which a fit has converged, on the log scale: far below any standard
    /// error, so the optimum is exact for every practical purpose. Not much tighter: a
    /// log-likelihood summed over n stays carries rounding of about 1e-16 × |log L|, so near
    /// the peak it cannot tell parameters apart closer than roughly 1e-8, and a simplex asked
    /// for more reflects among equal values without shrinking.
    static let simplexTolerance = 1e-7

    /// Fits one family by maximum likelihood.
    ///
    /// Starts from moment (or log-moment) estimates of the uncensored stays, maximises
    /// log L with Nelder-Mead on the log of each positive parameter, restarts once from the
    /// optimum, then computes the observed information for standard errors and intervals.
    ///
    /// - Throws: `StayFitError.invalidObservation` naming the first bad observation's index;
    ///   `.tooFewUncensoredStays`, `.didNotConverge` or `.informationNotPositiveDefinite` when
    ///   the data cannot support this family.
    public static func fit(_ observations: [StayObservation], family: StayFamily) throws -> FittedStayDistribution {
        _ = FitGSL.errorHandlerDisabled
        try StayObservation.validate(observations)
        return try fitValidated(observations, family: family, start: nil)
    }

    /// Fits every family in `families` to the same stays and ranks them by AIC.
    ///
    /// A family that cannot be fitted (too few uncensored stays, no proper maximum) is listed
    /// in `failures` rather than stopping the others; invalid observations stop everything.
    public static func compare(_ observations: [StayObservation],
                               families: [StayFamily] = StayFamily.allCases) throws -> StayFitComparison {
        _ = FitGSL.errorHandlerDisabled
        try StayObservation.validate(observations)
        var fits: [FittedStayDistribution] = []
        var failures: [StayFitComparison.Failure] = []
        for family in families {
            do {
                fits.append(try fitValidated(observations, family: family, start: nil))
            } catch let error as StayFitError {
                failures.append(.init(family: family, error: error))
            }
        }
        return StayFitComparison(fits: fits, failures: failures)
    }

    /// The fit proper, on observations already validated. `start` (optimiser scale) replaces
    /// the moment estimates: the bootstrap starts each refit at the fit it simulates from.
    static func fitValidated(_ observations: [StayObservation], family: StayFamily,
                             start: [Double]?) throws -> FittedStayDistribution {
        let likelihood = StayLikelihood(observations, family: family)
        let optimum = try maximise(likelihood, start: start)
        return try FittedStayDistribution(likelihood: likelihood, transformed: optimum.point, iterations: optimum.iterations)
    }

    /// The maximum of `likelihood` on the optimiser scale, without the covariance: all a
    /// bootstrap refit needs.
    static func maximise(_ likelihood: StayLikelihood, start: [Double]?, steps: [Double]? = nil,
                         tolerance: Double = simplexTolerance, restart: Bool = true) throws -> Simplex.Result {
        let family = likelihood.family
        let origin = try start ?? family.startingPoint(uncensored: likelihood.dischargedExits)
        do {
            return try Simplex.minimise({ likelihood.objective(transformed: $0[0], $0.count > 1 ? $0[1] : 0) },
                                        start: origin, steps: steps ?? Array(simplexSteps.prefix(family.parameterCount)),
                                        tolerance: tolerance, restart: restart)
        } catch let failure as Simplex.Failure {
            throw StayFitError.didNotConverge(family: family, detail: failure.detail)
        }
    }
}
