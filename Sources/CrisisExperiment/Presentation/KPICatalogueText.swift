import CrisisModel

/// The KPI catalogue as `crisis-sim kpis` prints it: for reading in a terminal, as Markdown
/// (the tables of docs/MODEL.md) or as CSV for a spreadsheet.
public enum KPICatalogueText {
    public enum Format: String, CaseIterable, Sendable {
        case text, markdown, csv
    }

    public static func render(_ format: Format, kpis: [KPIDefinition] = CrisisSystem.kpiDefinitions) -> String {
        switch format {
        case .markdown: CrisisSystem.kpiMarkdownTable()
        case .csv: csv(kpis)
        case .text: text(kpis)
        }
    }

    public static let csvHeader = "kpi,label,section,unit,per_cohort,headline,definition"

    static func csv(_ kpis: [KPIDefinition]) -> String {
        var lines = [csvHeader]
        for kpi in kpis {
            lines.append([kpi.id, kpi.label, kpi.section.title, kpi.unit, CSV.yesNo(kpi.byCohort),
                          CSV.yesNo(kpi.isHeadline), kpi.definition].map(CSV.field).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Grouped by section: the identifier and unit on one line, the label and definition
    /// indented under it; headline KPIs marked with `*`.
    static func text(_ kpis: [KPIDefinition]) -> String {
        var lines: [String] = []
        for section in KPISection.allCases {
            let members = kpis.filter { $0.section == section }
            guard !members.isEmpty else { continue }
            if !lines.isEmpty { lines.append("") }
            lines.append(section.title)
            for kpi in members {
                lines.append("  \(kpi.isHeadline ? "*" : " ") \(kpi.id) (\(kpi.unit)): \(kpi.label)")
                lines.append("      \(kpi.definition)\(kpi.byCohort ? "" : " Per area, not per cohort.")")
            }
        }
        lines.append("")
        lines.append("* a headline KPI: summaries and precision checks lead with these")
        return lines.joined(separator: "\n") + "\n"
    }
}
