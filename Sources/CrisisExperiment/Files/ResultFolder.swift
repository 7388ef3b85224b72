import Foundation
import SimRandom

/// One file of a result set: its name in the folder and its text, handed over piece by piece
/// so a large file (replications.csv) never sits whole in memory.
public struct ResultFile {
    public let name: String
    let produce: ((String) throws -> Void) throws -> Void

    public init(_ name: String, produce: @escaping ((String) throws -> Void) throws -> Void) {
        self.name = name
        self.produce = produce
    }

    /// A file built whole, when it is asked for.
    public init(_ name: String, text: @escaping () -> String) {
        self.init(name) { append in try append(text()) }
    }
}

/// A result folder whose files change as one set: it holds every file of the old run or
/// every file of the new one, never some of each. Callers write a set with `writeRun`,
/// `writeComparison` or `writeSweep` and read one back with `readRun` or `readComparison`;
/// each file's name and columns are its format's (Formats/).
///
/// Each file is written, hashed as it goes, under a hidden name beside its target; only when
/// all are on disk are they renamed into place, each old file first set aside under a hidden
/// name, and manifest.json, renamed in last, commits the new set. Any failure before that puts
/// the old files back. A kill leaves the hidden files: readers, who check every file against
/// manifest.json, refuse the folder meanwhile, and the next write to it finishes the undo
/// (before the manifest) or the clean-up (after). Files made from a set (the HTML report)
/// describe only that set, so they go with it; other files in the folder (shard files,
/// checkpoints, Slurm logs) are left alone.
public struct ResultFolder {
    /// report.html, the report drawn from a run's or a comparison's set (`HTMLReport`).
    public static let reportFileName = "report.html"

    /// Files made from a set after it was written, which a new set makes stale: set aside with
    /// the old set's files, so they go when the new set commits and come back if it fails.
    public static let derivedFileNames = [reportFileName]

    public let url: URL
    /// Called after each step of `replace` (a file written, a file renamed into place) with
    /// the step's number from 1, so tests can interrupt the write at every point.
    var afterStep: ((Int) throws -> Void)?

    public init(_ url: URL) { self.url = url }

