import CrisisScenario
import Foundation

/// Calibration targets for one organisation from the public monthly statistics: the MHSDS
/// monthly file and, when given, the Out of Area Placements file.
///
/// For each target, the organisation's figure for each month is read (the best status of each
/// month, never two of one month), the months are turned into a rate a year over their days,
/// and the standard error comes from the month-to-month spread, never below a Poisson floor:
///
/// - events (admissions, placements started) and bed days: value = sum / days x 365; SE = the
///   larger of sd(monthly rates a year) / sqrt(months) and sqrt(sum) / days x 365;
/// - adult acute ward stays open at month end, as bed days: each month's count x its days, then
///   as bed days above (a month-end census estimates the beds occupied every night);
/// - people at month end: value = mean of the month ends; SE = the larger of
///   sd / sqrt(months) and sqrt(sum) / months.
///
/// The spread treats months as independent; counts a month apart are correlated (a stay lasts
/// about a month), so the SE is a lower bound on the true uncertainty rather than a generous one.
public enum PublicTargets {
    /// What is asked: an organisation code (provider, sub-ICB or ICB, as the files write it)
    /// and optionally the first and last months to use.
    public struct Request: Sendable {
        public var organisation: String
        public var from: ReportingMonth?
        public var to: ReportingMonth?

        public init(organisation: String, from: ReportingMonth? = nil, to: ReportingMonth? = nil) {
            self.organisation = organisation
            self.from = from
            self.to = to
        }
    }

    /// How a target's monthly figures become its value.
    public enum Kind: Sendable {
        /// A count of events in the month; the target is a rate a year.
        case events
        /// Bed days in the month; the target is bed days a year.
        case bedDays
        /// People in beds at the month's end, standing for every night of it; the target is bed
        /// days a year.
        case censusBedDays
        /// People at the month's end; the target is their mean.
        case peopleAtMonthEnd
    }

    /// A target and the measures it is made from, summed month by month.
    public struct Recipe: Sendable {
        public let kpi: String
        public let measures: [PublishedMeasure]
        public let kind: Kind
        /// Why the target is left out when one of its files is not given.
        public let needs: String?
    }

    public static let recipes: [Recipe] = [
        Recipe(kpi: "admissions.total",
               measures: [MHSDSMonthlyStatistics.adultAcuteAdmissions, OutOfAreaPlacementStatistics.started], kind: .events,
               needs: "MHS27a counts admissions to the organisation's own beds; the model's admissions include "
                + "placements out of area, which OAP01a adds"),
        Recipe(kpi: "beds.bed_days", measures: [MHSDSMonthlyStatistics.adultAcuteWardStays], kind: .censusBedDays,
               needs: nil),
        Recipe(kpi: "oap.placements", measures: [OutOfAreaPlacementStatistics.started], kind: .events, needs: nil),
        Recipe(kpi: "oap.bed_days", measures: [OutOfAreaPlacementStatistics.bedDays], kind: .bedDays, needs: nil),
        Recipe(kpi: "oap.active_at_month_end", measures: [OutOfAreaPlacementStatistics.activeAtEnd],
               kind: .peopleAtMonthEnd, needs: nil),
    ]

    /// A target made, with what went into it.
    public struct Made: Sendable {
        public let target: CalibrationTarget
        public let recipe: Recipe
        public let months: [ReportingMonth]
        /// Months of the period without a figure for every measure.
        public let missing: [ReportingMonth]
        /// Months of the period left out because a figure was suppressed (`*`).
        public let suppressed: [ReportingMonth]
        /// Months used whose figure is Provisional (no later one in the file).
        public let provisional: [ReportingMonth]
        /// The standard error from the month-to-month spread (nil with one month).
        public let spreadError: Double?
        /// The Poisson floor.
        public let floorError: Double
        /// The total count or bed days over the months used.
        public let total: Double
    }

    /// One file as used.
    public struct FileUse: Sendable {
        public let path: String
        public let rows: Int
        /// The breakdown the organisation was found under (`Provider`, `Sending Provider`, ...).
        public let breakdown: String
        /// Organisations the file has under that breakdown.
        public let organisations: Int
        /// The organisation's rows in the period for the measures used.
        public let rowsUsed: Int
        /// Of the organisation's rows, those replaced by a later status of the same month.
        public let superseded: Int
        /// The organisation's rows covering more than one month (rolling quarters), not used.
        public let longerPeriods: Int
        /// The organisation's suppressed values in the period, for the measures used.
        public let suppressed: Int
    }

