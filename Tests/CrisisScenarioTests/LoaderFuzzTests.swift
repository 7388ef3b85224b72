import CrisisTestSupport
import Foundation
import XCTest
@testable import CrisisScenario

/// A bounded mutation fuzzer for the loader: thousands of corrupted versions of the baseline
/// (characters deleted, inserted, repeated or replaced; lines swapped, duplicated or cut;
/// numbers changed to extremes) must each load or fail with located problems, never crash or
/// hang. Deterministic (a fixed seed), so a failure reproduces.
final class LoaderFuzzTests: XCTestCase {

    static let junk: [String] = ["", ":", "- ", "{", "}", "[", "]", "&a", "*a", "!!binary", "\t", "\"", "'", "#",
                                 "-1", "1e309", ".nan", ".inf", "-.inf", "0", "99999999999", "null", "~", "true",
                                 "\u{0}", "\u{FEFF}", "é", "extends: baseline.yaml", "<<: *a", "? ", "|", ">"]

    func mutate(_ text: String, _ random: inout TestRandom) -> String {
        var lines = text.components(separatedBy: "\n")
        for _ in 0..<(1 + random.int(below: 4)) {
            let l = random.int(below: lines.count)
            switch random.int(below: 7) {
            case 0: lines.remove(at: l)
            case 1: lines.insert(lines[random.int(below: lines.count)], at: l)
            case 2: lines.swapAt(l, random.int(below: lines.count))
            case 3:  // replace a number on the line with an extreme
                lines[l] = lines[l].replacingOccurrences(of: "0", with: Self.junk[random.int(below: Self.junk.count)])
            case 4:  // insert junk at a random column
                var chars = Array(lines[l])
                chars.insert(contentsOf: Self.junk[random.int(below: Self.junk.count)], at: random.int(below: chars.count + 1))
                lines[l] = String(chars)
            case 5:  // delete a run of characters
                var chars = Array(lines[l])
                if !chars.isEmpty {
                    let start = random.int(below: chars.count)
                    chars.removeSubrange(start..<min(chars.count, start + 1 + random.int(below: 8)))
                }
                lines[l] = String(chars)
            default:  // change the indentation
                lines[l] = String(repeating: " ", count: random.int(below: 12)) + lines[l].trimmingCharacters(in: .whitespaces)
            }
            if lines.isEmpty { lines = [""] }
        }
        return lines.joined(separator: "\n")
    }

    func testCorruptedBaselinesLoadOrFailWithLocatedProblems() throws {
        let folder = try TemporaryDirectory()
        let baseline = try String(contentsOfFile: Paths.scenario("baseline.yaml"), encoding: .utf8)
        var random = TestRandom(seed: 20_261_125)
        var loaded = 0, rejected = 0
        for round in 0..<1_500 {
            let path = try folder.write("fuzz-\(round % 10).yaml", mutate(baseline, &random))
            do {
                _ = try ScenarioLoader.load(path)
                loaded += 1
            } catch {
                rejected += 1
                XCTAssertFalse(error.problems.isEmpty, "round \(round): an error without problems")
                for problem in error.problems {
                    XCTAssertFalse(problem.message.isEmpty, "round \(round): a problem without a message")
                    // Problems in the file itself carry a line (only whole-file problems, such as an
                    // empty or unreadable file, may not).
                    if case .file(let file) = problem.location.origin, file == path, problem.location.line == nil {
                        XCTAssertTrue(problem.message.contains("empty") || problem.message.contains("read")
                                          || problem.message.contains("text"),
                                      "round \(round): \(problem) has no line")
                    }
                }
            }
        }
        // Both outcomes must occur, or the mutations are too weak (or too strong) to test anything.
        XCTAssertGreaterThan(loaded, 50)
        XCTAssertGreaterThan(rejected, 500)
    }
}
