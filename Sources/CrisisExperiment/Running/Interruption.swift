#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Stopping cleanly on SIGINT (Ctrl-C) or SIGTERM (a scheduler's time limit).
///
/// The first signal stops the replications in hand (the kernel looks at the flag every
/// 65,536 events, so even one long replication stops within milliseconds) and starts no more;
/// the command then stops with `Interrupted` before writing any result file, so nothing
/// half-done is left that looks complete (files are only ever written whole). A second
/// signal ends the process at once, as usual.
public enum Interruption {
    static let flag = Atomic<Bool>(false)

    /// Whether a stop has been asked for.
    public static var requested: Bool { flag.load(ordering: .relaxed) }

    /// Installs the handlers; call once, at start.
    public static func install() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber) { received in
                Interruption.flag.store(true, ordering: .relaxed)
                signal(received, SIG_DFL)  // a second signal stops at once
            }
        }
    }

    /// Throws `Interrupted` if a stop has been asked for.
    public static func check() throws {
        if requested { throw Interrupted() }
    }
}

/// The run was stopped by a signal before it finished.
public struct Interrupted: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "interrupted" }
}
