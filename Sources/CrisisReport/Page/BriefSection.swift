import CrisisExperiment
import CrisisScenario

/// The report's opening, written from the results so a reader need not decode a table: for a
/// comparison, what each variant changes (setting, base and new value, where it was set and
/// the source the file gives) and what changed as a result, in words, with intervals; for
/// every scenario its description and, folded away, every setting it ran with.
enum BriefSection {
    static func section(_ content: ReportContent) -> ReportSection {
        var body = ""
        let base = content.scenarios[0]
        if content.isComparison {
            for variant in content.scenarios.dropFirst() {
                body += "<h3>\(MarkupText.escape(variant.name)) against \(MarkupText.escape(base.name))</h3>\n"
                if !variant.description.isEmpty { body += "<p class=\"description\">\(MarkupText.escape(variant.description))</p>\n" }
                body += changesTable(content.changes[variant.name] ?? [], base: base.name, variant: variant.name)
                let rows = content.differences.filter { $0.variant == variant.name }
                body += findings(ComparisonSummary.text(variant: variant.name, base: base.name, rows))
            }
        } else if !base.description.isEmpty {
            body += "<p class=\"description\">\(MarkupText.escape(base.description))</p>\n"
        }
        for scenario in content.scenarios {
            // The precision note the terminal prints after the table, so a reader of the
            // report is warned off quoting a loose figure too.
            let precision = PrecisionAdvice.text(scenario.summary, scenario: content.isComparison ? scenario.name : nil)
            if let first = precision.first {
                body += "<div class=\"explain precision\"><p>\(MarkupText.escape(first))</p>\n<ul>\n"
                    + precision.dropFirst().map { "<li>\(MarkupText.escape($0.trimmingCharacters(in: .whitespaces)))</li>\n" }
                        .joined() + "</ul></div>\n"
            }
            guard let configuration = scenario.configuration else { continue }
            let why = SurpriseExplanations.sentences(configuration, occupancy: scenario.kpi("beds.occupancy")?.mean,
                                                     waitP95: scenario.kpi("time_to_bed.p95")?.mean)
            for sentence in why {
                body += "<p class=\"explain\"><strong>\(MarkupText.escape(scenario.name)):</strong> \(MarkupText.escape(sentence))</p>\n"
            }
        }
        body += parameters(content)
        return ReportSection(id: "brief", heading: content.isComparison ? "In brief: what changed and why" : "In brief",
                             body: body)
    }

    /// "What this scenario changes": one row per setting.
    static func changesTable(_ changes: [ScenarioChange], base: String, variant: String) -> String {
        guard !changes.isEmpty else {
            return "<p>\(MarkupText.escape(variant)) sets nothing that differs from \(MarkupText.escape(base)).</p>\n"
        }
        let rows = changes.map { change in
            [change.key, change.baseValue.isEmpty ? "(none)" : change.baseValue,
             change.variantValue.isEmpty ? "(none)" : change.variantValue,
             [change.comment, change.source.map { "(\($0))" } ?? "(default)"].filter { !$0.isEmpty }.joined(separator: " ")]
        }
        return DataTable(caption: "What \(variant) changes from \(base)", columns: ["Setting", base, variant, "Source"],
                         rows: rows, textColumns: [1, 2, 3], className: "changes").html() + "\n"
    }

    /// The summary in words as a list: the heading line is the caller's, each finding an item.
    static func findings(_ lines: [String]) -> String {
        var out = "<ul class=\"findings\">"
        for line in lines.dropFirst() {
            let text = line.trimmingCharacters(in: .whitespaces)
            out += "<li>\(MarkupText.escape(text.hasPrefix("- ") ? String(text.dropFirst(2)) : text))</li>"
        }
        return out + "</ul>\n"
    }

    /// Every scenario's settings as it ran, folded away (scenario.yaml, kept with --report).
    static func parameters(_ content: ReportContent) -> String {
        var out = ""
        for scenario in content.scenarios {
            guard let text = scenario.resolvedScenario else { continue }
            out += "<details class=\"parameters\"><summary>Every setting of \(MarkupText.escape(scenario.name)), "
                + "as it ran</summary><pre>\(MarkupText.escape(text))</pre></details>\n"
        }
        return out
    }
}