    /// Replaces the folder's result set with `files` (written in this order) of the run
    /// `provenance` describes. Files and scenario folders of the previous set that are not in
    /// the new one are removed with it. `parts` names result folders inside this one, already written, that
    /// belong to the set (a comparison's scenario folders): the manifest records each one's
    /// manifest, so a reader refuses the set if any of them is later replaced.
    public func replace(with files: [ResultFile], provenance: RunProvenance, parts: [String] = []) throws {
        try AtomicFile.createFolder(url)  // an OutputPathError naming the path, not a Foundation error dump
        try ResultFolder.removeLeftovers(in: url)
        let stamp = WriterStamp.current
        // What the previous set had: its files, the scenario folders it named that this set does
        // not, and the report made from it. Only a folder with a manifest has a previous set:
        // a report.html in any other folder is not the tool's to remove.
        let old = try? ResultManifest.read(url)
        let previous = (old?.files.map(\.name) ?? []) + (old?.partFolders.filter { !parts.contains($0) } ?? [])
            + (old == nil ? [] : ResultFolder.derivedFileNames.filter {
                FileManager.default.fileExists(atPath: url.appendingPathComponent($0).path)
            })
        let partEntries = try parts.map { part in
            let name = part + "/" + ResultManifest.fileName
            guard let found = ResultManifest.checksum(of: url.appendingPathComponent(name)) else {
                throw ResultFolderError(folder: url, file: name, problem: "is missing: write the part's result folder first")
            }
            return ResultManifest.Entry(name: name, bytes: found.bytes, fnv1a64: found.fnv1a64)
        }
        var step = 0
        func stepDone() throws {
            step += 1
            try afterStep?(step)
        }
        do {
            var entries: [ResultManifest.Entry] = []
            for file in files {
                entries.append(try stage(file, stamp: stamp))
                try stepDone()
            }
            let manifest = ResultManifest(provenance: provenance, files: entries, parts: partEntries.isEmpty ? nil : partEntries)
            let manifestURL = url.appendingPathComponent(ResultManifest.fileName)
            // On disk before anything is swapped: while it is there, the swap is unfinished.
            let stagedManifest = try AtomicFile.stage(manifestURL, stamp: stamp) { try $0(try manifest.encoded()) }
            try stepDone()
            let names = files.map(\.name)
            var stale: [String] = []
            for name in previous where !names.contains(name) && !stale.contains(name) { stale.append(name) }
            for name in names + stale {
                let target = url.appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: target.path) {
                    try AtomicFile.rename(target, to: ResultFolder.setAside(target, stamp: stamp))
                }
                if names.contains(name) { try AtomicFile.rename(AtomicFile.temporary(for: target, stamp: stamp), to: target) }
                try stepDone()
            }
            try AtomicFile.rename(stagedManifest, to: manifestURL)
        } catch {
            ResultFolder.finish(stamp, in: url)
            throw error
        }
        ResultFolder.finish(stamp, in: url)
    }

    /// Writes `file` under its hidden name and returns its manifest line.
    private func stage(_ file: ResultFile, stamp: WriterStamp) throws -> ResultManifest.Entry {
        var hash = FNV1a()
        var bytes = 0
        _ = try AtomicFile.stage(url.appendingPathComponent(file.name), stamp: stamp) { append in
            try file.produce { piece in
                hash.add(piece.utf8)
                bytes += piece.utf8.count
                try append(piece)
            }
        }
        return ResultManifest.Entry(name: file.name, bytes: bytes, fnv1a64: hash.hex)
    }

    /// Where the old `target` waits, until the new set is committed.
    static func setAside(_ target: URL, stamp: WriterStamp) -> URL {
        target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).previous-\(stamp.text)")
    }

    /// Finishes what writers no longer running left in `folder`: an unfinished swap is undone
    /// (the old files go back), a finished one loses the old files it set aside, and files
    /// half-written by a killed `AtomicFile.write` (e.g. a shard's) are removed.
    static func removeLeftovers(in folder: URL, mayBeRunning: (WriterStamp) -> Bool = { $0.mayBeRunning }) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let stamps = Set(names.compactMap { hiddenWork($0)?.stamp })
        for stamp in stamps where !mayBeRunning(stamp) { finish(stamp, in: folder) }
    }

    /// Ends `stamp`'s write in `folder`: while its staged manifest is still there it never
    /// committed, so each set-aside file goes back and each new file swapped in where there was
    /// none goes; then every hidden file of `stamp` is removed.
    static func finish(_ stamp: WriterStamp, in folder: URL) {
        let fileManager = FileManager.default
        let names = (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? []
        let manifestURL = folder.appendingPathComponent(ResultManifest.fileName)
        let stagedManifest = AtomicFile.temporary(for: manifestURL, stamp: stamp)
        if fileManager.fileExists(atPath: stagedManifest.path) {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            // Unreadable only if the writer died writing it, before any file was swapped.
            let staged = (try? Data(contentsOf: stagedManifest)).flatMap { try? decoder.decode(ResultManifest.self, from: $0) }
            for entry in staged?.files ?? [] {
                // Swapped in (no longer staged) where nothing was set aside: new, with no old file to go back.
                let target = folder.appendingPathComponent(entry.name)
                if !fileManager.fileExists(atPath: AtomicFile.temporary(for: target, stamp: stamp).path),
                   !fileManager.fileExists(atPath: setAside(target, stamp: stamp).path) {
                    try? fileManager.removeItem(at: target)
                }
            }
            for name in names {
                guard let work = hiddenWork(name), work.stamp == stamp, work.setAside else { continue }
                try? AtomicFile.rename(folder.appendingPathComponent(name), to: folder.appendingPathComponent(work.target))
            }
        }
        for name in (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? [] where hiddenWork(name)?.stamp == stamp {
            try? fileManager.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// A hidden work file's target name, writer and kind: `.NAME.partial-STAMP` (being
    /// written) or `.NAME.previous-STAMP` (an old file set aside).
    static func hiddenWork(_ name: String) -> (target: String, stamp: WriterStamp, setAside: Bool)? {
        guard name.hasPrefix(".") else { return nil }
        for (marker, setAside) in [(".partial-", false), (".previous-", true)] {
            guard let range = name.range(of: marker, options: .backwards),
                  let stamp = WriterStamp(text: name[range.upperBound...]) else { continue }
            let target = String(name[name.index(after: name.startIndex)..<range.lowerBound])
            if !target.isEmpty { return (target, stamp, setAside) }
        }
        return nil
    }
}
