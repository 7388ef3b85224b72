import Foundation

/// A CSV file in the layout NHS England publishes the Mental Health Services Monthly
/// Statistics in (the main MHSDS monthly file and its Out of Area Placements file alike): one
/// row per reporting period, breakdown, organisation and measure.
///
/// ```
/// REPORTING_PERIOD_START,REPORTING_PERIOD_END,STATUS,BREAKDOWN,PRIMARY_LEVEL,PRIMARY_LEVEL_DESCRIPTION,
///   SECONDARY_LEVEL,SECONDARY_LEVEL_DESCRIPTION,MEASURE_ID,MEASURE_VALUE
/// 01/04/2024,30/04/2024,Performance,Provider,RXX,Northshire Mental Health NHS Trust,NONE,NONE,MHS27,61
/// ```
///
/// Every row is checked as it is read: a date that is not one, a period ending before it
/// starts, an unknown STATUS or a MEASURE_VALUE that is neither a number nor the published
/// suppression marker `*` stops the reading with the file, line and column. Files published
/// over the years write dates as `DD/MM/YYYY` or `YYYY-MM-DD`; both are read. The files are
/// often Windows-1252 rather than UTF-8 (an organisation's name with an accent or a curly
/// apostrophe): text that is not UTF-8 is read as Windows-1252.
public struct MonthlyStatisticsFile: Sendable {
    /// The columns read, in the published spelling.
    public enum Column: String, CaseIterable, Sendable {
        case periodStart = "REPORTING_PERIOD_START"
        case periodEnd = "REPORTING_PERIOD_END"
        case status = "STATUS"
        case breakdown = "BREAKDOWN"
        case primaryLevel = "PRIMARY_LEVEL"
        case primaryLevelDescription = "PRIMARY_LEVEL_DESCRIPTION"
        case secondaryLevel = "SECONDARY_LEVEL"
        case secondaryLevelDescription = "SECONDARY_LEVEL_DESCRIPTION"
        case measureId = "MEASURE_ID"
        case measureValue = "MEASURE_VALUE"
    }

    /// Columns a file must have. STATUS may be absent (some extracts hold one status only);
    /// a month given twice is then an error rather than a choice.
    public static let requiredColumns: [Column] = Column.allCases.filter { $0 != .status }

    /// The published suppression marker: a small count withheld to protect confidentiality.
    public static let suppressed = "*"

    /// One row of the file.
    public struct Row: Sendable, Equatable {
        public var line: Int
        /// The calendar month the row covers; nil for a longer period (a rolling quarter or
        /// year), which the targets do not use.
        public var month: ReportingMonth?
        /// The period as written, for messages.
        public var period: String
        public var status: PublicationStatus?
        public var breakdown: String
        public var primaryLevel: String
        public var primaryLevelDescription: String
        public var secondaryLevel: String
        public var secondaryLevelDescription: String
        public var measure: String
        /// nil when the value is suppressed (`*`).
        public var value: Double?
    }

    public let path: String
    public let rows: [Row]
    /// Whether the file has a STATUS column.
    public let hasStatus: Bool

    public init(path: String, rows: [Row], hasStatus: Bool) {
        self.path = path
        self.rows = rows
        self.hasStatus = hasStatus
    }

