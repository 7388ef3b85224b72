import CrisisFit
import XCTest

/// The 95% interval of the fitted mean is honest: over many independent extracts it contains
/// the true mean about 95% of the time. A statistical test on fixed seeds 1...200, so it is
/// reproducible; the band 90–99% leaves room for the delta method's small-sample error.
final class StayFitCoverageTests: XCTestCase {
    func testLognormalMeanIntervalCoversTheTruthAbout95PercentOfTheTime() throws {
        let mu = 3.0, sigma = 0.9
        let truth = exp(mu + sigma * sigma / 2)
        let seeds = 200
        var covered = 0, censored = 0
        for seed in 1...seeds {
            // A 120-day window: about a fifth of stays are still open at its end.
            let stays = StaySamples.windowed(300, seed: UInt64(10_000 + seed), window: 120, admittedBefore: 60) {
                $0.lognormal(mu: mu, sigma: sigma)
            }
            censored += stays.filter(\.censored).count
            let fit = try StayFit.fit(stays, family: .lognormal)
            if fit.mean.covers(truth) { covered += 1 }
        }
        let coverage = Double(covered) / Double(seeds)
        print("lognormal mean 95% interval coverage: \(covered)/\(seeds) = \(coverage); censored share \(Double(censored) / Double(300 * seeds))")
        XCTAssertGreaterThan(Double(censored) / Double(300 * seeds), 0.1)
        XCTAssertGreaterThanOrEqual(coverage, 0.90)
        XCTAssertLessThanOrEqual(coverage, 0.99)
    }
}
