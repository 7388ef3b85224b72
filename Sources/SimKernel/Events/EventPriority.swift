/// The order of events that fall at the same simulated time.
///
/// Events run in order of (time, priority, sequence): earlier time first; at equal times the
/// lower priority value first; at equal priority, the order in which they were scheduled.
/// Every same-time rule lives in this one table so the order is defined and visible. The
/// levels are computed, not stored, so a schedule call inlines its priority instead of calling
/// a global's accessor per event.
public struct EventPriority: Comparable, Hashable, Sendable {
    public let rawValue: UInt8

    @inlinable public init(_ rawValue: UInt8) { self.rawValue = rawValue }

    /// Capacity changes first, so a bed that opens at 10:00 is there for 10:00's arrivals
    /// and a bed that closes at 10:00 is not handed to them.
    @inlinable public static var capacityChange: EventPriority { EventPriority(10) }
    /// Then releases (discharges, end of an assessment), so a bed freed at 10:00 can take the
    /// patient who arrives at 10:00 rather than sending them out of area.
    @inlinable public static var release: EventPriority { EventPriority(20) }
    /// Then ordinary events: arrivals, decisions, seizes.
    @inlinable public static var normal: EventPriority { EventPriority(50) }
    /// Then reneging (giving up after a maximum wait), so someone whose wait ends exactly when
    /// a unit frees up is served rather than sent away.
    @inlinable public static var renege: EventPriority { EventPriority(80) }
    /// Last, observations (daily snapshots, month-end counts), which see the settled state.
    @inlinable public static var observation: EventPriority { EventPriority(100) }

    public static func < (lhs: EventPriority, rhs: EventPriority) -> Bool { lhs.rawValue < rhs.rawValue }
}
