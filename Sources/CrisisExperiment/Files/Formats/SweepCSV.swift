import CrisisModel

/// sweep.csv: one row per point, KPI and stratum; a column per varied key (named by the key)
/// comes before the fixed ones.
public enum SweepCSV: CSVFormat {
    public static let fileName = "sweep.csv"
    /// sweep.svg, the chart of the same sweep, written in one set with the table.
    public static let chartFileName = "sweep.svg"

    /// The columns after the varied keys'.
    public enum Column: String, CaseIterable, Sendable {
        case kpi, label, stratum, unit, replications, mean, sd, ci95Low = "ci95_low", ci95High = "ci95_high"
    }

    public static func text(_ sweep: SweepResult) -> String {
        var lines = [(sweep.settings.keys.map(CSV.field) + [header]).joined(separator: ",")]
        for (point, summary) in zip(sweep.points, sweep.summaries) {
            let keys = point.map(CSV.field)
            for kpi in summary.kpis {
                lines.append((keys + Column.allCases.map { column in
                    switch column {
                    case .kpi: CSV.field(kpi.id)
                    case .label: CSV.field(KPIText.label(kpi.id))
                    case .stratum: CSV.field(kpi.stratum)
                    case .unit: CSV.field(kpi.unit)
                    case .replications: String(kpi.count)
                    case .mean: NumberFormat.cell(kpi.mean)
                    case .sd: NumberFormat.cell(kpi.standardDeviation)
                    case .ci95Low: NumberFormat.cell(kpi.lower)
                    case .ci95High: NumberFormat.cell(kpi.upper)
                    }
                }).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
