import CrisisModel

/// daily.csv: the midnight census of every replication, one row per (replication, day).
///
/// Here rather than in the command-line tool because reports and their tests read and write
/// result folders through this library.
public enum DailyFiles {
    public static func csv(_ results: [ReplicationResult]) -> String {
        guard let first = results.first?.daily else { return "" }
        var lines = ["replication,day," + first.columns.map(\.name).joined(separator: ",")]
        for result in results {
            guard let daily = result.daily else { continue }
            let columns = daily.columns.map(\.values)
            for day in 0..<daily.days {
                lines.append("\(result.replication),\(day + 1)," + columns.map { NumberFormat.cell($0[day]) }.joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
