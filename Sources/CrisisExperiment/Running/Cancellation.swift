import Synchronization

/// A stop asked for one experiment, not the process: the web app's Cancel button, or its
/// browser going away. Replications in hand stop at the kernel's next check (every 65,536
/// events) and no more start, as on a signal (`Interruption`), but other experiments in the
/// same process go on.
public final class Cancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    public func cancel() { flag.store(true, ordering: .relaxed) }

    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// The experiment was cancelled before it finished; nothing of it was written.
public struct Cancelled: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "cancelled" }
}
