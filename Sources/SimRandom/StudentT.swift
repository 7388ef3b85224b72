import CGSL

/// Student's t distribution, for confidence intervals over replications.
public enum StudentT {
    /// The two-sided critical value t such that P(|T| <= t) = `confidence` with
    /// `degreesOfFreedom` (`gsl_cdf_tdist_Pinv`). NaN when degreesOfFreedom < 1.
    public static func criticalValue(confidence: Double, degreesOfFreedom: Int) -> Double {
        guard degreesOfFreedom >= 1, confidence > 0, confidence < 1 else { return .nan }
        _ = GSL.errorHandlerDisabled
        return gsl_cdf_tdist_Pinv(0.5 + confidence / 2, Double(degreesOfFreedom))
    }
}
