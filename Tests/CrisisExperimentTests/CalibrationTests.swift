@testable import CrisisExperiment
import CrisisModel
import CrisisScenario
import Foundation
import SimRandom
import XCTest

/// Calibration: free keys and targets read as written, the objective and its curvature on
/// known functions, and a calibration that recovers the values a model run was made with.
final class CalibrationTests: XCTestCase {
    static let baseline = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Scenarios/baseline.yaml").standardized.path

    func testFreeKeysAreParsedWithBoundsAndEveryProblemReported() throws {
        let parameters = try FreeParameter.parse(["beds.delayed_discharge_probability=0.02...0.4", "crht.admissions_avoided_share=0...1"])
        XCTAssertEqual(parameters, [FreeParameter(key: "beds.delayed_discharge_probability", low: 0.02, high: 0.4),
                                    FreeParameter(key: "crht.admissions_avoided_share", low: 0, high: 1)])
        XCTAssertThrowsError(try FreeParameter.parse(["a.b=1...0.5", "c=x...2", "d", "a.b=0...1", "run.seed=1...2"])) { error in
            let problems = (error as! ArgumentProblems).problems
            XCTAssertEqual(problems, [
                "--free a.b=1...0.5: HIGH (0.5) must be above LOW (1)",
                "--free c=x...2: LOW 'x' is not a plain decimal number (like 80, -2 or 0.25)",
                "--free d: expected KEY=LOW...HIGH, e.g. beds.delayed_discharge_probability=0.05...0.4",
                "--free run.seed=1...2: run.seed cannot be calibrated: it says how the model is run, not what it models",
            ])
        }
        XCTAssertThrowsError(try FreeParameter.parse(["a=0...1", "a=0...2"])) { error in
            XCTAssertEqual((error as! ArgumentProblems).problems, ["--free a=0...2: a is already free by an earlier --free"])
        }
    }

    func testTheUnboundedScaleStaysInsideTheBounds() {
        let parameter = FreeParameter(key: "k", low: 10, high: 30)
        XCTAssertEqual(parameter.value(unbounded: 0), 20, accuracy: 1e-12)
        XCTAssertEqual(parameter.value(unbounded: parameter.unbounded(14)), 14, accuracy: 1e-9)
        for u in [-1e3, -40.0, 40, 1e3] {
            XCTAssert((10...30).contains(parameter.value(unbounded: u)))
        }
        // A start at a bound is moved just inside it, where the simplex can move.
        XCTAssertEqual(parameter.value(unbounded: parameter.unbounded(30)), 29.8, accuracy: 1e-9)
    }

    func testTargetsFileRoundTripsAndReportsEveryProblemByLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("calibration-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let targets = [
            CalibrationTarget(kpi: "admissions.total", value: 709, standardError: 27, source: "MHSDS MHS27, \"RXX\""),
            CalibrationTarget(kpi: "beds.occupancy", stratum: "area:Northshire", value: 93.5, standardError: 1, weight: 2,
                              source: "KH03"),
        ]
        let good = folder.appendingPathComponent("good.yaml")
        try TargetsFile.text(targets, header: ["Targets for a test.", ""]).write(to: good, atomically: true, encoding: .utf8)
        let read = try TargetsFile.read(good.path)
        XCTAssertEqual(read.map { [$0.kpi, $0.stratum, $0.source] }, targets.map { [$0.kpi, $0.stratum, $0.source] })
        XCTAssertEqual(read.map(\.value), [709, 93.5])
        XCTAssertEqual(read.map(\.standardError), [27, 1])
        XCTAssertEqual(read.map(\.weight), [1, 2])
        XCTAssertEqual(read[1].location?.description, "\(good.path):8:5")

