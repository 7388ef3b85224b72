/// One step of one person's pathway, for an event log that animation tools can replay.
public struct EventRecord: Sendable, Equatable {
    /// Model hours (hour 0 is a Monday midnight).
    public var time: Double
    /// The same person across episodes, as in the patient extract: pseudonymous.
    public var person: UInt32
    /// The person's home area (index into the configuration's areas).
    public var area: Int32
    public var event: PathwayEvent
}

/// Receives event records a batch at a time, in time order, on the replication's thread.
public typealias EventSink = @Sendable ([EventRecord]) -> Void

/// The steps of every person in the measured period (after the warm-up), kept only when a
/// sink is given (`run --event-log`), streamed to it in batches so memory stays flat.
struct EventLog {
    private var buffer: RecordBuffer<EventRecord>
    /// Steps before this hour (the end of the warm-up) are not logged.
    var start = 0.0

    init(sink: EventSink?) { buffer = RecordBuffer(sink: sink) }

    var isEnabled: Bool { buffer.isEnabled }

    mutating func append(_ event: PathwayEvent, person: UInt32, area: Int32, at time: Double) {
        guard time >= start else { return }
        buffer.append(EventRecord(time: time, person: person, area: area, event: event))
    }

    mutating func close() { buffer.flush() }
}
