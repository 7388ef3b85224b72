import CrisisExperiment
import CrisisModel
import CrisisScenario
import Foundation
import SimKernel
import XCTest
@testable import CrisisValidation

/// The generator behind docs/VALIDATION.md: its study runs agree with the formulas they
/// claim, its verdicts say OUTSIDE when a value is outside, and a missing KPI stops it.
final class ValidationTests: XCTestCase {
    func runner(replications: Int) -> StudyRunner {
        StudyRunner(root: ShardPaths.root, replications: replications, threads: 2)
    }

    /// Ten replications of the 20-bed loss study, ten years each: the interval must contain
    /// Erlang B(20, 17), computed here from the numbers the study file states, not from the row.
    func testErlangBStudyRowContainsErlangB() throws {
        let file = ValidationCatalogue.study("erlang-b-20-beds-exponential")
        let check = ValidationCheck.erlangB(file)
        let study = try runner(replications: 10).results(file, overrides: ["run.warmup_days=365.25", "run.horizon_days=3652.5"])
        let rows = try check.erlangBRows(study, source: "test")
        let row = try XCTUnwrap(rows.first)
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(row.estimate.count, 10)
        let expected = 100 * QueueingFormulas.erlangB(servers: 20, load: 204.0 / 12)
        XCTAssertEqual(expected, 8.59, accuracy: 0.005)
        XCTAssertTrue(row.estimate.lower <= expected && expected <= row.estimate.upper,
                      "Erlang B \(expected) outside [\(row.estimate.lower), \(row.estimate.upper)]")
        // The interval is narrow enough to mean something: it would not contain the 50-bed value.
        XCTAssertGreaterThan(row.estimate.lower, 100 * QueueingFormulas.erlangB(servers: 50, load: 42.5))
        XCTAssertEqual(row.expectation, .value(expected, tolerance: 0.03 * expected))
        XCTAssertEqual(row.verdict, .insideInterval)
    }

    /// Synthetic replications, so the verdicts are checked on values chosen to fall either side.
    func study(_ values: [String: [Double]]) throws -> StudyResults {
        let count = values.values.first?.count ?? 0
        let replications = (0..<count).map { r in
            ReplicationResult(replication: r, kpis: values.map { KPIValue(id: $0.key, stratum: "all", value: $0.value[r]) },
                              eventsHandled: 0, daily: nil, trace: [])
        }
        let scenario = try ScenarioLoader.load(ShardPaths.scenario("baseline.yaml"))
        return StudyResults(file: "synthetic.yaml", overrides: [], scenario: scenario, replications: replications)
    }

    func testBandCheckerMarksAValueOutsideItsBand() throws {
        let occupancy = CalibrationBand("occupancy, %", .kpi("beds.occupancy"), .between(93, 97), source: "test")
        XCTAssertEqual(try occupancy.row(study(["beds.occupancy": [98, 98.5, 99]])).verdict, .outside)
        XCTAssertEqual(try occupancy.row(study(["beds.occupancy": [92, 92.5, 92.9]])).verdict, .outside)
        XCTAssertEqual(try occupancy.row(study(["beds.occupancy": [94, 95, 96]])).verdict, .inside)
        // A share of two KPIs, against a strict upper bound: exactly 1.5% is outside "< 1.5".
        let custody = CalibrationBand("custody, %", .share("s136.place.police_custody", of: "s136.detentions"), .below(1.5),
                                      source: "test")
        let atBound = try custody.row(study(["s136.place.police_custody": [3, 3], "s136.detentions": [200, 200]]))
        XCTAssertEqual(atBound.estimate.mean, 1.5, accuracy: 1e-12)
        XCTAssertEqual(atBound.verdict, .outside)
        XCTAssertEqual(try custody.row(study(["s136.place.police_custody": [2, 2], "s136.detentions": [200, 200]])).verdict,
                       .inside)
        XCTAssertEqual(Band.atLeast(15).description, ">= 15")
        XCTAssertEqual(Band.between(95, 99.5).description, "95-99.5")
    }

    /// The baseline sits inside every calibration band derived from England's figures: 20
    /// replications of the calibration study (the baseline), each band's verdict on the mean.
    func testTheBaselineSitsInsideEveryCalibrationBand() throws {
        let study = try runner(replications: 20).results(ValidationCatalogue.study("calibration-bands"), overrides: [])
        for band in CalibrationBand.baseline {
            let row = try band.row(study)
            XCTAssertEqual(row.verdict, .inside, "\(band.name): \(row.estimate.mean) outside \(band.band)")
        }
    }

