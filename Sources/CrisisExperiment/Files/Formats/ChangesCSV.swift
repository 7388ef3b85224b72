import CrisisScenario

/// changes.csv: what each variant of a comparison changes from the base, a row per setting,
/// with where it was set and the comment there (the figure's source, in Scenarios/).
public enum ChangesCSV: CSVFormat {
    public static let fileName = "changes.csv"

    public enum Column: String, CaseIterable, Sendable {
        case variant, key, baseValue = "base_value", variantValue = "variant_value", source, comment
    }

    public static func text(_ variants: [(name: String, changes: [ScenarioChange])]) -> String {
        var lines = [header]
        for variant in variants {
            for change in variant.changes {
                lines.append(Column.allCases.map { column in
                    switch column {
                    case .variant: CSV.field(variant.name)
                    case .key: CSV.field(change.key)
                    case .baseValue: CSV.field(change.baseValue)
                    case .variantValue: CSV.field(change.variantValue)
                    // An empty cell where the setting has no source.
                    case .source: CSV.field(change.source ?? "")
                    case .comment: CSV.field(change.comment)
                    }
                }.joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The changes in `table`, by variant name, each variant's in file order.
    public static func changes(_ table: CSVTable<ChangesCSV>) throws(ResultFolderError) -> [String: [ScenarioChange]] {
        let variant = try table.column(.variant), key = try table.column(.key), base = try table.column(.baseValue)
        let changed = try table.column(.variantValue), source = try table.column(.source), comment = try table.column(.comment)
        var changes: [String: [ScenarioChange]] = [:]
        for row in table.rows {
            changes[row[variant], default: []].append(ScenarioChange(
                key: row[key], baseValue: row[base], variantValue: row[changed],
                source: row[source].isEmpty ? nil : row[source], comment: row[comment]))
        }
        return changes
    }
}
