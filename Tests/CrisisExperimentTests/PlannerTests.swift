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

/// The structure a plan reads off its first stage, and the calls it carries, on a first stage
/// made by hand (no simulation runs): a KPI of 200 − 30x − 20y, against a target of at most 100,
/// with each replication's noise (mean 0 over the ten) shared by every point as common random
/// numbers share it.
final class PlanStructureTests: XCTestCase {
    private func state(_ kpi: @escaping (Double, Double, Int) -> Double) throws -> Planner.State {
        let problem = PlanProblem(scenario: "no-such-file.yaml", overrides: [], grid: try SweepGrid.parse(["x=1...4:1", "y=1...3:1"]),
                                  targets: [PlanTarget(kpi: "oap.bed_days", direction: .atMost, bound: 100)],
                                  objective: .kpi("costs.total"), confidence: 0.95, initialReplications: 10,
                                  maximumReplications: 200, indifference: nil, seed: 1, generator: .mrg32k3a,
                                  length: RunLength(warmupDays: 0, horizonDays: 1))
        var state = Planner.State(problem: problem, threads: 1, cancellation: nil, progress: nil)
        for index in state.points.indices {
            let (x, y) = (Double(state.points[index].values[0])!, Double(state.points[index].values[1])!)
            state.points[index].samples["oap.bed_days"] = (0..<10).map { kpi(x, y, $0) }
        }
        try state.screen()  // every point already has its first batch: nothing runs
        return state
    }

    private func index(_ state: Planner.State, _ x: Int, _ y: Int) -> Int {
        state.points.firstIndex { $0.values == [String(x), String(y)] }!
    }

    func testDirectionsReadOffTheFirstStageCarryCallsToDominatedPoints() throws {
        var state = try state { x, y, r in 200 - 30 * x - 20 * y + 30 * sin(2 * Double.pi * Double(r) / 10) + 0.5 * cos(Double(7 * r) + x + 3 * y) }
        XCTAssertEqual(state.structure?.directions.first ?? nil, [-1, -1], "the KPI falls along both keys")
        // The first batch settles the points far from 100 and leaves the close ones open.
        XCTAssertEqual(state.points[index(state, 1, 1)].status, .infeasible(target: 0))
        XCTAssertEqual(state.points[index(state, 4, 3)].status, .feasible)
        let open = state.openClosestFirst().map { state.points[$0].values }
        XCTAssertEqual(open.first, ["2", "2"], "the point on the target comes first")
        XCTAssertTrue(open.contains(["2", "1"]) && open.contains(["1", "3"]), "\(open)")

        // (2, 2) shown to miss by its own replications: (2, 1) has less of both, so misses too;
        // (1, 3) has less x but more y, so nothing follows for it.
        state.points[index(state, 2, 2)].status = .infeasible(target: 0)
        XCTAssertTrue(state.infer(index(state, 2, 1)))
        XCTAssertEqual(state.points[index(state, 2, 1)].status, .infeasible(target: 0))
        XCTAssertEqual(state.points[index(state, 2, 1)].inferredFrom, index(state, 2, 2))
        XCTAssertFalse(state.infer(index(state, 1, 3)))
        XCTAssertEqual(state.points[index(state, 1, 3)].status, .notEvaluated)
        // A feasible (2, 3) carries to nothing with less; an inferred point is never a source.
        state.points[index(state, 2, 3)].status = .feasible
        XCTAssertFalse(state.infer(index(state, 1, 3)))
        state.points[index(state, 2, 2)].status = .notEvaluated
        state.points[index(state, 2, 1)].inferredFrom = nil
        state.points[index(state, 2, 1)].status = .feasible
        state.points[index(state, 2, 1)].inferredFrom = index(state, 2, 3)
        XCTAssertFalse(state.infer(index(state, 2, 2)), "(2, 1) was inferred: it settles nothing")
        state.points[index(state, 2, 1)].inferredFrom = nil
        XCTAssertTrue(state.infer(index(state, 2, 2)), "(2, 1) feasible by its own replications: (2, 2) has more y")
        XCTAssertEqual(state.points[index(state, 2, 2)].status, .feasible)
    }

    /// A KPI seen to rise and fall along a key gives its target no structure, and a key it
    /// does not move along at all carries calls only between points equal on it.
    func testNoStructureWhereTheFirstStageShowsNone() throws {
        // A bump: up from x = 1 to 2, down after.
        var bumpy = try state { x, y, r in 150 - 20 * y + (x == 2 ? 40 : -10 * x) + 30 * sin(2 * Double.pi * Double(r) / 10) + 0.5 * cos(Double(7 * r) + x + 3 * y) }
        XCTAssertNil(bumpy.structure?.directions.first ?? [], "rising and falling along x: no structure")
        bumpy.points[index(bumpy, 3, 3)].status = .infeasible(target: 0)
        XCTAssertFalse(bumpy.infer(index(bumpy, 3, 2)))

        var flatInX = try state { x, y, r in 150 - 20 * y + 30 * sin(2 * Double.pi * Double(r) / 10) + 0.5 * cos(Double(7 * r) + x + 3 * y) }
        XCTAssertEqual(flatInX.structure?.directions.first ?? nil, [0, -1])
        // (2, 2) feasible by its own replications: (2, 3) has more y and the same x, so meets the
        // target too; (1, 3) and (3, 3) differ in x, along which the KPI showed no direction.
        let met = index(flatInX, 2, 2)
        flatInX.points[met].status = .feasible
        for (x, y, follows) in [(2, 3, true), (1, 3, false), (3, 3, false)] {
            XCTAssertEqual(flatInX.points[index(flatInX, x, y)].status, .notEvaluated, "(\(x), \(y)) open after the first stage")
            XCTAssertEqual(flatInX.infer(index(flatInX, x, y)), follows, "(\(x), \(y))")
        }
        XCTAssertEqual(flatInX.points[index(flatInX, 2, 3)].inferredFrom, met)
    }
}
