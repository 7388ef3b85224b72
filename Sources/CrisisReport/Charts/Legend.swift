/// A row of legend entries across the top of a chart, wrapping onto more rows when needed.
///
/// Each key is drawn with the classes and colour of the mark it stands for (a band's key is a
/// patch of that band, a line's key that line), so the stylesheet that styles the marks styles
/// the keys, and a key cannot drift from what it explains.
struct Legend {
    enum Key {
        /// A mean line (class `line`).
        case line(colour: String)
        /// A mean line across its confidence band (classes `band` and `line`).
        case lineOnBand(colour: String)
        /// A filled bar.
        case swatch(colour: String)
        /// A shaded region drawn with `className`, such as the warm-up.
        case region(className: String)
        /// A point, filled or hollow.
        case point(colour: String, filled: Bool)
        /// A line through a point with its interval whisker (class `interval`), as sweeps draw them.
        case pointWithInterval(colour: String)
        /// No symbol: a note that explains the symbols before it.
        case note
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
            let symbolWidth = entry.key.isNote ? 0.0 : 22
            let span = symbolWidth + SVG.textWidth(entry.label) + 16
            if cursor > x && cursor + span > x + width {
                cursor = x
                row += 18
            }
            out += Self.symbol(entry.key, x: cursor, y: row)
            out += SVG.text(entry.label, x: cursor + symbolWidth, y: row + 4, className: entry.key.isNote ? "note" : "label")
            cursor += span
        }
        return (out + "</g>", row - y + 18)
    }

    private static func symbol(_ key: Key, x: Double, y: Double) -> String {
        let x0 = SVG.number(x), x1 = SVG.number(x + 16), yy = SVG.number(y), patchTop = SVG.number(y - 6)
        func line(_ colour: String) -> String {
            SVG.element("line", ["x1": x0, "x2": x1, "y1": yy, "y2": yy, "stroke": colour, "class": "key line"])
        }
        switch key {
        case .line(let colour):
            return line(colour)
        case .lineOnBand(let colour):
            return SVG.element("rect", ["x": x0, "y": patchTop, "width": "16", "height": "12", "fill": colour, "class": "key band"])
                + line(colour)
        case .swatch(let colour):
            return SVG.element("rect", ["x": x0, "y": patchTop, "width": "16", "height": "12", "fill": colour, "class": "key swatch"])
        case .region(let className):
            return SVG.element("rect", ["x": x0, "y": patchTop, "width": "16", "height": "12", "class": "key \(className)"])
        case .point(let colour, let filled):
            return SVG.element("circle", ["cx": SVG.number(x + 8), "cy": yy, "r": "4", "stroke": colour,
                                          "fill": filled ? colour : "#ffffff", "stroke-width": "1.5", "class": "key point"])
        case .pointWithInterval(let colour):
            let centre = SVG.number(x + 8), top = SVG.number(y - 6), bottom = SVG.number(y + 6)
            let capLeft = SVG.number(x + 5), capRight = SVG.number(x + 11)
            return line(colour)
                + SVG.element("path", ["d": "M\(centre),\(top)V\(bottom)M\(capLeft),\(top)H\(capRight)M\(capLeft),\(bottom)H\(capRight)",
                                       "stroke": colour, "class": "key interval"])
                + SVG.element("circle", ["cx": centre, "cy": yy, "r": "3.5", "fill": colour, "class": "key point"])
        case .note:
            return ""
        }
    }
}

extension Legend.Key {
    var isNote: Bool {
        if case .note = self { return true }
        return false
    }
}