    public struct Result: Sendable {
        public let organisation: String
        /// The organisation's name as the files give it (empty when they do not).
        public let name: String
        public let first: ReportingMonth
        public let last: ReportingMonth
        public let made: [Made]
        public let files: [FileUse]
        /// Targets not made, and why.
        public let notMade: [String]

        public var targets: [CalibrationTarget] { made.map(\.target) }
    }

    /// Makes the targets, or throws naming the file (and line and column) of the problem.
    public static func make(mhsds: MonthlyStatisticsFile, oaps: MonthlyStatisticsFile?,
                            request: Request) throws -> Result {
        var sources: [PublishedMeasure.Publication: Indexed] = [:]
        sources[.mhsds] = try Indexed(mhsds, organisation: request.organisation)
        if let oaps { sources[.outOfAreaPlacements] = try Indexed(oaps, organisation: request.organisation) }

        // The period: what was asked, else every month the files have for the measures used.
        let available = Set(recipes.flatMap { recipe in
            recipe.measures.flatMap { sources[$0.publication]?.months(of: $0) ?? [] }
        })
        let files = sources.values.map(\.file.path).sorted()
        guard let earliest = available.min(), let latest = available.max() else {
            throw PublishedStatisticsError(file: files.joined(separator: ", "), message: "no single-month figures for "
                + "\(request.organisation) of any measure the targets use ("
                + recipes.flatMap(\.measures).map(\.label).uniqued().joined(separator: ", ") + ")")
        }
        let first = request.from ?? earliest, last = request.to ?? latest
        let period = first <= last ? ReportingMonth.range(first, last) : []
        guard period.contains(where: available.contains) else {
            throw PublishedStatisticsError(file: files.joined(separator: ", "), message: "no months from \(first) to \(last) "
                + "for \(request.organisation): the files have \(earliest) to \(latest) for the measures used")
        }

        var made: [Made] = []
        var notMade: [String] = []
        var rowsUsed: [PublishedMeasure.Publication: Set<Int>] = [:]
        var suppressedRows: [PublishedMeasure.Publication: Set<Int>] = [:]
        let name = sources[.mhsds]?.name.nilIfEmpty ?? sources[.outOfAreaPlacements]?.name ?? ""
        for recipe in recipes {
            let absent = recipe.measures.filter { sources[$0.publication] == nil }
            if !absent.isEmpty {
                notMade.append("\(recipe.kpi): needs the Out of Area Placements file (--oaps)"
                    + (recipe.needs.map { ": \($0)" } ?? ""))
                continue
            }
            var months: [ReportingMonth] = [], values: [Double] = [], missing: [ReportingMonth] = []
            var suppressed: [ReportingMonth] = [], provisional: [ReportingMonth] = []
            for month in period {
                let rows = recipe.measures.map { sources[$0.publication]!.row(of: $0, in: month) }
                for (measure, row) in zip(recipe.measures, rows) {
                    guard let row else { continue }
                    rowsUsed[measure.publication, default: []].insert(row.line)
                    if row.value == nil { suppressedRows[measure.publication, default: []].insert(row.line) }
                }
                if rows.contains(where: { $0 == nil }) {
                    missing.append(month)
                } else if rows.contains(where: { $0?.value == nil }) {
                    suppressed.append(month)
                } else {
                    months.append(month)
                    values.append(rows.reduce(0) { $0 + ($1?.value ?? 0) })
                    if rows.contains(where: { $0?.status == .provisional }) { provisional.append(month) }
                }
            }
            guard !months.isEmpty else {
                notMade.append("\(recipe.kpi): no month from \(first) to \(last) with "
                    + recipe.measures.map(\.label).joined(separator: " and ") + " for \(request.organisation)"
                    + (suppressed.isEmpty ? "" : " (\(suppressed.count) suppressed)"))
                continue
            }
            let estimate = Estimate(recipe.kind, values: values, days: months.map(\.days))
            let target = CalibrationTarget(
                kpi: recipe.kpi, value: rounded(estimate.value), standardError: rounded(estimate.standardError, up: true),
                source: source(recipe, organisation: request.organisation, name: name, first: first, last: last,
                               months: months, missing: missing, suppressed: suppressed, provisional: provisional,
                               estimate: estimate))
            made.append(Made(target: target, recipe: recipe, months: months, missing: missing, suppressed: suppressed,
                             provisional: provisional, spreadError: estimate.spread, floorError: estimate.floor,
                             total: estimate.total))
        }
        let uses = [PublishedMeasure.Publication.mhsds, .outOfAreaPlacements].compactMap { publication -> FileUse? in
            guard let indexed = sources[publication] else { return nil }
            return FileUse(path: indexed.file.path, rows: indexed.file.rows.count, breakdown: indexed.breakdown,
                           organisations: indexed.organisations.count, rowsUsed: rowsUsed[publication]?.count ?? 0,
                           superseded: indexed.superseded, longerPeriods: indexed.longerPeriods,
                           suppressed: suppressedRows[publication]?.count ?? 0)
        }
        return Result(organisation: request.organisation, name: name, first: first, last: last, made: made, files: uses,
                      notMade: notMade)
    }

