import Foundation

/// The revision of the source tree a command runs in, for documents that say what made them.
enum SourceRevision {
    /// The short commit, marked when tracked files differ from it; "unknown" outside a git
    /// checkout or without git.
    static func describe(in directory: URL) -> String {
        guard let commit = git(["rev-parse", "--short", "HEAD"], in: directory), !commit.isEmpty else {
            return "unknown (not a git checkout)"
        }
        let changes = git(["status", "--porcelain", "--untracked-files=no"], in: directory) ?? ""
        return changes.isEmpty ? commit : commit + " with uncommitted changes"
    }

    /// git's trimmed standard output, or nil when it fails.
    private static func git(_ arguments: [String], in directory: URL) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
