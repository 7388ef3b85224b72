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
    public var capacity: Int { _capacity }
    @usableFromInline var _capacity: Int
    /// Units held.
    public var inUse: Int { _inUse }
    @usableFromInline var _inUse = 0
    public var queue: WaitingQueue<Request> { _queue }
    @usableFromInline var _queue: WaitingQueue<Request>
    /// Units held over time.
    public var busy: TimeWeightedLevel { _busy }
    @usableFromInline var _busy: TimeWeightedLevel
    /// Requests waiting over time.
    public var waiting: TimeWeightedLevel { _waiting }
    @usableFromInline var _waiting: TimeWeightedLevel
    /// Time from joining the queue to being served, in hours, for those who queued.
    public var waitsServed: Tally { _waitsServed }
    @usableFromInline var _waitsServed = Tally()

    /// - Parameters:
    ///   - capacity: units available at the start (>= 0).
    ///   - busyThresholds: levels of units-in-use whose time at or above them is tracked
    ///     (e.g. 85 and 95 beds).
    ///   - maximumTrackedLevel: when given, the time spent at each level of units in use from 0
    ///     up to this one is tracked (`busy.levelDistribution`). Off by default: it costs a
    ///     histogram update on every seize and release, and models that do not read it
    ///     should not pay for it.
    public init(capacity: Int, discipline: QueueDiscipline = .fifo, at time: Double = 0,
                busyThresholds: [Double] = [], maximumTrackedLevel: Int? = nil) {
        precondition(capacity >= 0, "capacity must be >= 0")
        _capacity = capacity
        _queue = WaitingQueue(discipline: discipline)
        _busy = TimeWeightedLevel(at: time, level: 0, thresholds: busyThresholds,
                                 histogram: maximumTrackedLevel.map { Histogram(lowerBound: -0.5, binWidth: 1, binCount: $0 + 1) })
        _waiting = TimeWeightedLevel(at: time)
    }

    /// Units free to seize now (0 when capacity has dropped below the number in use).
    @inlinable public var available: Int { max(0, _capacity - _inUse) }

    /// Seizes a unit if one is free and nobody is waiting; otherwise joins the queue.
    @inlinable public mutating func request(_ request: Request, priority: Int = 0, at time: Double) -> Outcome {
        if _inUse < _capacity && _queue.isEmpty {
            seize(at: time)
            return .seized
        }
        let ticket = _queue.enqueue(request, priority: priority, at: time)
        _waiting.record(Double(_queue.count), at: time)
        return .queued(ticket)
    }

    /// Seizes a unit only if one is free now; never queues. For loss systems (e.g. a bed or
    /// an out-of-area placement, decided on the spot). With `aheadOfQueue`, a free unit is
    /// taken even if requests are waiting (e.g. a repatriation that has priority over them).
    @inlinable public mutating func trySeize(at time: Double, aheadOfQueue: Bool = false) -> Bool {
        guard _inUse < _capacity && (aheadOfQueue || _queue.isEmpty) else { return false }
        seize(at: time)
        return true
    }

    /// Frees one unit. Returns the waiting request that now holds a unit, if any; with
    /// `admitWaiting: false` the unit stays free so the caller can decide who gets it (then
    /// call `admitNext` or `trySeize(at:aheadOfQueue:)`).
    @inlinable public mutating func release(at time: Double, admitWaiting: Bool = true) -> Request? {
        precondition(_inUse > 0, "release of a resource with no unit in use")
        _inUse -= 1
        _busy.record(Double(_inUse), at: time)
        return !admitWaiting || _queue.isEmpty ? nil : admitNext(at: time)
    }

    /// Hands a free unit to the next waiting request, if there is both. Call it repeatedly
    /// after raising capacity.
    @inlinable public mutating func admitNext(at time: Double) -> Request? {
        guard _inUse < _capacity, let next = _queue.dequeue() else { return nil }
        _waiting.record(Double(_queue.count), at: time)
        _waitsServed.add(time - next.enqueuedAt)
        seize(at: time)
        return next.request
    }

    /// Takes a waiting request out of the queue (it gave up). Nil if it was already served.
    @inlinable public mutating func renege(_ ticket: QueueTicket, at time: Double) -> Request? {
        guard let removed = _queue.remove(ticket) else { return nil }
        _waiting.record(Double(_queue.count), at: time)
        return removed.request
    }

    /// Changes the capacity from `time` on. Units in use above the new capacity stay in use.
    /// After raising capacity, call `admitNext` until it returns nil.
    public mutating func setCapacity(_ newCapacity: Int, at time: Double) {
        precondition(newCapacity >= 0, "capacity must be >= 0")
        _capacity = newCapacity
    }

    /// Forgets statistics before `time` (the end of a warm-up); the state stays as it is.
    public mutating func resetStatistics(at time: Double) {
        _busy.reset(at: time)
        _waiting.reset(at: time)
        _waitsServed.reset()
    }

    @inlinable mutating func seize(at time: Double) {
        _inUse += 1
        assert(_inUse <= _capacity, "more units in use than capacity")
        _busy.record(Double(_inUse), at: time)
    }
}
