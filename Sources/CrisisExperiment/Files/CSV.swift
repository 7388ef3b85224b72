/// CSV text as result files hold it (RFC 4180), written and read in one place so a field the
/// writers quote is a field the readers unquote.
public enum CSV {
    /// `text` as one field: bare unless it holds a comma, a quote or a line break (a line feed
    /// or carriage return), and then quoted with its quotes doubled, so identifiers and numbers
    /// stay plain for a spreadsheet. The test reads UTF-8 bytes, not characters: results files
    /// hold tens of thousands of fields, and a "\r\n" pair is one character that equals
    /// neither "\r" nor "\n".
    public static func field(_ text: String) -> String {
        // Through the string's bytes (withUTF8, as AtomicFile writes them): iterating a UTF8View
        // costs ~30 instructions a byte.
        var bytes = text
        guard bytes.withUTF8({ $0.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"")
                                             || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") } })
        else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A yes/no field: words rather than 1/0 or true/false, for a planner reading the sheet.
    public static func yesNo(_ value: Bool) -> String { value ? yes : "no" }

    /// Whether a yes/no field says yes.
    public static func isYes(_ field: String) -> Bool { field == yes }

    private static let yes = "yes"

    /// Splits CSV text into records, unquoting fields; a final newline does not start an empty
    /// record. Works over the UTF-8 bytes, since daily.csv of a long run has many thousands of
    /// lines.
    static func records(_ text: String) -> [[String]] {
        numberedRecords(text).map(\.fields)
    }

    /// `records`, each with the 1-based line it starts on: a quoted field may hold line
    /// breaks, so a record's index is not its line, and a message naming a line must count them.
    static func numberedRecords(_ text: String) -> [(line: Int, fields: [String])] {
        var records: [(line: Int, fields: [String])] = []
        var record: [String] = []
        var line = 1, recordLine = 1
        var field: [UInt8] = []
        var quoted = false
        var bytes = Array(text.utf8).makeIterator()
        var pending = bytes.next()
        while let byte = pending {
            pending = bytes.next()
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if pending == UInt8(ascii: "\"") {
                        field.append(byte)
                        pending = bytes.next()
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): quoted = true
            case UInt8(ascii: ","):
                record.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            case UInt8(ascii: "\n"):
                record.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                records.append((recordLine, record))
                record.removeAll(keepingCapacity: true)
                line += 1
                recordLine = line
            case UInt8(ascii: "\r") where pending == UInt8(ascii: "\n"):
                continue
            default: field.append(byte)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(String(decoding: field, as: UTF8.self))
            records.append((recordLine, record))
        }
        return records
    }
}
