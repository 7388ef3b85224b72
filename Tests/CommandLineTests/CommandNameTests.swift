import Foundation
import XCTest

/// Every command names itself. A name argument-parser derives from the type (`String(describing:)`)
/// costs runtime protocol-conformance scans over the whole binary, and the start-up check of
/// command words asks every command its name: without these, each start of crisis-sim spent
/// about 27 million instructions (~8 ms) on them, as much as the rest of its start-up.
final class CommandNameTests: XCTestCase {
    func testEveryCommandConfigurationGivesItsName() throws {
        let folder = CommandLineTests.repository.appendingPathComponent("Sources/crisis-sim")
        let files = try XCTUnwrap(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        var configurations = 0
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
            for (index, line) in lines.enumerated() where line.contains("static let configuration = CommandConfiguration(") {
                configurations += 1
                let next = index + 1 < lines.count ? lines[index + 1] : ""
                XCTAssertTrue(next.trimmingCharacters(in: .whitespaces).hasPrefix("commandName: \""),
                              "\(file.lastPathComponent):\(index + 2): give the command's name first (commandName: \"...\")")
            }
        }
        XCTAssertGreaterThanOrEqual(configurations, 20, "the commands' configurations were found")
    }
}
