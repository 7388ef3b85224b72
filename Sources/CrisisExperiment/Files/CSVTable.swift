import Foundation

/// A CSV file of a result folder read whole: a header row, then records of the same width,
/// whose columns are found by `Format`'s constants, the ones its writer built the header from.
public struct CSVTable<Format: CSVFormat>: Sendable {
    /// The file, whose path every error names.
    public let url: URL
    public let header: [String]
    public let rows: [[String]]

    /// - Throws: a `ResultFolderError` naming the file when it cannot be read, is empty or has
    ///   a record of another width than the header.
    init(contentsOf url: URL) throws(ResultFolderError) {
        self.url = url
        guard let data = FileManager.default.contents(atPath: url.path) else { throw Self.error(url, "cannot be read") }
        var records = CSV.records(String(decoding: data, as: UTF8.self))
        guard !records.isEmpty else { throw Self.error(url, "is empty") }
        header = records.removeFirst()
        for (index, record) in records.enumerated() where record.count != header.count {
            throw Self.error(url, "line \(index + 2) has \(record.count) fields, the header \(header.count)")
        }
        rows = records
    }

    public var path: String { url.path }

    /// The index of `column` in the header.
    public func column(_ column: Format.Column) throws(ResultFolderError) -> Int {
        guard let index = header.firstIndex(of: column.rawValue) else {
            throw Self.error(url, "has no column '\(column.rawValue)'")
        }
        return index
    }

    /// Field `column` of row `row` as a number ("inf" and "-inf" as written by `NumberFormat.cell`).
    public func number(_ row: Int, _ column: Int) throws(ResultFolderError) -> Double {
        guard let value = Double(rows[row][column]) else {
            throw Self.error(url, "line \(row + 2), column '\(header[column])': '\(rows[row][column])' is not a number")
        }
        return value
    }

    /// Field `column` of row `row` as a measured value: a number, or NaN for an empty cell,
    /// which is how `NumberFormat.cell` writes a value undefined in the run (a share with no
    /// denominator, the interval of one replication). Folders written before empty cells
    /// have `nan` there, which reads as NaN too.
    public func value(_ row: Int, _ column: Int) throws(ResultFolderError) -> Double {
        rows[row][column].isEmpty ? .nan : try number(row, column)
    }

    private static func error(_ url: URL, _ problem: String) -> ResultFolderError {
        ResultFolderError(folder: url.deletingLastPathComponent(), file: url.lastPathComponent, problem: problem)
    }
}
