import CGSL

/// Whether arrivals vary more from week to week than a Poisson process would: the model draws
/// them as one (a non-stationary Poisson stream), so over-dispersed data (clusters, surges,
/// reporting batches) make its week-to-week variation, and the Poisson intervals of the other
/// estimates, too small.
///
/// Weekly counts are taken over whole weeks from the window's start (a part-week at the end
/// is left out); every whole week holds each hour of the week once, so the weekly profile
/// does not enter.
/// - `index` = variance / mean of the weekly counts, with (weeks - 1) × index ~ χ²(weeks - 1)
///   under a stationary Poisson process; `pValue` is its upper tail (`gsl_cdf_chisq_Q`).
///   Growth alone makes weekly means differ, so over years this index exceeds 1 even for
///   Poisson arrivals.
/// - `trendAdjustedIndex` = Pearson X² / (weeks - 2) about the weekly means of the growth fit
///   (`ArrivalGrowth`), X² ~ χ²(weeks - 2): the check to read when there is a trend. Nil
///   without a growth fit or with fewer than three weeks.
/// A small p-value (say < 0.01) says over-dispersed; an index well below 1, under-dispersed
/// (arrivals more regular than Poisson, e.g. booked slots).
public struct ArrivalDispersion: Sendable, Equatable, CustomStringConvertible {
    public let weeks: Int
    public let meanPerWeek: Double
    public let index: Double
    public let pValue: Double
    public let trendAdjustedIndex: Double?
    public let trendAdjustedPValue: Double?

    public var description: String {
        var text = "weekly variance/mean \(index) (p = \(pValue), \(weeks) weeks)"
        if let trendAdjustedIndex, let trendAdjustedPValue {
            text += "; about the trend \(trendAdjustedIndex) (p = \(trendAdjustedPValue))"
        }
        return text
    }

    /// Nil with fewer than two whole weeks or no arrivals in them.
    static func check(times: [Double], window: ArrivalWindow, hourOfWeekWeights: [Double],
                      growth: ArrivalGrowth?) -> ArrivalDispersion? {
        let weekHours = Double(ArrivalWindow.hoursPerWeek)
        let weeks = Int((window.hours / weekHours).rounded(.down))
        guard weeks >= 2 else { return nil }
        var counts = [Double](repeating: 0, count: weeks)
        for time in times {
            let week = window.bin(of: time, binHours: weekHours)
            if week < weeks { counts[week] += 1 }
        }
        let mean = counts.withUnsafeBufferPointer { gsl_stats_mean($0.baseAddress, 1, $0.count) }
        guard mean > 0 else { return nil }
        let variance = counts.withUnsafeBufferPointer { gsl_stats_variance_m($0.baseAddress, 1, $0.count, mean) }
        let index = variance / mean
        let pValue = gsl_cdf_chisq_Q(Double(weeks - 1) * index, Double(weeks - 1))

        var adjustedIndex: Double?, adjustedP: Double?
        if let growth, weeks >= 3 {
            var expected = [Double](repeating: 0, count: weeks)
            for cell in window.cells(binHours: weekHours) where cell.bin < weeks {
                expected[cell.bin] += growth.expected(hour: cell.hour, length: cell.length,
                                                      weight: hourOfWeekWeights[cell.hourOfWeek])
            }
            let pearson = zip(counts, expected).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) / $1.1 }
            let df = Double(weeks - 2)
            adjustedIndex = pearson / df
            adjustedP = gsl_cdf_chisq_Q(pearson, df)
        }
        return ArrivalDispersion(weeks: weeks, meanPerWeek: mean, index: index, pValue: pValue,
                                 trendAdjustedIndex: adjustedIndex, trendAdjustedPValue: adjustedP)
    }
}
