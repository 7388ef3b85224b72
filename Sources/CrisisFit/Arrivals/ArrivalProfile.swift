import CGSL
import Foundation

/// One relative weight of an arrival profile (an hour of the day or a day of the week), in
/// the form the scenario file takes: `hour_of_day_weights` (24, midnight-01:00 first) and
/// `day_of_week_weights` (7, Monday first). The model multiplies the two into 168 hour-of-week
/// weights and normalises those to mean 1 (`RateProfile`); the fit reports each set with mean
/// 1 already, so the product has mean 1 too and 1.3 reads "30% busier than average".
public struct ArrivalWeight: Sendable, Equatable, CustomStringConvertible {
    /// 0-23 for hours of the day, 0-6 (Monday first) for days of the week.
    public let index: Int
    public let weight: Double
    public let lower: Double
    public let upper: Double
    /// Arrivals observed in this hour of the day or day of the week.
    public let count: Int
    /// Hours of the window in this hour or day, each scaled by the other profile's weight
    /// there: what the count is divided by (see `ArrivalProfileFit`).
    public let exposureHours: Double

    public var description: String { "\(index): \(weight) [\(lower), \(upper)] (\(count) arrivals)" }
}

/// The hour-of-day and day-of-week weights as the model uses them: rate in hour of the week
/// (k, j) ∝ hourWeight[k] × dayWeight[j], fitted by maximum likelihood to the 168 counts and
/// exposures of the window.
///
/// **Point estimates.** The counts n(k, j) are Poisson with mean E(k, j) × exp(c + α_k + δ_j),
/// where E is the hours of exposure. The log-likelihood is concave, its gradient closed-form;
/// GSL's BFGS maximises it (`ArrivalMinimiser`). With whole weeks every (k, j) has the same
/// exposure and the estimate is just the margins (hour-of-day count / 24ths of the total); a
/// partial week makes the margins unequal in exposure, and the fit divides each count by
/// its own exposure. An hour or day with no arrivals has weight 0 (the maximum is on the
/// boundary), and the others are fitted without it. Growth is not in this fit: over whole
/// weeks every hour of the week meets the same growth, and over a part-week it changes the
/// rate by a fraction of a year's growth.
///
/// **Intervals.** At the maximum, hour k's count n_k equals its expected count, so given the
/// total N, n_k is binomial with probability p_k = X_k w_k / Σ_i X_i w_i, where X_i is hour
/// i's exposure scaled by the fitted day weights (`exposureHours`). The Clopper-Pearson
/// interval for p_k (`ShareEstimate`) is mapped to w_k with the other weights held at their
/// estimates, then renormalised to mean 1. With whole weeks all X_i are equal, p_k = w_k / 24,
/// and the interval is exactly 24 × Clopper-Pearson: exact and conservative. With unequal
/// exposure it is conditional on the other weights, whose own error is ~√24 times smaller;
/// in simulation (10 days from Wednesday 13:30, Mondays 10 times Saturdays) 95.8% of hour and
/// 94.1% of day intervals covered their truths. Days of the week are treated the same way
/// with hours and days swapped.
enum ArrivalProfileFit {
    struct Result {
        let hourOfDay: [ArrivalWeight]
        let dayOfWeek: [ArrivalWeight]
        /// hourOfDay[h].weight × dayOfWeek[d].weight for hour of the week 24d + h; mean 1.
        let hourOfWeek: [Double]
    }

