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
    /// Keys not identified, held at their values for this key's interval.
    public let heldFixed: [String]
    /// Whether the interval was cut at a bound of the range searched.
    public let reachesBound: Bool

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
        if reachesBound { text += "; the interval reaches a bound of the range searched, which may be too narrow" }
        for (other, r) in correlated {
            text += "; traded off against \(other) (correlation \(NumberFormat.fixed(r, 2))): the targets fix a combination"
        }
        if !heldFixed.isEmpty { text += "; interval with \(heldFixed.joined(separator: " and ")) held at its value" }
        return text
    }

    /// Judges each key from `curvature`, measured on the fraction-of-range scale.
    ///
    /// A key along which the objective is flat makes the whole Hessian singular, which would
    /// leave every key without an interval; so keys are set aside one at a time (the flattest
    /// first, or the one with the widest interval) until the rest have a covariance in which
    /// each interval is narrower than its range. The keys set aside are not identified; the
    /// others' intervals hold them fixed, and say so.
    static func judge(_ free: [FreeParameter], values: [Double], curvature: Curvature.Measurement) -> [Identification] {
        var kept = Array(free.indices)
        var covariance: [[Double]] = []  // over `kept`, on the fraction scale: 2 H⁻¹
        var halves: [Double] = []
        while let hessian = curvature.hessian, !kept.isEmpty {
            let sub = kept.map { i in kept.map { hessian[i][$0] } }
            guard let inverse = Derivatives.inverseOfPositiveDefinite(sub) else {
                kept.remove(at: kept.indices.min { sub[$0][$0] < sub[$1][$1] }!)
                continue
            }
            covariance = inverse.map { $0.map { 2 * $0 } }
            halves = kept.indices.map { FittedStayDistribution.z95 * covariance[$0][$0].squareRoot() }
            guard let widest = halves.indices.max(by: { halves[$0] < halves[$1] }), halves[widest] >= 1 else { break }
            kept.remove(at: widest)
        }
        if curvature.hessian == nil { kept = [] }
        let setAside = free.indices.filter { !kept.contains($0) }.map { free[$0].key }
        return free.indices.map { k in
            let parameter = free[k]
            guard let position = kept.firstIndex(of: k) else {
                return Identification(key: parameter.key, value: values[k], lower: nil, upper: nil, verdict: .not,
                                      correlated: [], heldFixed: [], reachesBound: false)
            }
            let half = halves[position]
            let fraction = parameter.fraction(of: values[k])
            let lower = parameter.value(atFraction: max(0, fraction - half))
            let upper = parameter.value(atFraction: min(1, fraction + half))
            let span = (upper - lower) / (parameter.high - parameter.low)
            let verdict: Verdict = span < 0.25 ? .well : span < 0.6 ? .weakly : .poorly
            let correlated = kept.indices.filter { $0 != position }.compactMap { j -> (String, Double)? in
                let r = covariance[position][j] / (covariance[position][position] * covariance[j][j]).squareRoot()
                return abs(r) >= 0.9 ? (free[kept[j]].key, r) : nil
            }
            return Identification(key: parameter.key, value: values[k], lower: lower, upper: upper, verdict: verdict,
                                  correlated: correlated, heldFixed: setAside,
                                  reachesBound: fraction - half < 0 || fraction + half > 1)
        }
    }
}
