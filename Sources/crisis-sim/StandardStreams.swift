import CStandardOutput
import Foundation

/// Standard output that could not be written is a failure, not a success: a table printed
/// into a full disk (`> /dev/full`) or a closed stream (`>&-`) is lost, so the tool says so
/// and exits with status 74 (EX_IOERR) instead of 0.
enum StandardStreams {
    /// The exit status for output that could not be written (sysexits.h EX_IOERR).
    static let ioErrorStatus: Int32 = 74

    /// Whether standard output was closed when the tool started.
    nonisolated(unsafe) private static var outputWasClosed = false

    /// Run first. A closed standard stream's descriptor (0, 1 or 2) would be handed to the
    /// next file opened, and the tool's printing would then land in a result file: each is
    /// opened on /dev/null instead, and a closed standard output is remembered as an error.
    static func guardDescriptors() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 {
            if descriptor == STDOUT_FILENO { outputWasClosed = true }
            let null = open("/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if null >= 0, null != descriptor {
                dup2(null, descriptor)
                close(null)
            }
        }
    }

    /// Run last, after a command succeeded: flushes standard output and, if any of it could
    /// not be written, says why on standard error and exits with `ioErrorStatus`.
    static func checkOutputWritten() {
        let flushed = cstdout_flush() == 0
        let reason = flushed ? nil : String(cString: strerror(errno))
        guard outputWasClosed || !flushed || cstdout_error() != 0 else { return }
        let why = outputWasClosed ? "standard output is closed" : reason ?? "a write to it failed earlier"
        printError("Error: the results printed on standard output were lost (\(why)); any "
            + "files the command wrote are complete")
        exit(ioErrorStatus)
    }
}
