import CrisisExperiment
import Foundation
import XCTest

/// Result files that cannot be written say which path and why, in words, never as a
/// Foundation error dump.
final class OutputPathErrorTests: XCTestCase {
    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crisis-sim-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    /// A file where the results folder (or one of its parents) should be is named.
    func testAFileInTheWayOfTheFolderIsNamed() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("results")
        try "not a folder".write(to: file, atomically: true, encoding: .utf8)
        let deeper = file.appendingPathComponent("base").appendingPathComponent("summary.csv")
        XCTAssertThrowsError(try AtomicFile.write("x", to: deeper)) { error in
            XCTAssertEqual("\(error)", "cannot write \(file.path)/base: \(file.path) is a file, not a folder")
        }
        XCTAssertThrowsError(try AtomicFile.createFolder(file)) { error in
            XCTAssertEqual("\(error)", "cannot write \(file.path): it is a file, not a folder")
        }
    }

    /// A folder where the file should go: the rename fails and the temporary file is removed.
    func testAFolderInTheWayOfTheFileLeavesNothingBehind() throws {
        let folder = try temporaryFolder()
        let target = folder.appendingPathComponent("summary.csv")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        XCTAssertThrowsError(try AtomicFile.write("x", to: target)) { error in
            XCTAssertEqual("\(error)", "cannot write \(target.path): a folder of that name is in the way")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["summary.csv"])
    }

    /// The causes a test cannot easily provoke (a full disk, a read-only mount, permissions
    /// when the tests run as root) still read as plain words.
    func testSystemErrorsReadAsPlainWords() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("summary.csv").path
        XCTAssertEqual(OutputPathError(path: file, errno: ENOSPC).description,
                       "cannot write \(file): the disk is full (or the disk quota is used up): free space or choose another --output")
        XCTAssertEqual(OutputPathError(path: file, errno: EDQUOT).reason, OutputPathError(path: file, errno: ENOSPC).reason)
        XCTAssertEqual(OutputPathError(path: file, errno: EACCES).description,
                       "cannot write \(file): no permission to write in \(folder.path)")
        XCTAssertEqual(OutputPathError(path: folder.appendingPathComponent("a/b/c").path, errno: EPERM).reason,
                       "no permission to write in \(folder.path)")
        XCTAssertEqual(OutputPathError(path: file, errno: EROFS).reason, "the file system is read-only")
        let missing = folder.appendingPathComponent("removed")
        XCTAssertEqual(OutputPathError(path: missing.appendingPathComponent("summary.csv").path, errno: ENOENT).reason,
                       "the folder \(missing.path) does not exist (was it removed while running?)")
        XCTAssertEqual(OutputPathError(path: file, errno: ENOENT).reason, "nothing can be created in \(folder.path)")
    }
}
