import SimKernel
import SimRandom

/// How long to run one replication and what to forget first.
public struct RunLength: Sendable, Equatable {
    /// Days simulated and then discarded, so the system starts from a typical state.
    public var warmupDays: Double
    /// Days measured after the warm-up.
    public var horizonDays: Double

    public init(warmupDays: Double, horizonDays: Double) {
        self.warmupDays = warmupDays
        self.horizonDays = horizonDays
    }
}

extension CrisisSystem {
    /// Runs replication `replication` of `configuration`: warm-up, reset, measured horizon.
    ///
    /// The result depends only on (configuration, seed, replication, generator), never on
    /// which thread runs it or what ran before.
    ///
    /// - Parameter stopRequested: asked every 65,536 events; when it says yes the replication
    ///   stops with `SimulationStop.interrupted`.
    /// - Throws: `CrisisModelError` for a configuration the model refuses, or one that loops
    ///   without the clock moving (validation refuses those; this is the kernel's guard).
    public static func runReplication(_ configuration: CrisisConfiguration, length: RunLength, seed: UInt64,
                                      replication: Int, generator: GeneratorKind = .mrg32k3a,
                                      dailySeries: Bool = false, trace: EventTrace = EventTrace(),
                                      episodeSink: EpisodeSink? = nil, eventSink: EventSink? = nil,
                                      stopRequested: (() -> Bool)? = nil) throws -> ReplicationResult {
        try runReplication(configuration, length: length, seed: seed, replication: replication, generator: generator,
                           dailySeries: dailySeries, trace: trace, episodeSink: episodeSink, eventSink: eventSink,
                           stopRequested: stopRequested, stalledEventLimit: Checkpoint.defaultStalledEventLimit)
    }

    /// As the public `runReplication`, with the kernel's stalled-event limit lowered for tests
    /// (a debug build takes minutes to reach the default).
    static func runReplication(_ configuration: CrisisConfiguration, length: RunLength, seed: UInt64,
                               replication: Int, generator: GeneratorKind = .mrg32k3a, dailySeries: Bool = false,
                               trace: EventTrace = EventTrace(), episodeSink: EpisodeSink? = nil,
                               eventSink: EventSink? = nil, stopRequested: (() -> Bool)? = nil, stalledEventLimit: Int) throws -> ReplicationResult {
        let streams = RandomStreams(masterSeed: seed, replication: replication, kind: generator)
        let model = try CrisisSystem(configuration, streams: streams, episodeSink: episodeSink,
                                     eventSink: eventSink)
        var simulation = Simulation(model: model, trace: trace, stopRequested: stopRequested,
                                    stalledEventLimit: stalledEventLimit)
        let warmupEnd = length.warmupDays * 24
        let end = warmupEnd + length.horizonDays * 24
        simulation.model.episodes.extractStart = warmupEnd
        simulation.model.events.start = warmupEnd
        simulation.model.start(&simulation.scheduler, horizonHours: end, dailySeries: dailySeries)
        simulation.model.populate(&simulation.scheduler)
        do throws(SimulationStop) {
            try simulation.run(until: warmupEnd)
            simulation.model.resetStatistics(at: warmupEnd)
            try simulation.run(until: end)
            simulation.model.episodes.close(people: simulation.model.people)
            simulation.model.events.close()
        } catch .zeroTimeLoop(let loop) {
            throw CrisisModelError(description: "replication \(replication) stopped: \(loop); "
                + "`crisis-sim validate` names the scenario keys that close such loops")
        }
        return ReplicationResult(replication: replication,
                                 kpis: simulation.model.kpis(at: end, measuredDays: length.horizonDays),
                                 eventsHandled: simulation.scheduler.eventsHandled,
                                 daily: dailySeries ? simulation.model.daily : nil,
                                 trace: simulation.scheduler.trace.records,
                                 timeToBed: simulation.model.stats.observation(.timeToBedHours, stratum: 0).histogram)
    }
}
