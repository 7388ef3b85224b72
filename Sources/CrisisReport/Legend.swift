/// A row of legend entries across the top of a chart, wrapping onto more rows when needed.
struct Legend {
    enum Key {
        case line(colour: String)
        case band(colour: String)
        case swatch(colour: String)
        case point(colour: String, filled: Bool)
    }

    struct Entry {
        let key: Key
        let label: String
    }

    let entries: [Entry]

    /// The legend laid out from (`x`, `y`) within `width`, and the height it took.
    func render(x: Double, y: Double, width: Double) -> (svg: String, height: Double) {
        guard !entries.isEmpty else { return ("", 0) }
        var out = "<g class=\"legend\">"
        var cursor = x, row = y
        for entry in entries {
            let span = 22 + SVG.textWidth(entry.label) + 16
            if cursor > x && cursor + span > x + width {
                cursor = x
                row += 18
            }
            out += Self.symbol(entry.key, x: cursor, y: row)
            out += SVG.text(entry.label, x: cursor + 22, y: row + 4)
            cursor += span
        }
        return (out + "</g>", row - y + 18)
    }

    private static func symbol(_ key: Key, x: Double, y: Double) -> String {
        let x0 = SVG.number(x), x1 = SVG.number(x + 16), yy = SVG.number(y)
        switch key {
        case .line(let colour):
            return SVG.element("line", ["x1": x0, "x2": x1, "y1": yy, "y2": yy, "stroke": colour, "stroke-width": "2"])
        case .band(let colour):
            return SVG.element("rect", ["x": x0, "y": SVG.number(y - 5), "width": "16", "height": "10", "fill": colour,
                                        "fill-opacity": "0.25"])
        case .swatch(let colour):
            return SVG.element("rect", ["x": x0, "y": SVG.number(y - 5), "width": "16", "height": "10", "fill": colour])
        case .point(let colour, let filled):
            return SVG.element("circle", ["cx": SVG.number(x + 8), "cy": yy, "r": "4", "stroke": colour,
                                          "fill": filled ? colour : "#ffffff", "stroke-width": "1.5"])
        }
    }
}
