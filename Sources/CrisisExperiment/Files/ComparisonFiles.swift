import CrisisModel
import CrisisScenario
import Foundation

/// comparison.csv: every KPI of every variant against the base, with the paired difference.
public enum ComparisonFiles {
    public static let header = "variant,kpi,label,stratum,unit,base_mean,variant_mean,difference,ci95_low,ci95_high,significant,variance_reduction"

    /// The rows of one variant's comparison, named `variant` (the scenario's name).
    public static func rows(variant: String, _ comparison: [PairedDifference]) -> [String] {
        comparison.map { row in
            [ResultFiles.csvField(variant), ResultFiles.csvField(row.id), ResultFiles.csvField(KPIText.label(row.id)),
             ResultFiles.csvField(row.stratum), ResultFiles.csvField(row.unit), NumberFormat.cell(row.base.mean),
             NumberFormat.cell(row.variant.mean), NumberFormat.cell(row.difference.mean),
             NumberFormat.cell(row.difference.lower), NumberFormat.cell(row.difference.upper),
             row.isSignificant ? "yes" : "no", NumberFormat.cell(row.varianceReduction)].joined(separator: ",")
        }
    }

    /// The whole file for `variants` (name and comparison with the base), in order.
    public static func csv(_ variants: [(name: String, comparison: [PairedDifference])]) -> String {
        ([header] + variants.flatMap { rows(variant: $0.name, $0.comparison) }).joined(separator: "\n") + "\n"
    }

    public static let changesHeader = "variant,key,base_value,variant_value,source,comment"

    /// changes.csv: what each variant changes from the base, a row per setting, with where it
    /// was set and the comment there (the figure's source, in Scenarios/).
    public static func changesCSV(_ variants: [(name: String, changes: [ScenarioChange])]) -> String {
        var lines = [changesHeader]
        for variant in variants {
            for change in variant.changes {
                lines.append([variant.name, change.key, change.baseValue, change.variantValue, change.source ?? "",
                              change.comment].map(ResultFiles.csvField).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes comparison.csv and changes.csv into `folder` as one result set with the runs
    /// `provenance` combines; `parts` names the scenario folders already written inside it
    /// (compare --report), which the set's manifest then vouches for too.
    public static func write(_ variants: [(name: String, comparison: [PairedDifference])],
                             changes: [(name: String, changes: [ScenarioChange])], provenance: RunProvenance,
                             to folder: URL, parts: [String] = []) throws {
        try ResultFolder(folder).replace(with: [ResultFile("comparison.csv") { csv(variants) },
                                                ResultFile("changes.csv") { changesCSV(changes) }],
                                         provenance: provenance, parts: parts)
    }
}
