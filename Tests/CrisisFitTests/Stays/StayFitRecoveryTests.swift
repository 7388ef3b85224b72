import CrisisFit
import XCTest

/// Fits to simulated extracts recover the distribution they were drawn from, with the
/// censoring at the window's end and the truncation of stays admitted before it.
///
/// Each check is a 95% interval on a fixed seed, so each could fail by chance for some other
/// seed (about 1 in 20 per interval); the seeds are fixed, so these results are reproducible.
final class StayFitRecoveryTests: XCTestCase {
    func testLognormalStaysAreRecoveredAndPreferredByAIC() throws {
        let stays = StaySamples.windowed(2_000, seed: 301) { $0.lognormal(mu: 3.0, sigma: 0.9) }
        assertExtractShape(stays)
        let comparison = try StayFit.compare(stays)
        XCTAssertEqual(comparison.failures.count, 0)
        XCTAssertEqual(comparison.best?.family, .lognormal, "AIC: \(comparison.ranked.map { "\($0.family) Δ\($0.deltaAIC)" })")
        XCTAssertGreaterThan(comparison.ranked[1].deltaAIC, 10, "the runner-up should have essentially no support")
        let fit = try XCTUnwrap(comparison.fit(of: .lognormal))
        assertCovers(fit.parameter("mu")!, 3.0)
        assertCovers(fit.parameter("sigma")!, 0.9)
        XCTAssertTrue(fit.mean.covers(exp(3.0 + 0.81 / 2)), "mean \(fit.mean)")
        XCTAssertTrue(fit.median.covers(exp(3.0)), "median \(fit.median)")
    }

    func testGammaStaysAreRecoveredAndPreferredByAIC() throws {
        let stays = StaySamples.windowed(2_000, seed: 302) { $0.gamma(shape: 2.5, scale: 12) }
        assertExtractShape(stays)
        let comparison = try StayFit.compare(stays)
        XCTAssertEqual(comparison.best?.family, .gamma, "AIC: \(comparison.ranked.map { "\($0.family) Δ\($0.deltaAIC)" })")
        let fit = try XCTUnwrap(comparison.fit(of: .gamma))
        assertCovers(fit.parameter("shape")!, 2.5)
        assertCovers(fit.parameter("scale")!, 12)
        XCTAssertTrue(fit.mean.covers(30), "mean \(fit.mean)")
    }

    func testWeibullStaysAreRecoveredAndPreferredByAIC() throws {
        let stays = StaySamples.windowed(2_000, seed: 303) { $0.weibull(shape: 1.6, scale: 35) }
        assertExtractShape(stays)
        let comparison = try StayFit.compare(stays)
        XCTAssertEqual(comparison.best?.family, .weibull, "AIC: \(comparison.ranked.map { "\($0.family) Δ\($0.deltaAIC)" })")
        let fit = try XCTUnwrap(comparison.fit(of: .weibull))
        assertCovers(fit.parameter("shape")!, 1.6)
        assertCovers(fit.parameter("scale")!, 35)
        XCTAssertTrue(fit.median.covers(35 * pow(log(2), 1 / 1.6)), "median \(fit.median)")
    }

    /// Why the censored, truncated likelihood is needed: fitting the same stays as if every
    /// exit were a discharge seen from admission puts the truth outside the interval.
    func testIgnoringCensoringAndTruncationMissesTheTruth() throws {
        let stays = StaySamples.windowed(2_000, seed: 301, window: 120, admittedBefore: 0) { $0.lognormal(mu: 3.0, sigma: 0.9) }
        let naive = stays.map { StayObservation(exit: $0.exit, censored: false, limit: $0.exit) }
        let naiveFit = try StayFit.fit(naive, family: .lognormal)
        let fit = try StayFit.fit(stays, family: .lognormal)
        let truth = exp(3.0 + 0.81 / 2)
        XCTAssertLessThan(naiveFit.mean.upper, truth, "naive mean \(naiveFit.mean)")
        XCTAssertTrue(fit.mean.covers(truth), "mean \(fit.mean)")
    }

    func testTheFittedDistributionAnswersConsistently() throws {
        let stays = StaySamples.windowed(500, seed: 304) { $0.gamma(shape: 2.5, scale: 12) }
        for family in StayFamily.allCases {
            let fit = try StayFit.fit(stays, family: family)
            XCTAssertEqual(fit.parameters.map(\.name), family.parameterNames)
            XCTAssertEqual(fit.aic, 2 * Double(family.parameterCount) - 2 * fit.logLikelihood, accuracy: 1e-9)
            for p in [0.05, 0.5, 0.95] {
                XCTAssertEqual(fit.cdf(fit.quantile(p)), p, accuracy: 1e-9, "\(family)")
            }
            XCTAssertEqual(fit.quantile(0.5), fit.median.value, accuracy: 1e-9 * fit.median.value)
            XCTAssertEqual(fit.cdf(20) + fit.survival(20), 1, accuracy: 1e-12)
            XCTAssertGreaterThan(fit.density(20), 0)
            XCTAssertEqual(try fit.distribution().mean, fit.mean.value, accuracy: 1e-9 * fit.mean.value, "\(family)")
            for parameter in fit.parameters {
                XCTAssertLessThan(parameter.lower, parameter.value)
                XCTAssertGreaterThan(parameter.upper, parameter.value)
            }
        }
    }

    private func assertExtractShape(_ stays: [StayObservation], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertGreaterThan(stays.filter(\.censored).count, 50, "the window should censor stays", file: file, line: line)
        XCTAssertGreaterThan(stays.filter(\.isLeftTruncated).count, 50, "some stays should be left truncated", file: file, line: line)
    }

    private func assertCovers(_ parameter: FittedStayDistribution.Parameter, _ truth: Double,
                              file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(parameter.lower <= truth && truth <= parameter.upper,
                      "\(parameter.name) \(parameter.value) [\(parameter.lower), \(parameter.upper)] misses \(truth)",
                      file: file, line: line)
    }
}
