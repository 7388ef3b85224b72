import Foundation
import XCTest
import SimKernel

/// When in the week referrals come, and how their volume grows: validation and arithmetic.
final class RateProfileTests: XCTestCase {
    private func assertInvalid(_ message: String, _ make: () throws -> RateProfile,
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try make(), file: file, line: line) { error in
            guard case RateProfileError.invalid(let text)? = error as? RateProfileError else {
                return XCTFail("expected RateProfileError.invalid, got \(error)", file: file, line: line)
            }
            XCTAssert(text.contains(message), "message \"\(text)\" should mention \"\(message)\"", file: file, line: line)
        }
    }

    // MARK: Validation

    func testVolumeMustBeAFiniteNonNegativeNumber() {
        assertInvalid("perYear") { try RateProfile(perYear: -1) }
        assertInvalid("perYear") { try RateProfile(perYear: -.leastNonzeroMagnitude) }
        assertInvalid("perYear") { try RateProfile(perYear: .nan) }
        assertInvalid("perYear") { try RateProfile(perYear: .infinity) }
        XCTAssertNoThrow(try RateProfile(perYear: 0))
    }

    func testWeightsMustNumber24Or168() {
        for count in [1, 7, 23, 25, 167, 169, 336] {
            assertInvalid("24 or 168") { try RateProfile(perYear: 100, hourOfWeekWeights: Array(repeating: 1, count: count)) }
        }
        for count in [0, 24, 168] {
            XCTAssertNoThrow(try RateProfile(perYear: 100, hourOfWeekWeights: Array(repeating: 1, count: count)))
        }
    }

    func testWeightsMustBeFiniteAndNonNegative() {
        var weights = Array(repeating: 1.0, count: 24)
        weights[5] = -0.1
        assertInvalid("finite numbers >= 0") { try RateProfile(perYear: 100, hourOfWeekWeights: weights) }
        weights[5] = .nan
        assertInvalid("finite numbers >= 0") { try RateProfile(perYear: 100, hourOfWeekWeights: weights) }
        weights[5] = .infinity
        assertInvalid("finite numbers >= 0") { try RateProfile(perYear: 100, hourOfWeekWeights: weights) }
    }

    func testAllZeroWeightsNeedZeroVolume() {
        assertInvalid("all zero") { try RateProfile(perYear: 10, hourOfWeekWeights: Array(repeating: 0, count: 168)) }
        assertInvalid("all zero") { try RateProfile(perYear: 10, hourOfWeekWeights: Array(repeating: 0, count: 24)) }
        let silent = try? RateProfile(perYear: 0, hourOfWeekWeights: Array(repeating: 0, count: 24))
        XCTAssertNotNil(silent)
        XCTAssertEqual(silent?.isNeverActive, true)
    }

    func testGrowthMustExceedMinusOne() {
        assertInvalid("annualGrowth") { try RateProfile(perYear: 100, annualGrowth: -1) }
        assertInvalid("annualGrowth") { try RateProfile(perYear: 100, annualGrowth: -2) }
        assertInvalid("annualGrowth") { try RateProfile(perYear: 100, annualGrowth: .nan) }
        assertInvalid("annualGrowth") { try RateProfile(perYear: 100, annualGrowth: .infinity) }
        XCTAssertNoThrow(try RateProfile(perYear: 100, annualGrowth: -0.5))
        XCTAssertNoThrow(try RateProfile(perYear: 100, annualGrowth: 0.03))
    }

    // MARK: Weights

    func testTwentyFourWeightsRepeatEveryDayNormalisedToMeanOne() throws {
        let day = (0..<24).map { Double($0 % 6) }  // 0, 1, ..., 5, 0, 1, ...; mean 2.5
        let profile = try RateProfile(perYear: 8766, hourOfWeekWeights: day)
        XCTAssertEqual(profile.weights.count, 168)
        for hour in 0..<168 {
            XCTAssertEqual(profile.weights[hour], day[hour % 24] / 2.5, accuracy: 1e-12, "hour \(hour)")
        }
        XCTAssertEqual(profile.weights.reduce(0, +) / 168, 1, accuracy: 1e-12)
    }

    func testWeightsAreNormalisedSoPerHourIsTheMeanRate() throws {
        var weights = Array(repeating: 1.0, count: 168)
        weights[0] = 169  // total 336: mean 2
        let profile = try RateProfile(perYear: 17_532, hourOfWeekWeights: weights)
        XCTAssertEqual(profile.perHour, 2, accuracy: 1e-12, "17,532 a year over 8,766 hours")
        XCTAssertEqual(profile.weights[0], 84.5, accuracy: 1e-12)
        XCTAssertEqual(profile.weights[1], 0.5, accuracy: 1e-12)
        XCTAssertEqual(profile.rate(duringHour: 0), 169, accuracy: 1e-9)
        XCTAssertEqual(profile.rate(duringHour: 168), 169, accuracy: 1e-9, "the week repeats")
        XCTAssertEqual(profile.rate(duringHour: 5), 1, accuracy: 1e-12)
        // Over whole weeks the mean rate is perHour, whatever the shape.
        XCTAssertEqual(profile.expectedArrivals(inFirst: 168 * 3), 2 * 168 * 3, accuracy: 1e-9)
        // Scale does not matter, only shape.
        let scaled = try RateProfile(perYear: 17_532, hourOfWeekWeights: weights.map { $0 * 1_000 })
        for hour in 0..<168 { XCTAssertEqual(scaled.weights[hour], profile.weights[hour], accuracy: 1e-12) }
    }

    func testStartHourOfWeekShiftsTheWeekAndWrapsAround() throws {
        var weights = Array(repeating: 1.0, count: 168)
        weights[167] = 0  // Sunday 23:00-24:00 is quiet
        XCTAssertEqual(try RateProfile(perYear: 1, hourOfWeekWeights: weights, startHourOfWeek: -1).startHourOfWeek, 167)
        XCTAssertEqual(try RateProfile(perYear: 1, hourOfWeekWeights: weights, startHourOfWeek: 170).startHourOfWeek, 2)
        XCTAssertEqual(try RateProfile(perYear: 1, hourOfWeekWeights: weights, startHourOfWeek: -169).startHourOfWeek, 167)
        let sundayNight = try RateProfile(perYear: 8766, hourOfWeekWeights: weights, startHourOfWeek: 167)
        XCTAssertEqual(sundayNight.rate(duringHour: 0), 0, "the run starts in the quiet hour")
        XCTAssertGreaterThan(sundayNight.rate(duringHour: 1), 0)
        XCTAssertEqual(sundayNight.rate(duringHour: 168), 0)
    }

    func testGrowthCompoundsOverTheYears() throws {
        let profile = try RateProfile(perYear: 8766, annualGrowth: 0.1)
        let year = Int(RateProfile.hoursPerYear)
        XCTAssertEqual(profile.rate(duringHour: 0), 1, accuracy: 1e-12)
        XCTAssertEqual(profile.rate(duringHour: year), 1.1, accuracy: 1e-12)
        XCTAssertEqual(profile.rate(duringHour: 2 * year), 1.21, accuracy: 1e-12)
        XCTAssertEqual(profile.rate(duringHour: year / 2), 1.1.squareRoot(), accuracy: 1e-12)
        // Each year brings (1 + g) times the previous year's arrivals.
        let first = profile.expectedArrivals(inFirst: year)
        let second = profile.expectedArrivals(inFirst: 2 * year) - first
        XCTAssertEqual(second / first, 1.1, accuracy: 1e-12)
        // Continuous compounding within the year: 8766 · g / ln(1 + g) in the first year.
        XCTAssertEqual(first, 8766 * 0.1 / log(1.1), accuracy: 1)

        let shrinking = try RateProfile(perYear: 8766, annualGrowth: -0.2)
        XCTAssertEqual(shrinking.rate(duringHour: year), 0.8, accuracy: 1e-12)
    }

    func testStationarityAndActivity() throws {
        XCTAssertTrue(try RateProfile(perYear: 100).isStationary)
        XCTAssertTrue(try RateProfile(perYear: 100, hourOfWeekWeights: Array(repeating: 3, count: 24)).isStationary)
        XCTAssertFalse(try RateProfile(perYear: 100, annualGrowth: 0.01).isStationary)
        var weights = Array(repeating: 1.0, count: 24)
        weights[3] = 2
        XCTAssertFalse(try RateProfile(perYear: 100, hourOfWeekWeights: weights).isStationary)
        XCTAssertTrue(try RateProfile(perYear: 0).isNeverActive)
        XCTAssertFalse(try RateProfile(perYear: 1).isNeverActive)
    }
}
