import CrisisExperiment

/// The numbers behind a chart or a list of KPIs as an HTML table: the text alternative for
/// people who cannot see a chart, and for anyone who wants the values. The first column heads
/// each row; other cells are right-aligned numbers unless their column is listed as text.
struct DataTable {
    let caption: String
    let columns: [String]
    let rows: [[String]]
    /// Columns of words (units, definitions), aligned left.
    var textColumns: Set<Int> = []
    var className = "data"
    /// Small text under each row's heading, by row (a KPI's identifier under its label); empty
    /// for none.
    var rowNotes: [String] = []
    /// Headings that group the rows, by the index of each group's first row (the part of the
    /// pathway a run of KPIs measures).
    var groupHeadings: [Int: String] = [:]

    func html() -> String {
        // In a scrolling box: a comparison of several scenarios is wider than a laptop screen,
        // and the page itself must not scroll sideways.
        var out = "<div class=\"table-scroll\"><table class=\"\(className)\"><caption>\(MarkupText.escape(caption))</caption><thead><tr>"
        for (i, column) in columns.enumerated() {
            out += (i == 0 || textColumns.contains(i) ? "<th scope=\"col\" class=\"text\">" : "<th scope=\"col\">")
                + MarkupText.escape(column) + "</th>"
        }
        out += "</tr></thead><tbody>\n"
        for (r, row) in rows.enumerated() {
            if let heading = groupHeadings[r] {
                if r > 0 { out += "</tbody><tbody>\n" }
                out += "<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"\(columns.count)\">\(MarkupText.escape(heading))</th></tr>\n"
            }
            out += "<tr>"
            for (i, cell) in row.enumerated() {
                if i == 0 {
                    let note = r < rowNotes.count ? "<span class=\"row-note\">\(MarkupText.escape(rowNotes[r]))</span>" : ""
                    out += "<th scope=\"row\">\(MarkupText.escape(cell))\(note)</th>"
                } else {
                    out += (textColumns.contains(i) ? "<td class=\"text\">" : "<td>") + MarkupText.escape(cell) + "</td>"
                }
            }
            out += "</tr>\n"
        }
        return out + "</tbody></table></div>"
    }
}
