import CGSL

/// The product-limit (Kaplan-Meier) estimate of the distribution of stays, with delayed
/// entry: the nonparametric counterpart of a fit, against which fits are checked and which
/// stands in for them when none fits.
///
/// At each distinct discharge time t (exit of an uncensored stay), the risk set is the stays
/// under observation just before t: entry < t <= exit. A left-truncated stay joins the risk
/// set only once its window opens, and a censored stay leaves it after its last day seen, so
/// neither biases the estimate. F̂(t) = 1 − Π_{tⱼ <= t} (1 − dⱼ / rⱼ), with dⱼ discharges at
/// tⱼ out of rⱼ at risk.
///
/// F̂ is known only up to the last discharge: when the longest stays are censored it stops
/// short of 1, and the rest of the distribution is beyond what the data can see.
public struct ProductLimitEstimate: Sendable {
    /// Distinct discharge times, ascending: where F̂ jumps.
    public let times: [Double]
    /// F̂ just after each jump (right-continuous), aligned with `times`.
    public let cdf: [Double]
    /// rⱼ: stays at risk at each jump.
    public let atRisk: [Int]
    /// dⱼ: discharges at each jump.
    public let discharges: [Int]
    /// The longest exit (discharged or censored): F̂ is defined up to here.
    public let lastExit: Double

    /// - Throws: `StayFitError.invalidObservation` for a bad observation.
    public init(_ observations: [StayObservation]) throws {
        _ = FitGSL.errorHandlerDisabled
        try StayObservation.validate(observations)
        self.init(validated: observations)
    }

    /// Built with `gsl_sort` on the entries, all exits and discharge times; the risk set at t
    /// is then #{entry < t} − #{exit < t} (a stay with exit < t entered before t), counted by
    /// walking the sorted arrays once.
    init(validated observations: [StayObservation]) {
        var entries = observations.map(\.entry)
        var exits = observations.map(\.exit)
        var dischargeTimes = observations.filter { !$0.censored }.map(\.exit)
        entries.withUnsafeMutableBufferPointer { gsl_sort($0.baseAddress, 1, $0.count) }
        exits.withUnsafeMutableBufferPointer { gsl_sort($0.baseAddress, 1, $0.count) }
        dischargeTimes.withUnsafeMutableBufferPointer { gsl_sort($0.baseAddress, 1, $0.count) }

        var times: [Double] = [], cdf: [Double] = [], atRisk: [Int] = [], discharges: [Int] = []
        var survival = 1.0
        var entered = 0, left = 0, i = 0
        while i < dischargeTimes.count {
            let t = dischargeTimes[i]
            var d = 0
            while i < dischargeTimes.count, dischargeTimes[i] == t { d += 1; i += 1 }
            while entered < entries.count, entries[entered] < t { entered += 1 }
            while left < exits.count, exits[left] < t { left += 1 }
            let r = entered - left
            survival *= 1 - Double(d) / Double(r)
            times.append(t)
            cdf.append(1 - survival)
            atRisk.append(r)
            discharges.append(d)
        }
        self.times = times
        self.cdf = cdf
        self.atRisk = atRisk
        self.discharges = discharges
        lastExit = exits.last ?? 0
    }

    /// F̂ at the last discharge: the share of the distribution the data can see. Below 1 when
    /// the longest stays are censored.
    public var highestCDF: Double { cdf.last ?? 0 }

    /// F̂(t), or nil beyond the longest exit, where the data say nothing.
    public func cdf(at t: Double) -> Double? {
        guard t <= lastExit || highestCDF >= 1 else { return nil }
        // The number of jumps at or before t.
        var low = 0, high = times.count
        while low < high {
            let middle = (low + high) / 2
            if times[middle] <= t { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? 0 : cdf[low - 1]
    }

    /// The smallest discharge time t with F̂(t) >= p, or nil when F̂ never reaches p (the
    /// quantile lies among stays the window censored). Rounding in the product is forgiven
    /// (1e-12), so p = 0.5 is met when half the stays are discharged.
    public func quantile(_ p: Double) -> Double? {
        guard let index = cdf.firstIndex(where: { $0 >= p - 1e-12 }) else { return nil }
        return times[index]
    }
}
