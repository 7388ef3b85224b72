import Foundation
import XCTest
@testable import CrisisScenario

/// The schema table is the only description of the format: the committed JSON Schema and
/// reference docs must be exactly what it generates, and every default must be a valid
/// value of its own key.
final class ScenarioSchemaSyncTests: XCTestCase {
    /// Set to 1 to rewrite the generated files instead of checking them.
    static let regenerate = "CRISIS_SIM_REGENERATE_DOCS"

    func testGeneratedFilesMatchTheSchemaTable() throws {
        let generated = [
            ("docs/scenario.schema.json", ScenarioSchema.jsonSchema()),
            ("docs/SCENARIOS.md", ScenarioSchema.markdownReference()),
        ]
        for (relative, text) in generated {
            let url = Paths.root.appendingPathComponent(relative)
            if ProcessInfo.processInfo.environment[Self.regenerate] == "1" {
                try text.write(to: url, atomically: true, encoding: .utf8)
                continue
            }
            let committed = try? String(contentsOf: url, encoding: .utf8)
            XCTAssertTrue(committed == text, """
                \(relative) is out of date with Sources/CrisisScenario/Schema/ScenarioSchema.swift. Regenerate it with
                  \(Self.regenerate)=1 swift test --filter ScenarioSchemaSyncTests
                """)
        }
    }

    func testTheJSONSchemaIsJSON() throws {
        let object = try JSONSerialization.jsonObject(with: Data(ScenarioSchema.jsonSchema().utf8))
        XCTAssertNotNil((object as? [String: Any])?["$defs"])
    }

    /// Written out and read back, every default is what the table says: valid for its own
    /// key, and printed the one way the canonical form prints it.
    func testEveryDefaultIsAValidValueOfItsKey() {
        var checked = 0
        forEachEntry(ScenarioSchema.root, path: []) { entry, path in
            guard case .defaulted(let value) = entry.presence else { return }
            let text = CanonicalYAML.flow(value)
            let (node, parseProblems) = ScenarioYAML.parse(text, origin: .commandLine(text))
            XCTAssertEqual(parseProblems, [], path)
            guard let node else { return XCTFail("\(path): default \(text) parses to nothing") }
            var validator = ScenarioValidator()
            XCTAssertEqual(validator.check(node, as: entry.type, path: [path]), value, "\(path): \(validator.problems)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 10)
    }

    func testKeysAreSnakeCaseAndUniqueInEachMapping() {
        let snakeCase = /[a-z][a-z0-9]*(_[a-z0-9]+)*/
        func check(_ entries: [SchemaEntry], _ path: String) {
            XCTAssertEqual(Set(entries.map(\.key)).count, entries.count, "duplicate key in \(path)")
            for entry in entries { XCTAssertNotNil(entry.key.wholeMatch(of: snakeCase), "\(path).\(entry.key)") }
        }
        check(ScenarioSchema.root, "")
        forEachEntry(ScenarioSchema.root, path: []) { entry, path in
            switch entry.type {
            case .record(let inner), .list(.record(let inner), _): check(inner, path)
            default: break
            }
        }
    }

    func testEveryDistributionFormHasDocumentedParameters() {
        let documented = Set(DistributionForm.parameterMeanings.map(\.key))
        for form in DistributionForm.all {
            XCTAssertTrue(Set(form.parameterKeys).isSubset(of: documented), form.type)
        }
    }

    private func forEachEntry(_ entries: [SchemaEntry], path: [String], _ body: (SchemaEntry, String) -> Void) {
        for entry in entries {
            let here = path + [entry.key]
            body(entry, here.joined(separator: "."))
            switch entry.type {
            case .record(let inner): forEachEntry(inner, path: here, body)
            case .list(.record(let inner), _): forEachEntry(inner, path: here + ["[]"], body)
            default: break
            }
        }
    }
}
