/// The calendar of a patient extract: the model's clock counts hours from a Monday midnight,
/// which extracts date as 2024-04-01 00:00 (a Monday, the first day of NHS financial year
/// 2024/25), so day of week and hour of day read as the model ran them.
public enum ExtractCalendar {
    /// Days from 1970-01-01 to 2024-04-01.
    static let epochDay = 19814

    /// Model hour `hours` as `YYYY-MM-DD HH:MM` (to the nearest minute), the form Excel and
    /// pandas read as a date-time; empty for NaN (did not happen).
    public static func dateTime(_ hours: Double) -> String {
        guard hours.isFinite else { return "" }
        let minutes = Int((hours * 60).rounded())
        let (dayOffset, minuteOfDay) = minutes.quotientAndRemainder(dividingBy: 1440)
        let day = minuteOfDay < 0 ? dayOffset - 1 : dayOffset
        let minute = minuteOfDay < 0 ? minuteOfDay + 1440 : minuteOfDay
        let (year, month, dayOfMonth) = civil(fromDays: epochDay + day)
        return "\(year)-\(twoDigits(month))-\(twoDigits(dayOfMonth)) \(twoDigits(minute / 60)):\(twoDigits(minute % 60))"
    }

    /// Model hours of `YYYY-MM-DD HH:MM`, the inverse of `dateTime`; also the ISO 8601 forms
    /// a database exports (`T` between date and time, seconds); nil when it is none of them.
    public static func hours(_ text: Substring) -> Double? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" || $0 == "T" })
        guard parts.count == 5 || parts.count == 6, let year = Int(parts[0]), let month = Int(parts[1]),
              let day = Int(parts[2]), let hour = Int(parts[3]), let minute = Int(parts[4]),
              (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        var second = 0.0
        if parts.count == 6 {
            guard let seconds = Double(parts[5]), seconds >= 0, seconds < 60 else { return nil }
            second = seconds
        }
        let days = days(fromCivil: year, month, day)
        guard civil(fromDays: days) == (year, month, day) else { return nil }  // 2025-02-30
        return Double(days - epochDay) * 24 + Double(hour) + Double(minute) / 60 + second / 3600
    }

    /// Model hours of the midnight starting `YYYY-MM-DD`; nil when it is not a date.
    public static func hours(ofDate text: Substring) -> Double? {
        hours(text + " 00:00")
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    /// The proleptic Gregorian date of a day count from 1970-01-01 (Hinnant's `civil_from_days`,
    /// http://howardhinnant.github.io/date_algorithms.html).
    static func civil(fromDays z: Int) -> (Int, Int, Int) {
        let z = z + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The day count from 1970-01-01 of a proleptic Gregorian date (Hinnant's `days_from_civil`).
    static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
