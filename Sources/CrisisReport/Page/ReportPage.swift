import CrisisExperiment

/// The report as one self-contained HTML page: inline CSS, SVG and one small script (chart
/// downloads), no external resource (a Content-Security-Policy forbids any), so it opens
/// offline, archives as one file, prints as a paper, and is the same bytes for the same results.
public enum ReportPage {
    public static func html(_ content: ReportContent) -> String {
        html(content, sections: sections(content))
    }

    /// The page from sections already built (the caller also wants their notes).
    static func html(_ content: ReportContent, sections: [ReportSection]) -> String {
        let sections = sections.filter { !$0.isEmpty }
        let title = content.isComparison
            ? "\(content.scenarios[0].name) compared with \(content.scenarios.dropFirst().map(\.name).joined(separator: ", "))"
            : content.scenarios[0].name
        var out = document(title: "crisis-sim report: \(title)", fileStem: content.scenarios[0].name,
                           generator: "crisis-sim \(content.scenarios[0].toolVersion)")
        out += "<header>\n<h1>Crisis care simulation: \(MarkupText.escape(title))</h1>\n"
        out += provenance(content)
        out += "<nav aria-label=\"Contents\"><ul>"
        for section in sections { out += "<li><a href=\"#\(MarkupText.escape(section.id))\">\(MarkupText.escape(section.heading))</a></li>" }
        out += "</ul></nav>\n</header>\n<main>\n"
        out += sections.map { $0.html() }.joined()
        out += "</main>\n" + closing
        return out
    }

