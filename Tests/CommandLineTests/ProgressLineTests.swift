import CrisisTestSupport
import Foundation
import XCTest

/// The progress line shows only on a terminal, so these tests give the tool's standard
/// error a pseudo-terminal and read what a planner would see.
final class ProgressLineTests: XCTestCase {
    /// Ctrl-C during a run: `interrupted:` once landed after "~12 s left" on the progress
    /// line; it must start a line of its own.
    func testInterruptedMessageStartsItsOwnLine() throws {
        let terminal = try PseudoTerminal.openMain()
        let side = open(try PseudoTerminal.sideName(of: terminal), O_RDWR | O_NOCTTY)
        XCTAssertGreaterThanOrEqual(side, 0)
        let screen = ScreenBuffer(terminal)

        let output = FileManager.default.temporaryDirectory.appendingPathComponent("crisis-sim-progress-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = CrisisSimTool.executable
        process.arguments = ["run", "Scenarios/baseline.yaml", "--replications", "100000", "--output", output.path]
        process.currentDirectoryURL = CommandLineTests.repository
        process.standardError = FileHandle(fileDescriptor: side, closeOnDealloc: false)
        process.standardOutput = Pipe()
        try process.run()
        close(side)  // the child holds its own copy; the terminal ends when the child does
        Thread.sleep(forTimeInterval: 2)
        XCTAssertTrue(process.isRunning, "the run must still be going when interrupted")
        process.interrupt()
        process.waitUntilExit()
        let text = screen.wait()
        close(terminal)

        XCTAssertEqual(process.terminationStatus, 130, text)
        XCTAssertTrue(text.contains(" replications, "), "a progress line was shown: \(text)")
        // The terminal turns "\n" into "\r\n"; "\r" alone rewrites the progress line.
        let lines = text.components(separatedBy: "\r\n")
        let message = try XCTUnwrap(lines.first { $0.contains("interrupted:") }, text)
        XCTAssertTrue(message.hasPrefix("interrupted: stopped before writing any result file"), message)
    }
}

/// Everything written to a pseudo-terminal, read on another thread until the other side closes.
private final class ScreenBuffer: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ descriptor: Int32) {
        Thread {
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(descriptor, &chunk, chunk.count)
                if count <= 0 { break }  // EIO once the last writer has gone
                self.data.append(contentsOf: chunk[0..<count])
            }
            self.done.signal()
        }.start()
    }

    func wait() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}

/// posix_openpt, grantpt, unlockpt and ptsname, which Swift's Glibc module leaves out (they
/// need _XOPEN_SOURCE), looked up in the C library already loaded.
private enum PseudoTerminal {
    static func openMain() throws -> Int32 {
        typealias Open = @convention(c) (Int32) -> Int32
        typealias Prepare = @convention(c) (Int32) -> Int32
        let descriptor = try function("posix_openpt", as: Open.self)(O_RDWR | O_NOCTTY)
        try XCTSkipIf(descriptor < 0, "no pseudo-terminals here")
        XCTAssertEqual(try function("grantpt", as: Prepare.self)(descriptor), 0)
        XCTAssertEqual(try function("unlockpt", as: Prepare.self)(descriptor), 0)
        return descriptor
    }

    static func sideName(of descriptor: Int32) throws -> String {
        typealias Name = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
        return String(cString: try XCTUnwrap(try function("ptsname", as: Name.self)(descriptor)))
    }

    private static func function<F>(_ name: String, as type: F.Type) throws -> F {
        let address = try XCTUnwrap(dlsym(dlopen(nil, RTLD_NOW), name), "\(name) is not in the C library")
        return unsafeBitCast(address, to: type)
    }
}
