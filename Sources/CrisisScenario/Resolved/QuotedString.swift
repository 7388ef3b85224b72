/// Text as a double-quoted literal that JSON and YAML both read back unchanged: quotes and
/// backslashes escaped, newline and tab by name, every other control character (and DEL) as
/// `\uXXXX`. The one escaper for summary.json, the JSON Schema and the resolved scenario.
public enum QuotedString {
    public static func quoted(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    let hex = String(scalar.value, radix: 16)
                    quoted += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }
}
