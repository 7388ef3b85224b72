import CrisisExperiment

/// Inline SVG as text, with coordinates written to a tenth of a pixel by `NumberFormat`, so
/// the same chart is the same bytes on every machine and locale.
enum SVG {
    static func number(_ value: Double) -> String { NumberFormat.fixed(value, 1) }

    /// `<name a="v" ...>content</name>`, or self-closing without content; values are escaped.
    static func element(_ name: String, _ attributes: KeyValuePairs<String, String>, _ content: String? = nil) -> String {
        var tag = "<" + name
        for (key, value) in attributes { tag += " \(key)=\"\(MarkupText.escape(value))\"" }
        guard let content else { return tag + "/>" }
        return tag + ">" + content + "</\(name)>"
    }

    /// A text label; `anchor` is start, middle or end.
    static func text(_ string: String, x: Double, y: Double, anchor: String = "start", className: String = "label") -> String {
        element("text", ["x": number(x), "y": number(y), "text-anchor": anchor, "class": className], MarkupText.escape(string))
    }

    /// A tooltip for the enclosing mark: browsers show an element's SVG title on hover.
    static func tooltip(_ string: String) -> String {
        "<title>\(MarkupText.escape(string))</title>"
    }

    /// `string` broken at spaces into lines of at most `width` pixels at `size`.
    static func wrapped(_ string: String, width: Double, size: Double = 12) -> [String] {
        var lines: [String] = []
        for word in string.split(separator: " ") {
            if let last = lines.last, textWidth(last + " " + word, size: size) <= width {
                lines[lines.count - 1] = last + " " + word
            } else {
                lines.append(String(word))
            }
        }
        return lines
    }

    /// Rough width of `string` in pixels at `size` (DejaVu/Liberation Sans average about 0.6 em),
    /// enough to reserve margins for labels without measuring text.
    static func textWidth(_ string: String, size: Double = 12) -> Double {
        Double(string.count) * size * 0.6
    }
}

/// A finished chart: its drawing and the size of its view box.
struct SVGChart {
    let width: Double
    let height: Double
    /// The elements inside `<svg>`, after its title and description.
    let body: String

    /// The chart as a file of its own: named and described, on white, with the charts'
    /// stylesheet inside it, so it looks as it does in a report wherever it is opened.
    func document(title: String, description: String) -> String {
        let size = "width=\"\(SVG.number(width))\" height=\"\(SVG.number(height))\" "
            + "viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(height))\""
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" \(size) role=\"img\">\n"
            + "<title>\(MarkupText.escape(title))</title>\n<desc>\(MarkupText.escape(description))</desc>\n"
            + "<style>\n\(ChartStyle.css)\n</style>\n"
            + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n" + body + "\n</svg>\n"
    }
}
