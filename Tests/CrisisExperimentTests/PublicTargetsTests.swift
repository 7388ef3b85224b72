@testable import CrisisExperiment
import CrisisScenario
import Foundation
import XCTest

/// Targets from NHS England's public monthly statistics: the published layout read and
/// checked, each month once at its latest status, rates a year over the months' days, standard
/// errors from the monthly spread with a Poisson floor, and every problem named by file, line
/// and column.
final class PublicTargetsTests: XCTestCase {
    static let header = "REPORTING_PERIOD_START,REPORTING_PERIOD_END,STATUS,BREAKDOWN,PRIMARY_LEVEL,"
        + "PRIMARY_LEVEL_DESCRIPTION,SECONDARY_LEVEL,SECONDARY_LEVEL_DESCRIPTION,MEASURE_ID,MEASURE_VALUE"

    /// A row of the MHSDS file for provider RXX (or `code`), month `month` (YYYY-MM).
    static func row(_ month: String, _ measure: String, _ value: String, status: String = "Performance",
                    code: String = "RXX", bedType: String? = nil, breakdown: String = "Provider",
                    slashes: Bool = true) -> String {
        let reporting = ReportingMonth(text: month)!
        let mm = month.suffix(2), yyyy = month.prefix(4)
        let start = slashes ? "01/\(mm)/\(yyyy)" : "\(month)-01"
        let end = slashes ? "\(reporting.days)/\(mm)/\(yyyy)" : "\(month)-\(reporting.days)"
        let level = bedType.map { "\($0),\($0)" } ?? "NONE,NONE"
        let name = code == "RXX" ? "Northshire Mental Health NHS Trust" : "Other Trust \(code)"
        return "\(start),\(end),\(status),\(breakdown + (bedType == nil ? "" : "; Bed Type")),\(code),\(name),\(level),\(measure),\(value)"
    }

    static func file(_ rows: [String], path: String = "mhsds.csv") throws -> MonthlyStatisticsFile {
        try MonthlyStatisticsFile.parse(([header] + rows).joined(separator: "\n") + "\n", path: path)
    }

    static func oapRow(_ month: String, _ measure: String, _ value: String, status: String = "Performance") -> String {
        row(month, measure, value, status: status, breakdown: "Sending Provider", slashes: false)
    }

    private func make(_ mhsds: [String], oaps: [String]? = nil, from: String? = nil, to: String? = nil,
                      organisation: String = "RXX") throws -> PublicTargets.Result {
        try PublicTargets.make(mhsds: Self.file(mhsds), oaps: try oaps.map { try Self.file($0, path: "oaps.csv") },
                               request: PublicTargets.Request(organisation: organisation,
                                                              from: from.flatMap(ReportingMonth.init(text:)),
                                                              to: to.flatMap(ReportingMonth.init(text:))))
    }

    private func target(_ result: PublicTargets.Result, _ kpi: String) -> PublicTargets.Made? {
        result.made.first { $0.target.kpi == kpi }
    }

