@testable import CrisisExperiment
import CrisisModel
import SimRandom
import XCTest

/// Headline KPIs estimated to within more than ±10% are named, with the replications that
/// would bring them to ±10%.
final class PrecisionAdviceTests: XCTestCase {
    /// Replications whose `oap.placements` are `placements` and occupancy a steady 90-91%.
    private func summary(placements: [Double]) -> Summary {
        Summary(placements.enumerated().map { r, value in
            ReplicationResult(replication: r, kpis: [KPIValue(id: "beds.occupancy", stratum: "all", value: 90 + Double(r % 2)),
                                                    KPIValue(id: "oap.placements", stratum: "all", value: value),
                                                    KPIValue(id: "beds.bed_days", stratum: "all", value: value)],
                              eventsHandled: 1, daily: nil, trace: [])
        })
    }

    func testALooseHeadlineKPIIsNamedWithTheReplicationsItNeeds() throws {
        let wide = summary(placements: [40, 70, 100, 130, 60, 90, 110, 50, 80, 120])
        let loose = PrecisionAdvice.loose(wide)
        XCTAssertEqual(loose.map(\.id), ["oap.placements"], "occupancy is precise; bed days is not a headline KPI")
        let kpi = try XCTUnwrap(wide.kpi("oap.placements"))
        XCTAssertGreaterThan(kpi.relativeHalfWidth, 0.10)
        let needed = loose[0].replicationsNeeded
        // The n found meets the target with this spread, and n - 1 does not.
        func halfWidth(_ n: Int) -> Double {
            StudentT.criticalValue(confidence: 0.95, degreesOfFreedom: n - 1) * kpi.standardDeviation / Double(n).squareRoot()
        }
        XCTAssertLessThanOrEqual(halfWidth(needed), 0.10 * kpi.mean)
        XCTAssertGreaterThan(halfWidth(needed - 1), 0.10 * kpi.mean)
        let text = PrecisionAdvice.text(wide)
        XCTAssertEqual(text.first, "Precision: one headline KPI is estimated to within more than ±10% of its mean (95% CI), "
            + "too loose to quote as a single figure:")
        XCTAssertEqual(text[1], "  Out-of-area placements started (oap.placements): "
            + "±\(NumberFormat.fixed(100 * kpi.relativeHalfWidth, 0))%; about \(needed) replications would reach ±10%")
        XCTAssertEqual(text[2], "  Run with --replications \(needed), or with --replications auto --precision 0.1 "
            + "--precision-kpi oap.placements to add replications until it is reached.")
    }

    func testPreciseOrUndefinedKPIsGiveNoAdvice() {
        XCTAssertEqual(PrecisionAdvice.text(summary(placements: [100, 101, 99, 100, 102, 98, 100, 101, 99, 100])), [])
        XCTAssertEqual(PrecisionAdvice.loose(summary(placements: [0, 0, 0, 0])), [], "a mean of 0 has no relative width")
        XCTAssertEqual(PrecisionAdvice.loose(summary(placements: [50])), [], "one replication has no interval")
    }

    /// A rare event's relative interval narrows slowly: it is named, but not set as a target.
    func testARareEventIsNotSetAsATarget() {
        let rare = summary(placements: [0, 0, 3, 0, 0, 1, 0, 0, 0, 0])
        let loose = PrecisionAdvice.loose(rare)
        XCTAssertEqual(loose.map(\.id), ["oap.placements"])
        XCTAssertGreaterThan(loose[0].replicationsNeeded, PrecisionAdvice.rareAbove)
        let text = PrecisionAdvice.text(rare)
        XCTAssertEqual(text.count, 2, "no --replications advice for a rare event alone: \(text)")
        XCTAssertTrue(text[1].hasSuffix("(a rare event: quote its interval rather than chase ±10%)"), text[1])
    }
}
