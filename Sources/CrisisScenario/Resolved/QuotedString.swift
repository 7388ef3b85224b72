/// Text as a double-quoted literal that JSON and YAML both read back unchanged: quotes and
/// backslashes escaped, newline and tab by name, every other control character (and DEL) as
/// `\uXXXX`. The one escaper for summary.json, the JSON Schema and the resolved scenario.
public enum QuotedString {
    public static func quoted(_ text: String) -> String {
        // Most text (identifiers, labels, numbers) is printable ASCII with nothing to escape:
        // then it goes in whole, not a scalar at a time. The bytes are read through withUTF8:
        // iterating a UTF8View costs ~30 instructions a byte.
        var bytes = text
        if bytes.withUTF8({ $0.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") } }) {
            return "\"" + text + "\""
        }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            default:
                if let escape = ControlCharacters.escape(scalar) {
                    quoted += escape
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }
}