    private func assertError(_ expression: @autoclosure () throws -> Any, _ expected: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try expression(), file: file, line: line) { error in
            XCTAssertEqual((error as? PublishedStatisticsError)?.description, expected, file: file, line: line)
        }
    }

    // MARK: Reading the layout

    func testBothPublishedDateFormatsReadAsTheSameMonth() throws {
        let file = try Self.file([Self.row("2024-04", "AMH21a", "70"), Self.row("2024-05", "AMH21a", "71", slashes: false)])
        XCTAssertEqual(file.rows.map(\.month), [ReportingMonth(year: 2024, month: 4), ReportingMonth(year: 2024, month: 5)])
        XCTAssertEqual(file.rows.map(\.value), [70, 71])
        XCTAssertEqual(file.rows.map(\.status), [.performance, .performance])
        XCTAssertEqual(file.rows.map(\.line), [2, 3])
    }

    func testARollingQuarterIsNotAMonth() throws {
        let quarter = "2024-04-01,2024-06-30,Performance,Sending Provider,RXX,Northshire,NONE,NONE,OAP01a,22"
        let file = try Self.file([quarter])
        XCTAssertNil(file.rows[0].month)
        let result = try make([Self.row("2024-04", "AMH21a", "70")], oaps: [quarter, Self.oapRow("2024-04", "OAP01a", "7")])
        XCTAssertEqual(result.files[1].longerPeriods, 1)
        XCTAssertEqual(target(result, "oap.placements")?.months.count, 1)
    }

    func testWindows1252TextIsRead() throws {
        var data = Data((Self.header + "\n").utf8)
        data.append(Data("01/04/2024,30/04/2024,Performance,Provider,RXX,St Mary".utf8))
        data.append(0x92)  // a curly apostrophe in Windows-1252, not UTF-8
        data.append(Data("s Trust,NONE,NONE,AMH21a,70\n".utf8))
        let file = try MonthlyStatisticsFile.parse(MonthlyStatisticsFile.text(of: data), path: "x.csv")
        XCTAssertEqual(file.rows[0].primaryLevelDescription, "St Mary\u{2019}s Trust")
    }

    func testAQuotedLineBreakKeepsLaterLineNumbersRight() throws {
        let quoted = "01/04/2024,30/04/2024,Performance,Provider,RXX,\"Northshire\nTrust\",NONE,NONE,AMH21a,70"
        assertError(try Self.file([quoted, Self.row("2024-05", "AMH21a", "many")]),
                    "mhsds.csv:4:10: MEASURE_VALUE 'many' is not a number (nor '*', the published suppression marker)")
    }

    // MARK: Errors, each with file, line and column

    func testAMissingColumnIsNamed() {
        let text = "REPORTING_PERIOD_START,REPORTING_PERIOD_END,STATUS,BREAKDOWN,PRIMARY_LEVEL,MEASURE_ID\n"
        XCTAssertThrowsError(try MonthlyStatisticsFile.parse(text, path: "m.csv")) { error in
            let text = (error as? PublishedStatisticsError)?.description ?? ""
            XCTAssertTrue(text.hasPrefix("m.csv:1: has no column PRIMARY_LEVEL_DESCRIPTION, SECONDARY_LEVEL, "
                + "SECONDARY_LEVEL_DESCRIPTION, MEASURE_VALUE (the header has REPORTING_PERIOD_START,"), text)
        }
    }

    func testABadDateIsNamed() {
        let bad = Self.row("2024-04", "AMH21a", "70").replacingOccurrences(of: "30/04/2024", with: "31/04/2024")
        assertError(try Self.file([Self.row("2024-05", "AMH21a", "71"), bad]),
                    "mhsds.csv:3:2: REPORTING_PERIOD_END '31/04/2024' is not a date (expected DD/MM/YYYY or YYYY-MM-DD)")
    }

    func testAPeriodEndingBeforeItStartsIsNamed() {
        let bad = "01/05/2024,30/04/2024,Performance,Provider,RXX,N,NONE,NONE,AMH21a,70"
        assertError(try Self.file([bad]), "mhsds.csv:2:2: REPORTING_PERIOD_END '30/04/2024' is before REPORTING_PERIOD_START '01/05/2024'")
    }

    func testANonNumericValueIsNamedButTheSuppressionMarkerIsNot() throws {
        assertError(try Self.file([Self.row("2024-04", "AMH21a", "12a")]),
                    "mhsds.csv:2:10: MEASURE_VALUE '12a' is not a number (nor '*', the published suppression marker)")
        assertError(try Self.file([Self.row("2024-04", "AMH21a", "")]),
                    "mhsds.csv:2:10: MEASURE_VALUE '' is not a number (nor '*', the published suppression marker)")
        XCTAssertNil(try Self.file([Self.row("2024-04", "AMH21a", "*")]).rows[0].value)
    }

    func testAnUnknownStatusIsNamed() {
        assertError(try Self.file([Self.row("2024-04", "AMH21a", "70", status: "Draft")]),
                    "mhsds.csv:2:3: STATUS 'Draft' is not a status NHS England publishes (Provisional, Performance, Final)")
    }

    func testARowWithTooFewFieldsIsNamed() {
        assertError(try Self.file(["01/04/2024,30/04/2024,Performance,Provider,RXX"]), "mhsds.csv:2: has 5 fields, the header 10")
    }

    func testAnOrganisationNotInTheFileListsHowManyThereAreAndTheNearest() {
        let rows = [Self.row("2024-04", "AMH21a", "70"), Self.row("2024-04", "AMH21a", "50", code: "RYY"),
                    Self.row("2024-04", "AMH21a", "40", code: "TAF")]
        assertError(try make(rows, organisation: "RXZ"),
                    "mhsds.csv: has no organisation 'RXZ'; did you mean 'RXX'? (it has 3 under Provider; nearest codes: "
                        + "RXX Northshire Mental Health NHS Trust, RYY Other Trust RYY, TAF Other Trust TAF)")
    }

    func testACodeUnderTwoBreakdownsIsRefusedRatherThanGuessed() {
        assertError(try make([Self.row("2024-04", "AMH21a", "70", breakdown: "ICB"),
                              Self.row("2024-04", "AMH21a", "64", breakdown: "ICB of GP Practice or Residence")]),
                    "mhsds.csv: 'RXX' is under more than one breakdown (ICB, ICB of GP Practice or Residence): the figures "
                        + "of each differ, so which is meant is not clear; keep the rows of one breakdown in the file")
    }

    func testNoMonthsInThePeriodSaysWhatTheFilesHave() {
        assertError(try make([Self.row("2024-04", "AMH21a", "70"), Self.row("2024-05", "AMH21a", "71")],
                             from: "2025-01", to: "2025-03"),
                    "mhsds.csv: no months from 2025-01 to 2025-03 for RXX: the files have 2024-04 to 2024-05 for the measures used")
    }

    func testAMonthGivenTwiceAtOneStatusWithDifferentValuesIsRefused() {
        assertError(try make([Self.row("2024-04", "AMH21a", "70"), Self.row("2024-04", "AMH21a", "72")]),
                    "mhsds.csv:3: AMH21a for RXX in 2024-04 is given again, with a different value (72.0, line 2 has 70.0), "
                        + "both Performance: a month is counted once, so keep one publication of each month in the file")
    }

    // MARK: Status, months, annualisation and standard errors

    func testTheLaterPublicationOfAMonthIsUsedAndTheMonthCountedOnce() throws {
        let result = try make([
            Self.row("2024-04", "AMH21a", "60", status: "Provisional"), Self.row("2024-04", "AMH21a", "70"),
            Self.row("2024-05", "AMH21a", "72"), Self.row("2024-05", "AMH21a", "99", status: "Provisional"),
            Self.row("2024-06", "AMH21a", "71", status: "Provisional"),
        ])
        let beds = try XCTUnwrap(target(result, "beds.bed_days"))
        XCTAssertEqual(beds.months.count, 3)
        XCTAssertEqual(beds.provisional, [ReportingMonth(year: 2024, month: 6)])
        XCTAssertEqual(result.files[0].superseded, 2)
        // (70 x 30 + 72 x 31 + 71 x 30) bed days over 91 days, x 365
        let bedDays: Double = 2100 + 2232 + 2130
        XCTAssertEqual(beds.total, bedDays)
        XCTAssertEqual(beds.target.value, PublicTargets.rounded(bedDays / 91 * 365))
        XCTAssertTrue(beds.target.source.contains("(provisional 2024-06)"), beds.target.source)
    }

    func testEventsAreARateAYearOverTheMonthsDays() throws {
        // February 2025 (28 days) and March (31): one a day in each, 365 a year.
        let result = try make([Self.row("2025-02", "AMH21a", "70")],
                              oaps: [Self.oapRow("2025-02", "OAP01a", "28"), Self.oapRow("2025-03", "OAP01a", "31")])
        let placements = try XCTUnwrap(target(result, "oap.placements"))
        XCTAssertEqual(placements.target.value, 365)
        // Both months the same rate: no spread, so the Poisson floor sqrt(59) / 59 days x 365.
        XCTAssertEqual(try XCTUnwrap(placements.spreadError), 0, accuracy: 1e-9)
        XCTAssertEqual(placements.floorError, 59.0.squareRoot() / 59 * 365, accuracy: 1e-9)
        XCTAssertEqual(placements.target.standardError, (59.0.squareRoot() / 59 * 365 * 100).rounded(.up) / 100)
    }

    func testTheStandardErrorIsTheMonthlySpreadWhenThatIsLarger() throws {
        // April and June have 30 days: rates 30 x 365/30 = 365 and 90 x 365/30 = 1095 a year.
        let result = try make([Self.row("2024-04", "AMH21a", "70")],
                              oaps: [Self.oapRow("2024-04", "OAP02a", "30"), Self.oapRow("2024-06", "OAP02a", "90")],
                              from: "2024-04", to: "2024-06")
        let bedDays = try XCTUnwrap(target(result, "oap.bed_days"))
        XCTAssertEqual(bedDays.target.value, PublicTargets.rounded(120.0 / 60 * 365))
        // sd of (365, 1095) is 730 / sqrt(2); over sqrt(2) months: 365.
        let spread = 365.0
        XCTAssertEqual(try XCTUnwrap(bedDays.spreadError), spread, accuracy: 1e-9)
        XCTAssertEqual(bedDays.target.standardError, (spread * 100).rounded(.up) / 100)
        XCTAssertEqual(bedDays.missing, [ReportingMonth(year: 2024, month: 5)], "May is named as missing")
        XCTAssertTrue(bedDays.target.source.contains("2 months (missing 2024-05)"), bedDays.target.source)
    }

    func testPeopleAtMonthEndAreAMeanWithTheirSpread() throws {
        let result = try make([Self.row("2024-04", "AMH21a", "70")],
                              oaps: ["2", "10", "18"].enumerated().map { Self.oapRow("2024-0\($0.offset + 4)", "OAP03a", $0.element) })
        let active = try XCTUnwrap(target(result, "oap.active_at_month_end"))
        XCTAssertEqual(active.target.value, 10)
        XCTAssertEqual(try XCTUnwrap(active.spreadError), 8 / 3.0.squareRoot(), accuracy: 1e-9)
        XCTAssertEqual(active.floorError, 30.0.squareRoot() / 3, accuracy: 1e-9)
        XCTAssertEqual(active.target.standardError, 4.62)
    }

    func testASuppressedMonthIsLeftOutCountedAndNamed() throws {
        let result = try make([Self.row("2024-04", "AMH21a", "70")],
                              oaps: [Self.oapRow("2024-04", "OAP01a", "8"), Self.oapRow("2024-05", "OAP01a", "*"),
                                     Self.oapRow("2024-06", "OAP01a", "6")])
        let placements = try XCTUnwrap(target(result, "oap.placements"))
        XCTAssertEqual(placements.months.count, 2)
        XCTAssertEqual(placements.suppressed, [ReportingMonth(year: 2024, month: 5)])
        XCTAssertEqual(placements.target.value, PublicTargets.rounded(14.0 / 60 * 365))
        XCTAssertEqual(result.files[1].suppressed, 1)
        XCTAssertTrue(placements.target.source.contains("2 months (suppressed 2024-05)"), placements.target.source)
    }

    func testAdmissionsAddThoseSentOutOfAreaAndNeedTheOAPFile() throws {
        let mhsds = [Self.row("2024-04", "MHS27a", "55", bedType: "Adult Acute"),
                     Self.row("2024-04", "MHS27a", "12", bedType: "Older Adult Acute"),
                     Self.row("2024-04", "MHS27", "80"), Self.row("2024-04", "AMH21a", "70")]
        let alone = try make(mhsds)
        XCTAssertNil(target(alone, "admissions.total"))
        XCTAssertTrue(alone.notMade.contains { $0.hasPrefix("admissions.total: needs the Out of Area Placements file (--oaps)") },
                      "\(alone.notMade)")
        let both = try make(mhsds, oaps: [Self.oapRow("2024-04", "OAP01a", "7")])
        XCTAssertEqual(target(both, "admissions.total")?.target.value, PublicTargets.rounded(62.0 / 30 * 365))
    }

    func testTheTargetsFileReadsBack() throws {
        let months = ["2024-04", "2024-05", "2024-06"]
        let result = try make(months.map { Self.row($0, "AMH21a", "70") }
                              + months.map { Self.row($0, "MHS27a", "55", bedType: "Adult Acute") },
                              oaps: months.flatMap { [Self.oapRow($0, "OAP01a", "7"), Self.oapRow($0, "OAP02a", "230"),
                                                      Self.oapRow($0, "OAP03a", "8")] })
        XCTAssertEqual(result.targets.map(\.kpi), ["admissions.total", "beds.bed_days", "oap.placements", "oap.bed_days",
                                                  "oap.active_at_month_end"])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("targets-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("targets.yaml")
        try AtomicFile.write(TargetsFile.text(result.targets, header: PublicTargets.header(result, command: "crisis-sim targets")),
                             to: path)
        let read = try TargetsFile.read(path.path)
        XCTAssertEqual(read.map(\.kpi), result.targets.map(\.kpi))
        XCTAssertEqual(read.map(\.value), result.targets.map(\.value))
        XCTAssertEqual(read.map(\.standardError), result.targets.map(\.standardError))
        XCTAssertEqual(read.map(\.source), result.targets.map(\.source))
        XCTAssertTrue(read.allSatisfy { $0.definition != nil })
    }

    /// docs/DATA.md's mapping table is what the code does: every target's KPI and measures, and
    /// every measure the code says it leaves out.
    func testTheDocumentedMappingIsTheCodes() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/DATA.md")
        let text = try String(contentsOf: url.standardized, encoding: .utf8)
        let section = try XCTUnwrap(text.components(separatedBy: "## Targets from the public statistics\n").dropFirst().first)
        let table = try XCTUnwrap(section.components(separatedBy: "### Which measure gives which KPI").dropFirst().first?
            .components(separatedBy: "### ").first)
        let rows = table.split(separator: "\n").filter { $0.hasPrefix("| `") }
        for recipe in PublicTargets.recipes {
            let row = try XCTUnwrap(rows.first { $0.hasPrefix("| `\(recipe.kpi)`") }, recipe.kpi)
            for measure in recipe.measures { XCTAssertTrue(row.contains("`\(measure.id)`"), "\(measure.id) in \(row)") }
        }
        for unused in MHSDSMonthlyStatistics.unused + OutOfAreaPlacementStatistics.unused {
            XCTAssertTrue(rows.contains { $0.contains("`\(unused.ids[0])`") }, unused.ids[0])
        }
    }

    func testMonthListsJoinRuns() {
        let months = ["2024-01", "2024-02", "2024-03", "2024-05", "2024-12", "2025-01"].map { ReportingMonth(text: $0)! }
        XCTAssertEqual(PublicTargets.monthList(months), "2024-01 to 2024-03, 2024-05, 2024-12 to 2025-01")
        XCTAssertNil(ReportingMonth(text: "2024-13"))
        XCTAssertNil(ReportingMonth(text: "2024-4"))
        XCTAssertEqual(ReportingMonth(year: 2024, month: 2).days, 29)
    }
}
