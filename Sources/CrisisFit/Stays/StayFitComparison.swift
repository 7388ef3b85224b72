/// Families fitted to the same stays, ranked by AIC (best first).
///
/// ΔAIC is each fit's AIC minus the best's: about 0–2 means the data barely prefer the best,
/// 4–7 considerably less support, above 10 essentially none (Burnham & Anderson 2002). AIC
/// ranks families relative to each other only; whether the best is good enough is
/// `StayGoodnessOfFit`'s question.
public struct StayFitComparison: Sendable {
    /// One family's fit and its distance from the best.
    public struct Ranked: Sendable {
        public let fit: FittedStayDistribution
        /// AIC − the lowest AIC among the fits (0 for the best).
        public let deltaAIC: Double
        public var family: StayFamily { fit.family }
    }

    /// A family that could not be fitted, and why.
    public struct Failure: Sendable {
        public let family: StayFamily
        public let error: StayFitError
    }

    /// Sorted by AIC, lowest first.
    public let ranked: [Ranked]
    public let failures: [Failure]

    init(fits: [FittedStayDistribution], failures: [Failure]) {
        let sorted = fits.sorted { $0.aic < $1.aic }
        let best = sorted.first?.aic ?? 0
        ranked = sorted.map { Ranked(fit: $0, deltaAIC: $0.aic - best) }
        self.failures = failures
    }

    /// The fits alone, lowest AIC first.
    public var fits: [FittedStayDistribution] { ranked.map(\.fit) }

    /// The lowest-AIC fit, if any family could be fitted.
    public var best: FittedStayDistribution? { ranked.first?.fit }

    /// The fit of one family, if it was fitted.
    public func fit(of family: StayFamily) -> FittedStayDistribution? { ranked.first { $0.family == family }?.fit }
}