    /// The comment lines at the top of the targets file.
    public static func header(_ result: Result, command: String) -> [String] {
        var lines = [
            "Calibration targets from NHS England's public monthly statistics (docs/DATA.md,",
            "\"Targets from the public statistics\"), written by:",
            "  " + command,
            "",
            "Organisation: \(result.organisation)" + (result.name.isEmpty ? "" : " (\(result.name))")
                + ", \(result.first) to \(result.last).",
        ]
        for file in result.files {
            lines.append("\(file.path): breakdown '\(file.breakdown)', \(NumberFormat.count(file.rowsUsed, "row")) used"
                + (file.superseded > 0 ? ", \(file.superseded) superseded by a later status" : "")
                + (file.suppressed > 0 ? ", \(file.suppressed) suppressed" : "") + ".")
        }
        lines += [
            "",
            "Each value is the months' total over their days x 365 (a rate a year), or for people at",
            "month end their mean. Each standard error is the larger of the month-to-month spread",
            "(sd / sqrt(months)) and a Poisson floor (sqrt(total)); months are taken as independent.",
            "Suppressed months (*) are left out, which overstates a small count: a target's source",
            "says which months it used.",
        ]
        if !result.notMade.isEmpty {
            lines.append("")
            lines.append("Not made:")
            lines += result.notMade.map { "  " + $0 }
        }
        lines.append("")
        lines.append("Measures not used, and why:")
        for unused in MHSDSMonthlyStatistics.unused + OutOfAreaPlacementStatistics.unused {
            lines.append("  " + unused.ids.joined(separator: ", ") + ": " + unused.why)
        }
        return lines
    }

    // MARK: - Estimation

    /// A target's value and standard error from its months.
    struct Estimate {
        let value: Double
        /// sd / sqrt(n) of the monthly figures (as rates a year where the target is one); nil
        /// with fewer than two months.
        let spread: Double?
        let floor: Double
        /// The count, bed days or people summed over the months.
        let total: Double

        var standardError: Double { max(spread ?? 0, floor) }

        init(_ kind: Kind, values: [Double], days: [Int]) {
            let n = Double(values.count)
            switch kind {
            case .events, .bedDays, .censusBedDays:
                let amounts = kind == .censusBedDays ? zip(values, days).map { $0 * Double($1) } : values
                let totalDays = Double(days.reduce(0, +))
                total = amounts.reduce(0, +)
                value = total / totalDays * 365
                spread = Self.standardError(zip(amounts, days).map { $0 / Double($1) * 365 })
                floor = max(total, 1).squareRoot() / totalDays * 365
            case .peopleAtMonthEnd:
                total = values.reduce(0, +)
                value = total / n
                spread = Self.standardError(values)
                floor = max(total, 1).squareRoot() / n
            }
        }

        /// sd (n - 1) / sqrt(n); nil below two values.
        static func standardError(_ values: [Double]) -> Double? {
            guard values.count >= 2 else { return nil }
            let n = Double(values.count)
            let mean = values.reduce(0, +) / n
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
            return (variance / n).squareRoot()
        }
    }

