import CrisisModel

/// The terminal tables: KPIs by label, grouped by the part of the pathway they measure, with
/// 95% intervals; comparisons with the paired change and a `*` where its interval excludes
/// zero; several variants side by side, a column per scenario.
public enum KPITable {
    /// Which KPIs a table shows: every one, or those `--kpi` names (an identifier, or the
    /// first part of one, e.g. `oap` for every out-of-area KPI).
    public struct Selection: Sendable {
        public let patterns: [String]

        public init(_ patterns: [String] = []) { self.patterns = patterns }

        public static let all = Selection()

        /// A pattern that is a KPI's identifier takes that KPI alone (`costs.nhs` is not also
        /// `costs.nhs.local_beds`); any other takes every KPI it starts (`oap`, `costs.nhs.`).
        public func includes(_ id: String) -> Bool {
            patterns.isEmpty || patterns.contains { pattern in
                id == pattern || (!Self.identifiers.contains(pattern) && id.hasPrefix(pattern.hasSuffix(".") ? pattern : pattern + "."))
            }
        }

        private static let identifiers = Set(CrisisSystem.kpiDefinitions.map(\.id))

        /// The patterns that match no KPI in the catalogue, for an error before anything runs.
        public var unknown: [String] {
            patterns.filter { pattern in !CrisisSystem.kpiDefinitions.contains { Selection([pattern]).includes($0.id) } }
        }
    }

    /// Rows grouped by section, in catalogue order; each group is (section title, rows).
    static func grouped<Row>(_ rows: [Row], id: (Row) -> String) -> [(title: String, rows: [Row])] {
        KPISection.allCases.compactMap { section in
            let members = rows.filter { KPISection(kpi: id($0)) == section }
            return members.isEmpty ? nil : (section.title, members)
        }
    }

    static func labelWidth(_ ids: [String]) -> Int { min(58, ids.map { KPIText.label($0).count }.max() ?? 0) + 2 }

    static func labelCell(_ id: String, _ width: Int) -> String {
        let label = KPIText.label(id)
        return NumberFormat.pad("  " + (label.count > width - 2 ? label.prefix(width - 3) + "…" : label), width)
    }

    /// Every KPI of `stratum` (that `selection` takes) with mean, 95% interval and relative
    /// half-width.
    public static func render(_ summary: Summary, stratum: String = "all", selection: Selection = .all) -> String {
        let rows = summary.kpis.filter { $0.stratum == stratum && $0.count > 0 && selection.includes($0.id) }
        let undefined = summary.kpis.filter { $0.stratum == stratum && $0.count == 0 && selection.includes($0.id) }.map(\.id)
        let width = labelWidth(rows.map(\.id))
        var lines = [NumberFormat.pad("", width) + NumberFormat.pad("mean", 13, right: true) + "  "
            + NumberFormat.pad("95% CI", 28) + NumberFormat.pad("±%", 6, right: true) + "  unit"]
        for group in grouped(rows, id: \.id) {
            lines.append(group.title)
            for kpi in group.rows {
                let interval = kpi.count > 1 ? KPIText.interval(kpi) : "(one replication)"
                let relative = kpi.relativeHalfWidth.isFinite ? NumberFormat.fixed(100 * kpi.relativeHalfWidth, 1) : "-"
                lines.append(labelCell(kpi.id, width) + NumberFormat.pad(KPIText.value(kpi.mean, unit: kpi.unit), 13, right: true)
                    + "  " + NumberFormat.pad(interval, 28) + NumberFormat.pad(relative, 6, right: true) + "  "
                    + KPIText.remainingUnit(kpi.unit))
            }
        }
        if !undefined.isEmpty { lines.append(undefinedNote(undefined)) }
        return lines.joined(separator: "\n")
    }

    /// Said under a table whose KPIs had no value in any replication (a share with nothing
    /// to divide by, a length of placements none of which ended), so no row is missing silently.
    static func undefinedNote(_ ids: [String]) -> String {
        "Undefined in every replication, so not shown: " + ids.map { "\(KPIText.label($0)) (\($0))" }.joined(separator: "; ")
            + " (nothing to measure them on in this run; a longer horizon or more replications may give them values)"
    }

