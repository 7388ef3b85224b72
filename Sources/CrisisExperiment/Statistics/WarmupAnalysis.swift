/// Help choosing a warm-up period from daily series of several replications.
///
/// Two standard methods (Law & Kelton, "Simulation Modeling and Analysis", §9.5.1; White
/// 1997 for MSER): Welch's moving average of the across-replication mean, for a chart a
/// person can read, and MSER-5, a recommendation that needs no judgement.
public enum WarmupAnalysis {
    /// The across-replication mean of each day (replications may differ in length; the
    /// shortest decides).
    public static func meanAcrossReplications(_ series: [[Double]]) -> [Double] {
        guard let days = series.map(\.count).min(), days > 0 else { return [] }
        return (0..<days).map { d in series.reduce(0) { $0 + $1[d] } / Double(series.count) }
    }

    /// Welch's moving average with window `w`: for day i, the mean of days i−w...i+w (the
    /// window shrinks near the start, as in Welch's procedure). Days within `w` of the end
    /// are omitted.
    public static func welch(_ means: [Double], window w: Int) -> [Double] {
        let m = means.count - w
        guard m > 0 else { return [] }
        var result: [Double] = []
        result.reserveCapacity(m)
        for i in 0..<m {
            let half = min(i, w)
            var total = 0.0
            for j in (i - half)...(i + half) { total += means[j] }
            result.append(total / Double(2 * half + 1))
        }
        return result
    }

    /// The MSER-5 truncation point in days: the series is cut into batches of 5 days, and
    /// the number of leading batches d is chosen to minimise
    /// MSER(d) = Σ_{i>d} (Y_i − mean_{>d})² / (n − d)², searching d up to n/2 (the usual
    /// guard against truncating most of the run). Returns d·5.
    public static func mser5(_ series: [Double]) -> Int {
        let batchSize = 5
        let n = series.count / batchSize
        guard n >= 4 else { return 0 }
        let batches = (0..<n).map { b in
            series[(b * batchSize)..<((b + 1) * batchSize)].reduce(0, +) / Double(batchSize)
        }
        var best = 0
        var bestValue = Double.infinity
        // Suffix sums make each candidate O(1).
        var suffixSum = [Double](repeating: 0, count: n + 1)
        var suffixSquares = [Double](repeating: 0, count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            suffixSum[i] = suffixSum[i + 1] + batches[i]
            suffixSquares[i] = suffixSquares[i + 1] + batches[i] * batches[i]
        }
        for d in 0...(n / 2) {
            let count = Double(n - d)
            let mean = suffixSum[d] / count
            let squares = max(0, suffixSquares[d] - count * mean * mean)
            let value = squares / (count * count)
            if value < bestValue {
                bestValue = value
                best = d
            }
        }
        return best * batchSize
    }
}
