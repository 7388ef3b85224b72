import CrisisFit
import SimRandom
import XCTest

/// The re-presentation probability and delay, fitted together so that short follow-up is
/// not read as a low probability.
final class RepresentationFitTests: XCTestCase {
    /// Episodes ending uniformly over a year of record; each returns with probability `p`
    /// after an exponential delay of mean `mean` days, seen only within the record.
    private func sample(_ count: Int, p: Double, mean: Double, seed: UInt64) -> [RepresentationObservation] {
        let random = RandomStreams(masterSeed: seed, replication: 0).stream("representations")
        return (0..<count).map { _ in
            let followUp = random.uniform(min: 1, max: 365)
            guard random.bernoulli(probability: p) else { return RepresentationObservation(followUp: followUp, delay: nil) }
            let delay = random.exponential(mean: mean)
            return RepresentationObservation(followUp: followUp, delay: delay <= followUp ? delay : nil)
        }
    }

    /// With follow-up far longer than any delay, the fit is the plain share and mean.
    func testWithoutCensoringItIsTheShareAndTheMean() throws {
        let delays = [2.0, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24]
        let observations = delays.map { RepresentationObservation(followUp: 1e6, delay: $0) }
            + Array(repeating: RepresentationObservation(followUp: 1e6, delay: nil), count: 36)
        let fit = try RepresentationFit.fit(observations)
        XCTAssertEqual(fit.probability.value, 12.0 / 48, accuracy: 1e-5)
        XCTAssertEqual(fit.meanDelay.value, 13, accuracy: 1e-4)
        XCTAssertTrue(fit.probability.lower < 0.25 && 0.25 < fit.probability.upper)
    }

    /// Censored follow-up: the naive share understates p; the fit recovers it and the mean.
    func testShortFollowUpIsNotReadAsALowProbability() throws {
        let observations = sample(4_000, p: 0.2, mean: 90, seed: 3)
        let naive = Double(observations.filter { $0.delay != nil }.count) / Double(observations.count)
        XCTAssertLessThan(naive, 0.16, "a quarter of returns fall after the record ends")
        let fit = try RepresentationFit.fit(observations)
        XCTAssertTrue(fit.probability.covers(0.2), "\(fit.probability)")
        XCTAssertTrue(fit.meanDelay.covers(90), "\(fit.meanDelay)")
    }

    /// The 95% intervals cover the truth about 95% of the time (200 samples of 600).
    func testIntervalsCoverTheTruth() throws {
        var probability = 0, delay = 0
        for seed in UInt64(1)...200 {
            let fit = try RepresentationFit.fit(sample(600, p: 0.15, mean: 40, seed: seed))
            if fit.probability.covers(0.15) { probability += 1 }
            if fit.meanDelay.covers(40) { delay += 1 }
        }
        XCTAssertTrue((180...198).contains(probability), "probability covered \(probability)/200")
        XCTAssertTrue((180...198).contains(delay), "delay covered \(delay)/200")
    }

    func testBadInputAndTooFewReturnsAreRefused() {
        XCTAssertThrowsError(try RepresentationFit.fit([RepresentationObservation(followUp: 10, delay: 12)])) { error in
            XCTAssertEqual("\(error)", "observation 0: delay 12.0 must lie in [0, follow-up 10.0]")
        }
        XCTAssertThrowsError(try RepresentationFit.fit([RepresentationObservation(followUp: 10, delay: 1)])) { error in
            XCTAssertTrue("\(error)".contains("at least 10 are needed"), "\(error)")
        }
    }
}
