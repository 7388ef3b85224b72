import CGSL

/// A proportion from counts with its Clopper-Pearson exact interval.
///
/// For scenario probabilities, each in [0, 1] and counted per decision: the detained share
/// (`section_136.outcomes.detained_admission`, `cohorts[].detention_probability`,
/// `crht.detained_request_share`), the delayed-discharge share
/// (`beds.delayed_discharge_probability`), `representation.probability`, and shares to
/// compare with the model's outputs (gatekept, out-of-area admissions). A share observed over
/// a fixed follow-up (re-presentation within 30 days) is P(re-present and within 30 days):
/// it is not `representation.probability` unless `representation.after_days` puts all its
/// mass within 30 days.
///
/// The interval inverts two one-sided binomial tests (Clopper and Pearson 1934) through the
/// beta quantile: lower = B⁻¹(α/2; x, n-x+1), upper = B⁻¹(1-α/2; x+1, n-x), with lower = 0 at
/// x = 0 and upper = 1 at x = n. Its coverage is at least the nominal level for every true
/// share, so it is conservative, most of all near 0 and 1.
public struct ShareEstimate: Sendable, Equatable, CustomStringConvertible {
    public let successes: Int
    public let trials: Int
    /// successes / trials.
    public let share: Double
    public let lower: Double
    public let upper: Double
    /// The two-sided confidence level, e.g. 0.95.
    public let confidence: Double

    public static func estimate(successes: Int, trials: Int, confidence: Double = 0.95) throws -> ShareEstimate {
        _ = FitGSL.errorHandlerDisabled
        try ArrivalFitError.checkConfidence(confidence)
        guard trials > 0 else {
            throw ArrivalFitError.invalidCount("trials must be at least 1, got \(trials)")
        }
        guard successes >= 0, successes <= trials else {
            throw ArrivalFitError.invalidCount("successes must be in 0...trials (\(trials)), got \(successes)")
        }
        let tail = (1 - confidence) / 2
        let x = Double(successes), n = Double(trials)
        let lower = successes == 0 ? 0 : CheckedQuantile.beta(tail, x, n - x + 1)
        let upper = successes == trials ? 1 : CheckedQuantile.beta(1 - tail, x + 1, n - x)
        return ShareEstimate(successes: successes, trials: trials, share: x / n, lower: lower, upper: upper,
                             confidence: confidence)
    }

    public var description: String {
        "\(successes)/\(trials) = \(share) [\(lower), \(upper)] (\(confidence * 100)% Clopper-Pearson)"
    }
}
