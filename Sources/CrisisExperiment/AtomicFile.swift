import Foundation

/// Writes files so that an interrupted run never leaves a half-written file that looks
/// complete: the text goes to a temporary file in the same folder, which is then renamed
/// over the target (rename is atomic within a file system).
public enum AtomicFile {
    public static func write(_ text: String, to url: URL) throws {
        try write(to: url) { append in try append(text) }
    }

    /// Writes a file piece by piece, as `produce` hands the pieces to `append`, so a large
    /// file (e.g. replications.csv of thousands of replications) never sits whole in memory.
    public static func write(to url: URL, _ produce: ((String) throws -> Void) throws -> Void) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())")
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
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        if rename(temporary.path, url.path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path,
                                                            NSLocalizedDescriptionKey: String(cString: strerror(code))])
        }
    }
}
