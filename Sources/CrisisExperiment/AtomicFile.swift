import Foundation

/// Writes files so that an interrupted run never leaves a half-written file that looks
/// complete: the text goes to a hidden temporary file in the same folder, which is then
/// renamed over the target (rename is atomic within a file system).
///
/// One file at a time: a set of files that must change together is a `ResultFolder`.
public enum AtomicFile {
    public static func write(_ text: String, to url: URL) throws {
        try write(to: url) { append in try append(text) }
    }

    /// Writes a file piece by piece, as `produce` hands the pieces to `append`, so a large
    /// file (e.g. replications.csv of thousands of replications) never sits whole in memory.
    public static func write(to url: URL, _ produce: ((String) throws -> Void) throws -> Void) throws {
        let temporary = try stage(url, produce)
        try move(temporary, to: url)
    }

    /// The hidden name `url`'s text is written under before it is renamed into place; a
    /// killed writer's leftovers are recognised by it (see `ResultFolder.removeLeftovers`).
    static func temporary(for url: URL, stamp: WriterStamp = .current) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(stamp.text)")
    }

    /// Writes `produce`'s pieces to `url`'s temporary file and returns it; removes it on failure.
    static func stage(_ url: URL, stamp: WriterStamp = .current,
                      _ produce: ((String) throws -> Void) throws -> Void) throws -> URL {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = temporary(for: url, stamp: stamp)
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            var buffer = Data()
            try produce { piece in
                buffer.append(contentsOf: piece.utf8)
                if buffer.count >= 1 << 20 {
                    try handle.write(contentsOf: buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try handle.write(contentsOf: buffer)
            try handle.synchronize()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        return temporary
    }

    /// Renames `source` over `target`; removes `source` when that fails.
    static func move(_ source: URL, to target: URL) throws {
        do {
            try rename(source, to: target)
        } catch {
            try? FileManager.default.removeItem(at: source)
            throw error
        }
    }

    /// rename(2), atomic within a file system, as a Swift error naming `target`.
    static func rename(_ source: URL, to target: URL) throws {
        if Foundation.rename(source.path, target.path) != 0 {
            let code = errno
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path,
                                                            NSLocalizedDescriptionKey: String(cString: strerror(code))])
        }
    }
}
