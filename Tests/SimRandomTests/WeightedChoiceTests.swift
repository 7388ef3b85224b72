import XCTest

@testable import SimRandom

final class WeightedChoiceTests: XCTestCase {
    let n = 200_000

    func counts(_ choice: WeightedChoice, _ stream: RandomStream, draws: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: choice.probabilities.count)
        for _ in 0..<draws { counts[choice.choose(stream)] += 1 }
        return counts
    }

    func testProbabilitiesAreNormalisedInOrder() throws {
        let choice = try WeightedChoice(weights: [1, 2, 3, 0, 4])
        XCTAssertEqual(choice.probabilities, [0.1, 0.2, 0.3, 0, 0.4])
        XCTAssertEqual(try WeightedChoice(weights: [5]).probabilities, [1])
    }

    /// Frequencies over n draws, for every generator kind: outcomes with weight 0 never occur,
    /// and the counts of the four others pass Pearson's chi-square test against the normalised
    /// weights at chi2_{0.999}(3) = 16.266 (3 = 4 outcomes - 1).
    func testFrequenciesPassChiSquare() throws {
        let weights: [Double] = [1, 2, 3, 0, 4]
        let choice = try WeightedChoice(weights: weights)
        for kind in GeneratorKind.allCases {
            let stream = RandomStreams(masterSeed: 11, replication: 0, kind: kind).stream("route")
            let observed = counts(choice, stream, draws: n)
            XCTAssertEqual(observed[3], 0, "\(kind): a zero-weight outcome was chosen")
            let nonzero = [0, 1, 2, 4]
            let statistic = chiSquare(counts: nonzero.map { observed[$0] }, probabilities: nonzero.map { weights[$0] / 10 })
            XCTAssertLessThan(statistic, chiSquareCritical999[3]!, "\(kind): counts \(observed)")
        }
    }

    /// A skewed choice: the rare outcome's count is Binomial(n, 0.001).
    func testRareOutcomeFrequency() throws {
        let choice = try WeightedChoice(weights: [999, 1])
        let stream = RandomStreams(masterSeed: 12, replication: 0).stream("rare")
        let observed = counts(choice, stream, draws: n)
        assertBinomialCount(observed[1], trials: n, probability: 0.001)
    }

    func testZeroWeightOutcomesAreNeverChosen() throws {
        let stream = RandomStreams(masterSeed: 13, replication: 0).stream("zeros")
        let single = try WeightedChoice(weights: [0, 5, 0])
        XCTAssertEqual(counts(single, stream, draws: 10_000), [0, 10_000, 0])
        let ends = try WeightedChoice(weights: [0, 1, 1, 0])
        let observed = counts(ends, stream, draws: 10_000)
        XCTAssertEqual(observed[0], 0)
        XCTAssertEqual(observed[3], 0)
        assertBinomialCount(observed[1], trials: 10_000, probability: 0.5)
        XCTAssertEqual(counts(try WeightedChoice(weights: [2.5]), stream, draws: 100), [100])
    }

    /// The same stream coordinates give the same choices.
    func testChoicesAreReproducible() throws {
        let choice = try WeightedChoice(weights: [3, 1, 4, 1, 5])
        let a = RandomStreams(masterSeed: 14, replication: 2).stream("cohort")
        let b = RandomStreams(masterSeed: 14, replication: 2).stream("cohort")
        XCTAssertEqual((0..<500).map { _ in choice.choose(a) }, (0..<500).map { _ in choice.choose(b) })
    }

    func testInvalidWeightsThrow() {
        let name = "weighted choice"
        assertDistributionError(try WeightedChoice(weights: []), distribution: name, parameter: "weights")
        assertDistributionError(try WeightedChoice(weights: [1, -1]), distribution: name, parameter: "weight", value: -1)
        assertDistributionError(try WeightedChoice(weights: [-0.5]), distribution: name, parameter: "weight", value: -0.5)
        assertDistributionError(try WeightedChoice(weights: [1, .nan]), distribution: name, parameter: "weight", value: .nan)
        assertDistributionError(try WeightedChoice(weights: [.infinity, 1]), distribution: name, parameter: "weight", value: .infinity)
        assertDistributionError(try WeightedChoice(weights: [0, 0]), distribution: name, parameter: "weights", value: 0)
        assertDistributionError(try WeightedChoice(weights: [0]), distribution: name, parameter: "weights", value: 0)
        // Finite weights whose total overflows would normalise to zeros.
        let huge = Double.greatestFiniteMagnitude
        assertDistributionError(try WeightedChoice(weights: [huge, huge]), distribution: name, parameter: "weights", value: .infinity)
    }
}
