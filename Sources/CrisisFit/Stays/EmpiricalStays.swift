/// The distribution of stays as the data give it, without a family: the product-limit
/// quantiles at 1%, 2%, …, 99%. Offered when every family is rejected, so a model can still
/// be fed the stays that were seen rather than a shape that contradicts them.
///
/// Censoring limits what this can say. The product-limit estimate stops at the last
/// discharge; if the longest stays were still open at the window's end, F̂ never reaches 1
/// and the quantiles above `seenProbability` are missing. `unseenProbability` is the share of
/// stays longer than anything the data can resolve: a model fed only the quantiles present
/// would leave those stays out and understate bed occupancy.
public struct EmpiricalStays: Sendable {
    /// One quantile: a proportion `probability` of stays last at most `days`.
    public struct Quantile: Sendable, Equatable {
        public let probability: Double
        public let days: Double
    }

    /// The product-limit estimate the quantiles are read from.
    public let estimate: ProductLimitEstimate
    /// Quantiles at 0.01, 0.02, …, 0.99, for each probability F̂ reaches, ascending.
    public let quantiles: [Quantile]

    /// - Throws: `StayFitError.invalidObservation` for a bad observation.
    public init(_ observations: [StayObservation]) throws {
        _ = FitGSL.errorHandlerDisabled
        try StayObservation.validate(observations)
        let estimate = ProductLimitEstimate(validated: observations)
        self.estimate = estimate
        quantiles = (1...99).compactMap { percent in
            let p = Double(percent) / 100
            return estimate.quantile(p).map { Quantile(probability: p, days: $0) }
        }
    }

    /// F̂ at the last discharge: the share of the distribution of stays the data can see.
    public var seenProbability: Double { estimate.highestCDF }

    /// 1 − `seenProbability`: the share of stays beyond what the data can resolve, because
    /// every stay that long was still in hospital when the window closed.
    public var unseenProbability: Double { max(0, 1 - seenProbability) }

    /// The quantile for `probability` (one of 0.01 … 0.99), or nil when censoring hides it.
    public func quantile(_ probability: Double) -> Double? {
        quantiles.first { abs($0.probability - probability) < 1e-9 }?.days
    }

    /// One sentence a planner can read: how much of the distribution the percentiles cover,
    /// e.g. "the data see 22% of the distribution, up to the last discharge at 34.9 days; the
    /// other 78% of stays are longer and were still in hospital when the window closed, so 77
    /// of the 99 percentiles cannot be estimated".
    public var summary: String {
        let missing = 99 - quantiles.count
        guard missing > 0 else { return "the data resolve every percentile from 1% to 99%" }
        func percent(_ p: Double) -> String { "\(Int((p * 100).rounded()))%" }
        let last = estimate.times.last.map { "the last discharge at \(($0 * 10).rounded() / 10) days" } ?? "no discharge"
        return "the data see \(percent(seenProbability)) of the distribution, up to \(last); "
            + "the other \(percent(unseenProbability)) of stays are longer and were still in hospital when the window closed, "
            + "so \(missing) of the 99 percentiles cannot be estimated"
    }
}
