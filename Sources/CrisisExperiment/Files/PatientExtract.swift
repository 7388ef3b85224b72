import CrisisModel
import Foundation

/// patients.csv (`run --patients`): one row per episode of care in every replication, in the
/// layout docs/DATA.md specifies for a trust's own extract, so the same files feed `fit`.
/// Replications stream their episodes to disk as they run (`ReplicationParts`).
public final class PatientExtract: CSVFormat, @unchecked Sendable {
    public static let fileName = "patients.csv"

    /// The columns, in order; their meaning and format are docs/DATA.md's.
    public enum Column: String, CaseIterable, Sendable {
        case replication
        case personId = "person_id"
        case area
        case source
        case cohort
        case wardType = "ward_type"
        case presentedAt = "presented_at"
        case decisionToAdmitAt = "decision_to_admit_at"
        case admittedAt = "admitted_at"
        case dischargedAt = "discharged_at"
        case legalStatus = "legal_status"
        case gatekept
        case placement
        case repatriatedAt = "repatriated_at"
        case delayedDischargeFrom = "delayed_discharge_from"
        case endedAt = "ended_at"
        case endedFrom = "ended_from"
    }

    private let areaNames: [String]
    private let cohortNames: [String]
    private let wardTypeNames: [String]
    private let parts: ReplicationParts

    /// An extract of runs of `configuration`, its parts kept in a hidden folder inside `folder`.
    public init(configuration: CrisisConfiguration, folder: URL) throws {
        areaNames = configuration.areas.map(\.name)
        cohortNames = configuration.cohorts.map(\.name)
        wardTypeNames = configuration.wardTypes.map(\.name)
        parts = try ReplicationParts(for: Self.fileName, in: folder)
    }

    /// Where the part files go until the set is written.
    public var partsFolder: URL { parts.folder }

    /// The sink for replication `replication`'s episodes: it appends their rows to the
    /// replication's part file, a batch at a time.
    public func sink(replication: Int) -> EpisodeSink {
        parts.sink(replication: replication, rowBytes: 160) { [self] in row($0, replication: $1, into: &$2) }
    }

    /// patients.csv for the result set.
    public func file() throws -> ResultFile { try parts.file(Self.fileName, header: Self.header) }

    /// Removes the part files (after the set is written, or when the run failed).
    public func discard() { parts.discard() }

    /// One episode's row.
    func row(_ episode: EpisodeRecord, replication: Int, into text: inout String) {
        let admitted = episode.placement != .none
        let requested = episode.decisionToAdmitAt.isFinite
        let fields = [
            String(replication), "P\(episode.person)", CSV.field(areaNames[Int(episode.area)]),
            episode.source.name, CSV.field(cohortNames[Int(episode.cohort)]),
            CSV.field(wardTypeNames[Int(episode.wardType)]),
            ExtractCalendar.dateTime(episode.presentedAt), ExtractCalendar.dateTime(episode.decisionToAdmitAt),
            ExtractCalendar.dateTime(episode.admittedAt), ExtractCalendar.dateTime(episode.dischargedAt),
            requested || admitted ? (episode.detained ? "detained" : "informal") : "",
            requested || admitted ? (episode.gatekept ? "yes" : "no") : "",
            episode.placement.name, ExtractCalendar.dateTime(episode.repatriatedAt),
            ExtractCalendar.dateTime(episode.delayedDischargeFrom), ExtractCalendar.dateTime(episode.endedAt),
            episode.endedFrom.name,
        ]
        text += fields.joined(separator: ",")
        text += "\n"
    }
}
