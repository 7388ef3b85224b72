import CrisisModel
import Foundation

/// patients.csv (`run --patients`): one row per episode of care in every replication, in the
/// layout docs/DATA.md specifies for a trust's own extract, so the same files feed `fit`.
///
/// Replications run in parallel, and a long run's extract is far larger than memory should
/// hold, so each replication streams its episodes to a part file of its own in a hidden
/// folder beside the results; the result set's patients.csv is then the parts copied in
/// replication order under one header, and the parts are removed.
public final class PatientExtract: @unchecked Sendable {
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
    }

    public static let header = Column.allCases.map(\.rawValue).joined(separator: ",")

    private let areaNames: [String]
    private let cohortNames: [String]
    private let wardTypeNames: [String]
    /// Where the part files go until the set is written.
    public let partsFolder: URL
    private let lock = NSLock()
    private var firstError: Error?
    private var replications: Set<Int> = []

    /// An extract of runs of `configuration`, its parts kept in a hidden folder inside `folder`.
    public init(configuration: CrisisConfiguration, folder: URL) throws {
        areaNames = configuration.areas.map(\.name)
        cohortNames = configuration.cohorts.map(\.name)
        wardTypeNames = configuration.wardTypes.map(\.name)
        partsFolder = folder.appendingPathComponent(Self.partsPrefix + String(getpid()))
        Self.removeAbandonedParts(in: folder)
        try AtomicFile.createFolder(partsFolder)
    }

    static let partsPrefix = ".patients-parts-"

    /// Parts left by a run that was killed: their process is gone (or is this one).
    static func removeAbandonedParts(in folder: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix(partsPrefix) {
            guard let pid = Int32(name.dropFirst(partsPrefix.count)),
                  pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH) else { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    private func partURL(_ replication: Int) -> URL {
        partsFolder.appendingPathComponent("replication-\(replication).csv")
    }

    /// The sink for replication `replication`'s episodes: it appends their rows to the
    /// replication's part file, a batch at a time. A write that fails is kept and thrown by
    /// `file()`, since the model cannot stop for it.
    public func sink(replication: Int) -> EpisodeSink {
        let url = partURL(replication)
        lock.withLock {
            replications.insert(replication)
            if !FileManager.default.createFile(atPath: url.path, contents: nil), firstError == nil {
                firstError = OutputPathError(path: url.path, reason: "cannot be created")
            }
        }
        return { [self] episodes in
            var text = ""
            text.reserveCapacity(episodes.count * 160)
            for episode in episodes { row(episode, replication: replication, into: &text) }
            do {
                let handle = try FileHandle(forWritingTo: url)
                defer { try? handle.close() }
                try handle.seekToEnd()
                try handle.write(contentsOf: Data(text.utf8))
            } catch {
                lock.withLock { if firstError == nil { firstError = error } }
            }
        }
    }

    /// patients.csv for the result set: the header, then every part in replication order,
    /// copied a chunk at a time.
    public func file() throws -> ResultFile {
        if let error = lock.withLock({ firstError }) {
            throw OutputPathError(path: partsFolder.path, reason: "the patient extract could not be written (\(error))")
        }
        let order = lock.withLock { replications.sorted() }
        return ResultFile(Self.fileName) { [self] append in
            try append(Self.header + "\n")
            for replication in order { try copy(partURL(replication), to: append) }
        }
    }

    /// Removes the part files (after the set is written, or when the run failed).
    public func discard() {
        try? FileManager.default.removeItem(at: partsFolder)
    }

    /// Copies a part a megabyte at a time, cut at line ends so no character is split.
    private func copy(_ part: URL, to append: (String) throws -> Void) throws {
        let handle = try FileHandle(forReadingFrom: part)
        defer { try? handle.close() }
        var carried: [UInt8] = []
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            carried.append(contentsOf: chunk)
            guard let lastNewline = carried.lastIndex(of: UInt8(ascii: "\n")) else { continue }
            try append(String(decoding: carried[...lastNewline], as: UTF8.self))
            carried.removeSubrange(...lastNewline)
        }
        if !carried.isEmpty { try append(String(decoding: carried, as: UTF8.self)) }
    }

    /// One episode's row.
    func row(_ episode: EpisodeRecord, replication: Int, into text: inout String) {
        let admitted = episode.placement != .none
        let requested = episode.decisionToAdmitAt.isFinite
        let fields = [
            String(replication), "P\(episode.person)", ResultFiles.csvField(areaNames[Int(episode.area)]),
            episode.source.name, ResultFiles.csvField(cohortNames[Int(episode.cohort)]),
            ResultFiles.csvField(wardTypeNames[Int(episode.wardType)]),
            ExtractCalendar.dateTime(episode.presentedAt), ExtractCalendar.dateTime(episode.decisionToAdmitAt),
            ExtractCalendar.dateTime(episode.admittedAt), ExtractCalendar.dateTime(episode.dischargedAt),
            requested || admitted ? (episode.detained ? "detained" : "informal") : "",
            requested || admitted ? (episode.gatekept ? "yes" : "no") : "",
            episode.placement.name, ExtractCalendar.dateTime(episode.repatriatedAt),
            ExtractCalendar.dateTime(episode.delayedDischargeFrom),
        ]
        text += fields.joined(separator: ",")
        text += "\n"
    }
}
