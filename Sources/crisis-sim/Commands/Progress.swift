import Foundation

/// Progress on standard error, only when it is a terminal and not silenced, so logs and
/// pipes stay clean.
final class Progress: @unchecked Sendable {
    private let label: String
    private let total: Int
    private let enabled: Bool
    private let start = Date()

    init(_ label: String, total: Int, quiet: Bool) {
        self.label = label
        self.total = total
        enabled = !quiet && isatty(STDERR_FILENO) == 1
    }

    func update(_ done: Int) {
        guard enabled else { return }
        let elapsed = Date().timeIntervalSince(start)
        let remaining = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
        Progress.line.rewrite("\(label): \(done)/\(total) replications, \(Int(elapsed)) s elapsed, ~\(Int(remaining.rounded())) s left ",
                              finished: done == total)
    }

    /// Progress in the command's own words (`calibrate`: "searching: 14 candidates, objective 3.2").
    func update(_ text: String, finished: Bool = false) {
        guard enabled else { return }
        Progress.line.rewrite("\(label): \(text), \(Int(Date().timeIntervalSince(start))) s elapsed ", finished: finished)
    }

    /// Ends an unfinished progress line, so that a message printed next (an error, a warning,
    /// `interrupted:`) starts on a line of its own instead of after "~12 s left".
    static func endLine() { line.end() }

    /// The one line every progress display rewrites in place; shared, because a message may
    /// come from anywhere while some command's progress is showing.
    private static let line = TerminalLine()
}

/// A line of standard error rewritten in place with a carriage return, and whether it is
/// still open (written without its newline).
private final class TerminalLine: @unchecked Sendable {
    private let lock = NSLock()
    private var open = false

    func rewrite(_ text: String, finished: Bool) {
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardError.write(Data(("\r" + text + (finished ? "\n" : "")).utf8))
        open = !finished
    }

    func end() {
        lock.lock()
        defer { lock.unlock() }
        if open { FileHandle.standardError.write(Data("\n".utf8)) }
        open = false
    }
}
