import Foundation

/// A result file too large for memory that many replications write at once (the patient
/// extract, the event log): each replication streams its rows to a part file of its own in a
/// hidden folder beside the results, and the result set's file is the parts copied in
/// replication order under one header. The parts are removed afterwards, or by the next run
/// in the folder if this one was killed.
final class ReplicationParts: @unchecked Sendable {
    let folder: URL
    private let prefix: String
    private let lock = NSLock()
    private var firstError: Error?
    private var replications: Set<Int> = []

    /// Parts for the file `fileName` of a result set in `resultFolder`.
    init(for fileName: String, in resultFolder: URL) throws {
        prefix = ".\(fileName)-parts-"
        folder = resultFolder.appendingPathComponent(prefix + String(getpid()))
        removeAbandoned(in: resultFolder)
        try AtomicFile.createFolder(folder)
    }

    /// Parts left by a run that was killed: their process is gone (or is this one).
    private func removeAbandoned(in resultFolder: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: resultFolder.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)),
                  pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH) else { continue }
            try? FileManager.default.removeItem(at: resultFolder.appendingPathComponent(name))
        }
    }

    private func url(_ replication: Int) -> URL { folder.appendingPathComponent("replication-\(replication).csv") }

    /// Starts replication `replication`'s part (empty) and returns what appends rows to it.
    /// A write that fails is kept and thrown by `file`, since a running model cannot stop for it.
    private func writer(replication: Int) -> @Sendable (String) -> Void {
        let url = url(replication)
        lock.withLock {
            replications.insert(replication)
            if !FileManager.default.createFile(atPath: url.path, contents: nil), firstError == nil {
                firstError = OutputPathError(path: url.path, reason: "cannot be created")
            }
        }
        return { [self] text in
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

    /// A sink of replication `replication`'s records: each batch becomes rows (`row` appends
    /// one record's, about `rowBytes` long) written to the replication's part at once.
    func sink<Record>(replication: Int, rowBytes: Int,
                      row: @escaping @Sendable (Record, Int, inout String) -> Void) -> @Sendable ([Record]) -> Void {
        let write = writer(replication: replication)
        return { records in
            var text = ""
            text.reserveCapacity(records.count * rowBytes)
            for record in records { row(record, replication, &text) }
            write(text)
        }
    }

    /// The result file `name`: `header`, then every part in replication order.
    func file(_ name: String, header: String) throws -> ResultFile {
        if let error = lock.withLock({ firstError }) {
            throw OutputPathError(path: folder.path, reason: "\(name) could not be written (\(error))")
        }
        let order = lock.withLock { replications.sorted() }
        return ResultFile(name) { [self] append in
            try append(header + "\n")
            for replication in order { try copy(url(replication), to: append) }
        }
    }

    func discard() {
        try? FileManager.default.removeItem(at: folder)
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
}
