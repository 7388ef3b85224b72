import CrisisFit

/// How well the targets pin down one free key: an approximate 95% interval from the
/// objective's curvature at the minimum, and a verdict in words.
///
/// The objective is −2 log L up to a constant (`CalibrationObjective`), so the free keys'
/// covariance is about twice the inverse of its Hessian; the interval is ±1.96 standard
/// errors, cut to the bounds. A Hessian that is not positive definite means the objective is
/// flat (or curves down) in some direction: the targets cannot tell some values apart.
public struct Identification: Sendable {
    public enum Verdict: String, Sendable {
        /// The interval spans less than a quarter of the range searched.
        case well = "well identified"
        /// Less than 60% of it.
        case weakly = "weakly identified"
        /// 60% of the range or more.
        case poorly = "poorly identified"
        /// No interval: the objective is flat or not curving up, or so nearly flat that the
        /// interval's half-width exceeds the whole range.
        case not = "not identified"
    }

    public let key: String
    public let value: Double
    /// The approximate 95% interval, cut to the bounds; nil when not identified.
    public let lower: Double?
    public let upper: Double?
    public let verdict: Verdict
    /// Other free keys it is strongly correlated with (|r| >= 0.9): the targets fix a
    /// combination of them rather than each.
    public let correlated: [(key: String, r: Double)]

    /// The verdict with its reason, for the terminal and calibrated.yaml.
    public var explanation: String {
        var text = verdict.rawValue
        switch verdict {
        case .not:
            text += ": the targets hardly change as it moves (the objective is flat around the minimum); fix it from "
                + "another source, or add a target it drives"
        case .poorly:
            text += ": the targets allow most of the range searched"
        case .well, .weakly:
            break
        }
        for (other, r) in correlated {
            text += "; traded off against \(other) (correlation \(NumberFormat.fixed(r, 2))): the targets fix a combination"
        }
        return text
    }

    /// Judges each key from `curvature`, measured on the fraction-of-range scale.
    static func judge(_ free: [FreeParameter], values: [Double], curvature: Curvature.Measurement) -> [Identification] {
        // Covariance on the fraction scale: 2 H⁻¹.
        let covariance = curvature.hessian.flatMap(Derivatives.inverseOfPositiveDefinite)?.map { $0.map { 2 * $0 } }
        return free.indices.map { k in
            let parameter = free[k]
            let half = covariance.map { FittedStayDistribution.z95 * $0[k][k].squareRoot() } ?? .nan
            guard let covariance, half < 1 else {
                return Identification(key: parameter.key, value: values[k], lower: nil, upper: nil, verdict: .not, correlated: [])
            }
            let fraction = parameter.fraction(of: values[k])
            let lower = parameter.value(atFraction: max(0, fraction - half))
            let upper = parameter.value(atFraction: min(1, fraction + half))
            let span = (upper - lower) / (parameter.high - parameter.low)
            let verdict: Verdict = span < 0.25 ? .well : span < 0.6 ? .weakly : .poorly
            let correlated = free.indices.filter { $0 != k && covariance[$0][$0] > 0 }.compactMap { j -> (String, Double)? in
                let r = covariance[k][j] / (covariance[k][k] * covariance[j][j]).squareRoot()
                return abs(r) >= 0.9 ? (free[j].key, r) : nil
            }
            return Identification(key: parameter.key, value: values[k], lower: lower, upper: upper, verdict: verdict,
                                  correlated: correlated)
        }
    }
}
