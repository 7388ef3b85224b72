import CrisisExperiment
import CrisisModel

/// The KPI table: every whole-system KPI by its label (the identifier small beneath, to find it
/// in the result files), grouped by the part of the pathway it measures, with its mean and 95%
/// confidence interval per scenario written as people read them (`KPIText`: GBP 19.4m, 93.7%).
/// A single run's table also gives each definition, and each area and cohort its own table
/// behind a disclosure; a comparison's columns leave no room for definitions, so they follow
/// as a list behind a disclosure.
enum KPITableSection {
    static func section(_ content: ReportContent) -> ReportSection {
        var body = table(content, stratum: "all", caption: content.isComparison
            ? "Every KPI for the whole system, per scenario: mean over replications and 95% confidence interval"
            : "Every KPI for the whole system: mean over replications and 95% confidence interval").html()
        if content.isComparison {
            body += "<details><summary>Definitions of the KPIs</summary><dl class=\"definitions\">"
            for kpi in CrisisSystem.kpiDefinitions {
                body += "<dt>\(MarkupText.escape(kpi.label)) <span class=\"row-note\">\(MarkupText.escape(kpi.id)), "
                    + "\(MarkupText.escape(kpi.unit))</span></dt><dd>\(MarkupText.escape(kpi.definition))</dd>"
            }
            body += "</dl></details>\n"
        } else {
            var strata: [String] = []
            for kpi in content.scenarios[0].kpis where kpi.stratum != "all" && !strata.contains(kpi.stratum) {
                strata.append(kpi.stratum)
            }
            for stratum in strata {
                body += "<details><summary>KPIs for \(MarkupText.escape(stratum))</summary>"
                body += table(content, stratum: stratum, caption: "KPIs for \(stratum)").html() + "</details>\n"
            }
        }
        return ReportSection(id: "kpis", heading: "Key performance indicators", body: body)
    }

    static func table(_ content: ReportContent, stratum: String, caption: String) -> DataTable {
        let definitions = Dictionary(CrisisSystem.kpiDefinitions.map { ($0.id, $0.definition) }, uniquingKeysWith: { a, _ in a })
        var found: [String] = []
        for scenario in content.scenarios {
            for kpi in scenario.kpis where kpi.stratum == stratum && !found.contains(kpi.id) { found.append(kpi.id) }
        }
        // Catalogue order within each part of the pathway, the parts in reporting order.
        let ids = KPISection.allCases.flatMap { section in found.filter { KPISection(kpi: $0) == section } }
        var groupHeadings: [Int: String] = [:]
        for (row, id) in ids.enumerated() where row == 0 || KPISection(kpi: ids[row - 1]) != KPISection(kpi: id) {
            groupHeadings[row] = KPISection(kpi: id).title
        }
        var columns = ["KPI"]
        for scenario in content.scenarios {
            let suffix = content.isComparison ? ": \(scenario.name)" : ""
            columns += ["mean" + suffix, "95% CI" + suffix]
        }
        columns.append("unit")
        if !content.isComparison { columns.append("definition") }
        let rows = ids.map { id -> [String] in
            var row = [KPIText.label(id)]
            let unit = content.scenarios.lazy.compactMap { $0.kpi(id, stratum: stratum)?.unit }.first ?? ""
            for scenario in content.scenarios {
                guard let kpi = scenario.kpi(id, stratum: stratum), kpi.replications > 0 else {
                    row += ["-", "-"]
                    continue
                }
                row += [KPIText.value(kpi.mean, unit: unit), KPIText.interval(lower: kpi.lower, upper: kpi.upper, unit: unit)]
            }
            row.append(KPIText.remainingUnit(unit))
            if !content.isComparison { row.append(definitions[id] ?? "") }
            return row
        }
        let text: Set<Int> = content.isComparison ? [columns.count - 1] : [columns.count - 2, columns.count - 1]
        return DataTable(caption: caption, columns: columns, rows: rows, textColumns: text, className: "kpi-table",
                         rowNotes: ids, groupHeadings: groupHeadings)
    }
}
