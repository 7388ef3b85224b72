import CrisisTestSupport
import Foundation
import XCTest

/// Every command's examples fit an 80-column terminal as written, so each can be copied from
/// `--help` and pasted: a line the help wraps breaks the command at the wrap.
final class HelpExamplesTests: XCTestCase {
    func testEveryExampleFitsEightyColumns() throws {
        let top = try CrisisSimTool.run(["--help"], in: CommandLineTests.repository)
        let commands = top.output.components(separatedBy: "\n")
            .drop { !$0.hasPrefix("SUBCOMMANDS:") }.dropFirst()
            .prefix { !$0.isEmpty }
            .compactMap { $0.hasPrefix("  ") ? $0.split(separator: " ").first.map(String.init) : nil }
        XCTAssertTrue(commands.contains("plan") && commands.contains("slurm"), "\(commands)")
        var withExamples = 0
        for command in commands {
            let help = try CrisisSimTool.run([command, "--help"], in: CommandLineTests.repository).output
            let lines = help.components(separatedBy: "\n")
            guard let start = lines.firstIndex(of: "Examples:") else { continue }
            withExamples += 1
            for line in lines[(start + 1)...].prefix(while: { !$0.hasPrefix("USAGE:") }) where !line.isEmpty {
                XCTAssertTrue(line.hasPrefix("  "), "crisis-sim \(command) --help wraps an example: '\(line)'")
            }
        }
        XCTAssertGreaterThanOrEqual(withExamples, 8, "the commands with examples were found")
    }
}
