/// One line of an event trace: what happened, to whom, at which resource.
public struct TraceRecord: Equatable, Sendable, CustomStringConvertible {
    /// Simulated time in hours.
    public let time: Double
    /// The entity (person) index, or -1 when the event concerns no one person.
    public let entity: Int
    public let event: String
    public let resource: String

    public init(time: Double, entity: Int, event: String, resource: String) {
        self.time = time
        self.entity = entity
        self.event = event
        self.resource = resource
    }

    public var description: String {
        let who = entity >= 0 ? "#\(entity)" : "-"
        return "\(time)\t\(who)\t\(event)\t\(resource)"
    }
}

/// A record of events for small runs and debugging.
///
/// Off by default. When off, `record` is one predictable branch and builds no strings: callers
/// pass string literals, which Swift stores statically. When on, it keeps at most
/// `limit` records (later ones are counted in `dropped`) so a long run cannot exhaust memory.
public struct EventTrace: Sendable {
    public private(set) var isEnabled: Bool
    public let limit: Int
    public private(set) var records: [TraceRecord] = []
    public private(set) var dropped = 0

    public init(enabled: Bool = false, limit: Int = 1_000_000) {
        isEnabled = enabled
        self.limit = limit
    }

    @inlinable public mutating func record(_ event: String, entity: Int = -1, resource: String = "", at time: Double) {
        if isEnabled { append(TraceRecord(time: time, entity: entity, event: event, resource: resource)) }
    }

    @usableFromInline mutating func append(_ record: TraceRecord) {
        if records.count < limit { records.append(record) } else { dropped += 1 }
    }
}
