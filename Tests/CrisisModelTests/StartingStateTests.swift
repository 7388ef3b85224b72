import CrisisTestSupport
import SimKernel
import SimRandom
import XCTest
@testable import CrisisModel

/// "Start from today": a system that starts in its steady state shows no warm-up transient.
final class StartingStateTests: XCTestCase {
    /// The remaining stay of someone found in a bed is the equilibrium residual, with mean
    /// E[S²] / (2 E[S]) = mean (1 + cv²) / 2: 30 days for a lognormal of mean 30 and cv 1
    /// (not the 15 a uniform cut of an ordinary stay would give).
    func testResidualStaysHaveTheEquilibriumMean() throws {
        let stays = try Distribution.lognormal(mean: 30, cv: 1)
        let stream = RandomStreams(masterSeed: 5, replication: 0).stream("test.residual")
        var tally = Tally()
        for _ in 0..<20_000 { tally.add(CrisisSystem.residual(of: stays, stream: stream)) }
        // The residual's sd is about 40 days here: 4 standard errors of the mean is ~1.2 days.
        XCTAssertEqual(tally.mean, 30, accuracy: 4 * tally.standardDeviation / 20_000.0.squareRoot())
    }

    /// 50 erlangs on 200 beds (no blocking), exponential 10-day stays. Started empty, the
    /// ward fills as 50 (1 − e^(−t/10)); started at 50 occupied with memoryless residual
    /// stays, the expected occupancy is 50 from day one.
    func testStartingFromTheSteadyStateHasNoTransient() throws {
        var configuration = Configurations.bedsOnly(beds: 200, admissionsPerYear: 50 * 365.25 / 10,
                                                    stayDays: Configurations.exponential(10), bedSearchHours: 0)
        configuration.areas[0].start = StartingState(bedsOccupied: 50)
        var early = Replications()
        for replication in 0..<20 {
            let result = try CrisisSystem.runReplication(configuration, length: RunLength(warmupDays: 0, horizonDays: 10),
                                                         seed: 17, replication: replication, dailySeries: true)
            let census = try XCTUnwrap(result.daily).bedsOccupied
            early.add(census.reduce(0, +) / Double(census.count))
        }
        early.assertContains(50, "mean census over the first 10 days from a steady start")
        // An empty start would average 50 (1 − (1 − e^−1)) ≈ 18.4 beds over those days.
        early.assertExcludes(18.4, "the empty-start average")
    }
}
