import Foundation
import XCTest
@testable import CrisisScenario

/// "What this scenario changes": every resolved setting that differs from the base, where the
/// variant set it and the comment there, so a comparison shows its levers and their sources.
final class ScenarioChangesTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private let baseline = Paths.scenario("baseline.yaml")

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
    }

    override func tearDown() {
        directory = nil
    }

    func testEachChangedSettingWithItsPlaceAndComment() throws {
        let path = try directory.write("variant.yaml", """
            extends: \(baseline)
            description: Another description, which names the scenario and is not a change.
            crht:
              assessors: 7  # two more posts (board paper, 2026)
              # Stanton (2012): ~30% of admissions avoidable;
              # assumed reachable with full gatekeeping.
              admissions_avoided_share: 0.3
              hours: {start_hour: 0, hours_per_day: 24}
            """)
        let changes = ScenarioChanges.between(try load(baseline), try load(path))
        XCTAssertEqual(Set(changes.map(\.key)), ["crht.assessors", "crht.hours.start_hour", "crht.hours.hours_per_day",
                                                 "crht.admissions_avoided_share"])
        XCTAssertEqual(changes.count, 4, "the description is not a change")
        let assessors = try XCTUnwrap(changes.first { $0.key == "crht.assessors" })
        XCTAssertEqual(assessors.baseValue, "5")
        XCTAssertEqual(assessors.variantValue, "7")
        XCTAssertEqual(assessors.source, "\(path):4")
        XCTAssertEqual(assessors.comment, "two more posts (board paper, 2026)")
        let avoided = try XCTUnwrap(changes.first { $0.key == "crht.admissions_avoided_share" })
        XCTAssertEqual(avoided.source, "\(path):7")
        XCTAssertEqual(avoided.comment, "Stanton (2012): ~30% of admissions avoidable; assumed reachable with full gatekeeping.")
        XCTAssertEqual(changes.first { $0.key == "crht.hours.hours_per_day" }?.comment, "")
    }

    func testCommandLineSettingsAndWholeNewItems() throws {
        let path = try directory.write("two-areas.yaml", """
            extends: \(baseline)
            set:
              areas.Northshire.bed_network: [Southdale]
            areas:
              - name: Northshire
                adult_population: 500000
                beds: 74
                bed_network: [Southdale]
                sources: {community: {per_year: 1830}, emergency_department: {per_year: 1700}, police: {per_year: 250}}
              - name: Southdale  # the neighbouring trust
                adult_population: 1000
                beds: 3
                bed_network: [Northshire]
                sources: {community: {per_year: 10}, emergency_department: {per_year: 5}, police: {per_year: 1}}
            """)
        let base = try load(baseline)
        let changes = ScenarioChanges.between(base, try load(path, overrides: ["crht.assessors=6"]))
        let southdale = try XCTUnwrap(changes.first { $0.key == "areas.Southdale" })
        XCTAssertEqual(southdale.baseValue, "")
        XCTAssertTrue(southdale.variantValue.hasPrefix("{name: Southdale, adult_population: 1000, beds: 3,"), southdale.variantValue)
        XCTAssertEqual(southdale.comment, "the neighbouring trust")
        XCTAssertFalse(changes.contains { $0.key.hasPrefix("areas.Southdale.") }, "a new area is one row, not one per key")
        let assessors = try XCTUnwrap(changes.first { $0.key == "crht.assessors" })
        XCTAssertEqual(assessors.source, "--set 'crht.assessors=6'")
        XCTAssertEqual(changes.first { $0.key == "areas.Northshire.bed_network" }?.variantValue, "[Southdale]")

        // The other way round, the area the base lacks is gone.
        let back = ScenarioChanges.between(try load(path), base)
        XCTAssertEqual(back.first { $0.key == "areas.Southdale" }?.variantValue, "")
        XCTAssertEqual(ScenarioChanges.between(base, base), [], "a scenario changes nothing from itself")
    }

    func testTheTableShowsEachChangeAndItsSource() throws {
        let path = try directory.write("fewer-beds.yaml", """
            extends: \(baseline)
            set:
              # Replacing the areas list would drop the base's arrival weights: set only the beds.
              areas.Northshire.beds: 64  # ten beds closed
            """)
        let changes = ScenarioChanges.between(try load(baseline), try load(path))
        XCTAssertEqual(ScenarioChanges.table(changes, base: "baseline", variant: "fewer-beds"), """
            What fewer-beds changes from baseline (1 setting):
              areas.Northshire.beds  74 -> 64  \(path):4
                  # ten beds closed

            """)
        XCTAssertEqual(ScenarioChanges.table([], base: "baseline", variant: "same"), "same sets nothing that differs from baseline.\n")
    }

    func testTrailingCommentsIgnoreHashesInsideQuotes() {
        XCTAssertEqual(ScenarioChanges.CommentReader.trailingComment("name: \"A # B\"  # the note"), "the note")
        XCTAssertNil(ScenarioChanges.CommentReader.trailingComment("name: 'x#y'"))
        XCTAssertNil(ScenarioChanges.CommentReader.trailingComment("colour: '#fff'"))
    }
}

/// Key paths as `--set` and `--vary` write them, named as the scenario names them, so two
/// spellings of one key compare equal (a sweep refuses a --set of a key it varies).
final class KeyPathNamingTests: XCTestCase {
    func testOneKeyHasOneNameHoweverItIsWritten() throws {
        let pooled = try load(Paths.scenario("pooled-beds.yaml"))
        XCTAssertEqual(ScenarioChanges.keyPath("areas.1.beds", in: pooled), "areas.Southdale.beds")
        XCTAssertEqual(ScenarioChanges.keyPath("areas.Southdale.beds", in: pooled), "areas.Southdale.beds")
        XCTAssertEqual(ScenarioChanges.keyPath("cohorts.0.share", in: pooled), "cohorts.everyone.share")
        XCTAssertEqual(ScenarioChanges.keyPath("crht.assessors", in: pooled), "crht.assessors")
        XCTAssertEqual(ScenarioChanges.keyPath("beds.delay_days.mean", in: pooled), "beds.delay_days.mean",
                       "inside a distribution, as written")
        XCTAssertEqual(ScenarioChanges.keyPath("areas.2.beds", in: pooled), "areas.2.beds", "past the list, as written")
        XCTAssertEqual(ScenarioChanges.keyPath("areas.Nowhere.beds", in: pooled), "areas.Nowhere.beds")
        XCTAssertNotEqual(ScenarioChanges.keyPath("areas.0.beds", in: pooled), ScenarioChanges.keyPath("areas.1.beds", in: pooled))
    }
}
