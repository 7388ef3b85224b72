import CrisisModel

/// replications-wide.csv (run --wide): a row per replication and a column per KPI, the layout
/// a spreadsheet's charts and pivot tables want; KPI columns are named by identifier, with the
/// stratum in brackets for areas and cohorts (`oap.placements [area:Northshire]`).
public enum WideReplicationsCSV: CSVFormat {
    public static let fileName = "replications-wide.csv"

    /// The columns before the KPIs'.
    public enum Column: String, CaseIterable, Sendable {
        case replication
    }

    /// Hands the file to `append` a line at a time.
    public static func write(_ results: [ReplicationResult], _ append: (String) throws -> Void) rethrows {
        guard let first = results.first else { return try append(header + "\n") }
        let kpiColumns = first.kpis.map { $0.stratum == "all" ? $0.id : "\($0.id) [\($0.stratum)]" }
        try append(([header] + kpiColumns.map(CSV.field)).joined(separator: ",") + "\n")
        for result in results {
            try append(([String(result.replication)] + result.kpis.map { NumberFormat.cell($0.value) }).joined(separator: ",") + "\n")
        }
    }
}