    static func fit(counts: [Int], exposure: [Double], confidence: Double) throws -> Result {
        precondition(counts.count == 168 && exposure.count == 168)
        let total = counts.reduce(0, +)
        var hourCounts = [Int](repeating: 0, count: 24), dayCounts = [Int](repeating: 0, count: 7)
        for how in 0..<168 {
            hourCounts[how % 24] += counts[how]
            dayCounts[how / 24] += counts[how]
        }
        let hourActive = (0..<24).filter { hourCounts[$0] > 0 }
        let dayActive = (0..<7).filter { dayCounts[$0] > 0 }
        // Parameters: c, then α for active hours after the first, δ for active days after the first.
        let hourFree = Array(hourActive.dropFirst()), dayFree = Array(dayActive.dropFirst())
        let n = 1 + hourFree.count + dayFree.count

        func cellExposure(_ hour: Int, _ day: Int) -> Double { exposure[24 * day + hour] }
        func unpack(_ x: [Double]) -> (c: Double, alpha: [Double], delta: [Double]) {
            var alpha = [Double](repeating: 0, count: 24), delta = [Double](repeating: 0, count: 7)
            for (i, hour) in hourFree.enumerated() { alpha[hour] = x[1 + i] }
            for (i, day) in dayFree.enumerated() { delta[day] = x[1 + hourFree.count + i] }
            return (x[0], alpha, delta)
        }

        // Start from the margins: each hour's (day's) count over its exposure.
        let hourExposure = (0..<24).map { h in (0..<7).reduce(0) { $0 + cellExposure(h, $1) } }
        let dayExposure = (0..<7).map { d in (0..<24).reduce(0) { $0 + cellExposure($1, d) } }
        var start = [Double](repeating: 0, count: n)
        if let first = hourActive.first, let firstDay = dayActive.first {
            let hourRate = { (h: Int) in Double(hourCounts[h]) / hourExposure[h] }
            let dayRate = { (d: Int) in Double(dayCounts[d]) / dayExposure[d] }
            for (i, hour) in hourFree.enumerated() { start[1 + i] = log(hourRate(hour) / hourRate(first)) }
            for (i, day) in dayFree.enumerated() { start[1 + hourFree.count + i] = log(dayRate(day) / dayRate(firstDay)) }
            let (_, alpha, delta) = unpack(start)
            var expected = 0.0
            for h in hourActive { for d in dayActive { expected += cellExposure(h, d) * exp(alpha[h] + delta[d]) } }
            start[0] = log(Double(total) / expected)
        }

        var point = start
        if total > 0 {
            let objective: ArrivalMinimiser.Objective = { x, gradient in
                let (c, alpha, delta) = unpack(x)
                var value = -Double(total) * c
                var hourExpected = [Double](repeating: 0, count: 24), dayExpected = [Double](repeating: 0, count: 7)
                var all = 0.0
                for h in hourActive {
                    value -= Double(hourCounts[h]) * alpha[h]
                    for d in dayActive {
                        let mu = cellExposure(h, d) * exp(c + alpha[h] + delta[d])
                        hourExpected[h] += mu
                        dayExpected[d] += mu
                        all += mu
                    }
                }
                for d in dayActive { value -= Double(dayCounts[d]) * delta[d] }
                value += all
                gradient[0] = all - Double(total)
                for (i, hour) in hourFree.enumerated() { gradient[1 + i] = hourExpected[hour] - Double(hourCounts[hour]) }
                for (i, day) in dayFree.enumerated() {
                    gradient[1 + hourFree.count + i] = dayExpected[day] - Double(dayCounts[day])
                }
                return value
            }
            do {
                point = try ArrivalMinimiser.minimise(objective, start: start,
                                                      gradientTolerance: ArrivalMinimiser.tolerance(count: Double(total)))
            } catch let failure as ArrivalMinimiser.Failure {
                throw ArrivalFitError.didNotConverge(what: "hour-of-day and day-of-week profile", detail: failure.detail)
            }
        }

        let (_, alpha, delta) = unpack(point)
        let hourWeights = meanOne((0..<24).map { hourCounts[$0] > 0 ? exp(alpha[$0]) : 0 })
        let dayWeights = meanOne((0..<7).map { dayCounts[$0] > 0 ? exp(delta[$0]) : 0 })
        // Each hour's exposure counted in the days' weights, and each day's in the hours'.
        let hourEffective = (0..<24).map { h in (0..<7).reduce(0) { $0 + cellExposure(h, $1) * dayWeights[$1] } }
        let dayEffective = (0..<7).map { d in (0..<24).reduce(0) { $0 + cellExposure($1, d) * hourWeights[$1] } }
        let hours = try intervals(counts: hourCounts, weights: hourWeights, effectiveExposure: hourEffective,
                                  confidence: confidence)
        let days = try intervals(counts: dayCounts, weights: dayWeights, effectiveExposure: dayEffective,
                                 confidence: confidence)
        let week = (0..<168).map { hourWeights[$0 % 24] * dayWeights[$0 / 24] }
        return Result(hourOfDay: hours, dayOfWeek: days, hourOfWeek: week)
    }

    /// Scales to mean 1 (all zeros stay zeros).
    static func meanOne(_ values: [Double]) -> [Double] {
        let mean = values.reduce(0, +) / Double(values.count)
        return mean > 0 ? values.map { $0 / mean } : values
    }

    /// Conditional Clopper-Pearson intervals for mean-1 weights (see the type's notes).
    static func intervals(counts: [Int], weights: [Double], effectiveExposure: [Double],
                          confidence: Double) throws -> [ArrivalWeight] {
        let k = Double(counts.count)
        let total = counts.reduce(0, +)
        return try counts.indices.map { i in
            guard total > 0 else {
                return ArrivalWeight(index: i, weight: weights[i], lower: .nan, upper: .nan, count: 0,
                                     exposureHours: effectiveExposure[i])
            }
            let share = try ShareEstimate.estimate(successes: counts[i], trials: total, confidence: confidence)
            let othersWeight = k - weights[i]
            let othersExpected = counts.indices.reduce(0) { $1 == i ? $0 : $0 + effectiveExposure[$1] * weights[$1] }
            func weight(atShare p: Double) -> Double {
                if p <= 0 { return 0 }
                if p >= 1 || othersWeight <= 0 { return k }
                let raw = p * othersExpected / (effectiveExposure[i] * (1 - p))
                return k * raw / (raw + othersWeight)
            }
            // Every arrival in this one hour (day): nothing says how much busier it is.
            let lower = othersExpected > 0 ? weight(atShare: share.lower) : 0
            return ArrivalWeight(index: i, weight: weights[i], lower: lower, upper: weight(atShare: share.upper),
                                 count: counts[i], exposureHours: effectiveExposure[i])
        }
    }
}
