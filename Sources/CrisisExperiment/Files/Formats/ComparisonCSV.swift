import CrisisModel

/// comparison.csv: every KPI of every variant against the base, with the paired difference.
public enum ComparisonCSV: CSVFormat {
    public static let fileName = "comparison.csv"

    public enum Column: String, CaseIterable, Sendable {
        case variant, kpi, label, stratum, unit, baseMean = "base_mean", variantMean = "variant_mean", difference
        case ci95Low = "ci95_low", ci95High = "ci95_high", significant, varianceReduction = "variance_reduction"
    }

    /// The whole file for `variants` (each named as its scenario, with its comparison with the
    /// base), in order.
    public static func text(_ variants: [(name: String, comparison: [PairedDifference])]) -> String {
        var lines = [header]
        for variant in variants {
            for row in variant.comparison {
                lines.append(Column.allCases.map { column in
                    switch column {
                    case .variant: CSV.field(variant.name)
                    case .kpi: CSV.field(row.id)
                    case .label: CSV.field(KPIText.label(row.id))
                    case .stratum: CSV.field(row.stratum)
                    case .unit: CSV.field(row.unit)
                    case .baseMean: NumberFormat.cell(row.base.mean)
                    case .variantMean: NumberFormat.cell(row.variant.mean)
                    case .difference: NumberFormat.cell(row.difference.mean)
                    case .ci95Low: NumberFormat.cell(row.difference.lower)
                    case .ci95High: NumberFormat.cell(row.difference.upper)
                    case .significant: CSV.yesNo(row.isSignificant)
                    case .varianceReduction: NumberFormat.cell(row.varianceReduction)
                    }
                }.joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
