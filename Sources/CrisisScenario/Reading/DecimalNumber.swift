/// Numbers as a scenario file writes them, and so as every numeric command-line option takes
/// them: decimal, with an optional minus, fraction and exponent (`500000`, `-2`, `0.25`,
/// `.5`, `1e-3`).
///
/// Nothing else: not hex (`0x10` was 16 days on the command line, and a slip in a file),
/// not `inf` or `nan`, not a leading `+` (YAML's core schema allows one; a sign that changes
/// nothing is refused everywhere alike rather than taken in some places), not underscores
/// or spaces. One grammar, so a value that works in one place works in the other, and a
/// message that says "as in a scenario file" is true.
public enum DecimalNumber {
    /// `text` as a number, or nil when it is not written in decimal. A decimal too large
    /// for a Double is infinite (`1e999`), for the caller to refuse with its limit.
    public static func number(_ text: String) -> Double? {
        guard isDecimal(text) else { return nil }
        return Double(text)
    }

    /// `text` as a whole number: exact when written as digits (a seed may need all 63 bits),
    /// otherwise a decimal with no fractional part (`1e3`, `10.0`) that fits an Int; nil
    /// for anything else.
    public static func integer(_ text: String) -> Int? {
        guard isDecimal(text) else { return nil }
        if let exact = Int(text) { return exact }
        guard let value = Double(text), value.isFinite, value.rounded() == value else { return nil }
        return Int(exactly: value)
    }

    /// Why `text`, which is not a decimal number, is not one, when it looks meant as a
    /// number: for a message to add after the value ("write it without the leading +").
    public static func whyNot(_ text: String) -> String? {
        let unsigned = text.hasPrefix("-") ? String(text.dropFirst()) : text
        if text.hasPrefix("+"), number(String(text.dropFirst())) != nil { return "write it without the leading +" }
        if unsigned.lowercased().hasPrefix("0x") { return "hexadecimal is not accepted: write it in decimal" }
        let word = unsigned.drop { $0 == "+" || $0 == "." }.lowercased()
        if ["inf", "infinity", "nan"].contains(word) { return "it is not a finite number" }
        return nil
    }

    /// Optional minus, digits with at most one point (at least one digit in all), then an
    /// optional exponent: `e` or `E`, an optional sign, digits. Byte by byte: scenario
    /// scalars are read this way many times over in a sweep.
    private static func isDecimal(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        func skipDigits() -> Int {
            let start = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - start
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        var digits = skipDigits()
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            digits += skipDigits()
        }
        guard digits > 0 else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() > 0 else { return false }
        }
        return index == bytes.count
    }
}
