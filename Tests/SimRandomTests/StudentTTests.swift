import XCTest

@testable import SimRandom

/// StudentT.criticalValue: two-sided critical values t_{(1 + confidence)/2, df}.
final class StudentTTests: XCTestCase {
    /// Table values (e.g. Abramowitz & Stegun 26.10; scipy.stats.t.ppf agrees to all digits
    /// shown): t_{0.975,1} = 12.7062047, t_{0.975,10} = 2.2281389, t_{0.975,1000} = 1.9623391,
    /// t_{0.995,5} = 4.0321430. Checked to 1e-6 (the brief asks for 1e-3).
    func testPublishedCriticalValues() {
        XCTAssertEqual(StudentT.criticalValue(confidence: 0.95, degreesOfFreedom: 1), 12.7062047, accuracy: 1e-6)
        XCTAssertEqual(StudentT.criticalValue(confidence: 0.95, degreesOfFreedom: 10), 2.2281389, accuracy: 1e-6)
        XCTAssertEqual(StudentT.criticalValue(confidence: 0.95, degreesOfFreedom: 1000), 1.9623391, accuracy: 1e-6)
        XCTAssertEqual(StudentT.criticalValue(confidence: 0.99, degreesOfFreedom: 5), 4.0321430, accuracy: 1e-6)
    }

    /// Large df approaches the normal quantile 1.959964 from above, monotonically.
    func testDecreasesTowardsTheNormalQuantile() {
        let values = [1, 2, 5, 30, 100, 1_000_000].map { StudentT.criticalValue(confidence: 0.95, degreesOfFreedom: $0) }
        XCTAssertEqual(values, values.sorted(by: >))
        XCTAssertEqual(values.last!, 1.959964, accuracy: 1e-5)
        XCTAssert(values.allSatisfy { $0 > 1.959964 })
    }

    func testInvalidArgumentsGiveNaN() {
        for df in [0, -1, Int.min] {
            XCTAssert(StudentT.criticalValue(confidence: 0.95, degreesOfFreedom: df).isNaN, "df \(df)")
        }
        for confidence in [0.0, 1.0, -0.5, 1.5, .nan] {
            XCTAssert(StudentT.criticalValue(confidence: confidence, degreesOfFreedom: 10).isNaN, "confidence \(confidence)")
        }
    }
}
