import CrisisModel
import Foundation
import XCTest
@testable import CrisisScenario

/// The validation studies (Scenarios/studies/, run by `crisis-sim validation`) must load and
/// run as researchers would run them, and must be the systems their header comments claim.
final class StudyLibraryTests: XCTestCase {
    func testEveryStudyLoadsWithAHeaderCommentAndADescription() throws {
        let paths = try Paths.studyLibrary()
        XCTAssertGreaterThanOrEqual(paths.count, 19)
        for path in paths {
            let scenario = try load(path)
            XCTAssertFalse(scenario.summary.isEmpty, "\(path) has a description")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            XCTAssertTrue(text.hasPrefix("# "), "\(path) starts with a comment saying what it checks")
        }
    }

    func testEveryStudyRunsBriefly() throws {
        for path in try Paths.studyLibrary() {
            let scenario = try load(path)
            let result = try CrisisSystem.runReplication(scenario.configuration, length: RunLength(warmupDays: 30, horizonDays: 30),
                                                         seed: scenario.run.seed, replication: 0)
            XCTAssertGreaterThan(result.value("admissions.total") ?? 0, 0, path)
        }
    }

    /// Every study built on bed-model-only.yaml is the textbook queue: each referral an
    /// admission at once, each stay the clinical stay with no delay.
    func testBedModelStudiesAreTheReduction() throws {
        var count = 0
        for path in try Paths.studyLibrary() {
            let scenario = try load(path)
            guard scenario.files.contains(where: { $0.hasSuffix("/bed-model-only.yaml") }) else { continue }
            count += 1
            let configuration = scenario.configuration
            for (area, estimate) in zip(configuration.areas, FlowEstimate.estimate(configuration)) {
                XCTAssertEqual(area.sources.emergencyDepartment.perYear + area.sources.police.perYear, 0, path)
                XCTAssertEqual(estimate.admissionsPerYear, area.sources.community.perYear, accuracy: 1e-9, path)
                XCTAssertEqual(estimate.meanBedDays, 365.25 / 12, accuracy: 1e-9, path)
            }
            XCTAssertEqual(configuration.representation.probability, 0, path)
            XCTAssertFalse(configuration.beds.repatriation, path)
        }
        XCTAssertGreaterThanOrEqual(count, 14)
    }

    /// Paton and Tiffin's two variants must each add exactly 10% to the baseline's offered
    /// bed load, one through stays alone and one through referrals alone: when the baseline
    /// is recalibrated, this fails until the studies follow it.
    func testPatonTiffinVariantsEachAddTenPercentLoad() throws {
        func estimate(_ name: String) throws -> FlowEstimate {
            try XCTUnwrap(FlowEstimate.estimate(load(Paths.root.appendingPathComponent("Scenarios/studies/\(name)").path)
                .configuration).first)
        }
        let base = try estimate("paton-tiffin-baseline.yaml")
        let stays = try estimate("paton-tiffin-longer-stays.yaml")
        let referrals = try estimate("paton-tiffin-more-referrals.yaml")
        XCTAssertEqual(stays.admissionsPerYear, base.admissionsPerYear, accuracy: 1e-9)
        XCTAssertEqual(stays.meanBedDays / base.meanBedDays, 1.1, accuracy: 1e-9)
        XCTAssertEqual(referrals.meanBedDays, base.meanBedDays, accuracy: 1e-9)
        XCTAssertEqual(referrals.admissionsPerYear / base.admissionsPerYear, 1.1, accuracy: 1e-9)
    }
}
