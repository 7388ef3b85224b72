import CrisisModel
import Foundation

/// events.csv (`run --event-log`): every step of every person's pathway in the measured
/// period, one row each in time order within a replication, in the long layout that process
/// animation tools replay (docs/DATA.md, "The event log"). Replications stream their steps to
/// disk as they run (`ReplicationParts`).
public final class EventLogFile: CSVFormat, Sendable {
    public static let fileName = "events.csv"

    /// The columns, in order; their meaning is docs/DATA.md's.
    public enum Column: String, CaseIterable, Sendable {
        case replication
        case timeHours = "time_hours"
        case dateTime = "date_time"
        case personId = "person_id"
        case area
        case eventType = "event_type"
        case event
        case step
        case resource
    }

    private let areaNames: [String]
    private let parts: ReplicationParts

    public init(configuration: CrisisConfiguration, folder: URL) throws {
        areaNames = configuration.areas.map(\.name)
        parts = try ReplicationParts(for: Self.fileName, in: folder)
    }

    public var partsFolder: URL { parts.folder }

    /// The sink for replication `replication`'s steps.
    public func sink(replication: Int) -> EventSink {
        parts.sink(replication: replication, rowBytes: 100) { [self] in row($0, replication: $1, into: &$2) }
    }

    public func file() throws -> ResultFile { try parts.file(Self.fileName, header: Self.header) }

    public func discard() { parts.discard() }

    /// One step's row. Arrivals and departures carry the event names animation tools expect
    /// (`arrival`, `depart`); `step` always names the step itself.
    func row(_ record: EventRecord, replication: Int, into text: inout String) {
        let step = record.event
        let event: String
        switch step.kind {
        case .arrival: event = "arrival"
        case .departure: event = "depart"
        default: event = step.id
        }
        text += [String(replication), NumberFormat.exact(record.time), ExtractCalendar.dateTime(record.time),
                 "P\(record.person)", CSV.field(areaNames[Int(record.area)]), step.kind.eventType, event,
                 step.id, CSV.field(step.resource)].joined(separator: ",")
        text += "\n"
    }
}
