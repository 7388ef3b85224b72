/// A continuous distribution fitted to observed data by linear interpolation between order
/// statistics (Law & Kelton, "Simulation Modeling and Analysis", §6.2.4): draws fall in
/// [smallest, largest] observed value, and the distribution function is piecewise linear.
///
/// The uniform comes from GSL (`gsl_rng_uniform`); the inversion is done here because GSL's
/// discrete sampler picks data points, not values between them.
public struct EmpiricalDistribution: Sendable, Equatable {
    @usableFromInline let sorted: [Double]

    /// - Throws: `DistributionError` when `data` is empty or holds a non-finite value.
    public init(_ data: [Double]) throws {
        let check = ParameterCheck(distribution: "empirical")
        guard !data.isEmpty else { throw check.fail("data", "at least one value", .nan) }
        for value in data { try check.finite("data", value) }
        sorted = data.sorted()
        // Interpolation takes differences of neighbours; their range must be finite too.
        guard (sorted[sorted.count - 1] - sorted[0]).isFinite else {
            throw check.fail("data", "values within a finite range", sorted[sorted.count - 1])
        }
    }

    public var count: Int { sorted.count }

    /// The smallest observed value: no draw is below it.
    public var minimum: Double { sorted[0] }

    /// The mean of the interpolated distribution: the average of the segment midpoints.
    public var mean: Double {
        guard sorted.count > 1 else { return sorted[0] }
        var total = 0.0
        for i in 1..<sorted.count { total += (sorted[i - 1] + sorted[i]) / 2 }
        return total / Double(sorted.count - 1)
    }

    /// The standard deviation of the interpolated distribution: an equal mixture of uniforms
    /// on the segments between neighbours, so the variance is the average over segments [a, b]
    /// of ((a − m)² + (a − m)(b − m) + (b − m)²) / 3, taken about the mean m so that data far
    /// from 0 lose no precision.
    public var standardDeviation: Double {
        guard sorted.count > 1 else { return 0 }
        let m = mean
        var total = 0.0
        for i in 1..<sorted.count {
            let a = sorted[i - 1] - m, b = sorted[i] - m
            total += (a * a + a * b + b * b) / 3
        }
        return (total / Double(sorted.count - 1)).squareRoot()
    }

    @inlinable func sample<Source: VariateSource>(_ stream: Source) -> Double {
        let n = sorted.count
        guard n > 1 else { return sorted[0] }
        let position = stream.uniform() * Double(n - 1)
        let i = Int(position)
        return sorted[i] + (position - Double(i)) * (sorted[i + 1] - sorted[i])
    }
}
