/// The choice of a length-of-stay distribution for a model: every family fitted and ranked by
/// AIC, each tested for fit, and a recommendation, the best-ranked family its tests do not
/// reject, or the empirical distribution when they reject them all.
///
/// AIC alone always names a winner, even when every family is wrong (a bimodal case mix, a
/// cap on stays); the goodness-of-fit tests are what say whether the winner is usable.
public struct StaySelection: Sendable {
    public enum Recommendation: Sendable {
        /// The lowest-AIC family whose tests do not reject it.
        case parametric(FittedStayDistribution, StayGoodnessOfFit)
        /// Every family was rejected (or none could be fitted): the product-limit quantiles.
        case empirical(EmpiricalStays)
    }

    public let comparison: StayFitComparison
    /// One per fitted family, in the comparison's (AIC) order.
    public let goodnessOfFit: [StayGoodnessOfFit]
    /// The significance level the tests were judged at.
    public let level: Double
    public let recommendation: Recommendation
}

extension StayFit {
    /// Fits `families`, tests each with a bootstrap of `bootstrapReplications` (seeded by
    /// `seed`), and recommends the lowest-AIC family that neither test rejects at `level`,
    /// or the empirical distribution if every family is rejected.
    public static func select(_ observations: [StayObservation], families: [StayFamily] = StayFamily.allCases,
                              bootstrapReplications: Int = defaultBootstrapReplications, seed: UInt64 = 1,
                              level: Double = 0.05) throws -> StaySelection {
        _ = FitGSL.errorHandlerDisabled
        guard level > 0, level < 1 else { throw StayFitError.invalidArgument("level must be in (0, 1), got \(level)") }
        let comparison = try compare(observations, families: families)
        let tests = try comparison.fits.map {
            try goodnessOfFit($0, to: observations, bootstrapReplications: bootstrapReplications, seed: seed)
        }
        let recommendation: StaySelection.Recommendation
        if let index = tests.firstIndex(where: { !$0.rejects(at: level) }) {
            recommendation = .parametric(comparison.fits[index], tests[index])
        } else {
            recommendation = .empirical(try EmpiricalStays(observations))
        }
        return StaySelection(comparison: comparison, goodnessOfFit: tests, level: level, recommendation: recommendation)
    }
}
