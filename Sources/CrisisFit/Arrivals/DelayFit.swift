import CGSL

/// The mean of an exponential delay from complete (uncensored) observations, with its exact
/// chi-square interval.
///
/// For scenario delays given as `{type: exponential, mean: ...}` in the unit the data are in
/// (days for `representation.after_days` and `beds.delay_days`, hours for the `_hours`
/// keys). The maximum-likelihood mean is x̄; since 2 Σx / mean ~ χ²(2n) for exponential data,
/// the interval is [2n x̄ / χ²(1-α/2; 2n), 2n x̄ / χ²(α/2; 2n)]. Censored delays (people not
/// yet re-presented when the extract was taken) must not be passed: dropping them biases the
/// mean low, and treating them as complete biases it low too.
///
/// `coefficientOfVariation` is the sample's (1 for an exponential): well away from 1 says a
/// gamma or lognormal would describe the delays better, and the interval assumes the
/// exponential shape.
public struct DelayFit: Sendable, Equatable, CustomStringConvertible {
    public let count: Int
    /// Maximum-likelihood mean (the sample mean), in the unit of the data.
    public let mean: Double
    public let lower: Double
    public let upper: Double
    public let confidence: Double
    /// Sample standard deviation / mean (nan for a single delay).
    public let coefficientOfVariation: Double

    public static func exponential(delays: [Double], confidence: Double = 0.95) throws -> DelayFit {
        _ = FitGSL.errorHandlerDisabled
        try ArrivalFitError.checkConfidence(confidence)
        guard !delays.isEmpty else { throw ArrivalFitError.noInformation("no delays to fit: give at least one") }
        for (index, delay) in delays.enumerated() where !(delay.isFinite && delay >= 0) {
            throw ArrivalFitError.invalidDelay(index: index, value: delay)
        }
        let mean = delays.withUnsafeBufferPointer { gsl_stats_mean($0.baseAddress, 1, $0.count) }
        guard mean > 0 else {
            throw ArrivalFitError.noInformation("every delay is 0: an exponential mean must be > 0 (use a fixed delay)")
        }
        let n = Double(delays.count)
        let tail = (1 - confidence) / 2
        let total = 2 * n * mean
        let sd = delays.count > 1
            ? delays.withUnsafeBufferPointer { gsl_stats_sd_m($0.baseAddress, 1, $0.count, mean) }
            : .nan
        return DelayFit(count: delays.count, mean: mean,
                        lower: total / CheckedQuantile.chiSquare(1 - tail, 2 * n),
                        upper: total / CheckedQuantile.chiSquare(tail, 2 * n),
                        confidence: confidence, coefficientOfVariation: sd / mean)
    }

    public var description: String {
        "exponential mean \(mean) [\(lower), \(upper)] (\(confidence * 100)%, n = \(count), cv \(coefficientOfVariation))"
    }
}
