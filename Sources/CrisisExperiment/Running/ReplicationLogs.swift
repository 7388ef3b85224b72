/// The record-level files replications can stream as they run, besides their KPIs: the
/// patient extract (`run --patients`) and the event log (`run --event-log`). Neither is kept
/// by default; keeping one changes no result.
public struct ReplicationLogs: Sendable {
    public var patients: PatientExtract?
    public var events: EventLogFile?

    public init(patients: PatientExtract? = nil, events: EventLogFile? = nil) {
        self.patients = patients
        self.events = events
    }

    /// The set's files for the logs kept.
    public func files() throws -> [ResultFile] {
        [try patients?.file(), try events?.file()].compactMap { $0 }
    }

    /// Removes the logs' part files (after the set is written, or when the run failed).
    public func discard() {
        patients?.discard()
        events?.discard()
    }
}
