import CrisisExperiment
import Foundation

/// daily.csv read back: each replication's midnight census, series by series.
///
/// Day d is the census at the end of day d of the run, warm-up included.
public struct DailyCensus: Sendable, Equatable {
    /// Series name (a daily.csv column such as "occupancy") to one array of daily values per
    /// replication, replications in file order.
    public let series: [String: [[Double]]]

    public init(series: [String: [[Double]]]) {
        self.series = series
    }

    init(_ table: CSVTable) throws {
        let replication = try table.column("replication")
        _ = try table.column("day")
        // Every census column (named with its unit, `occupancy [%]`), by its bare name.
        let headers = table.header.filter { !["replication", "day", "warmup"].contains($0) }
        let columns = try headers.map { try table.column($0) }
        let names = headers.map(DailyFiles.name(ofHeader:))
        var order: [String] = []
        // Replication, then series, then day.
        var runs: [[[Double]]] = []
        for r in table.rows.indices {
            let key = table.rows[r][replication]
            if order.last != key {
                guard !order.contains(key) else {
                    throw ReportError(file: table.file, problem: "replication \(key)'s rows are not together (line \(r + 2))")
                }
                order.append(key)
                runs.append(Array(repeating: [], count: names.count))
            }
            for c in names.indices { runs[runs.count - 1][c].append(try table.value(r, columns[c])) }
        }
        series = Dictionary(uniqueKeysWithValues: names.indices.map { c in (names[c], runs.map { $0[c] }) })
    }

    /// Replications in `name` (0 when the series is absent).
    public func replications(_ name: String) -> Int { series[name]?.count ?? 0 }

    /// The across-replication mean of series `name` for each day, with its 95% Student t
    /// interval (NaN bounds with one replication), up to the shortest replication's last day.
    /// Days where a replication has no defined value (NaN) are summarised over the others.
    public func band(_ name: String) -> [DayEstimate] {
        guard let runs = series[name], let days = runs.map(\.count).min() else { return [] }
        return (0..<days).map { d in
            let summary = KPISummary(id: name, stratum: "all", unit: "", values: runs.map { $0[d] })
            return DayEstimate(day: d + 1, mean: summary.mean, lower: summary.lower, upper: summary.upper)
        }
    }

    /// Every replication's values of `name` on the days after `day`: the measured period
    /// when `day` is the warm-up length.
    public func values(_ name: String, afterDay day: Double) -> [Double] {
        guard let runs = series[name] else { return [] }
        let first = max(0, Int(day.rounded(.down)))
        return runs.flatMap { $0.count > first ? Array($0[first...]) : [] }.filter { !$0.isNaN }
    }
}

/// One day's across-replication estimate of a census series.
public struct DayEstimate: Sendable, Equatable {
    /// Day of the run, from 1 (census at the end of the day).
    public let day: Int
    public let mean: Double
    public let lower: Double
    public let upper: Double

    public init(day: Int, mean: Double, lower: Double, upper: Double) {
        self.day = day
        self.mean = mean
        self.lower = lower
        self.upper = upper
    }
}
