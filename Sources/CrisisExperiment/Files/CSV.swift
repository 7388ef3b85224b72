/// CSV text as result files hold it (RFC 4180).
public enum CSV {
    /// `text` as one field: bare unless it holds a comma, a quote or a line break, and then
    /// quoted with its quotes doubled, so identifiers and numbers stay plain for a spreadsheet.
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A yes/no field: words rather than 1/0 or true/false, for a planner reading the sheet.
    public static func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }
}
