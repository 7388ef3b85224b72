import Foundation

/// A calendar month, the reporting period of the monthly statistics: written `YYYY-MM`.
public struct ReportingMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// `YYYY-MM`, or nil for anything else.
    public init?(text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        self.init(year: year, month: month)
    }

    public var description: String {
        String(year) + "-" + (month < 10 ? "0" : "") + String(month)
    }

    /// Days in the month (Gregorian).
    public var days: Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public var next: ReportingMonth {
        month == 12 ? ReportingMonth(year: year + 1, month: 1) : ReportingMonth(year: year, month: month + 1)
    }

    /// Every month from `first` to `last`, both included.
    public static func range(_ first: ReportingMonth, _ last: ReportingMonth) -> [ReportingMonth] {
        var months: [ReportingMonth] = []
        var month = first
        while month <= last {
            months.append(month)
            month = month.next
        }
        return months
    }

    public static func < (a: Self, b: Self) -> Bool { (a.year, a.month) < (b.year, b.month) }

    /// UTC Gregorian: the published dates are calendar days, not instants.
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// The month a period covers when it is exactly one calendar month (its first day to its
    /// last); nil for a longer or shorter period.
    static func single(from start: Date, to end: Date) -> ReportingMonth? {
        let first = calendar.dateComponents([.year, .month, .day], from: start)
        let last = calendar.dateComponents([.year, .month, .day], from: end)
        guard let year = first.year, let month = first.month, first.day == 1, last.year == year, last.month == month
        else { return nil }
        let reporting = ReportingMonth(year: year, month: month)
        return last.day == reporting.days ? reporting : nil
    }
}
