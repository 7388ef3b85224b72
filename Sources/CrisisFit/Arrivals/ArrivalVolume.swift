import CGSL

/// Arrivals per year over an observation window: the count over the years observed, with
/// Garwood's exact Poisson interval.
///
/// Maps onto `areas[].sources.<source>.per_year` (presentations per year) when the volume
/// does not drift. With growth, this is the mean over the window, while the model's
/// `per_year` is the rate at the start of a run: take `ArrivalGrowth.perYearAtEnd` for a run
/// that starts where the data stop.
///
/// A year is 8766 hours (365.25 days), as in `RateProfile.hoursPerYear`. For a count N the
/// interval on the mean count is [χ²(α/2; 2N) / 2, χ²(1-α/2; 2N+2) / 2] (Garwood 1936), with
/// 0 as the lower bound when N = 0; both are divided by the years observed.
public struct ArrivalVolume: Sendable, Equatable, CustomStringConvertible {
    public static let hoursPerYear = 8766.0

    public let count: Int
    /// Length of the window in years (hours / 8766).
    public let years: Double
    /// count / years.
    public let perYear: Double
    public let lower: Double
    public let upper: Double
    public let confidence: Double

    public static func estimate(count: Int, hours: Double, confidence: Double = 0.95) throws -> ArrivalVolume {
        _ = FitGSL.errorHandlerDisabled
        try ArrivalFitError.checkConfidence(confidence)
        guard count >= 0 else { throw ArrivalFitError.invalidCount("count must be >= 0, got \(count)") }
        guard hours.isFinite, hours > 0 else {
            throw ArrivalFitError.invalidWindow(start: 0, end: hours, minimumHours: 0)
        }
        let years = hours / hoursPerYear
        let (lower, upper) = garwood(count: count, confidence: confidence)
        return ArrivalVolume(count: count, years: years, perYear: Double(count) / years,
                             lower: lower / years, upper: upper / years, confidence: confidence)
    }

    /// Garwood's exact interval for the mean of a Poisson count.
    static func garwood(count: Int, confidence: Double) -> (lower: Double, upper: Double) {
        let tail = (1 - confidence) / 2
        let n = Double(count)
        let lower = count == 0 ? 0 : CheckedQuantile.chiSquare(tail, 2 * n) / 2
        let upper = CheckedQuantile.chiSquare(1 - tail, 2 * n + 2) / 2
        return (lower, upper)
    }

    public var description: String {
        "\(perYear) per year [\(lower), \(upper)] (\(count) in \(years) years, \(confidence * 100)% Garwood)"
    }
}
