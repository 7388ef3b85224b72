import CrisisExperiment

/// One KPI of one scenario as summary.csv records it: the mean over replications and its
/// 95% confidence interval (NaN bounds with a single replication; all NaN, an empty row,
/// when it was undefined in every replication).
public struct KPIEstimate: Sendable, Equatable {
    public let id: String
    /// "all", "area:<name>" or "cohort:<name>".
    public let stratum: String
    public let unit: String
    /// Replications in which the KPI was defined.
    public let replications: Int
    public let mean: Double
    public let lower: Double
    public let upper: Double

    public init(id: String, stratum: String, unit: String, replications: Int, mean: Double, lower: Double, upper: Double) {
        self.id = id
        self.stratum = stratum
        self.unit = unit
        self.replications = replications
        self.mean = mean
        self.lower = lower
        self.upper = upper
    }

    /// Every row of a summary.csv.
    static func rows(of table: CSVTable<SummaryCSV>) throws -> [KPIEstimate] {
        let id = try table.column(.kpi), stratum = try table.column(.stratum), unit = try table.column(.unit)
        let count = try table.column(.replications), mean = try table.column(.mean)
        let lower = try table.column(.ci95Low), upper = try table.column(.ci95High)
        return try table.rows.indices.map { r in
            let row = table.rows[r]
            guard let replications = Int(row[count]) else {
                throw ReportError(file: table.path, problem: "line \(r + 2): replications '\(row[count])' is not a whole number")
            }
            return KPIEstimate(id: row[id], stratum: row[stratum], unit: row[unit], replications: replications,
                               mean: try table.value(r, mean), lower: try table.value(r, lower),
                               upper: try table.value(r, upper))
        }
    }
}
