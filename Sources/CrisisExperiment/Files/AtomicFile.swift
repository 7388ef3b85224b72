import Foundation

/// Writes files so that an interrupted run never leaves a half-written file that looks
/// complete: the text goes to a hidden temporary file in the same folder, which is then
/// renamed over the target (rename is atomic within a file system).
///
/// One file at a time: a set of files that must change together is a `ResultFolder`.
///
/// Every step is a system call whose `errno` becomes an `OutputPathError` naming the path
/// and what is wrong with it: a planner sees "results is a file, not a folder", not a
/// Foundation error dump.
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

    /// Writes `produce`'s pieces to `url`'s temporary file, flushed to disk, and returns it;
    /// removes it on failure.
    static func stage(_ url: URL, stamp: WriterStamp = .current,
                      _ produce: ((String) throws -> Void) throws -> Void) throws -> URL {
        try createFolder(url.deletingLastPathComponent())
        let temporary = temporary(for: url, stamp: stamp)
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw OutputPathError(path: url.path, errno: errno) }
        do {
            var buffer = Data()
            try produce { piece in
                // Through the string's own bytes when it has them: Data's generic
                // append(contentsOf:) asks the runtime for a protocol conformance on every call.
                var piece = piece
                piece.withUTF8 { buffer.append($0) }
                if buffer.count >= 1 << 20 {
                    try writeAll(buffer, to: descriptor, path: url.path)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try writeAll(buffer, to: descriptor, path: url.path)
            if fsync(descriptor) != 0 { throw OutputPathError(path: url.path, errno: errno) }
            // A network file system may report a full disk only when the file is closed.
            let closed = close(descriptor)
            if closed != 0 { throw OutputPathError(path: url.path, errno: errno) }
        } catch {
            close(descriptor)
            unlink(temporary.path)
            throw error
        }
        return temporary
    }

    /// Renames `source` over `target`; removes `source` when that fails.
    static func move(_ source: URL, to target: URL) throws {
        do {
            try rename(source, to: target)
        } catch {
            unlink(source.path)
            throw error
        }
    }

    /// rename(2), atomic within a file system, as an error naming `target`.
    static func rename(_ source: URL, to target: URL) throws {
        if Foundation.rename(source.path, target.path) != 0 { throw OutputPathError(path: target.path, errno: errno) }
    }

    /// Creates `folder` and any missing parents, and checks it can be written in: commands
    /// call this before a long run, so a bad --output stops at once rather than after hours.
    public static func createFolder(_ folder: URL) throws {
        let path = folder.standardizedFileURL.path
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o777) != 0, errno != EEXIST { throw OutputPathError(path: path, errno: errno) }
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            throw OutputPathError(path: path, errno: ENOTDIR)
        }
        if access(path, W_OK | X_OK) != 0 { throw OutputPathError(path: path, errno: errno) }
    }

    /// Writes every byte of `data`, resuming after partial writes and interrupted calls.
    private static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws {
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw OutputPathError(path: path, errno: errno)
                }
                offset += written
            }
        }
    }
}