        let bad = folder.appendingPathComponent("bad.yaml")
        try """
            targets:
              - kpi: admissions.totl
                value: 709
                standard_error: 0
                source: x
              - kpi: beds.occupancy
                value: high
                standard_eror: 1
              - kpi: beds.occupancy
                value: 90
                standard_error: 2
                source: y
              - kpi: beds.occupancy
                value: 91
                standard_error: 2
                source: z
            extra: 1

            """.write(to: bad, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try TargetsFile.read(bad.path)) { error in
            XCTAssertEqual((error as! ScenarioError).problems.map(\.description), [
                "\(bad.path):17:1: extra: unknown key (expected one of: targets)",
                "\(bad.path):2:10: targets.0.kpi: no such KPI 'admissions.totl'; did you mean 'admissions.total'? (`crisis-sim kpis` lists every KPI)",
                "\(bad.path):4:21: targets.0.standard_error: expected a number above 0, got 0",
                "\(bad.path):8:5: targets.1.standard_eror: unknown key; did you mean 'standard_error'?",
                "\(bad.path):7:12: targets.1.value: expected a finite number, got high",
                "\(bad.path):6:5: targets.1.standard_error: missing",
                "\(bad.path):6:5: targets.1.source: missing",
                "\(bad.path):13:5: targets: beds.occupancy in all is already a target at \(bad.path):9:5: give each KPI once per stratum",
            ])
        }
    }

    func testObjectiveIsTheWeightedSumOfSquaredStandardisedDifferences() {
        let targets = [CalibrationTarget(kpi: "admissions.total", value: 100, standardError: 3, source: "a"),
                       CalibrationTarget(kpi: "beds.occupancy", value: 90, standardError: 1, weight: 2, source: "b")]
        // Model spread at the start: sd 8 over 4 replications is a Monte Carlo error of 4.
        let start = [KPISummary(id: "admissions.total", stratum: "all", unit: "per year", values: [92, 100, 108, 100 + 8 * 0]),
                     KPISummary(id: "beds.occupancy", stratum: "all", unit: "%", values: [90, 90, 90, 90])]
        let objective = CalibrationObjective(targets: targets, start: start)
        let monteCarlo = start[0].standardDeviation / 2
        XCTAssertEqual(objective.scales[0], (9 + monteCarlo * monteCarlo).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(objective.scales[1], 1)
        let model = [KPISummary(id: "admissions.total", stratum: "all", unit: "per year", values: [110, 110]),
                     KPISummary(id: "beds.occupancy", stratum: "all", unit: "%", values: [93, 93])]
        let d = objective.differences(model)
        XCTAssertEqual(d[0], 10 / objective.scales[0], accuracy: 1e-12)
        XCTAssertEqual(d[1], 3)
        XCTAssertEqual(objective.value(model), d[0] * d[0] + 2 * 9, accuracy: 1e-12)
        // A KPI undefined in every replication cannot be judged: no candidate's match.
        let undefined = [model[0], KPISummary(id: "beds.occupancy", stratum: "all", unit: "%", values: [.nan, .nan])]
        XCTAssertEqual(objective.value(undefined), .infinity)
    }

    func testCurvatureAndIdentificationOfKnownQuadratics() throws {
        // f = ((z0 - 0.5) / 0.05)^2 + ((z1 - 0.3) / 0.2)^2: standard errors 0.05 and 0.2 on the
        // fraction scale (f is -2 log L), so 95% half-widths of 0.098 and 0.392.
        let f: ([Double]) -> Double = { z in pow((z[0] - 0.5) / 0.05, 2) + pow((z[1] - 0.3) / 0.2, 2) }
        let curvature = try Curvature.measure(at: [0.5, 0.3], step: 0.05) { f($0) }
        let hessian = try XCTUnwrap(curvature.hessian)
        XCTAssertEqual(hessian[0][0], 2 / 0.0025, accuracy: 1e-6)
        XCTAssertEqual(hessian[1][1], 2 / 0.04, accuracy: 1e-6)
        XCTAssertEqual(hessian[0][1], 0, accuracy: 1e-6)
        // A rough surface (the staircase common random numbers leave) averages out over the grid:
        // a ripple of ±0.5 on a bowl of curvature 800 moves the fitted curvature by a few percent.
        let rough = try Curvature.measure(at: [0.5, 0.3], step: 0.1) { z in f(z) + 0.5 * sin(997 * z[0] + 613 * z[1]) }
        XCTAssertEqual(try XCTUnwrap(rough.hessian)[0][0], 800, accuracy: 800 * 0.05)
        let free = [FreeParameter(key: "a", low: 0, high: 1), FreeParameter(key: "b", low: 0, high: 10)]
        let judged = Identification.judge(free, values: [0.5, 3], curvature: curvature)
        XCTAssertEqual(judged[0].lower!, 0.5 - 1.959964 * 0.05, accuracy: 1e-5)
        XCTAssertEqual(judged[0].upper!, 0.5 + 1.959964 * 0.05, accuracy: 1e-5)
        XCTAssertEqual(judged[0].verdict, .well)
        XCTAssertEqual(judged[1].lower!, 0, accuracy: 1e-12, "cut at the bound")
        XCTAssertEqual(judged[1].upper!, 10 * (0.3 + 1.959964 * 0.2), accuracy: 1e-4)
        XCTAssertEqual(judged[1].verdict, .poorly, "the interval covers 0 to 69% of the range")

        // A ridge: only z0 + z1 matters. The flat direction makes the Hessian singular; one key is
        // set aside (not identified) and the other's interval holds it fixed, saying so.
        let ridge = try Curvature.measure(at: [0.4, 0.4], step: 0.05) { z in pow((z[0] + z[1] - 0.8) / 0.05, 2) }
        let onRidge = Identification.judge(free, values: [0.4, 4], curvature: ridge)
        XCTAssertEqual(onRidge.map(\.verdict), [.well, .not])
        XCTAssertEqual(onRidge[0].heldFixed, ["b"])
        // Nearly a ridge: identified, but traded off against each other.
        let steep = try Curvature.measure(at: [0.4, 0.4], step: 0.05) { z in
            pow((z[0] + z[1] - 0.8) / 0.05, 2) + pow((z[0] - z[1]) / 0.3, 2)
        }
        let traded = Identification.judge(free, values: [0.4, 4], curvature: steep)
        XCTAssertEqual(traded.map(\.verdict), [.weakly, .weakly])
        XCTAssertEqual(traded[0].correlated.map(\.key), ["b"])
        XCTAssertEqual(traded[0].correlated.first?.r ?? 0, -777.78 / 822.22, accuracy: 1e-3)
        XCTAssert(traded[0].explanation.contains("traded off against b"))

        // A third key the targets do not see leaves the other two identified, holding it fixed.
        let three = free + [FreeParameter(key: "c", low: 0, high: 1)]
        let flat = try Curvature.measure(at: [0.5, 0.3, 0.5], step: 0.05) { z in f(Array(z.prefix(2))) }
        let judgedThree = Identification.judge(three, values: [0.5, 3, 0.5], curvature: flat)
        XCTAssertEqual(judgedThree.map(\.verdict), [.well, .poorly, .not])
        XCTAssertEqual(judgedThree[0].lower!, 0.5 - 1.959964 * 0.05, accuracy: 1e-5)
        XCTAssertEqual(judgedThree[0].heldFixed, ["c"])
        XCTAssert(judgedThree[0].explanation.hasSuffix("; interval with c held at its value"), judgedThree[0].explanation)
        XCTAssert(judgedThree[1].reachesBound)
    }

    /// Targets made by the model at known values are recovered: the calibrated values lie
    /// near the truth and inside their own intervals.
    func testCalibrationRecoversTheValuesTargetsWereMadeWith() throws {
        let length = RunLength(warmupDays: 180, horizonDays: 180)
        let truth = ["crht.admissions_avoided_share=0.35", "beds.delayed_discharge_probability=0.18"]
        let made = try ScenarioLoader.load(Self.baseline, overrides: truth)
        let results = try ReplicationRunner(configuration: made.configuration, length: length, seed: 7)
            .run(Array(0..<6), threads: 2)
        let summary = Summary(results)
        let targets = ["admissions.total", "beds.delayed_bed_days", "beds.occupancy"].map { kpi in
            let model = summary.kpi(kpi)!
            return CalibrationTarget(kpi: kpi, value: model.mean, standardError: model.standardDeviation / 6.0.squareRoot(),
                                     source: "the model at the truth")
        }
        let problem = CalibrationProblem(
            scenario: Self.baseline, overrides: [],
            free: [FreeParameter(key: "crht.admissions_avoided_share", low: 0.05, high: 0.6),
                   FreeParameter(key: "beds.delayed_discharge_probability", low: 0.02, high: 0.4)],
            targets: targets, replications: 6, seed: 7, generator: .mrg32k3a, length: length)
        let result = try Calibration.run(problem, threads: 2)
        XCTAssertEqual(result.values[0], 0.35, accuracy: 0.03)
        XCTAssertEqual(result.values[1], 0.18, accuracy: 0.02)
        for (identification, truth) in zip(result.identification, [0.35, 0.18]) {
            XCTAssertLessThanOrEqual(identification.lower!, truth, identification.key)
            XCTAssertGreaterThanOrEqual(identification.upper!, truth, identification.key)
        }
        XCTAssertLessThan(result.objectiveValue, 1)
        XCTAssertGreaterThan(result.startObjective, 10)
        XCTAssert(targets.indices.allSatisfy(result.agrees))
        // Each candidate, hence the search, is the same whatever the thread count.
        XCTAssertEqual(try problem.run(result.values, threads: 1), result.model)
    }
}
