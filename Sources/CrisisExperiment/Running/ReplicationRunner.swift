import CrisisModel
import Dispatch
import SimRandom

/// Runs independent replications of one configuration, in parallel.
///
/// Replication r always draws from substream r of every stream, so its result does not
/// depend on which thread ran it or in what order: results come back sorted by replication
/// index and are bit-identical for any thread count.
public struct ReplicationRunner: Sendable {
    public let configuration: CrisisConfiguration
    public let length: RunLength
    public let seed: UInt64
    public let generator: GeneratorKind
    /// Whether each replication keeps its midnight census (memory grows with the horizon).
    public let dailySeries: Bool
    /// Where each replication's episodes and steps go, when they are kept.
    public let logs: ReplicationLogs

    public init(configuration: CrisisConfiguration, length: RunLength, seed: UInt64,
                generator: GeneratorKind = .mrg32k3a, dailySeries: Bool = false, logs: ReplicationLogs = ReplicationLogs()) {
        self.configuration = configuration
        self.length = length
        self.seed = seed
        self.generator = generator
        self.dailySeries = dailySeries
        self.logs = logs
    }

    /// Runs the replications with the given indices on up to `threads` threads. `progress`
    /// is called (from any thread, serialised) after each replication with the number done.
    /// A `cancellation` that is cancelled stops the run with `Cancelled`.
    public func run(_ replications: [Int], threads: Int, cancellation: Cancellation? = nil,
                    progress: (@Sendable (Int) -> Void)? = nil) throws -> [ReplicationResult] {
        let stop: @Sendable () -> Bool = { Interruption.requested || cancellation?.isCancelled == true }
        let box = ResultBox(count: replications.count)
        let workers = max(1, min(threads, replications.count))
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while !stop(), let slot = next.take(below: replications.count) {
                let outcome = Result {
                    try CrisisSystem.runReplication(configuration, length: length, seed: seed,
                                                    replication: replications[slot], generator: generator,
                                                    dailySeries: dailySeries,
                                                    episodeSink: logs.patients?.sink(replication: replications[slot]),
                                                    eventSink: logs.events?.sink(replication: replications[slot]),
                                                    stopRequested: stop)
                }
                let done = box.store(outcome, at: slot)
                progress?(done)
            }
        }
        // A replication stopped by the signal failed with `SimulationStop.interrupted`; this
        // reports the stop as `Interrupted` first, which the commands turn into exit 130.
        try Interruption.check()
        if cancellation?.isCancelled == true { throw Cancelled() }
        return try box.results()
    }
}

/// Hands out work items to threads, one at a time.
private final class Counter: @unchecked Sendable {
    private let lock = Lock()
    private var value = 0

    func take(below limit: Int) -> Int? {
        lock.withLock {
            guard value < limit else { return nil }
            defer { value += 1 }
            return value
        }
    }
}

/// Results filled in by worker threads, each into its own slot.
private final class ResultBox: @unchecked Sendable {
    private let lock = Lock()
    private var slots: [Result<ReplicationResult, Error>?]
    private var done = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ result: Result<ReplicationResult, Error>, at slot: Int) -> Int {
        lock.withLock {
            slots[slot] = result
            done += 1
            return done
        }
    }

    func results() throws -> [ReplicationResult] {
        try lock.withLock { try slots.map { try $0!.get() } }
    }
}
