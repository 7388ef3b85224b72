/// Why a run stopped before its end time.
public enum SimulationStop: Error, Sendable, Equatable, CustomStringConvertible {
    /// `Simulation.stopRequested` said to stop (a signal, usually).
    case interrupted(atHour: Double)
    /// The clock stopped moving: the model loops at one instant.
    case zeroTimeLoop(ZeroTimeLoop)

    public var description: String {
        switch self {
        case .interrupted(let hour): "interrupted at hour \(hour)"
        case .zeroTimeLoop(let loop): loop.description
        }
    }
}

/// A model caught handling event after event without the clock moving.
public struct ZeroTimeLoop: Sendable, Equatable, CustomStringConvertible {
    /// Events recorded after the loop is caught, to name it.
    static let recentCount = 12

    /// Where the clock stood, in hours.
    public let atHour: Double
    /// A lower bound on the events handled at that instant.
    public let events: Int
    /// The kinds of the last events handled (event case names, payloads left out), oldest first.
    public let recentEvents: [String]

    public init(atHour: Double, events: Int, recentEvents: [String]) {
        self.atHour = atHour
        self.events = events
        self.recentEvents = recentEvents
    }

    /// The shortest run of kinds that repeats through `recentEvents`: the loop itself.
    public var cycle: [String] {
        let kinds = recentEvents
        for period in 1...max(1, kinds.count / 2) where kinds.indices.dropFirst(period).allSatisfy({ kinds[$0] == kinds[$0 - period] }) {
            return Array(kinds.prefix(period))
        }
        return kinds
    }

    public var description: String {
        let loop = cycle.isEmpty ? "no events" : (cycle + [cycle[0]]).joined(separator: " -> ")
        return "the clock stopped at hour \(atHour): over \(events) events without time passing, in a loop of \(loop); "
            + "some chain of zero-length delays feeds itself (zero durations with probabilities of 1)"
    }
}