    /// Two decimals: finer than any published count supports, and a file a person reads. An
    /// error is rounded up so it never becomes 0.
    static func rounded(_ value: Double, up: Bool = false) -> Double {
        up ? (value * 100).rounded(.up) / 100 : (value * 100).rounded() / 100
    }

    static func source(_ recipe: Recipe, organisation: String, name: String, first: ReportingMonth, last: ReportingMonth,
                       months: [ReportingMonth], missing: [ReportingMonth], suppressed: [ReportingMonth],
                       provisional: [ReportingMonth], estimate: Estimate) -> String {
        let measures = recipe.measures.map { "\($0.publication.rawValue) \($0.label)" }.joined(separator: " + ")
        var text = "\(measures), \(organisation)" + (name.isEmpty ? "" : " \(name)") + ", \(first) to \(last): "
            + NumberFormat.count(months.count, "month")
        var gaps: [String] = []
        if !missing.isEmpty { gaps.append("missing " + monthList(missing)) }
        if !suppressed.isEmpty { gaps.append("suppressed " + monthList(suppressed)) }
        if !provisional.isEmpty { gaps.append("provisional " + monthList(provisional)) }
        if !gaps.isEmpty { text += " (" + gaps.joined(separator: "; ") + ")" }
        let unit = recipe.kind == .peopleAtMonthEnd ? "" : " a year"
        switch recipe.kind {
        case .events, .bedDays:
            text += "; total \(NumberFormat.grouped(estimate.total)) / days x 365"
        case .censusBedDays:
            text += "; month-end count x days in month = \(NumberFormat.grouped(estimate.total)) bed days, / days x 365"
        case .peopleAtMonthEnd:
            text += "; mean of the month ends"
        }
        let floorText = recipe.kind == .peopleAtMonthEnd ? "sqrt(sum)/months" : "sqrt(total)"
        text += "; SE the larger of sd/sqrt(months) = "
            + (estimate.spread.map { NumberFormat.significant($0, 3) + unit } ?? "undefined (one month)")
            + " and the Poisson floor \(floorText) = " + NumberFormat.significant(estimate.floor, 3) + unit
        return text
    }

    /// `2024-08, 2024-09`, or a run as `2024-08 to 2024-11`.
    public static func monthList(_ months: [ReportingMonth]) -> String {
        var runs: [[ReportingMonth]] = []
        for month in months {
            if let previous = runs.last?.last, previous.next == month { runs[runs.count - 1].append(month) } else {
                runs.append([month])
            }
        }
        return runs.map { $0.count == 1 ? "\($0[0])" : "\($0[0]) to \($0[$0.count - 1])" }.joined(separator: ", ")
    }

    // MARK: - One file's rows for the organisation

    /// A file's rows for one organisation, by measure and month, each month's best status.
    struct Indexed {
        struct Key: Hashable {
            let measure: String
            /// Lower-cased bed type, nil for the organisation's own row.
            let bedType: String?
            let month: ReportingMonth
        }

        let file: MonthlyStatisticsFile
        let breakdown: String
        let organisations: [String: String]
        let name: String
        private(set) var rows: [Key: MonthlyStatisticsFile.Row] = [:]
        private(set) var superseded = 0
        private(set) var longerPeriods = 0