    /// A page's opening up to its `<body>` tag: the policy that lets it load nothing from
    /// anywhere and run only the chart download script, and the stylesheet. `fileStem` starts
    /// the names of downloaded charts (`baseline-occupancy-over-time.png`).
    static func document(title: String, fileStem: String, generator: String? = nil) -> String {
        let stem = String(fileStem.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "-" })
        return """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(policy)">
            <meta name="viewport" content="width=device-width, initial-scale=1">

            """
            + (generator.map { "<meta name=\"generator\" content=\"\(MarkupText.escape($0))\">\n" } ?? "")
            + """
            <title>\(MarkupText.escape(title))</title>
            <style>\(style)</style>
            </head>
            <body data-file-stem="\(MarkupText.escape(stem))">

            """
    }

    /// A page's end: the download script last, so every figure it serves is already parsed.
    static let closing = "<script>\(ChartDownloadScript.source)</script>\n</body>\n</html>\n"

    /// Nothing from outside, not even fonts or images; inline styles; the one script, named by
    /// its hash; images only from the `blob:` URLs the script makes to draw a chart as PNG.
    static let policy = "default-src 'none'; style-src 'unsafe-inline'; script-src \(ChartDownloadScript.policySource); img-src blob:"

    /// The sections in reading order: the numbers first (for a comparison, the differences),
    /// then beds, out-of-area placements and waits, section 136, and the crisis team's caseload.
    static func sections(_ content: ReportContent) -> [ReportSection] {
        let kpis = KPITableSection.section(content)
        let comparison = ReportSection(id: "comparison", heading: "Scenarios compared", figures: ComparisonFigures.figures(content))

        var beds = ReportSection(id: "beds", heading: "Beds")
        let occupancy = CensusFigures.figures(content, CensusFigures.occupancy)
        beds.figures = occupancy + [CensusFigures.occupancyDistribution(content)].compactMap { $0 }
        if occupancy.isEmpty {
            beds.missing = [CensusFigures.missing(CensusFigures.overTimeTitle(CensusFigures.occupancy)),
                            CensusFigures.missing("Distribution of occupancy levels")]
        }

        var placements = ReportSection(id: "out-of-area", heading: "Out-of-area placements and waits for a bed")
        let oap = CensusFigures.figures(content, CensusFigures.outOfArea)
        let waits = TimeToBedFigure.figure(content)
        placements.figures = oap + [waits].compactMap { $0 }
        if oap.isEmpty { placements.missing.append(CensusFigures.missing(CensusFigures.overTimeTitle(CensusFigures.outOfArea))) }
        if waits == nil { placements.missing.append(TimeToBedFigure.missing) }

        let s136 = ReportSection(id: "s136", heading: "Section 136 and places of safety", figures: Section136Figures.figures(content))

        var crht = ReportSection(id: "crht", heading: "Crisis resolution and home treatment")
        crht.figures = CensusFigures.figures(content, CensusFigures.caseload)
        if crht.figures.isEmpty { crht.missing.append(CensusFigures.missing(CensusFigures.overTimeTitle(CensusFigures.caseload))) }

        // The brief first; a comparison then leads with what changed, the full KPI table after.
        let brief = BriefSection.section(content)
        return content.isComparison ? [brief, comparison, kpis, beds, placements, s136, crht]
            : [brief, kpis, beds, placements, s136, crht]
    }

    /// What was run: scenario files, hashes, seed and run length, so any number in the
    /// report can be reproduced.
    static func provenance(_ content: ReportContent) -> String {
        let base = content.scenarios[0].provenance
        var out = "<dl class=\"provenance\">"
        func item(_ term: String, _ value: String) {
            out += "<div><dt>\(MarkupText.escape(term))</dt><dd>\(MarkupText.escape(value))</dd></div>"
        }
        for (index, scenario) in content.scenarios.enumerated() {
            let role = content.isComparison ? (index == 0 ? "Base scenario" : "Variant") : "Scenario"
            item(role, "\(scenario.name): \(scenario.provenance.scenario) (scenario hash \(scenario.provenance.scenarioHash))")
        }
        item("Seed", "\(base.seed) (\(base.generator) generator)")
        item("Replications", String(base.replications))
        item("Warm-up", "\(NumberFormat.readable(base.warmupDays)) days, simulated and discarded")
        item("Measured", "\(NumberFormat.days(base.horizonDays)) days after the warm-up")
        if content.isComparison { item("Pairing", "common random numbers: every scenario runs the base's seed and replications") }
        item("Tool", "crisis-sim \(content.scenarios[0].toolVersion)")
        return out + "</dl>\n"
    }

    /// The page's layout, the charts' look (`ChartStyle`), and how the page prints: as a paper,
    /// each section from a new page, no figure or table row split across two, no buttons.
    static let style = """
        body{font-family:"DejaVu Sans","Liberation Sans",system-ui,sans-serif;color:#1a1a1a;background:#fff;\
        max-width:1280px;margin:0 auto;padding:16px 24px;line-height:1.4}
        h1{font-size:1.6em;margin:0 0 .5em}h2{font-size:1.3em;border-bottom:2px solid #d0d0d0;margin-top:1.6em}
        h3{font-size:1.05em;margin:.2em 0 .4em}
        dl.provenance{display:grid;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:4px 24px;margin:0 0 1em}
        dl.provenance dt{font-weight:bold;font-size:.85em;color:#444}dl.provenance dd{margin:0}
        nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:4px 18px}
        a{color:#0050a0}
        .figures{display:grid;grid-template-columns:minmax(0,1fr);gap:36px}
        figure{margin:0}
        .figure-head{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:4px 16px}
        .chart-tools{display:flex;gap:6px}.chart-tools[hidden]{display:none}
        .chart-tools button{font:inherit;font-size:.78em;padding:2px 8px;border:1px solid #9a9a9a;border-radius:3px;\
        background:#f6f6f6;color:#1a1a1a;cursor:pointer}
        .chart-tools button:hover,.chart-tools button:focus-visible{background:#e8eef6;border-color:#0050a0}
        .panels{display:grid;grid-template-columns:repeat(auto-fill,minmax(380px,1fr));gap:8px 24px}
        svg{width:100%;height:auto;display:block}
        figcaption{font-size:.85em;color:#3a3a3a;margin-top:4px;max-width:72em}
        \(ChartStyle.css)
        details{margin-top:4px}summary{cursor:pointer;color:#0050a0}
        table{border-collapse:collapse;font-size:.82em;margin:6px 0}caption{text-align:left;font-weight:bold;padding:4px 0}
        th,td{padding:2px 8px;border-bottom:1px solid #e3e3e3;text-align:right;vertical-align:top;white-space:nowrap}
        td.text:last-child{white-space:normal}
        th[scope=row],td.text,th.text{text-align:left}thead th{background:#f2f2f2}
        table.kpi-table{width:100%}table.kpi-table th,table.kpi-table td{width:1%}
        .table-scroll{overflow-x:auto;max-width:100%}
        table.kpi-table th[scope=row]{white-space:normal;min-width:14em}
        table.kpi-table td.text:last-child,table.kpi-table th.text:last-child{width:auto;color:#555}
        th .row-note{display:block;font-weight:normal;font-size:.82em;color:#666;font-family:"DejaVu Sans Mono",monospace}
        tr.group th{text-align:left;font-size:1.05em;padding-top:10px;border-bottom:2px solid #d0d0d0}
        dl.definitions dt{font-weight:bold;font-size:.9em}dl.definitions dd{margin:0 0 6px 16px;color:#444}
        .missing{background:#fff4e5;border-left:4px solid #E69F00;padding:8px 12px}
        p.description{font-style:italic;color:#333;max-width:60em}p.explain{max-width:60em;border-left:4px solid #0072B2;padding:4px 10px;background:#f3f8fc}
        ul.findings{max-width:60em;padding-left:1.2em}ul.findings li{margin:3px 0}
        table.changes td.text:last-child{white-space:normal;color:#444;min-width:24em}table.changes th[scope=row]{font-family:monospace}
        details.parameters pre{font-size:.8em;background:#f7f7f7;padding:8px;overflow-x:auto}
        @media print{
        @page{margin:14mm 12mm}
        body{max-width:none;padding:0;font-size:10pt}
        nav,.chart-tools,details:not([open]){display:none}
        main>section+section{break-before:page}
        h2,h3,.figure-head,caption{break-after:avoid}
        figure,dl.provenance,tbody,tr,.missing{break-inside:avoid}
        .figures{gap:18pt}
        table.kpi-table th[scope=row]{min-width:12em}
        .table-scroll{overflow-x:visible}
        a{color:inherit;text-decoration:none}
        }
        """
}
