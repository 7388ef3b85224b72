/// Fixed-decimal formatting that does not depend on the locale or on Foundation, so output
/// files are the same bytes on every machine.
public enum NumberFormat {
    /// `value` rounded to `decimals` places ("nan" and "inf" as such).
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = (scaled / scale).rounded(.down)
        let fraction = Int(scaled - whole * scale)
        let sign = value < 0 && scaled > 0 ? "-" : ""
        let wholeText = whole < 1e15 ? String(Int(whole)) : String(whole)
        guard decimals > 0 else { return sign + wholeText }
        let digits = String(fraction)
        return sign + wholeText + "." + String(repeating: "0", count: decimals - digits.count) + digits
    }

    /// A value with a sensible number of decimals for its size, for tables.
    public static func readable(_ value: Double) -> String {
        let magnitude = abs(value)
        if !value.isFinite { return fixed(value, 0) }
        if magnitude >= 1000 { return grouped(value) }
        if magnitude >= 100 { return fixed(value, 0) }
        if magnitude >= 10 { return fixed(value, 1) }
        return fixed(value, 2)
    }

    /// `value` to `digits` significant figures as a plain decimal, trailing zeros dropped: the
    /// form a fitted value takes in a scenario file (1816, 0.0413, 3.0123).
    public static func significant(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite, value != 0 else { return value == 0 ? "0" : exact(value) }
        var magnitude = 0, scaled = abs(value)
        while scaled >= 10 { scaled /= 10; magnitude += 1 }
        while scaled < 1 { scaled *= 10; magnitude -= 1 }
        var text = fixed(value, max(0, digits - 1 - magnitude))
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// A number of days as a person writes it: 365, 10, 0.5 (never 365.0).
    public static func days(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? grouped(value) : readable(value)
    }

    /// `count` and `noun`, the noun plural unless the count is 1: "1 replication", "4 replications".
    public static func count(_ count: Int, _ noun: String) -> String {
        "\(grouped(Double(count))) \(noun)\(count == 1 ? "" : "s")"
    }

    /// Whole number with thousands separators: 1,234,567.
    public static func grouped(_ value: Double) -> String {
        let text = fixed(abs(value), 0)
        var result = ""
        for (i, character) in text.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return (value < 0 ? "-" : "") + String(result.reversed())
    }

    /// A double as the shortest text that reads back to the same value (Swift's own
    /// algorithm, fixed across platforms); for CSV and JSON.
    public static func exact(_ value: Double) -> String {
        value.isFinite ? "\(value)" : (value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf"))
    }

    /// A value for a CSV cell: `exact`, or an empty cell when the value is undefined (NaN: a
    /// share with no denominator, the interval of a single replication). Spreadsheets, pandas
    /// and R read an empty cell as missing; `nan` text is a word to a spreadsheet. Infinities
    /// stay `inf` and `-inf`: the open ends of distributions.csv's outer bins.
    public static func cell(_ value: Double) -> String {
        value.isNaN ? "" : exact(value)
    }

    /// Pads `text` with spaces to `width` (left-aligned), or right-aligned when `right`.
    public static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let count = text.count
        guard count < width else { return text }
        let spaces = String(repeating: " ", count: width - count)
        return right ? spaces + text : text + spaces
    }
}
