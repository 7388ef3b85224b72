import CrisisModel

/// The readable terminal tables: a scenario's KPIs with 95% intervals, and comparisons.
public enum KPITable {
    /// Every KPI of `stratum` with mean, 95% interval, relative half-width and unit.
    public static func render(_ summary: Summary, stratum: String = "all") -> String {
        let rows = summary.kpis.filter { $0.stratum == stratum && $0.count > 0 }
        let nameWidth = max(24, (rows.map(\.id.count).max() ?? 0) + 2)
        var lines = [NumberFormat.pad("KPI", nameWidth) + NumberFormat.pad("mean", 12, right: true)
            + "  " + NumberFormat.pad("95% CI", 25) + NumberFormat.pad("±%", 7, right: true) + "  unit"]
        for kpi in rows {
            let interval = kpi.count > 1
                ? "[\(NumberFormat.readable(kpi.lower)), \(NumberFormat.readable(kpi.upper))]" : "(one replication)"
            let relative = kpi.relativeHalfWidth.isFinite ? NumberFormat.fixed(100 * kpi.relativeHalfWidth, 1) : "-"
            lines.append(NumberFormat.pad(kpi.id, nameWidth) + NumberFormat.pad(NumberFormat.readable(kpi.mean), 12, right: true)
                + "  " + NumberFormat.pad(interval, 25) + NumberFormat.pad(relative, 7, right: true) + "  " + kpi.unit)
        }
        return lines.joined(separator: "\n")
    }

    /// Each KPI of `stratum` for the base and a variant, with the paired difference, its 95%
    /// interval, and a `*` where the interval excludes zero.
    public static func render(comparison: [PairedDifference], baseName: String, variantName: String,
                              stratum: String = "all") -> String {
        let rows = comparison.filter { $0.stratum == stratum && $0.difference.count > 0 }
        let nameWidth = max(24, (rows.map(\.id.count).max() ?? 0) + 2)
        // Scenario names are cut to 13 characters so a space always separates the columns.
        var lines = [NumberFormat.pad("KPI", nameWidth) + NumberFormat.pad(String(baseName.prefix(13)), 14, right: true)
            + NumberFormat.pad(String(variantName.prefix(13)), 14, right: true)
            + NumberFormat.pad("difference", 13, right: true) + "  " + NumberFormat.pad("95% CI of difference", 26) + "  unit"]
        for row in rows {
            let d = row.difference
            let interval = d.count > 1 ? "[\(NumberFormat.readable(d.lower)), \(NumberFormat.readable(d.upper))]" : "-"
            lines.append(NumberFormat.pad(row.id, nameWidth)
                + NumberFormat.pad(NumberFormat.readable(row.base.mean), 14, right: true)
                + NumberFormat.pad(NumberFormat.readable(row.variant.mean), 14, right: true)
                + NumberFormat.pad(NumberFormat.readable(d.mean), 13, right: true) + (row.isSignificant ? "* " : "  ")
                + NumberFormat.pad(interval, 26) + "  " + row.unit)
        }
        lines.append("* the 95% interval of the paired difference excludes zero")
        return lines.joined(separator: "\n")
    }
}
