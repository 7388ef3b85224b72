import CrisisFit
import XCTest

/// The fallback when no family fits: product-limit percentiles, honest about what censoring hides.
final class EmpiricalStaysTests: XCTestCase {
    func testUncensoredPercentilesAreTheSampleQuantiles() throws {
        let stays = StaySamples.plain(200, seed: 31) { $0.gamma(shape: 2, scale: 10) }
        let empirical = try EmpiricalStays(stays)
        let sorted = stays.map(\.exit).sorted()
        XCTAssertEqual(empirical.quantiles.count, 99)
        XCTAssertEqual(empirical.unseenProbability, 0, accuracy: 1e-12)
        // F̂ = i/200 at the i-th smallest stay, so the p-quantile is the (200p)-th.
        XCTAssertEqual(empirical.quantile(0.5), sorted[99])
        XCTAssertEqual(empirical.quantile(0.01), sorted[1])
        XCTAssertEqual(empirical.quantile(0.99), sorted[197])
        XCTAssertEqual(empirical.summary, "the data resolve every percentile from 1% to 99%")
    }

    func testCensoringHidesTheUpperPercentilesAndSaysHowMuch() throws {
        // A 40-day window on stays with median 55 days: well over half are still in hospital.
        let stays = StaySamples.windowed(400, seed: 32, window: 40, admittedBefore: 0) { $0.lognormal(mu: 4, sigma: 0.5) }
        let empirical = try EmpiricalStays(stays)
        XCTAssertLessThan(empirical.quantiles.count, 60)
        XCTAssertGreaterThan(empirical.unseenProbability, 0.4)
        XCTAssertEqual(empirical.quantiles.last!.probability, Double(empirical.quantiles.count) / 100, accuracy: 1e-12)
        XCTAssertLessThanOrEqual(empirical.quantiles.last!.probability, empirical.seenProbability + 1e-12)
        XCTAssertNil(empirical.quantile(0.9))
        XCTAssertTrue(empirical.summary.contains("were still in hospital when the window closed, so \(99 - empirical.quantiles.count) of the 99 percentiles cannot be estimated"), empirical.summary)
        print(empirical.summary)
    }

    /// Two case mixes of very different length (short assessments, long admissions): no single
    /// family fits, so the selection falls back to the empirical distribution.
    func testSelectionFallsBackToEmpiricalWhenEveryFamilyIsRejected() throws {
        let stays = StaySamples.windowed(400, seed: 33) { random in
            random.bernoulli(probability: 0.5) ? random.lognormal(mu: 0.5, sigma: 0.3) : random.lognormal(mu: 3.5, sigma: 0.3)
        }
        let selection = try StayFit.select(stays, bootstrapReplications: 99, seed: 3)
        XCTAssertEqual(selection.goodnessOfFit.count, 4)
        for test in selection.goodnessOfFit {
            XCTAssertTrue(test.rejects(at: selection.level), "\(test.family) KS p \(test.ksP), A² p \(test.adP)")
        }
        guard case let .empirical(empirical) = selection.recommendation else {
            return XCTFail("expected the empirical fallback, got \(selection.recommendation)")
        }
        XCTAssertEqual(empirical.quantiles.count, 99)
    }

    func testSelectionRecommendsTheBestFamilyThatFits() throws {
        let stays = StaySamples.windowed(300, seed: 34) { $0.lognormal(mu: 3, sigma: 0.9) }
        let selection = try StayFit.select(stays, bootstrapReplications: 99, seed: 4)
        guard case let .parametric(fit, test) = selection.recommendation else {
            return XCTFail("expected a family, got \(selection.recommendation)")
        }
        XCTAssertEqual(fit.family, .lognormal)
        XCTAssertFalse(test.rejects())
        XCTAssertEqual(selection.goodnessOfFit.map(\.family), selection.comparison.fits.map(\.family))
    }
}
