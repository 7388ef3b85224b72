@testable import CrisisFit
import CGSL
import XCTest

/// The product-limit estimate, the two statistics, and the bootstrap's verdicts.
final class StayGoodnessOfFitTests: XCTestCase {
    // MARK: Product-limit estimate

    func testWithoutCensoringOrTruncationTheProductLimitIsTheEmpiricalCDF() throws {
        let stays = [3.0, 1.0, 2.0, 2.0, 5.0].map { StayObservation(exit: $0, censored: false, limit: $0) }
        let estimate = try ProductLimitEstimate(stays)
        XCTAssertEqual(estimate.times, [1, 2, 3, 5])
        XCTAssertEqual(estimate.discharges, [1, 2, 1, 1])
        XCTAssertEqual(estimate.atRisk, [5, 4, 2, 1])
        for (value, expected) in zip(estimate.cdf, [0.2, 0.6, 0.8, 1.0]) { XCTAssertEqual(value, expected, accuracy: 1e-15) }
        XCTAssertEqual(estimate.cdf(at: 2.5), 0.6)
        XCTAssertEqual(estimate.cdf(at: 0.5), 0)
        XCTAssertEqual(estimate.quantile(0.5), 2)
        XCTAssertEqual(estimate.quantile(0.6), 2)
        XCTAssertEqual(estimate.quantile(0.61), 3)
    }

    /// Worked by hand. A: [0, 2] discharged; B: [0, 4] censored; C: entered on day 3, discharged
    /// day 5; D: [0, 6] discharged. At t = 2 the risk set is A, B, D (C not yet seen): S = 2/3.
    /// At t = 5 it is C and D (B left on day 4): S = 2/3 × 1/2. At t = 6, D alone: S = 0.
    func testDelayedEntryJoinsTheRiskSetOnlyOnceSeen() throws {
        let stays = [
            StayObservation(entry: 0, exit: 2, censored: false, limit: 10),
            StayObservation(entry: 0, exit: 4, censored: true, limit: 4),
            StayObservation(entry: 3, exit: 5, censored: false, limit: 12),
            StayObservation(entry: 0, exit: 6, censored: false, limit: 8),
        ]
        let estimate = try ProductLimitEstimate(stays)
        XCTAssertEqual(estimate.times, [2, 5, 6])
        XCTAssertEqual(estimate.atRisk, [3, 2, 1])
        XCTAssertEqual(estimate.cdf[0], 1.0 / 3, accuracy: 1e-15)
        XCTAssertEqual(estimate.cdf[1], 2.0 / 3, accuracy: 1e-15)
        XCTAssertEqual(estimate.cdf[2], 1, accuracy: 1e-15)
    }

    func testCensoredLongestStaysLeaveTheTopOfTheDistributionUnseen() throws {
        let stays = [
            StayObservation(exit: 1, censored: false, limit: 9),
            StayObservation(exit: 2, censored: false, limit: 9),
            StayObservation(exit: 3, censored: true, limit: 3),
            StayObservation(exit: 4, censored: true, limit: 4),
        ]
        let estimate = try ProductLimitEstimate(stays)
        XCTAssertEqual(estimate.highestCDF, 0.5, accuracy: 1e-15)
        XCTAssertNil(estimate.quantile(0.75))
        XCTAssertEqual(estimate.cdf(at: 3.5), 0.5)
        XCTAssertNil(estimate.cdf(at: 4.5), "beyond the longest exit the data say nothing")
    }

    // MARK: Statistics

    /// Without censoring or truncation the statistics are the classical ones:
    /// D = max over i of max(i/n − uᵢ, uᵢ − (i−1)/n) and
    /// A² = −n − (1/n) Σ (2i − 1)[ln uᵢ + ln(1 − u₍ₙ₊₁₋ᵢ₎)].
    func testUncensoredStatisticsAreTheClassicalKolmogorovSmirnovAndAndersonDarling() throws {
        let stays = StaySamples.plain(200, seed: 21) { $0.gamma(shape: 2, scale: 10) }
        let fit = try StayFit.fit(stays, family: .weibull)
        let statistics = StayGoodnessOfFit.statistics(try ProductLimitEstimate(stays), model: fit.model, n: stays.count)

        let u = stays.map(\.exit).sorted().map { fit.cdf($0) }
        let n = Double(u.count)
        var d = 0.0, sum = 0.0
        for i in 1...u.count {
            d = max(d, Double(i) / n - u[i - 1], u[i - 1] - Double(i - 1) / n)
            sum += Double(2 * i - 1) * (log(u[i - 1]) + log1p(-u[u.count - i]))
        }
        XCTAssertEqual(statistics.ks, d, accuracy: 1e-12)
        XCTAssertEqual(statistics.ad, -n - sum / n, accuracy: 1e-8)
    }

