import SimKernel
import SimRandom

/// The bed-pool speed yardstick (the model of the hand-written C program in the benchmark
/// notes), written on crisis-sim's public kernel API.
///
/// Referrals arrive as a Poisson process; gatekeeping admits a share to a bed; a free local
/// bed is held for an exponential stay; when every bed is full the referral is placed out of
/// area (lost to the local system). On the admitted stream this is an Erlang loss system
/// (M/M/c/c), so the out-of-area fraction must match Erlang B at the offered load.
public struct BedPool: SimulationModel {
    public enum Event {
        case referral
        case discharge
    }

    public struct Parameters: Sendable {
        /// Referrals to simulate before arrivals stop.
        public var referrals: Int
        public var beds: Int
        public var meanStayDays = 30.0
        /// P(a bed is needed | referral), after gatekeeping.
        public var admissionProbability = 0.8
        /// Offered bed load as a multiple of the bed count (0.95: 95 erlangs on 100 beds).
        public var loadPerBed = 0.95

        public init(referrals: Int, beds: Int) {
            self.referrals = referrals
            self.beds = beds
        }

        /// Referrals per day that offer `loadPerBed × beds` erlangs.
        public var referralsPerDay: Double { loadPerBed * Double(beds) / meanStayDays / admissionProbability }
        /// Offered load in erlangs.
        public var offeredLoad: Double { loadPerBed * Double(beds) }
    }

    /// The counts the C program prints.
    public struct Counts: Equatable, Sendable {
        public var referrals = 0
        public var admitted = 0
        public var outOfArea = 0
        public var events = 0

        /// Share of bed requests placed out of area.
        public var outOfAreaFraction: Double { Double(outOfArea) / Double(admitted + outOfArea) }

        /// One line in the C program's format.
        public var line: String {
            let fraction = (outOfAreaFraction * 100_000).rounded() / 100_000
            return "referrals=\(referrals) admitted=\(admitted) oap=\(outOfArea) oap_fraction=\(fraction) events=\(events)"
        }
    }

    public let parameters: Parameters
    public private(set) var beds: Resource<Int>
    public private(set) var counts = Counts()
    let arrivals: ArrivalProcess
    let decisions: RandomStream
    let stays: RandomStream
    let meanStayHours: Double

    public init(_ parameters: Parameters, streams: RandomStreams) throws {
        self.parameters = parameters
        beds = Resource(capacity: parameters.beds)
        let profile = try RateProfile(perYear: parameters.referralsPerDay * RateProfile.hoursPerYear / 24)
        arrivals = ArrivalProcess(profile: profile, stream: streams.stream("bedpool.arrivals"))
        decisions = streams.stream("bedpool.decisions")
        stays = streams.stream("bedpool.stays")
        meanStayHours = parameters.meanStayDays * 24
    }

    public mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        switch event {
        case .referral:
            counts.referrals += 1
            if counts.referrals < parameters.referrals {
                scheduler.schedule(.referral, at: arrivals.next(after: now))
            }
            guard decisions.bernoulli(probability: parameters.admissionProbability) else { return }
            if beds.trySeize(at: now) {
                counts.admitted += 1
                scheduler.schedule(.discharge, after: stays.exponential(mean: meanStayHours), priority: .release)
            } else {
                counts.outOfArea += 1
            }
        case .discharge:
            _ = beds.release(at: now)
        }
    }

    /// Forgets counts and bed statistics before `time` (the end of a warm-up).
    public mutating func resetStatistics(at time: Double) {
        counts = Counts()
        beds.resetStatistics(at: time)
    }

    /// A simulation of the pool with its first referral scheduled.
    /// `stopRequested` is asked at the kernel's checkpoints (e.g. on SIGTERM).
    public static func simulation(_ parameters: Parameters, seed: UInt64, replication: Int = 0,
                                  generator: GeneratorKind = .mrg32k3a,
                                  stopRequested: (() -> Bool)? = nil) throws -> Simulation<BedPool> {
        let streams = RandomStreams(masterSeed: seed, replication: replication, kind: generator)
        let model = try BedPool(parameters, streams: streams)
        var simulation = Simulation(model: model, stopRequested: stopRequested)
        if parameters.referrals > 0 {
            simulation.schedule(.referral, at: simulation.model.arrivals.next(after: 0))
        }
        return simulation
    }

    /// Runs the whole yardstick: `parameters.referrals` referrals, until the last discharge.
    public static func run(_ parameters: Parameters, seed: UInt64, generator: GeneratorKind = .mrg32k3a,
                           stopRequested: (() -> Bool)? = nil) throws -> Counts {
        var simulation = try simulation(parameters, seed: seed, generator: generator, stopRequested: stopRequested)
        try simulation.runUntilEmpty()
        var counts = simulation.model.counts
        counts.events = simulation.scheduler.eventsHandled
        return counts
    }

    /// What one replication measured after its warm-up.
    public struct ReplicationResult: Sendable {
        public var counts: Counts
        /// Time-average number of occupied beds.
        public var meanOccupiedBeds: Double
    }

    /// Runs one replication for `warmupDays`, forgets what it saw, then measures `days`.
    /// Arrivals continue past the end; only the measured window counts.
    public static func runReplication(_ parameters: Parameters, seed: UInt64, replication: Int,
                                      warmupDays: Double, days: Double,
                                      stopRequested: (() -> Bool)? = nil) throws -> ReplicationResult {
        var parameters = parameters
        parameters.referrals = .max
        var simulation = try simulation(parameters, seed: seed, replication: replication, stopRequested: stopRequested)
        let warmupEnd = warmupDays * 24
        let end = warmupEnd + days * 24
        try simulation.run(until: warmupEnd)
        simulation.model.resetStatistics(at: warmupEnd)
        try simulation.run(until: end)
        var counts = simulation.model.counts
        counts.events = simulation.scheduler.eventsHandled
        return ReplicationResult(counts: counts,
                                 meanOccupiedBeds: simulation.model.beds.busy.mean(at: end))
    }
}
