import CrisisModel

/// daily.csv: the midnight census of every replication, one row per (replication, day).
///
/// Here rather than in the command-line tool because reports and their tests read and write
/// result folders through this library.
public enum DailyFiles {
    /// The header name of a census column: its name and unit, `occupancy [%]`, so a
    /// spreadsheet's chart axis says what it counts.
    public static func header(name: String, unit: String) -> String { "\(name) [\(unit)]" }

    /// The column name without its unit (`occupancy [%]` -> `occupancy`); folders written
    /// before units were added have bare names, which come back as they are.
    public static func name(ofHeader header: String) -> String {
        guard header.hasSuffix("]"), let open = header.range(of: " [", options: .backwards) else { return header }
        return String(header[..<open.lowerBound])
    }

    /// Days `1...warmupDays` (whole days of the warm-up) have `warmup` = yes, to filter out.
    public static func csv(_ results: [ReplicationResult], warmupDays: Double) -> String {
        guard let first = results.first?.daily else { return "" }
        var lines = ["replication,day,warmup," + first.columns.map { header(name: $0.name, unit: $0.unit) }.joined(separator: ",")]
        for result in results {
            guard let daily = result.daily else { continue }
            let columns = daily.columns.map(\.values)
            for day in 0..<daily.days {
                // Day d's census is taken at its end, hour 24·d: within the warm-up while d <= warmupDays.
                let warmup = Double(day + 1) <= warmupDays ? "yes" : "no"
                lines.append("\(result.replication),\(day + 1),\(warmup)," + columns.map { NumberFormat.cell($0[day]) }.joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
