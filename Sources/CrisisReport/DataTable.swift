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

    func html() -> String {
        var out = "<table class=\"\(className)\"><caption>\(MarkupText.escape(caption))</caption><thead><tr>"
        for (i, column) in columns.enumerated() {
            out += (i == 0 || textColumns.contains(i) ? "<th scope=\"col\" class=\"text\">" : "<th scope=\"col\">")
                + MarkupText.escape(column) + "</th>"
        }
        out += "</tr></thead><tbody>\n"
        for row in rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() {
                if i == 0 {
                    out += "<th scope=\"row\">\(MarkupText.escape(cell))</th>"
                } else {
                    out += (textColumns.contains(i) ? "<td class=\"text\">" : "<td>") + MarkupText.escape(cell) + "</td>"
                }
            }
            out += "</tr>\n"
        }
        return out + "</tbody></table>"
    }
}
