import CrisisExperiment

/// A chart as the report shows it: a heading with buttons to download it (SVG or PNG, see
/// `ChartDownloadScript`), one or more SVG panels each named and described for assistive
/// technology (`role="img"` with its `<title>` and `<desc>`), a caption saying how to read it,
/// and its data as a table behind a disclosure. Figures take the page's width, one under another.
struct ChartFigure {
    /// One SVG picture; a figure of several (small multiples) lays them out in a grid.
    struct Panel {
        let title: String
        /// One or two sentences of what the panel shows, read out in place of the picture.
        let description: String
        let chart: SVGChart
    }

    /// Unique in the page: the anchor, and the stem of the ids the SVGs' accessible names use.
    let id: String
    let title: String
    let panels: [Panel]
    let caption: String
    let table: DataTable

    func html() -> String {
        var out = "<figure class=\"chart\" id=\"\(MarkupText.escape(id))\">"
        out += "<div class=\"figure-head\"><h3>\(MarkupText.escape(title))</h3><div class=\"chart-tools\" hidden>"
        for format in ["SVG", "PNG"] {
            out += "<button type=\"button\" data-download=\"\(format.lowercased())\" "
                + "aria-label=\"Download \(format) of \(MarkupText.escape(title))\">Download \(format)</button>"
        }
        out += "</div></div>"
        if panels.count > 1 { out += "<div class=\"panels\">" }
        for (k, panel) in panels.enumerated() {
            let stem = panels.count > 1 ? "\(id)-\(k + 1)" : id
            let titleID = MarkupText.escape("\(stem)-title"), descriptionID = MarkupText.escape("\(stem)-desc")
            out += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"\(titleID) \(descriptionID)\" "
                + "viewBox=\"0 0 \(SVG.number(panel.chart.width)) \(SVG.number(panel.chart.height))\" "
                // Small multiples never wider than drawn, so text keeps its size in a wide column;
                // a single chart fills the page's width.
                + (panels.count > 1 ? "style=\"max-width:\(SVG.number(panel.chart.width))px\" " : "")
                + "data-chart=\"\(MarkupText.escape(stem))\">"
            out += "<title id=\"\(titleID)\">\(MarkupText.escape(panel.title))</title>"
            out += "<desc id=\"\(descriptionID)\">\(MarkupText.escape(panel.description))</desc>"
            if panels.count > 1 { out += SVG.text(panel.title, x: 8, y: 14, className: "panel-title") }
            out += panel.chart.body + "</svg>"
        }
        if panels.count > 1 { out += "</div>" }
        out += "<figcaption>\(MarkupText.escape(caption))</figcaption>"
        out += "<details><summary>Table of the data</summary>\(table.html())</details>"
        return out + "</figure>\n"
    }
}
