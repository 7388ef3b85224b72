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

    init(_ table: CSVTable<DailyCSV>) throws {
        let replication = try table.column(.replication)
        _ = try table.column(.day)
        // Every census column (named with its unit, `occupancy [%]`), by its bare name.
        let columns = table.header.indices.filter { DailyCSV.Column(rawValue: table.header[$0]) == nil }
        let names = columns.map { DailyCSV.censusName(ofHeader: table.header[$0]) }
        var order: [String] = []
        // Replication, then series, then day.
        var runs: [[[Double]]] = []
        for r in table.rows.indices {
            let key = table.rows[r][replication]
            if order.last != key {
                guard !order.contains(key) else {
                    throw ReportError(file: table.path, problem: "replication \(key)'s rows are not together (line \(r + 2))")
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

    /// The across-replication mean of each month's mean of series `name`, with its 95% interval:
    /// the trend of a long run without the day-to-day noise. Month m holds the days whose
    /// midnight falls in it (months of a twelfth of 365.25 days, as the model's month ends);
    /// the last may be short. A replication's month mean skips undefined days.
    func monthly(_ name: String) -> [MonthEstimate] {
        guard let runs = series[name], let days = runs.map(\.count).min(), days > 0 else { return [] }
        let months = Int((Double(days) / MonthEstimate.days - 1e-9).rounded(.up))
        return (1...months).map { m in
            let first = Int((Double(m - 1) * MonthEstimate.days + 1e-9).rounded(.down)) + 1
            let last = min(days, Int((Double(m) * MonthEstimate.days + 1e-9).rounded(.down)))
            let means = runs.map { run -> Double in
                let defined = run[(first - 1)..<last].filter { !$0.isNaN }
                return defined.isEmpty ? .nan : defined.reduce(0, +) / Double(defined.count)
            }
            let summary = KPISummary(id: name, stratum: "all", unit: "", values: means)
            return MonthEstimate(month: m, firstDay: first, lastDay: last, mean: summary.mean, lower: summary.lower,
                                 upper: summary.upper)
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

/// One month's across-replication estimate of a census series' monthly mean.
struct MonthEstimate: Equatable {
    /// Days in the model's month: a twelfth of 365.25.
    static let days = 365.25 / 12

    /// Month of the run, from 1.
    let month: Int
    /// The days of the run (from 1) whose midnight census the month averages.
    let firstDay: Int
    let lastDay: Int
    let mean: Double
    let lower: Double
    let upper: Double
}
