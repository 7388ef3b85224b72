import Foundation
import XCTest
@testable import CrisisScenario

/// Files the tests read, found from this source file so no bundle resources are needed.
enum Paths {
    /// The package root: Tests/CrisisScenarioTests/TestSupport.swift is three levels down.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func scenario(_ name: String) -> String {
        root.appendingPathComponent("Scenarios").appendingPathComponent(name).path
    }

    static func fixture(_ name: String) -> String {
        root.appendingPathComponent("Tests/CrisisScenarioTests/Fixtures").appendingPathComponent(name).path
    }

    /// Every scenario file in the library.
    static func scenarioLibrary() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Scenarios").path)
            .filter { $0.hasSuffix(".yaml") }.sorted().map(scenario)
    }

    /// Every validation study file (Scenarios/studies/).
    static func studyLibrary() throws -> [String] {
        let folder = root.appendingPathComponent("Scenarios/studies")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appendingPathComponent($0).path }
    }
}

/// A directory of its own for files a test writes, removed when the test ends.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("crisis-scenario-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` to `name` and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let path = url.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

/// Loads a scenario that must load.
func load(_ path: String, overrides: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws -> LoadedScenario {
    do {
        return try ScenarioLoader.load(path, overrides: overrides)
    } catch {
        XCTFail("\(path) should load:\n\(error)", file: file, line: line)
        throw error
    }
}

/// The problems of a scenario that must not load.
func problems(_ path: String, overrides: [String] = [], file: StaticString = #filePath, line: UInt = #line) -> [ScenarioProblem] {
    do {
        _ = try ScenarioLoader.load(path, overrides: overrides)
        XCTFail("\(path) should not load", file: file, line: line)
        return []
    } catch {
        return error.problems
    }
}

/// Checks one problem's file (by name), line, column, key path and message.
func assertProblem(_ problem: ScenarioProblem?, in fileName: String?, line: Int?, column: Int?, keyPath: String,
                   message: String, file: StaticString = #filePath, line testLine: UInt = #line) {
    guard let problem else { return XCTFail("missing problem at \(line ?? 0):\(column ?? 0) \(keyPath)", file: file, line: testLine) }
    switch problem.location.origin {
    case .file(let path):
        XCTAssertEqual((path as NSString).lastPathComponent, fileName, "file of \(problem)", file: file, line: testLine)
    case .commandLine:
        XCTAssertNil(fileName, "origin of \(problem)", file: file, line: testLine)
    }
    XCTAssertEqual(problem.location.line, line, "line of \(problem)", file: file, line: testLine)
    XCTAssertEqual(problem.location.column, column, "column of \(problem)", file: file, line: testLine)
    XCTAssertEqual(problem.keyPath, keyPath, "key path of \(problem)", file: file, line: testLine)
    XCTAssertEqual(problem.message, message, "message of \(problem)", file: file, line: testLine)
}
