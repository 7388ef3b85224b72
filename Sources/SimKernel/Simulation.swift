/// A model the kernel can run: a state machine driven by typed events.
///
/// The kernel is generic over the model, so the event loop is specialised for each model
/// and its `Event` type: no existential or closure dispatch per event. Events should be
/// small value types (an enum whose payloads are indices), so neither scheduling nor
/// handling allocates or retains anything.
public protocol SimulationModel {
    associatedtype Event

    /// Reacts to one event at `scheduler.now`, scheduling any consequences.
    mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>)
}

/// The clock and the pending events, as a model sees them while it handles an event.
///
/// Time is a `Double` in hours since the start of the run; hour 0 is the start of the first
/// day of the week the model's rate profiles describe.
public struct Scheduler<Event> {
    /// The current simulated time, in hours.
    @inlinable public var now: Double { clock }
    /// The number of events handled so far.
    @inlinable public var eventsHandled: Int { handled }
    @usableFromInline var clock: Double = 0
    @usableFromInline var handled = 0
    @usableFromInline var events: EventList<Event>
    /// The event trace; off unless enabled when the simulation is made.
    public var trace: EventTrace

    init(trace: EventTrace) {
        events = EventList()
        self.trace = trace
    }

    /// Schedules `event` at an absolute time (hours).
    /// - Precondition: `time >= now` and not NaN; the clock never goes back. Checked in debug
    ///   and test builds only (a kernel invariant, kept out of the release hot path).
    @inlinable public mutating func schedule(_ event: Event, at time: Double, priority: EventPriority = .normal) {
        assert(time >= now, "event scheduled in the past: \(time) < \(now)")
        events.push(event, at: time, priority: priority)
    }

    /// Schedules `event` after a delay in hours (>= 0).
    @inlinable public mutating func schedule(_ event: Event, after delay: Double, priority: EventPriority = .normal) {
        schedule(event, at: now + delay, priority: priority)
    }

    /// The number of events waiting to be handled.
    public var pendingCount: Int { events.count }

    /// Records a trace line at the current time when tracing is on; free otherwise.
    @inlinable public mutating func trace(_ event: String, entity: Int = -1, resource: String = "") {
        trace.record(event, entity: entity, resource: resource, at: now)
    }
}

/// A model and its event list: one replication.
public struct Simulation<Model: SimulationModel> {
    public var model: Model
    public var scheduler: Scheduler<Model.Event>
    /// Asked at every checkpoint (see `Checkpoint`) whether to stop, e.g. on SIGTERM; a long
    /// replication then stops within a few milliseconds rather than at its end.
    public var stopRequested: (() -> Bool)?
    @usableFromInline var checkpoint: Checkpoint

    /// - Parameter stalledEventLimit: events handled without the clock moving before the run
    ///   is stopped as a loop at one instant (rounded up to whole checkpoints); the default
    ///   is far above any legitimate burst, and tests lower it.
    public init(model: Model, trace: EventTrace = EventTrace(), stopRequested: (() -> Bool)? = nil,
                stalledEventLimit: Int = Checkpoint.defaultStalledEventLimit) {
        self.model = model
        scheduler = Scheduler(trace: trace)
        self.stopRequested = stopRequested
        checkpoint = Checkpoint(stalledEventLimit: stalledEventLimit)
    }

    /// The current simulated time, in hours.
    public var now: Double { scheduler.now }

    /// Schedules an initial event (hours).
    public mutating func schedule(_ event: Model.Event, at time: Double, priority: EventPriority = .normal) {
        scheduler.schedule(event, at: time, priority: priority)
    }

    /// Handles events in order up to and including `endTime`, then sets the clock to `endTime`.
    /// Events after `endTime` stay pending, so a run can continue in steps (e.g. a warm-up,
    /// then the measured period).
    /// - Throws: `SimulationStop` when `stopRequested` says so or the clock stops moving (see
    ///   `Checkpoint`); the model is then left mid-run.
    @inlinable public mutating func run(until endTime: Double) throws(SimulationStop) {
        while let entry = scheduler.events.pop(dueBy: endTime) {
            scheduler.clock = entry.time
            scheduler.handled &+= 1
            model.handle(entry.payload, scheduler: &scheduler)
            // The only per-event cost of the guards: a mask and a compare.
            if scheduler.handled & Checkpoint.interval == 0 { try passCheckpoint() }
        }
        if endTime > scheduler.clock { scheduler.clock = endTime }
    }

    /// Handles events until none is pending.
    /// - Throws: `SimulationStop`, as `run(until:)`.
    @inlinable public mutating func runUntilEmpty() throws(SimulationStop) {
        while let entry = scheduler.events.pop() {
            scheduler.clock = entry.time
            scheduler.handled &+= 1
            model.handle(entry.payload, scheduler: &scheduler)
            if scheduler.handled & Checkpoint.interval == 0 { try passCheckpoint() }
        }
    }

    /// Every `Checkpoint.interval + 1` events: honours a stop request, and stops a run whose
    /// clock has not moved for the stalled-event limit. Kept out of
    /// line so the hot loop stays small.
    @usableFromInline @inline(never) mutating func passCheckpoint() throws(SimulationStop) {
        if let stopRequested, stopRequested() { throw .interrupted(atHour: scheduler.clock) }
        guard checkpoint.clockStood(at: scheduler.clock) else { return }
        throw .zeroTimeLoop(ZeroTimeLoop(atHour: scheduler.clock, events: checkpoint.eventsAtOneInstant,
                                         recentEvents: recentEventKinds()))
    }

    /// Handles a few more events (the run is stopping anyway) to name the loop by its event
    /// kinds: the case names of the model's events, payloads left out.
    mutating func recentEventKinds() -> [String] {
        var kinds: [String] = []
        while kinds.count < ZeroTimeLoop.recentCount, let entry = scheduler.events.pop() {
            scheduler.clock = entry.time
            scheduler.handled &+= 1
            kinds.append(String(String(describing: entry.payload).prefix { $0 != "(" }))
            model.handle(entry.payload, scheduler: &scheduler)
        }
        return kinds
    }
}
