import CGSL

/// A choice among n outcomes with given weights: routing splits, cohorts, places of safety.
///
/// Uses GSL's Walker alias table (`gsl_ran_discrete_preproc` / `gsl_ran_discrete`): O(n) to
/// build, O(1) per draw. Weights need not sum to 1; they are normalised.
public final class WeightedChoice {
    @usableFromInline let table: UnsafeMutablePointer<gsl_ran_discrete_t>
    /// The normalised probabilities, in the order given.
    public let probabilities: [Double]

    /// - Throws: `DistributionError` when there are no weights, a weight is negative or not
    ///   finite, or all weights are zero.
    public init(weights: [Double]) throws {
        _ = GSL.errorHandlerDisabled
        let check = ParameterCheck(distribution: "weighted choice")
        guard !weights.isEmpty else { throw check.fail("weights", "at least one weight", .nan) }
        for weight in weights { try check.nonNegative("weight", weight) }
        let total = weights.reduce(0, +)
        guard total > 0, total.isFinite else { throw check.fail("weights", "a positive, finite total", total) }
        guard let table = weights.withUnsafeBufferPointer({ gsl_ran_discrete_preproc($0.count, $0.baseAddress) }) else {
            throw check.fail("weights", "weights GSL accepts", total)
        }
        self.table = table
        probabilities = weights.map { $0 / total }
    }

    deinit { gsl_ran_discrete_free(table) }

    /// The index of the chosen outcome, in 0..<probabilities.count.
    @inlinable public func choose<Source: VariateSource>(_ stream: Source) -> Int {
        Int(gsl_ran_discrete(stream.generator, table))
    }
}
