#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which process wrote a hidden work file (a file being written, or an old file kept until a
/// new set is complete), carried in the file's name so a later run can tell the leftovers of
/// a killed writer from the files of one still running.
///
/// The host is part of it because shards of one experiment may write into the same folder on
/// a shared file system from several nodes, where a process id means nothing elsewhere.
struct WriterStamp: Hashable, Sendable {
    var host: String
    var pid: Int32

    static let current = WriterStamp(host: WriterStamp.hostName(), pid: getpid())

    /// `HOST-PID`, as it appears after `.partial-` or `.previous-`.
    var text: String { "\(host)-\(pid)" }

    /// A stamp from its text; a bare process id (the names before hosts were recorded) is
    /// taken as this host's.
    init?(text: Substring) {
        guard let dash = text.lastIndex(of: "-") else {
            guard let pid = Int32(text) else { return nil }
            self.init(host: WriterStamp.current.host, pid: pid)
            return
        }
        guard let pid = Int32(text[text.index(after: dash)...]), dash > text.startIndex else { return nil }
        self.init(host: String(text[..<dash]), pid: pid)
    }

    init(host: String, pid: Int32) {
        self.host = host
        self.pid = pid
    }

    /// Whether the writer may still be at work: it is, unless it ran on this host and that
    /// process is gone. A process id reused since only delays the clean-up.
    var mayBeRunning: Bool {
        guard host == WriterStamp.current.host else { return true }
        return kill(pid, 0) == 0 || errno != ESRCH
    }

    private static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "localhost" : name
    }
}
