@testable import CrisisFit
import XCTest

/// Cases where the maximum-likelihood estimate has a closed form, so the simplex's answer
/// can be checked exactly rather than statistically.
final class StayFitKnownAnswerTests: XCTestCase {
    func testUncensoredExponentialMeanIsTheSampleMean() throws {
        let stays = StaySamples.plain(500, seed: 11) { $0.exponential(mean: 12) }
        let fit = try StayFit.fit(stays, family: .exponential)
        let sampleMean = stays.map(\.exit).reduce(0, +) / Double(stays.count)
        XCTAssertEqual(fit.parameters[0].value, sampleMean, accuracy: 1e-6 * sampleMean)
        XCTAssertEqual(fit.mean.value, sampleMean, accuracy: 1e-6 * sampleMean)
        XCTAssertEqual(fit.parameterCount, 1)
        XCTAssertEqual(fit.observationCount, 500)
        // Exponential: Var(mean-hat) = mean²/n, which the observed information reproduces.
        XCTAssertEqual(fit.parameters[0].standardError, sampleMean / 500.0.squareRoot(), accuracy: 1e-4 * sampleMean)
    }

    func testUncensoredLognormalIsTheMeanAndPopulationSDOfLogs() throws {
        let stays = StaySamples.plain(400, seed: 12) { $0.lognormal(mu: 2.5, sigma: 0.8) }
        let fit = try StayFit.fit(stays, family: .lognormal)
        let logs = stays.map { log($0.exit) }
        let mu = logs.reduce(0, +) / Double(logs.count)
        let sigma = (logs.map { ($0 - mu) * ($0 - mu) }.reduce(0, +) / Double(logs.count)).squareRoot()
        XCTAssertEqual(fit.parameter("mu")!.value, mu, accuracy: 1e-5)
        XCTAssertEqual(fit.parameter("sigma")!.value, sigma, accuracy: 1e-5)
        XCTAssertEqual(fit.median.value, exp(mu), accuracy: 1e-4 * exp(mu))
        XCTAssertEqual(fit.mean.value, exp(mu + sigma * sigma / 2), accuracy: 1e-4 * exp(mu))
        // Normal theory: se(mu-hat) = sigma/√n, se(sigma-hat) = sigma/√(2n).
        XCTAssertEqual(fit.parameter("mu")!.standardError, sigma / 400.0.squareRoot(), accuracy: 1e-3 * sigma)
        XCTAssertEqual(fit.parameter("sigma")!.standardError, sigma / 800.0.squareRoot(), accuracy: 1e-3 * sigma)
        XCTAssertEqual(fit.covariance[0][1], 0, accuracy: 1e-6)
    }

    /// With censoring, the exponential MLE is total time at risk over discharges.
    func testCensoredExponentialMeanIsTimeAtRiskOverDischarges() throws {
        let stays = StaySamples.windowed(600, seed: 13, window: 60, admittedBefore: 0) { $0.exponential(mean: 20) }
        XCTAssertGreaterThan(stays.filter(\.censored).count, 60, "the window should censor many stays")
        try assertExponentialClosedForm(stays)
    }

    /// Memorylessness: a stay seen from day `entry` contributes only its time after entry.
    func testLeftTruncatedExponentialMeanIsTimeAtRiskOverDischarges() throws {
        let stays = StaySamples.windowed(600, seed: 14, window: 60, admittedBefore: 60) { $0.exponential(mean: 20) }
        XCTAssertGreaterThan(stays.filter(\.isLeftTruncated).count, 60, "many stays should be admitted before the window")
        try assertExponentialClosedForm(stays)
    }

    private func assertExponentialClosedForm(_ stays: [StayObservation], file: StaticString = #filePath, line: UInt = #line) throws {
        let fit = try StayFit.fit(stays, family: .exponential)
        let atRisk = stays.map(\.exit).reduce(0, +) - stays.map(\.entry).reduce(0, +)
        let discharges = Double(stays.filter { !$0.censored }.count)
        let expected = atRisk / discharges
        XCTAssertEqual(fit.parameters[0].value, expected, accuracy: 1e-6 * expected, file: file, line: line)
        // Observed information for the exponential: discharges / mean², so se = mean/√d.
        XCTAssertEqual(fit.parameters[0].standardError, expected / discharges.squareRoot(),
                       accuracy: 1e-4 * expected, file: file, line: line)
    }
}