    /// Each KPI of `stratum` for the base and a variant, with the paired change, its 95%
    /// interval, and a `*` where the interval excludes zero.
    public static func render(comparison: [PairedDifference], baseName: String, variantName: String,
                              stratum: String = "all", selection: Selection = .all) -> String {
        let rows = comparison.filter { $0.stratum == stratum && $0.difference.count > 0 && selection.includes($0.id) }
        let undefined = comparison.filter { $0.stratum == stratum && $0.difference.count == 0 && selection.includes($0.id) }
        let width = labelWidth(rows.map(\.id))
        // Scenario names are cut to 15 characters so a space always separates the columns.
        var lines = [NumberFormat.pad("", width) + NumberFormat.pad(String(baseName.prefix(15)), 16, right: true)
            + NumberFormat.pad(String(variantName.prefix(15)), 16, right: true)
            + NumberFormat.pad("change", 15, right: true) + "  " + NumberFormat.pad("95% CI of change", 30) + "unit"]
        for group in grouped(rows, id: \.id) {
            lines.append(group.title)
            for row in group.rows {
                lines.append(labelCell(row.id, width)
                    + NumberFormat.pad(KPIText.value(row.base.mean, unit: row.unit), 16, right: true)
                    + NumberFormat.pad(KPIText.value(row.variant.mean, unit: row.unit), 16, right: true)
                    + NumberFormat.pad(KPIText.change(row.difference.mean, unit: row.unit), 15, right: true)
                    + (row.isSignificant ? "* " : "  ") + NumberFormat.pad(KPIText.changeInterval(row.difference), 30)
                    + KPIText.remainingUnit(row.unit))
            }
        }
        lines.append("* the 95% interval of the paired change excludes zero")
        if !undefined.isEmpty { lines.append(undefinedNote(undefined.map(\.id))) }
        return lines.joined(separator: "\n")
    }

    /// Several variants against one base in one table: the base's mean, then for each variant
    /// its mean and the change (with `*` where its 95% interval excludes zero); the intervals
    /// are in comparison.csv.
    public static func render(comparisons: [(name: String, comparison: [PairedDifference])], baseName: String,
                              stratum: String = "all", selection: Selection = .all) -> String {
        if comparisons.count == 1 {
            return render(comparison: comparisons[0].comparison, baseName: baseName, variantName: comparisons[0].name,
                          stratum: stratum, selection: selection)
        }
        let base = comparisons.first?.comparison.filter {
            $0.stratum == stratum && $0.difference.count > 0 && selection.includes($0.id)
        } ?? []
        let undefined = comparisons.first?.comparison.filter {
            $0.stratum == stratum && $0.difference.count == 0 && selection.includes($0.id)
        }.map(\.id) ?? []
        let width = labelWidth(base.map(\.id))
        let byKey = comparisons.map { variant in
            Dictionary(variant.comparison.map { ($0.id + "\u{0}" + $0.stratum, $0) }, uniquingKeysWith: { a, _ in a })
        }
        let cells: [[String]] = base.map { row in
            byKey.map { variant in
                guard let other = variant[row.id + "\u{0}" + row.stratum] else { return "-" }
                return KPIText.value(other.variant.mean, unit: row.unit) + " ("
                    + KPIText.change(other.difference.mean, unit: row.unit) + (other.isSignificant ? "*)" : ")")
            }
        }
        let columnWidths = comparisons.indices.map { c in
            max(comparisons[c].name.count, cells.map { $0[c].count }.max() ?? 0) + 2
        }
        var lines = [NumberFormat.pad("", width) + NumberFormat.pad(String(baseName.prefix(15)), 16, right: true)
            + zip(comparisons, columnWidths).map { NumberFormat.pad($0.name, $1, right: true) }.joined()
            + "  unit"]
        let rowIndex = Dictionary(base.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for group in grouped(base, id: \.id) {
            lines.append(group.title)
            for row in group.rows {
                let index = rowIndex[row.id]!
                lines.append(labelCell(row.id, width) + NumberFormat.pad(KPIText.value(row.base.mean, unit: row.unit), 16, right: true)
                    + zip(cells[index], columnWidths).map { NumberFormat.pad($0, $1, right: true) }.joined()
                    + "  " + KPIText.remainingUnit(row.unit))
            }
        }
        lines.append("Each variant: its mean (change from \(baseName)); * the 95% interval of the paired change excludes zero "
            + "(intervals in comparison.csv)")
        if !undefined.isEmpty { lines.append(undefinedNote(undefined)) }
        return lines.joined(separator: "\n")
    }
}
