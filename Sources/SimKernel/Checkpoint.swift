/// The kernel's periodic look at a run, every 65,536 events: often enough that a stop request
/// is honoured within milliseconds, rarely enough that the hot loop pays only a mask and a
/// compare per event.
///
/// It also catches a model that loops without the clock moving (a chain of zero-length
/// delays that feeds itself): such a run would otherwise spin at one instant for ever,
/// deaf to everything. The clock never goes back, so when two checkpoints in a row see the
/// same time, every event between them happened at that instant.
public struct Checkpoint {
    /// Events between checkpoints, minus one, as a mask: a checkpoint falls when
    /// `handled & interval == 0`.
    @inlinable public static var interval: Int { (1 << 16) - 1 }

    /// Events at one instant before a run is stopped, by default: 160 × 65,536 ≈ 10.5
    /// million. Legitimate same-instant bursts are bounded by the people in the system, each
    /// handling a few events (a capacity change or an opening that takes every queued person;
    /// the England scenario holds tens of thousands of people at once), so this is over a
    /// hundred times anything a real scenario does, and at ~100 ns an event a stuck release
    /// run is still stopped within about a second.
    public static var defaultStalledEventLimit: Int { 160 << 16 }

    /// Checkpoints in a row at one instant that make the limit (at least one).
    let stalledLimit: Int
    var lastClock = -Double.infinity
    var stalledCheckpoints = 0

    init(stalledEventLimit: Int) {
        stalledLimit = max(1, (stalledEventLimit + Self.interval) / (Self.interval + 1))
    }

    /// Records a checkpoint at `clock`; true when the clock has stood still for the limit.
    mutating func clockStood(at clock: Double) -> Bool {
        if clock == lastClock {
            stalledCheckpoints += 1
        } else {
            stalledCheckpoints = 0
            lastClock = clock
        }
        return stalledCheckpoints >= stalledLimit
    }

    /// A lower bound on the events handled at the current instant.
    var eventsAtOneInstant: Int { stalledCheckpoints * (Self.interval + 1) }
}
