import CrisisModel

/// replications.csv: every KPI of every replication, a row each, the long layout pandas and R
/// want. The largest file of a run (replications × KPIs × strata rows), so it is written a line
/// at a time and never built whole.
public enum ReplicationsCSV: CSVFormat {
    public static let fileName = "replications.csv"

    public enum Column: String, CaseIterable, Sendable {
        case replication, kpi, stratum, value
    }

    /// Hands the file to `append` a line at a time.
    public static func write(_ results: [ReplicationResult], _ append: (String) throws -> Void) rethrows {
        try append(header + "\n")
        for result in results {
            for kpi in result.kpis {
                // In `Column` order; interpolated rather than mapped over the columns, for speed.
                try append("\(result.replication),\(CSV.field(kpi.id)),\(CSV.field(kpi.stratum)),\(NumberFormat.cell(kpi.value))\n")
            }
        }
    }

    /// The whole file, for results small enough to hold.
    public static func text(_ results: [ReplicationResult]) -> String {
        var text = ""
        write(results) { text += $0 }
        return text
    }
}
