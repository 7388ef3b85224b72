import CrisisTestSupport
import XCTest
import SimKernel
import SimRandom
import Yardsticks

/// The bed-pool speed yardstick: reproducible, and an Erlang loss system on the admitted stream.
final class BedPoolTests: XCTestCase {
    private let benchmarkBlocking = QueueingFormulas.erlangB(servers: 100, load: 95)

    func testParametersOfferTheStatedLoad() {
        let parameters = BedPool.Parameters(referrals: 1, beds: 100)
        XCTAssertEqual(parameters.offeredLoad, 95, accuracy: 1e-12)
        // 95 erlangs of 30-day stays from 80% of referrals: 95 / 30 / 0.8 referrals a day.
        XCTAssertEqual(parameters.referralsPerDay, 95.0 / 30 / 0.8, accuracy: 1e-12)
        XCTAssertEqual(benchmarkBlocking, 0.0488, accuracy: 0.00005)
    }

    /// Same seed, same counts, every time; another seed, other counts.
    func testRunWithAFixedSeedIsReproducible() throws {
        let parameters = BedPool.Parameters(referrals: 20_000, beds: 100)
        let first = try BedPool.run(parameters, seed: 42)
        let second = try BedPool.run(parameters, seed: 42)
        XCTAssertEqual(first, second)
        XCTAssertEqual(first.line, second.line)
        XCTAssertNotEqual(try BedPool.run(parameters, seed: 43), first)

        XCTAssertEqual(first.referrals, 20_000)
        // Every admission ends in a discharge, handled before the run ends: events are the
        // referrals plus the admissions.
        XCTAssertEqual(first.events, first.referrals + first.admitted)
        // Bed requests are Binomial(20,000, 0.8): within 3.29 standard deviations (99.9%).
        let requests = Double(first.admitted + first.outOfArea)
        XCTAssertEqual(requests, 16_000, accuracy: 3.29 * (20_000 * 0.8 * 0.2).squareRoot())
        // The C program's output format.
        XCTAssertEqual(first.line, "referrals=20000 admitted=\(first.admitted) oap=\(first.outOfArea) "
            + "oap_fraction=\((first.outOfAreaFraction * 100_000).rounded() / 100_000) events=\(first.events)")
    }

    /// The out-of-area share of one 300,000-referral run (seed 42) against Erlang B(100, 95).
    ///
    /// The band comes from batch means of that same run: it is stepped through
    /// `BedPool.simulation` in 20 equal time batches (about 3,800 days, 125 mean stays, each:
    /// long enough for batch shares to be nearly independent), reading the cumulative counts at
    /// each boundary. The batch shares' standard deviation s gives the 99.9% interval
    /// overall share ± t(0.999, 19) · s / √20, which must contain Erlang B. Stepping handles
    /// exactly the same events as `BedPool.run`, which the test also checks. The empty start
    /// costs a few days without blocking in the first batch, a bias of order 1e-4 of the
    /// share, far below the band's width.
    func testOutOfAreaShareOfALongRunMatchesErlangB() throws {
        let parameters = BedPool.Parameters(referrals: 300_000, beds: 100)
        let batches = 20
        let horizonHours = Double(parameters.referrals) / parameters.referralsPerDay * 24
        var simulation = try BedPool.simulation(parameters, seed: 42)
        var previousRequests = 0, previousOutOfArea = 0
        var shares = Replications()
        for batch in 1...batches {
            if batch < batches {
                try simulation.run(until: horizonHours * Double(batch) / Double(batches))
            } else {
                try simulation.runUntilEmpty()
            }
            let counts = simulation.model.counts
            let requests = counts.admitted + counts.outOfArea - previousRequests
            XCTAssertGreaterThan(requests, 10_000, "batch \(batch) is too small")
            shares.add(Double(counts.outOfArea - previousOutOfArea) / Double(requests))
            previousRequests = counts.admitted + counts.outOfArea
            previousOutOfArea = counts.outOfArea
        }
        var counts = simulation.model.counts
        counts.events = simulation.scheduler.eventsHandled
        XCTAssertEqual(counts, try BedPool.run(parameters, seed: 42), "stepping changed the run")
        XCTAssertEqual(counts.referrals, 300_000)

        let halfWidth = shares.halfWidth(confidence: 0.999)
        let band = (counts.outOfAreaFraction - halfWidth)...(counts.outOfAreaFraction + halfWidth)
        XCTAssert(band.contains(benchmarkBlocking),
                  "out-of-area share \(counts.outOfAreaFraction) ± \(halfWidth) excludes Erlang B \(benchmarkBlocking)")
        // Power: 99 beds (B = 5.3%) would have been caught.
        XCTAssertFalse(band.contains(QueueingFormulas.erlangB(servers: 99, load: 95)), "band \(band) is too wide")
    }

    /// 100 beds offered 95 erlangs, in independent replications after a warm-up of ten mean
    /// stays: the out-of-area share and the mean beds occupied match Erlang B and the carried
    /// load A(1 − B) within 99.9% CIs over 20 replications of 30,000 days (1,000 mean stays each).
    func testReplicationsMatchErlangBAndCarriedLoad() throws {
        let parameters = BedPool.Parameters(referrals: 0, beds: 100)
        var share = Replications(), occupied = Replications()
        for replication in 0..<20 {
            let result = try BedPool.runReplication(parameters, seed: 7, replication: replication,
                                                    warmupDays: 300, days: 30_000)
            share.add(result.counts.outOfAreaFraction)
            occupied.add(result.meanOccupiedBeds)
        }
        share.assertContains(benchmarkBlocking, "out-of-area share, 100 beds at 95 erlangs")
        occupied.assertContains(QueueingFormulas.lossSystemOccupancy(servers: 100, load: 95),
                                "occupied beds, 100 beds at 95 erlangs")
        share.assertExcludes(QueueingFormulas.erlangB(servers: 99, load: 95), "out-of-area share")
    }
}