        init(_ file: MonthlyStatisticsFile, organisation: String) throws {
            self.file = file
            // Organisations are the rows of a breakdown by one level (no "; ..." second level).
            var byBreakdown: [String: [String: String]] = [:]
            for row in file.rows where !row.breakdown.contains(";") {
                let description = row.primaryLevelDescription
                let known = byBreakdown[row.breakdown, default: [:]][row.primaryLevel]
                if known == nil || (known!.isEmpty && !Self.isPlaceholder(description)) {
                    byBreakdown[row.breakdown, default: [:]][row.primaryLevel] = Self.isPlaceholder(description) ? "" : description
                }
            }
            let found = byBreakdown.filter { $0.value.keys.contains { $0.caseInsensitiveCompare(organisation) == .orderedSame } }
            guard found.count == 1, let (breakdown, organisations) = found.first else {
                if found.count > 1 {
                    throw PublishedStatisticsError(file: file.path, message: "'\(organisation)' is under more than one "
                        + "breakdown (" + found.keys.sorted().joined(separator: ", ") + "): the figures of each differ, "
                        + "so which is meant is not clear; keep the rows of one breakdown in the file")
                }
                throw Self.notFound(organisation, in: file, byBreakdown: byBreakdown)
            }
            self.breakdown = breakdown
            self.organisations = organisations
            let code = organisations.keys.first { $0.caseInsensitiveCompare(organisation) == .orderedSame }!
            self.name = organisations[code] ?? ""
            let bedTypeBreakdown = (breakdown + MHSDSMonthlyStatistics.bedTypeBreakdownSuffix).lowercased()
            for row in file.rows where row.primaryLevel == code {
                let bedType: String?
                if row.breakdown == breakdown {
                    bedType = nil
                } else if row.breakdown.lowercased() == bedTypeBreakdown {
                    bedType = row.secondaryLevelDescription.lowercased()
                } else {
                    continue
                }
                guard let month = row.month else {
                    longerPeriods += 1
                    continue
                }
                let key = Key(measure: row.measure, bedType: bedType, month: month)
                guard let held = rows[key] else {
                    rows[key] = row
                    continue
                }
                if held.status != row.status {
                    superseded += 1
                    if let status = row.status, held.status.map({ status > $0 }) ?? true { rows[key] = row }
                } else if held.value != row.value {
                    throw PublishedStatisticsError(file: file.path, line: row.line, message: "\(row.measure)"
                        + (bedType == nil ? "" : " (\(row.secondaryLevelDescription))")
                        + " for \(code) in \(month) is given again, with a different value ("
                        + (row.value.map(NumberFormat.exact) ?? "*") + ", line \(held.line) has "
                        + (held.value.map(NumberFormat.exact) ?? "*") + ")"
                        + (row.status.map { ", both \($0.published)" } ?? "") + ": a month is counted once, so "
                        + "keep one publication of each month in the file")
                }
            }
        }

        func row(of measure: PublishedMeasure, in month: ReportingMonth) -> MonthlyStatisticsFile.Row? {
            rows[Key(measure: measure.id, bedType: measure.bedType?.lowercased(), month: month)]
        }

        func months(of measure: PublishedMeasure) -> [ReportingMonth] {
            rows.keys.filter { $0.measure == measure.id && $0.bedType == measure.bedType?.lowercased() }.map(\.month)
        }

        static func isPlaceholder(_ description: String) -> Bool {
            description.isEmpty || description == "NONE" || description == "UNKNOWN"
        }

        /// The organisation is not in the file: how many there are, and the nearest codes.
        static func notFound(_ organisation: String, in file: MonthlyStatisticsFile,
                             byBreakdown: [String: [String: String]]) -> PublishedStatisticsError {
            let breakdowns = byBreakdown.keys.filter { $0 != "England" }.sorted()
            guard !breakdowns.isEmpty else {
                return PublishedStatisticsError(file: file.path, message: "has no organisations (no rows of a breakdown "
                    + "such as Provider): '\(organisation)' cannot be found")
            }
            var counts = breakdowns.map { "\(byBreakdown[$0]!.count) under \($0)" }
            if counts.count > 4 { counts = Array(counts.prefix(4)) + ["..."] }
            var all: [String: String] = [:]
            for breakdown in breakdowns { all.merge(byBreakdown[breakdown]!) { first, _ in first } }
            let wanted = organisation.uppercased()
            func shared(_ code: String) -> Int {
                zip(code.uppercased(), wanted).prefix { $0 == $1 }.count
            }
            // Longest shared prefix first, then alphabetical: the order a slip is likeliest in,
            // and the same every run (a dictionary's order is not).
            let ordered = all.keys.sorted { (shared($0), $1) > (shared($1), $0) }
            let nearest = ordered.prefix(5)
            let suggestion = Suggestion.closest(to: organisation, among: ordered)
            return PublishedStatisticsError(file: file.path, message: "has no organisation '\(organisation)'"
                + (suggestion.map { "; did you mean '\($0)'?" } ?? "") + " (it has " + counts.joined(separator: ", ")
                + "; nearest codes: " + nearest.map { all[$0]!.isEmpty ? $0 : "\($0) \(all[$0]!)" }.joined(separator: ", ")
                + ")")
        }
    }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

private extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
