import CrisisExperiment

/// One headed part of the report: an introduction, figures, and a note for each chart the
/// result folder lacked the data for (so a missing chart is explained, never silently absent).
struct ReportSection {
    let id: String
    let heading: String
    /// Prebuilt HTML placed under the heading (e.g. the KPI table).
    var body = ""
    var figures: [ChartFigure] = []
    var missing: [String] = []

    var isEmpty: Bool { body.isEmpty && figures.isEmpty && missing.isEmpty }

    func html() -> String {
        var out = "<section id=\"\(MarkupText.escape(id))\"><h2>\(MarkupText.escape(heading))</h2>\n" + body
        for note in missing { out += "<p class=\"missing\">\(MarkupText.escape(note))</p>\n" }
        if !figures.isEmpty { out += "<div class=\"figures\">\n" + figures.map { $0.html() }.joined() + "</div>\n" }
        return out + "</section>\n"
    }
}
