import CrisisTestSupport
import Foundation
import XCTest
import SimKernel
import SimRandom

/// Simulated queues against queueing theory. Each test builds a small model on
/// Simulation, Resource, ArrivalProcess and Distribution, runs independent replications
/// (substreams of MRG32k3a) with a warm-up, and requires the analytic value to lie in the
/// 99.9% Student-t confidence interval of the replication means. Each also checks that the
/// interval is narrow enough to exclude a nearby wrong answer, so a pass is informative.
final class QueueingAnalyticTests: XCTestCase {
    /// Poisson arrivals to c identical servers. A loss system turns away whoever finds every
    /// server busy (M/G/c/c); a waiting system queues them first come, first served (M/G/c).
    struct ServiceCentre: SimulationModel {
        enum Event {
            case arrival
            case departure
        }

        let arrivals: ArrivalProcess
        let service: Distribution
        let serviceTimes: RandomStream
        let isLoss: Bool
        /// A queued request is the customer's arrival time.
        var servers: Resource<Double>

        // Measured since the last reset.
        var arrived = 0
        var lost = 0
        var queued = 0
        /// Waits in queue of the customers whose service started since the reset (0 for those
        /// served at once), and their sum clipped to the measured window.
        var waits = Tally()
        var clippedWaitSum = 0.0
        var windowStart = 0.0
        /// Arrival times of the customers waiting now, for the sample-path check.
        var waitingSince: [Double] = []

        init(arrivalRate: Double, service: Distribution, servers: Int, isLoss: Bool, streams: RandomStreams) throws {
            let profile = try RateProfile(perYear: arrivalRate * RateProfile.hoursPerYear)
            arrivals = ArrivalProcess(profile: profile, stream: streams.stream("arrivals"))
            self.service = service
            serviceTimes = streams.stream("service")
            self.isLoss = isLoss
            self.servers = Resource(capacity: servers)
        }

        mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
            let now = scheduler.now
            switch event {
            case .arrival:
                arrived += 1
                scheduler.schedule(.arrival, at: arrivals.next(after: now))
                if isLoss {
                    if servers.trySeize(at: now) {
                        startService(arrivedAt: now, scheduler: &scheduler)
                    } else {
                        lost += 1
                    }
                } else {
                    switch servers.request(now, at: now) {
                    case .seized:
                        startService(arrivedAt: now, scheduler: &scheduler)
                    case .queued:
                        queued += 1
                        waitingSince.append(now)
                    }
                }
            case .departure:
                if let arrivedAt = servers.release(at: now) {
                    // FIFO: the one served is the longest waiting.
                    precondition(waitingSince.first == arrivedAt, "FIFO order broken")
                    waitingSince.removeFirst()
                    startService(arrivedAt: arrivedAt, scheduler: &scheduler)
                }
            }
        }

        private mutating func startService(arrivedAt: Double, scheduler: inout Scheduler<Event>) {
            let now = scheduler.now
            waits.add(now - arrivedAt)
            clippedWaitSum += now - max(arrivedAt, windowStart)
            scheduler.schedule(.departure, after: service.sample(serviceTimes), priority: .release)
        }