    // MARK: Bootstrap verdicts

    func testLognormalStaysRejectTheExponentialAndAcceptTheLognormal() throws {
        let stays = StaySamples.windowed(300, seed: 401, window: 120, admittedBefore: 60) { $0.lognormal(mu: 3.0, sigma: 0.9) }
        let exponential = try StayFit.goodnessOfFit(try StayFit.fit(stays, family: .exponential), to: stays, seed: 7)
        let lognormal = try StayFit.goodnessOfFit(try StayFit.fit(stays, family: .lognormal), to: stays, seed: 7)
        print("exponential: KS \(exponential.ks) p \(exponential.ksP), A² \(exponential.ad) p \(exponential.adP)")
        print("lognormal: KS \(lognormal.ks) p \(lognormal.ksP), A² \(lognormal.ad) p \(lognormal.adP)")
        XCTAssertEqual(exponential.bootstrapReplications, 199)
        XCTAssertEqual(exponential.failedReplications, 0)
        XCTAssertLessThan(exponential.ksP, 0.01)
        XCTAssertLessThan(exponential.adP, 0.01)
        XCTAssertTrue(exponential.rejects())
        XCTAssertGreaterThan(lognormal.ksP, 0.05)
        XCTAssertGreaterThan(lognormal.adP, 0.05)
        XCTAssertFalse(lognormal.rejects())
    }

    func testTheBootstrapIsReproducibleForASeed() throws {
        let stays = StaySamples.windowed(150, seed: 402, window: 120, admittedBefore: 60) { $0.gamma(shape: 2, scale: 10) }
        let fit = try StayFit.fit(stays, family: .gamma)
        let first = try StayFit.goodnessOfFit(fit, to: stays, bootstrapReplications: 39, seed: 99)
        let again = try StayFit.goodnessOfFit(fit, to: stays, bootstrapReplications: 39, seed: 99)
        XCTAssertEqual(first.ksP, again.ksP)
        XCTAssertEqual(first.adP, again.adP)
        XCTAssertEqual(first.bootstrapReplications, 39)
        // p-values are (1 + count) / (B + 1).
        XCTAssertEqual((first.ksP * 40).rounded(), first.ksP * 40, accuracy: 1e-9)
    }

    /// The bootstrap's simulated extracts keep each stay's truncation and censoring limit.
    func testSimulatedStaysAreSeenAndCensoredAsTheOriginalsWereOrCouldHaveBeen() throws {
        let stays = StaySamples.windowed(400, seed: 403, window: 90, admittedBefore: 90) { $0.weibull(shape: 1.2, scale: 30) }
        let fit = try StayFit.fit(stays, family: .weibull)
        let random = StaySamples.stream(5)
        let simulated = StayFit.simulate(like: stays, from: fit.model,
                                         entrySurvival: stays.map { fit.survival($0.entry) }, random: random)
        XCTAssertNoThrow(try ProductLimitEstimate(simulated))
        for (original, copy) in zip(stays, simulated) {
            XCTAssertEqual(copy.entry, original.entry)
            XCTAssertEqual(copy.limit, original.limit)
            XCTAssertGreaterThan(copy.exit, copy.entry)
            XCTAssertEqual(copy.censored, copy.exit == copy.limit)
        }
        let share = Double(simulated.filter(\.censored).count) / Double(simulated.count)
        let originalShare = Double(stays.filter(\.censored).count) / Double(stays.count)
        XCTAssertEqual(share, originalShare, accuracy: 0.06)
    }

    func testMismatchedStaysAreRefused() throws {
        let stays = StaySamples.plain(50, seed: 22) { $0.exponential(mean: 5) }
        let fit = try StayFit.fit(stays, family: .exponential)
        XCTAssertThrowsError(try StayFit.goodnessOfFit(fit, to: Array(stays.dropLast()))) { error in
            XCTAssertTrue("\(error)".contains("50 stays"), "\(error)")
        }
        XCTAssertThrowsError(try StayFit.goodnessOfFit(fit, to: stays, bootstrapReplications: 0))
    }
}
