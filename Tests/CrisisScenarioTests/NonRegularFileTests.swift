import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import XCTest
@testable import CrisisScenario

/// Paths that name something other than a scenario file: a FIFO, a device, a directory, a
/// symbolic link loop or a dangling link, named on the command line or by an `extends`.
/// Each is refused before it is opened, with a message saying what it is.
final class NonRegularFileTests: XCTestCase {
    private var directory: TemporaryDirectory!

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
    }

    override func tearDown() {
        directory = nil
    }

    /// A FIFO with no writer: opening it for reading would block for ever. The load runs on
    /// another thread so that a regression fails in seconds instead of hanging the suite.
    func testAFIFOIsRefusedWithoutBlocking() throws {
        let fifo = directory.url.appendingPathComponent("pipe.yaml").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0, "mkfifo: \(String(cString: strerror(errno)))")
        let child = try directory.write("child.yaml", "extends: pipe.yaml\n")

        let named = problemsWithin(seconds: 10, fifo: fifo) { problems(fifo) }
        XCTAssertEqual(named.count, 1)
        assertProblem(named.first, in: "pipe.yaml", line: nil, column: nil, keyPath: "",
                      message: "cannot read the file: it is a named pipe (FIFO), not a scenario file")

        let extended = problemsWithin(seconds: 10, fifo: fifo) { problems(child) }
        XCTAssertEqual(extended.count, 1)
        assertProblem(extended.first, in: "child.yaml", line: 1, column: 10, keyPath: "extends",
                      message: "cannot read '\(fifo)': it is a named pipe (FIFO), not a scenario file")
    }

    func testADeviceIsRefused() throws {
        let child = try directory.write("child.yaml", "extends: /dev/null\n")
        let found = problems(child)
        XCTAssertEqual(found.count, 1)
        assertProblem(found.first, in: "child.yaml", line: 1, column: 10, keyPath: "extends",
                      message: "cannot read '/dev/null': it is a character device, not a scenario file")
    }

    func testADirectoryAsABaseIsRefused() throws {
        let child = try directory.write("child.yaml", "extends: .\n")
        assertProblem(problems(child).first, in: "child.yaml", line: 1, column: 10, keyPath: "extends",
                      message: "cannot read '\(directory.url.path)': it is a directory, not a scenario file")
    }

    /// A symbolic link to a FIFO is judged by its target.
    func testALinkToAFIFOIsJudgedByTheFIFO() throws {
        let fifo = directory.url.appendingPathComponent("pipe").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let link = directory.url.appendingPathComponent("scenario.yaml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "pipe")
        let found = problemsWithin(seconds: 10, fifo: fifo) { problems(link) }
        assertProblem(found.first, in: "scenario.yaml", line: nil, column: nil, keyPath: "",
                      message: "cannot read the file: it is a named pipe (FIFO), not a scenario file")
    }

    func testASymbolicLinkLoopIsNamedAsOne() throws {
        let a = directory.url.appendingPathComponent("a.yaml").path
        let b = directory.url.appendingPathComponent("b.yaml").path
        try FileManager.default.createSymbolicLink(atPath: a, withDestinationPath: "b.yaml")
        try FileManager.default.createSymbolicLink(atPath: b, withDestinationPath: "a.yaml")
        assertProblem(problems(a).first, in: "a.yaml", line: nil, column: nil, keyPath: "",
                      message: "cannot read the file: it is a symbolic link loop (ELOOP): following its links never reaches a file")
        let child = try directory.write("child.yaml", "extends: b.yaml\n")
        assertProblem(problems(child).first, in: "child.yaml", line: 1, column: 10, keyPath: "extends",
                      message: "cannot read '\(b)': it is a symbolic link loop (ELOOP): following its links never reaches a file")
    }

    func testADanglingLinkIsNotCalledMissing() throws {
        let link = directory.url.appendingPathComponent("gone.yaml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "deleted.yaml")
        assertProblem(problems(link).first, in: "gone.yaml", line: nil, column: nil, keyPath: "",
                      message: "cannot read the file: it is a symbolic link to a file that does not exist")
    }

    /// A link to a real scenario still loads: only what the link names is judged.
    func testALinkToAScenarioLoads() throws {
        let link = directory.url.appendingPathComponent("baseline.yaml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: Paths.scenario("baseline.yaml"))
        XCTAssertNoThrow(try load(link))
    }

    /// The problems `body` finds, failing the test if it takes longer than `seconds`; then
    /// opens `fifo` for writing, which releases a reader stuck in `open`.
    private func problemsWithin(seconds: Double, fifo: String, _ body: @escaping @Sendable () -> [ScenarioProblem],
                                file: StaticString = #filePath, line: UInt = #line) -> [ScenarioProblem] {
        let done = DispatchSemaphore(value: 0)
        let result = LockedBox<[ScenarioProblem]>([])
        Thread.detachNewThread {
            result.set(body())
            done.signal()
        }
        if done.wait(timeout: .now() + seconds) == .timedOut {
            XCTFail("loading did not return within \(seconds) s: it is blocked opening the FIFO", file: file, line: line)
            // Closed at once, so the released reader meets the end of the file.
            let writer = open(fifo, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
            done.wait()
        }
        return result.get()
    }
}

/// A value handed from the loading thread back to the test.
private final class LockedBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func set(_ newValue: Value) { lock.withLock { value = newValue } }
    func get() -> Value { lock.withLock { value } }
}
