/// Escaping for text placed in HTML and SVG (charts and reports).
///
/// Scenario names, file paths and KPI ids come from users' files, so every piece of text goes
/// through here: the five characters that could end an element, an attribute or a reference
/// are replaced by references, which is right both in text and in quoted attribute values.
public enum MarkupText {
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
