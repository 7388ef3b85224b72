import CrisisModel

/// summary.csv: a row per KPI and stratum, with the scenario and the KPI's label beside its
/// identifier, so a sheet pasted next to another scenario's still says whose it is.
public enum SummaryCSV: CSVFormat {
    public static let fileName = "summary.csv"

    public enum Column: String, CaseIterable, Sendable {
        case scenario, kpi, label, stratum, unit, replications, mean, sd
        case ci95Low = "ci95_low", ci95High = "ci95_high", relativeHalfWidth = "relative_half_width"
    }

    public static func text(_ summary: Summary, scenario: String) -> String {
        var lines = [header]
        for kpi in summary.kpis {
            lines.append(Column.allCases.map { column in
                switch column {
                case .scenario: CSV.field(scenario)
                case .kpi: CSV.field(kpi.id)
                case .label: CSV.field(KPIText.label(kpi.id))
                case .stratum: CSV.field(kpi.stratum)
                case .unit: CSV.field(kpi.unit)
                case .replications: String(kpi.count)
                case .mean: NumberFormat.cell(kpi.mean)
                case .sd: NumberFormat.cell(kpi.standardDeviation)
                case .ci95Low: NumberFormat.cell(kpi.lower)
                case .ci95High: NumberFormat.cell(kpi.upper)
                // Undefined when the mean is 0 (a KPI that never happened): an empty cell, which
                // spreadsheets and pandas read as missing, not `nan` text.
                case .relativeHalfWidth: kpi.relativeHalfWidth.isFinite ? NumberFormat.exact(kpi.relativeHalfWidth) : ""
                }
            }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