    func testAnAbsentKPIIsAnErrorNamingIt() throws {
        let band = CalibrationBand("mean out-of-area stay, days", .kpi("no.such.kpi"), .atLeast(15), source: "test")
        XCTAssertThrowsError(try band.row(study(["beds.occupancy": [95, 95]]))) { error in
            XCTAssertEqual(error as? ValidationRunError, .missingKPI(id: "no.such.kpi", study: "synthetic.yaml"))
        }
        // Through the whole generator, on a real study: it stops rather than skip the band.
        let entry = ValidationEntry(title: "bands", summary: "", citation: Citation(short: "test", full: "test"),
                                    checks: [.calibrationBands(ValidationCatalogue.study("calibration-bands"), [band])])
        XCTAssertThrowsError(try ValidationDocument.run([entry], runner: runner(replications: 2))) { error in
            XCTAssertEqual(error as? ValidationRunError, .missingKPI(id: "no.such.kpi", study: "calibration-bands.yaml"))
            XCTAssertTrue("\(error)".contains("no.such.kpi"))
        }
    }

    func testVerdicts() {
        let estimate = KPISummary(id: "x", stratum: "all", unit: "%", values: [9, 10, 11])  // 10, CI [7.5, 12.5]
        XCTAssertEqual(Expectation.value(12, tolerance: 0).verdict(estimate), .insideInterval)
        XCTAssertEqual(Expectation.value(13, tolerance: 3.1).verdict(estimate), .withinTolerance)
        XCTAssertEqual(Expectation.value(13, tolerance: 2.9).verdict(estimate), .disagrees)
        XCTAssertEqual(Expectation.above(7).verdict(estimate), .holds)
        XCTAssertEqual(Expectation.above(8).verdict(estimate), .doesNotHold)
        XCTAssertEqual(Expectation.below(13).verdict(estimate), .holds)
        XCTAssertEqual(Expectation.indistinguishableFrom(8).verdict(estimate), .holds)
        XCTAssertEqual(Expectation.indistinguishableFrom(13).verdict(estimate), .doesNotHold)
    }

    /// Every file in Scenarios/studies/ is run by a check, or extended by one that is: no
    /// study sits there unchecked.
    func testEveryStudyFileIsUsedByACheck() throws {
        let folder = ShardPaths.root.appendingPathComponent(ValidationCatalogue.folder)
        let present = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") })
        var used = Set<String>()
        for file in ValidationCatalogue.entries.flatMap(\.studies) {
            let scenario = try ScenarioLoader.load(ShardPaths.root.appendingPathComponent(file).path)
            for read in scenario.files where URL(fileURLWithPath: read).standardized.deletingLastPathComponent() == folder.standardized {
                used.insert(URL(fileURLWithPath: read).lastPathComponent)
            }
        }
        XCTAssertEqual(present.subtracting(used), [], "study files no check reads")
        XCTAssertEqual(used.subtracting(present), [])
    }

    func testDocumentShowsEveryRowAndWhatMadeIt() throws {
        let band = CalibrationBand("occupancy, %", .kpi("beds.occupancy"), .between(93, 97), source: "NHS Benchmarking")
        let entry = ValidationEntry(title: "Bands", summary: "The baseline against bands.",
                                    citation: Citation(short: "figures", full: "england-figures.md"),
                                    checks: [.calibrationBands("Scenarios/studies/calibration-bands.yaml", [band])])
        let section = ValidationSection(entry: entry, rows: [try band.row(study(["beds.occupancy": [98, 98.5, 99]]))])
        let provenance = ValidationDocument.Provenance(command: "crisis-sim validation", version: "0.1.0", commit: "abc1234",
                                                       date: "2026-01-02", seconds: 61, threads: 2)
        let text = ValidationDocument.markdown([section], provenance: provenance)
        XCTAssertTrue(text.contains("`crisis-sim validation`"))
        XCTAssertTrue(text.contains("commit abc1234"))
        XCTAssertTrue(text.contains("on 2026-01-02"))
        XCTAssertTrue(text.contains("| occupancy, % | NHS Benchmarking | `synthetic.yaml` | 93-97 (calibration band) | 98.5 | "
            + "[97.3, 99.7] | **OUTSIDE** |"), text)
        XCTAssertTrue(text.contains("**Summary:** 0 of 1 rows agree, hold or sit inside their band; OUTSIDE: 1."))
        XCTAssertTrue(text.contains("[`calibration-bands.yaml`](../Scenarios/studies/calibration-bands.yaml)"))
        XCTAssertTrue(text.contains("- **figures**: england-figures.md"))
    }
}
