import CrisisModel

/// daily.csv: the midnight census of every replication, one row per (replication, day), a
/// column per census series after the fixed ones. Days `1...warmupDays` (whole days of the
/// warm-up) have `warmup` = yes, to filter out.
public enum DailyCSV: CSVFormat {
    public static let fileName = "daily.csv"

    /// The columns before the census series'.
    public enum Column: String, CaseIterable, Sendable {
        case replication, day, warmup
    }

    /// The header name of a census series: its name and unit, `occupancy [%]`, so a
    /// spreadsheet's chart axis says what it counts.
    public static func censusHeader(name: String, unit: String) -> String { "\(name) [\(unit)]" }

    /// The series name without its unit (`occupancy [%]` -> `occupancy`); folders written
    /// before units were added have bare names, which come back as they are.
    public static func censusName(ofHeader header: String) -> String {
        guard header.hasSuffix("]"), let open = header.range(of: " [", options: .backwards) else { return header }
        return String(header[..<open.lowerBound])
    }

    public static func text(_ results: [ReplicationResult], warmupDays: Double) -> String {
        guard let first = results.first?.daily else { return "" }
        var lines = [header + "," + first.columns.map { censusHeader(name: $0.name, unit: $0.unit) }.joined(separator: ",")]
        for result in results {
            guard let daily = result.daily else { continue }
            let columns = daily.columns.map(\.values)
            for day in 0..<daily.days {
                // Day d's census is taken at its end, hour 24·d: within the warm-up while d <= warmupDays.
                let warmup = CSV.yesNo(Double(day + 1) <= warmupDays)
                // In `Column` order, then the series.
                lines.append("\(result.replication),\(day + 1),\(warmup)," + columns.map { NumberFormat.cell($0[day]) }.joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
