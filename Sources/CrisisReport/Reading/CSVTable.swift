import Foundation

/// A result CSV file read whole: a header row, then records of the same width. Fields may be
/// quoted (RFC 4180), as `CSV.field` quotes ids and names holding a comma or a quote.
struct CSVTable {
    /// The file's name, for error messages.
    let file: String
    let header: [String]
    let rows: [[String]]

    init(contentsOf url: URL) throws {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ReportError(file: url.path, problem: "cannot be read")
        }
        try self.init(text: String(decoding: data, as: UTF8.self), file: url.path)
    }

    init(text: String, file: String) throws {
        self.file = file
        var records = Self.records(text)
        guard !records.isEmpty else { throw ReportError(file: file, problem: "is empty") }
        header = records.removeFirst()
        for (index, record) in records.enumerated() where record.count != header.count {
            throw ReportError(file: file, problem: "line \(index + 2) has \(record.count) fields, the header \(header.count)")
        }
        rows = records
    }

    /// The index of the column named `name`.
    func column(_ name: String) throws -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw ReportError(file: file, problem: "has no column '\(name)'")
        }
        return index
    }

    /// Field `column` of row `row` as a number ("inf" and "-inf" as written by `NumberFormat.cell`).
    func number(_ row: Int, _ column: Int) throws -> Double {
        guard let value = Double(rows[row][column]) else {
            throw ReportError(file: file, problem: "line \(row + 2), column '\(header[column])': '\(rows[row][column])' is not a number")
        }
        return value
    }

    /// Field `column` of row `row` as a measured value: a number, or NaN for an empty cell,
    /// which is how `NumberFormat.cell` writes a value undefined in the run (a share with no
    /// denominator, the interval of one replication). Folders written before empty cells
    /// have `nan` there, which reads as NaN too.
    func value(_ row: Int, _ column: Int) throws -> Double {
        rows[row][column].isEmpty ? .nan : try number(row, column)
    }

    /// Splits CSV text into records over its UTF-8 bytes (daily.csv of a long run has many
    /// thousands of lines). A final newline does not start an empty record.
    private static func records(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
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
                records.append(record)
                record.removeAll(keepingCapacity: true)
            case UInt8(ascii: "\r") where pending == UInt8(ascii: "\n"):
                continue
            default: field.append(byte)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(String(decoding: field, as: UTF8.self))
            records.append(record)
        }
        return records
    }
}
