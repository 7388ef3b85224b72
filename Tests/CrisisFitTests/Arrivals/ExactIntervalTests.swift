@testable import CrisisFit
import CGSL
import XCTest

/// The exact intervals against published values and their edge cases.
final class ExactIntervalTests: XCTestCase {
    // Garwood for 10 events: [4.795, 18.39] (e.g. Ulm 1990, Table; Daly 1992).
    func testGarwoodIntervalForTenEventsMatchesPublishedValues() throws {
        let volume = try ArrivalVolume.estimate(count: 10, hours: ArrivalVolume.hoursPerYear)
        XCTAssertEqual(volume.perYear, 10, accuracy: 1e-12)
        XCTAssertEqual(volume.lower, 4.795, accuracy: 0.0005)
        XCTAssertEqual(volume.upper, 18.39, accuracy: 0.005)
    }

    func testGarwoodIntervalScalesWithTheYearsObserved() throws {
        let volume = try ArrivalVolume.estimate(count: 10, hours: 2 * ArrivalVolume.hoursPerYear)
        XCTAssertEqual(volume.years, 2, accuracy: 1e-12)
        XCTAssertEqual(volume.perYear, 5, accuracy: 1e-12)
        XCTAssertEqual(volume.lower, 4.795 / 2, accuracy: 0.0005)
        XCTAssertEqual(volume.upper, 18.39 / 2, accuracy: 0.005)
    }

    // No events: lower 0, upper -log(0.025) = 3.689.
    func testGarwoodIntervalForNoEventsStartsAtZero() throws {
        let volume = try ArrivalVolume.estimate(count: 0, hours: ArrivalVolume.hoursPerYear)
        XCTAssertEqual(volume.lower, 0)
        XCTAssertEqual(volume.upper, -log(0.025), accuracy: 1e-9)
    }

    func testClopperPearsonForThreeOfTenMatchesPublishedValues() throws {
        let share = try ShareEstimate.estimate(successes: 3, trials: 10)
        XCTAssertEqual(share.share, 0.3)
        XCTAssertEqual(share.lower, 0.0667, accuracy: 0.00005)
        XCTAssertEqual(share.upper, 0.6525, accuracy: 0.00005)
    }

    // 0/20: upper = 1 - 0.025^(1/20) = 0.1684; 20/20 mirrors it.
    func testClopperPearsonAtTheEdgesIsOneSided() throws {
        let none = try ShareEstimate.estimate(successes: 0, trials: 20)
        XCTAssertEqual(none.lower, 0)
        XCTAssertEqual(none.upper, 0.1684, accuracy: 0.00005)
        XCTAssertEqual(none.upper, 1 - pow(0.025, 1.0 / 20), accuracy: 1e-9)
        let all = try ShareEstimate.estimate(successes: 20, trials: 20)
        XCTAssertEqual(all.upper, 1)
        XCTAssertEqual(all.lower, 1 - none.upper, accuracy: 1e-9)
    }

    func testSharesRefuseImpossibleCounts() {
        XCTAssertThrowsError(try ShareEstimate.estimate(successes: -1, trials: 10)) { error in
            XCTAssertTrue("\(error)".contains("successes"), "\(error)")
        }
        XCTAssertThrowsError(try ShareEstimate.estimate(successes: 11, trials: 10))
        XCTAssertThrowsError(try ShareEstimate.estimate(successes: 0, trials: 0)) { error in
            XCTAssertTrue("\(error)".contains("trials"), "\(error)")
        }
        XCTAssertThrowsError(try ShareEstimate.estimate(successes: 1, trials: 2, confidence: 1))
        XCTAssertThrowsError(try ArrivalVolume.estimate(count: -3, hours: 100))
    }

    // 2 Σx / mean ~ χ²(2n): for n = 10 and mean 5, [100 / 34.170, 100 / 9.591].
    func testExponentialDelayIntervalIsTheChiSquareOne() throws {
        let delays = [1.0, 2, 3, 4, 5, 5, 6, 7, 8, 9]
        let fit = try DelayFit.exponential(delays: delays)
        XCTAssertEqual(fit.count, 10)
        XCTAssertEqual(fit.mean, 5, accuracy: 1e-12)
        XCTAssertEqual(fit.lower, 100 / 34.1696, accuracy: 1e-3)
        XCTAssertEqual(fit.upper, 100 / 9.59078, accuracy: 1e-3)
        XCTAssertLessThan(fit.coefficientOfVariation, 1)
    }

    func testDelaysRefuseNegativeMissingOrAllZeroData() {
        XCTAssertThrowsError(try DelayFit.exponential(delays: [])) { error in
            XCTAssertTrue("\(error)".contains("no delays"), "\(error)")
        }
        XCTAssertThrowsError(try DelayFit.exponential(delays: [1, -2])) { error in
            XCTAssertEqual(error as? ArrivalFitError, .invalidDelay(index: 1, value: -2))
        }
        XCTAssertThrowsError(try DelayFit.exponential(delays: [1, .nan]))
        XCTAssertThrowsError(try DelayFit.exponential(delays: [0, 0])) { error in
            XCTAssertTrue("\(error)".contains("every delay is 0"), "\(error)")
        }
    }
}

/// Quantiles where GSL 2.7's own inverse CDFs return NaN, recovered from GSL's CDFs.
final class CheckedQuantileTests: XCTestCase {
    // GSL's default handler aborts on the failures these tests call for.
    override func setUp() { XCTAssertTrue(FitGSL.errorHandlerDisabled) }

    func testBetaQuantilesAreFoundWhereGSLsInverseFails() {
        XCTAssertTrue(gsl_cdf_beta_Pinv(0.975, 37, 1764).isNaN, "GSL's inverse fails here (if fixed, this test can go)")
        var checked = 0
        for n in stride(from: 1850, through: 1950, by: 7) {
            for x in 10..<60 {
                let upper = CheckedQuantile.beta(0.975, Double(x + 1), Double(n - x))
                XCTAssertEqual(gsl_cdf_beta_Q(upper, Double(x + 1), Double(n - x)), 0.025, accuracy: 1e-11)
                let lower = CheckedQuantile.beta(0.025, Double(x), Double(n - x + 1))
                XCTAssertEqual(gsl_cdf_beta_P(lower, Double(x), Double(n - x + 1)), 0.025, accuracy: 1e-11)
                checked += 1
            }
        }
        XCTAssertEqual(checked, 15 * 50)
    }

    func testChiSquareQuantilesAreFoundWhereGSLsInverseFails() throws {
        XCTAssertTrue(gsl_cdf_chisq_Pinv(0.975, 2320).isNaN, "GSL's inverse fails here (if fixed, this test can go)")
        let x = CheckedQuantile.chiSquare(0.975, 2320)
        XCTAssertEqual(gsl_cdf_chisq_Q(x, 2320), 0.025, accuracy: 1e-12)
        // Garwood for 1,159 events needs exactly that quantile (2N + 2 = 2320).
        let volume = try ArrivalVolume.estimate(count: 1159, hours: ArrivalVolume.hoursPerYear)
        XCTAssertEqual(volume.upper, x / 2, accuracy: 1e-9)
        XCTAssertGreaterThan(volume.upper, 1159)
        for nu in [1.0, 2, 10, 100, 1000, 5000, 20_000, 50_000] {
            for p in [0.025, 0.975] {
                XCTAssertEqual(gsl_cdf_chisq_P(CheckedQuantile.chiSquare(p, nu), nu), p, accuracy: 1e-10 * 0.025)
            }
        }
    }
}
