@testable import CrisisExperiment
import CrisisModel
import CrisisScenario
import Foundation
import SimKernel
import XCTest

/// Planning with known answers: the bed pool as a loss system, where Erlang B says how many
/// beds keep blocking under a bound.
final class PlannerTests: XCTestCase {
    static let bedModel = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Scenarios/studies/bed-model-only.yaml").standardized.path

    static let twoWards = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/two-loss-wards.yaml").standardized.path

    /// Two years of warm-up (24 mean stays: a loss system forgets its empty start in a few)
    /// and twenty measured, so a replication's blocking is a long-run average.
    private func problem(_ scenario: String, decide: [String], targets: [String], objective: PlanProblem.Objective,
                         overrides: [String] = []) throws -> PlanProblem {
        PlanProblem(scenario: scenario, overrides: overrides, grid: try SweepGrid.parse(decide),
                    targets: try targets.map { try PlanTarget.parse($0).get() }, objective: objective, confidence: 0.95,
                    initialReplications: 10, maximumReplications: 200, indifference: nil, seed: 2024, generator: .mrg32k3a,
                    length: RunLength(warmupDays: 730.5, horizonDays: 7305))
    }

    /// 42.5 erlangs (510 admissions a year of 30.4375-day stays) with blocking at most 4.5%:
    /// Erlang B gives 4.97% on 48 beds and 4.13% on 49, so 49.
    func testTheLossSystemNeedsTheBedsErlangBSays() throws {
        XCTAssertEqual(QueueingFormulas.erlangB(servers: 48, load: 42.5), 0.0497, accuracy: 0.00005)
        XCTAssertEqual(QueueingFormulas.erlangB(servers: 49, load: 42.5), 0.0413, accuracy: 0.00005)
        let plan = try problem(Self.bedModel, decide: ["areas.Ward.beds=45...53:1"], targets: ["oap.share_of_admissions<=4.5"],
                               objective: .decision(0), overrides: ["areas.Ward.sources.community.per_year=510"])
        let result = try Planner.run(plan, threads: 2)
        let recommended = try XCTUnwrap(result.recommended)
        XCTAssertEqual(result.points[recommended].values, ["49"])
        XCTAssertEqual(result.points[recommended].status, .feasible)
        XCTAssertEqual(result.runnersUp.map { result.points[$0].values }, [["50"], ["51"]])
        for beds in 45...48 { XCTAssertEqual(result.points[beds - 45].status, .infeasible(target: 0), "\(beds) beds") }
        // Points past the runners-up are never run: the answer needs only the cheaper ones.
        XCTAssertEqual(result.points[52 - 45].status, .notEvaluated)
        XCTAssertEqual(result.points[53 - 45].status, .notEvaluated)
        XCTAssertLessThan(result.replicationsRun, result.exhaustiveReplications)
        // Replications went where the call was close: 49 beds (4.13% against 4.5%) needed more than 45 (8.2%).
        XCTAssertGreaterThan(result.points[49 - 45].replications, result.points[0].replications)
        // More beds never raised blocking at any evaluated pair: checked on the points, not assumed.
        let check = try XCTUnwrap(result.monotonicity.first)
        XCTAssertEqual([check.key, check.kpi], ["areas.Ward.beds", "oap.share_of_admissions"])
        XCTAssertEqual(check.rising, 0)
        XCTAssertGreaterThanOrEqual(check.falling, 5)
        XCTAssert(check.sentence.hasPrefix("Out-of-area placements as a share of admissions: down as areas.Ward.beds rises"), check.sentence)
    }

    /// Two wards, 42.5 and 17 erlangs; the system's blocking is their admissions-weighted
    /// Erlang B. At most 4.5% with the fewest beds on ward A: 48 (with 24 on ward B: 4.22%),
    /// since 47 misses even with B's most (4.89%), and 48 misses with 22 on B (4.91%).
    func testTwoWardsNeedTheBedsErlangBSays() throws {
        func blocking(_ a: Int, _ b: Int) -> Double {
            100 * (510 * QueueingFormulas.erlangB(servers: a, load: 42.5) + 204 * QueueingFormulas.erlangB(servers: b, load: 17)) / 714
        }
        XCTAssertEqual(blocking(48, 24), 4.22, accuracy: 0.005)
        XCTAssertEqual(blocking(47, 24), 4.89, accuracy: 0.005)
        XCTAssertEqual(blocking(48, 22), 4.91, accuracy: 0.005)
        let plan = try problem(Self.twoWards, decide: ["areas.WardA.beds=46...50:1", "areas.WardB.beds=22...24:2"],
                               targets: ["oap.share_of_admissions<=4.5"], objective: .decision(0))
        let result = try Planner.run(plan, threads: 2)
        let recommended = try XCTUnwrap(result.recommended)
        XCTAssertEqual(result.points[recommended].values, ["48", "24"])
        // Every point with fewer beds on ward A was shown to miss, and so was 48 with fewer on B.
        for point in result.points where Int(point.values[0])! < 48 || (point.values[0] == "48" && point.values[1] != "24") {
            XCTAssertEqual(point.status, .infeasible(target: 0), "\(point.values)")
        }
        // Each status agrees with Erlang B wherever the plan made a call.
        for point in result.points {
            let truth = blocking(Int(point.values[0])!, Int(point.values[1])!)
            switch point.status {
            case .feasible: XCTAssertLessThanOrEqual(truth, 4.5, "\(point.values)")
            case .infeasible: XCTAssertGreaterThan(truth, 4.5, "\(point.values)")
            default: break
            }
        }
    }
}