    /// Reads and checks the file at `path`.
    public static func read(_ path: String) throws -> MonthlyStatisticsFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            throw PublishedStatisticsError(file: path, message: !exists ? "cannot be read: no such file"
                : isFolder.boolValue ? "cannot be read: it is a folder, not a CSV file" : "cannot be read (no permission?)")
        }
        return try parse(text(of: data), path: path)
    }

    /// The file's text: UTF-8 when it is, otherwise Windows-1252 (the encoding the published
    /// files are often in); a byte-order mark is dropped.
    static func text(of data: Data) -> String {
        let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .windowsCP1252)
            ?? String(decoding: data, as: UTF8.self)
        return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    /// Parses `text`, read from `path` (named in messages).
    public static func parse(_ text: String, path: String) throws -> MonthlyStatisticsFile {
        var records = CSV.numberedRecords(text)
        guard let header = records.first else {
            throw PublishedStatisticsError(file: path, line: 1, message: "is empty: expected the header line "
                + Column.allCases.map(\.rawValue).joined(separator: ","))
        }
        records.removeFirst()
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        var index: [Column: Int] = [:]
        for column in Column.allCases { index[column] = names.firstIndex(of: column.rawValue) }
        let missing = requiredColumns.filter { index[$0] == nil }
        guard missing.isEmpty else {
            throw PublishedStatisticsError(file: path, line: header.line, message: "has no column "
                + missing.map(\.rawValue).joined(separator: ", ") + " (the header has "
                + header.fields.joined(separator: ",") + "); expected the layout NHS England publishes the "
                + "Mental Health Services Monthly Statistics in (docs/DATA.md)")
        }
        var dates: [String: Date?] = [:]
        var rows: [Row] = []
        rows.reserveCapacity(records.count)
        for record in records {
            let fields = record.fields
            if fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }  // a blank line
            guard fields.count == names.count else {
                throw PublishedStatisticsError(file: path, line: record.line,
                                               message: "has \(fields.count) fields, the header \(names.count)")
            }
            func field(_ column: Column) -> String {
                index[column].map { fields[$0].trimmingCharacters(in: .whitespaces) } ?? ""
            }
            func failure(_ column: Column, _ message: String) -> PublishedStatisticsError {
                PublishedStatisticsError(file: path, line: record.line, column: index[column].map { $0 + 1 },
                                         columnName: column.rawValue, message: message)
            }
            func date(_ column: Column) throws -> Date {
                let text = field(column)
                let parsed: Date?
                if let known = dates[text] { parsed = known } else {
                    parsed = PublishedDate.parse(text)
                    dates[text] = parsed
                }
                guard let parsed else {
                    throw failure(column, "'\(text)' is not a date (expected DD/MM/YYYY or YYYY-MM-DD)")
                }
                return parsed
            }
            let start = try date(.periodStart), end = try date(.periodEnd)
            guard end >= start else {
                throw failure(.periodEnd, "'\(field(.periodEnd))' is before REPORTING_PERIOD_START '\(field(.periodStart))'")
            }
            var status: PublicationStatus?
            if index[.status] != nil {
                guard let known = PublicationStatus(published: field(.status)) else {
                    throw failure(.status, "'\(field(.status))' is not a status NHS England publishes ("
                        + PublicationStatus.allCases.map(\.published).joined(separator: ", ") + ")")
                }
                status = known
            }
            let valueText = field(.measureValue)
            var value: Double?
            if valueText != suppressed {
                guard let number = Double(valueText), number.isFinite, !valueText.isEmpty,
                      valueText.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "-" || $0 == "e" || $0 == "E" || $0 == "+" })
                else {
                    throw failure(.measureValue, "'\(valueText)' is not a number (nor '\(suppressed)', the published "
                        + "suppression marker)")
                }
                value = number
            }
            let period = field(.periodStart) + " to " + field(.periodEnd)
            rows.append(Row(line: record.line, month: ReportingMonth.single(from: start, to: end), period: period,
                            status: status, breakdown: field(.breakdown), primaryLevel: field(.primaryLevel),
                            primaryLevelDescription: field(.primaryLevelDescription), secondaryLevel: field(.secondaryLevel),
                            secondaryLevelDescription: field(.secondaryLevelDescription), measure: field(.measureId),
                            value: value))
        }
        return MonthlyStatisticsFile(path: path, rows: rows, hasStatus: index[.status] != nil)
    }
}

/// Which submission a published figure comes from. NHS England publishes each month first from
/// the providers' primary submission (Provisional), then again with their refresh (Final,
/// renamed Performance in 2020); a file holding a month twice holds the later one too.
public enum PublicationStatus: Int, CaseIterable, Comparable, Sendable {
    case provisional = 1
    case performance = 2
    case final = 3

    /// The word the files write.
    public var published: String {
        switch self {
        case .provisional: "Provisional"
        case .performance: "Performance"
        case .final: "Final"
        }
    }

    init?(published text: String) {
        guard let found = Self.allCases.first(where: { $0.published.caseInsensitiveCompare(text) == .orderedSame })
        else { return nil }
        self = found
    }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// A problem with a published statistics file, or with what was asked of it: file, line and
/// column (1-based field number and the column's name) when there is one.
public struct PublishedStatisticsError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let column: Int?
    public let columnName: String?
    public let message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, columnName: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.columnName = columnName
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return place + ": " + (columnName.map { "\($0) " } ?? "") + message
    }
}

/// The dates the published files write, as a UTC calendar day.
enum PublishedDate {
    static func parse(_ text: String) -> Date? {
        let parts: [Substring]
        let day: Int?, month: Int?, year: Int?
        if text.contains("/") {
            parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[2].count == 4 else { return nil }
            (day, month, year) = (Int(parts[0]), Int(parts[1]), Int(parts[2]))
        } else {
            parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4 else { return nil }
            (year, month, day) = (Int(parts[0]), Int(parts[1]), Int(parts[2]))
        }
        guard parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) }),
              let day, let month, let year, (1...12).contains(month),
              (1...ReportingMonth(year: year, month: month).days).contains(day) else { return nil }
        return ReportingMonth.calendar.date(from: DateComponents(year: year, month: month, day: day))
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