        mutating func resetStatistics(at time: Double) {
            arrived = 0
            lost = 0
            queued = 0
            waits.reset()
            clippedWaitSum = 0
            windowStart = time
            servers.resetStatistics(at: time)
        }
    }

    /// What one replication measured over its window.
    struct Measured {
        var model: ServiceCentre
        var window: Double
        var end: Double
    }

    private func replicate(_ count: Int, seed: UInt64, arrivalRate: Double, service: Distribution, servers: Int,
                           isLoss: Bool, warmUp: Double, window: Double) throws -> [Measured] {
        try (0..<count).map { replication in
            let streams = RandomStreams(masterSeed: seed, replication: replication)
            let model = try ServiceCentre(arrivalRate: arrivalRate, service: service, servers: servers,
                                          isLoss: isLoss, streams: streams)
            var simulation = Simulation(model: model)
            simulation.schedule(.arrival, at: simulation.model.arrivals.next(after: 0))
            try simulation.run(until: warmUp)
            simulation.model.resetStatistics(at: warmUp)
            try simulation.run(until: warmUp + window)
            return Measured(model: simulation.model, window: window, end: warmUp + window)
        }
    }

    // MARK: Loss systems (Erlang B)

    /// M/M/20/20 offered 17 erlangs: the share of arrivals lost is Erlang B(20, 17) = 8.59%,
    /// and the mean number of busy servers is the carried load A(1 − B).
    /// 20 replications of 3,000 h (51,000 arrivals each) after 30 mean service times.
    func testMMccLossMatchesErlangB() throws {
        let runs = try replicate(20, seed: 101, arrivalRate: 17, service: .exponential(mean: 1), servers: 20,
                                 isLoss: true, warmUp: 30, window: 3_000)
        let blocking = Replications(runs.map { Double($0.model.lost) / Double($0.model.arrived) })
        let occupancy = Replications(runs.map { $0.model.servers.busy.mean(at: $0.end) })
        let b = QueueingFormulas.erlangB(servers: 20, load: 17)
        blocking.assertContains(b, "M/M/20/20 blocking")
        occupancy.assertContains(QueueingFormulas.lossSystemOccupancy(servers: 20, load: 17), "M/M/20/20 busy servers")
        // Power: one server fewer (B(19, 17) = 10.9%) or 5% more load would be caught.
        blocking.assertExcludes(QueueingFormulas.erlangB(servers: 19, load: 17), "M/M/20/20 blocking")
        blocking.assertExcludes(QueueingFormulas.erlangB(servers: 20, load: 17 * 1.05), "M/M/20/20 blocking")
        XCTAssertEqual(runs[0].model.servers.busy.maximum, 20)
    }

    /// Insensitivity: Erlang B depends on the holding time only through its mean. Lognormal
    /// holding times with mean 1 h and coefficient of variation 2 give the same blocking and
    /// occupancy as exponential ones. 20 replications of 3,000 h after a warm-up of 100 mean
    /// service times (the long lognormal tail needs longer to forget the empty start).
    func testLossSystemIsInsensitiveToTheHoldingTimeDistribution() throws {
        let lognormal = try Distribution.lognormal(mean: 1, cv: 2)
        XCTAssertEqual(lognormal.mean, 1, accuracy: 1e-12)
        let runs = try replicate(20, seed: 202, arrivalRate: 17, service: lognormal, servers: 20,
                                 isLoss: true, warmUp: 100, window: 3_000)
        let blocking = Replications(runs.map { Double($0.model.lost) / Double($0.model.arrived) })
        let occupancy = Replications(runs.map { $0.model.servers.busy.mean(at: $0.end) })
        blocking.assertContains(QueueingFormulas.erlangB(servers: 20, load: 17), "M/G/20/20 blocking, lognormal cv 2")
        occupancy.assertContains(QueueingFormulas.lossSystemOccupancy(servers: 20, load: 17),
                                 "M/G/20/20 busy servers, lognormal cv 2")
        blocking.assertExcludes(QueueingFormulas.erlangB(servers: 19, load: 17), "M/G/20/20 blocking, lognormal cv 2")
    }

    // MARK: Waiting systems (Erlang C)

    /// M/M/5 offered 4 erlangs: the share who must wait is Erlang C(5, 4) = 0.554 (by PASTA,
    /// the share of arrivals who find all five busy), and the mean wait in queue is
    /// C · E[S] / (c − A) = 0.554 h. 20 replications of 15,000 h (60,000 arrivals each).
    func testMMcProbabilityOfWaitingAndMeanWaitMatchErlangC() throws {
        let runs = try replicate(20, seed: 303, arrivalRate: 4, service: .exponential(mean: 1), servers: 5,
                                 isLoss: false, warmUp: 50, window: 15_000)
        let waitProbability = Replications(runs.map { Double($0.model.queued) / Double($0.model.arrived) })
        let meanWait = Replications(runs.map { $0.model.waits.mean })
        let c = QueueingFormulas.erlangC(servers: 5, load: 4)
        let wq = QueueingFormulas.mmcMeanWait(servers: 5, arrivalRate: 4, meanService: 1)
        waitProbability.assertContains(c, "M/M/5 P(wait)")
        meanWait.assertContains(wq, "M/M/5 mean wait")
        // Power: the loss-system probability at the same load, or 5% more load, would be caught.
        waitProbability.assertExcludes(QueueingFormulas.erlangB(servers: 5, load: 4), "M/M/5 P(wait)")
        meanWait.assertExcludes(QueueingFormulas.mmcMeanWait(servers: 5, arrivalRate: 4.2, meanService: 1),
                                "M/M/5 mean wait")
        // The resource's own tally of the waits of those who queued agrees: its mean is
        // Wq / P(wait) (the mean wait of those who wait is E[S] / (c − A) = 1 h).
        let waitOfWaiters = Replications(runs.map { $0.model.servers.waitsServed.mean })
        waitOfWaiters.assertContains(1 / (5 - 4), "M/M/5 mean wait of those who wait")
    }

    /// M/M/1 with λ = 0.6, μ = 1: mean wait in queue ρ / (μ − λ) = 1.5 h, and the mean queue
    /// length λ · Wq = 0.9 (from the resource's time-weighted monitor).
    /// 20 replications of 60,000 h (36,000 arrivals each) after 200 h.
    func testMM1MeanWaitIsRhoOverMuMinusLambda() throws {
        let lambda = 0.6, mu = 1.0
        let runs = try replicate(20, seed: 404, arrivalRate: lambda, service: .exponential(mean: 1 / mu), servers: 1,
                                 isLoss: false, warmUp: 200, window: 60_000)
        let meanWait = Replications(runs.map { $0.model.waits.mean })
        let queueLength = Replications(runs.map { $0.model.servers.waiting.mean(at: $0.end) })
        let utilisation = Replications(runs.map { $0.model.servers.busy.mean(at: $0.end) })
        let rho = lambda / mu
        meanWait.assertContains(rho / (mu - lambda), "M/M/1 mean wait")
        queueLength.assertContains(rho * rho / (1 - rho), "M/M/1 mean queue length")
        utilisation.assertContains(rho, "M/M/1 utilisation")
        // Power: 5% more arrivals (ρ = 0.63) would be caught.
        meanWait.assertExcludes(0.63 / (mu - 0.63), "M/M/1 mean wait")
    }

    // MARK: Little's law

    /// L = λW on the queue of an M/M/5 at 4 erlangs, all three measured in the same run:
    /// L the time-average queue length from `resource.waiting`, λ the arrival rate over the
    /// window, W the mean wait of those served in it. Boundary effects (people already
    /// waiting when the window opens or still waiting when it closes) make L − λW random
    /// with mean about zero: 20 replications, and the 99.9% CI of L − λW must contain 0.
    func testLittlesLawOnTheQueue() throws {
        let runs = try replicate(20, seed: 505, arrivalRate: 4, service: .exponential(mean: 1), servers: 5,
                                 isLoss: false, warmUp: 50, window: 2_000)
        var difference = Replications()
        for run in runs {
            let l = run.model.servers.waiting.mean(at: run.end)
            let lambda = Double(run.model.arrived) / run.window
            difference.add(l - lambda * run.model.waits.mean)
            // And the law is about a meaningful amount of queueing.
            XCTAssertGreaterThan(l, 1)
        }
        difference.assertContains(0, "L − λW on the M/M/5 queue")
        // Power: a queue-length monitor off by 2% would be caught.
        let l = runs.map { $0.model.servers.waiting.mean(at: $0.end) }.reduce(0, +) / Double(runs.count)
        difference.assertExcludes(0.02 * l, "L − λW on the M/M/5 queue")
    }

    /// The sample-path form of Little's law is exact: the area under the queue-length curve
    /// over the window equals the queue time spent inside the window by everyone, served or
    /// still waiting. Checks the resource's time-weighted monitor event by event.
    func testQueueAreaEqualsTheWaitingTimeSpentInTheWindow() throws {
        let runs = try replicate(3, seed: 606, arrivalRate: 4.5, service: .exponential(mean: 1), servers: 5,
                                 isLoss: false, warmUp: 100, window: 1_000)
        for run in runs {
            let model = run.model
            let stillWaiting = model.waitingSince.reduce(0) { $0 + run.end - max($1, model.windowStart) }
            let area = model.servers.waiting.integral(at: run.end)
            XCTAssertEqual(area, model.clippedWaitSum + stillWaiting, accuracy: 1e-9 * area)
            XCTAssertEqual(Double(model.servers.queue.count), model.servers.waiting.level)
            XCTAssertEqual(model.servers.queue.count, model.waitingSince.count)
        }
    }
}
