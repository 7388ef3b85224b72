/// A pool of identical units (beds, assessors, suites, places) with a queue.
///
/// Event-scheduling style: the resource never schedules anything itself. `request` either
/// seizes a unit at once or queues the request; `release` frees a unit and, if someone is
/// waiting and a unit is within capacity, hands it straight to them and returns their request
/// so the model can start their activity. Capacity can change during a run: when it drops
/// below the number in use nobody is evicted, and the pool shrinks as units are released.
///
/// Units in use and queue length are monitored as time-weighted levels.
public struct Resource<Request> {
    /// The result of a request.
    public enum Outcome {
        /// A unit was free and is now held by the request.
        case seized
        /// No unit was free; the request waits. Keep the ticket to renege later.
        case queued(QueueTicket)
    }

    /// Units the pool may hand out now.
    public private(set) var capacity: Int
    /// Units held.
    public private(set) var inUse = 0
    public private(set) var queue: WaitingQueue<Request>
    /// Units held over time.
    public private(set) var busy: TimeWeightedLevel
    /// Requests waiting over time.
    public private(set) var waiting: TimeWeightedLevel
    /// Time from joining the queue to being served, in hours, for those who queued.
    public private(set) var waitsServed = Tally()

    /// - Parameters:
    ///   - capacity: units available at the start (>= 0).
    ///   - busyThresholds: levels of units-in-use whose time at or above them is tracked
    ///     (e.g. 85 and 95 beds).
    ///   - maximumTrackedLevel: the largest level whose share of time is tracked one by one.
    public init(capacity: Int, discipline: QueueDiscipline = .fifo, at time: Double = 0,
                busyThresholds: [Double] = [], maximumTrackedLevel: Int? = nil) {
        precondition(capacity >= 0, "capacity must be >= 0")
        self.capacity = capacity
        queue = WaitingQueue(discipline: discipline)
        let levels = maximumTrackedLevel ?? capacity
        busy = TimeWeightedLevel(at: time, level: 0, thresholds: busyThresholds,
                                 histogram: Histogram(lowerBound: -0.5, binWidth: 1, binCount: levels + 1))
        waiting = TimeWeightedLevel(at: time)
    }

    /// Units free to seize now (0 when capacity has dropped below the number in use).
    public var available: Int { max(0, capacity - inUse) }

    /// Seizes a unit if one is free and nobody is waiting; otherwise joins the queue.
    public mutating func request(_ request: Request, priority: Int = 0, at time: Double) -> Outcome {
        if inUse < capacity && queue.isEmpty {
            seize(at: time)
            return .seized
        }
        let ticket = queue.enqueue(request, priority: priority, at: time)
        waiting.record(Double(queue.count), at: time)
        return .queued(ticket)
    }

    /// Seizes a unit only if one is free now; never queues. For loss systems (e.g. a bed or
    /// an out-of-area placement, decided on the spot).
    public mutating func trySeize(at time: Double) -> Bool {
        guard inUse < capacity && queue.isEmpty else { return false }
        seize(at: time)
        return true
    }

    /// Frees one unit. Returns the waiting request that now holds a unit, if any.
    public mutating func release(at time: Double) -> Request? {
        precondition(inUse > 0, "release of a resource with no unit in use")
        inUse -= 1
        busy.record(Double(inUse), at: time)
        return admitNext(at: time)
    }

    /// Hands a free unit to the next waiting request, if there is both. Call it repeatedly
    /// after raising capacity.
    public mutating func admitNext(at time: Double) -> Request? {
        guard inUse < capacity, let next = queue.dequeue() else { return nil }
        waiting.record(Double(queue.count), at: time)
        waitsServed.add(time - next.enqueuedAt)
        seize(at: time)
        return next.request
    }

    /// Takes a waiting request out of the queue (it gave up). Nil if it was already served.
    public mutating func renege(_ ticket: QueueTicket, at time: Double) -> Request? {
        guard let removed = queue.remove(ticket) else { return nil }
        waiting.record(Double(queue.count), at: time)
        return removed.request
    }

    /// Changes the capacity from `time` on. Units in use above the new capacity stay in use.
    /// After raising capacity, call `admitNext` until it returns nil.
    public mutating func setCapacity(_ newCapacity: Int, at time: Double) {
        precondition(newCapacity >= 0, "capacity must be >= 0")
        capacity = newCapacity
    }

    /// Forgets statistics before `time` (the end of a warm-up); the state stays as it is.
    public mutating func resetStatistics(at time: Double) {
        busy.reset(at: time)
        waiting.reset(at: time)
        waitsServed.reset()
    }

    private mutating func seize(at time: Double) {
        inUse += 1
        assert(inUse <= capacity, "more units in use than capacity")
        busy.record(Double(inUse), at: time)
    }
}
