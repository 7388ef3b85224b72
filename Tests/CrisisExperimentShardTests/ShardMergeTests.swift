import CrisisExperiment
import CrisisModel
import CrisisReport
import Foundation
import XCTest

/// Sharding changes who runs a replication, never what it measures: merged shards give the
/// unsharded result byte for byte, and anything that would break that is refused.
final class ShardMergeTests: XCTestCase {
    /// The files `run` writes, from an unsharded run and from merged 1-, 2- and 3-way splits.
    func testMergedShardsWriteTheUnshardedRunsFilesByteForByte() throws {
        let plan = try SmallExperiments.run(replications: 5)
        // The unsharded run exactly as the run command does it.
        let runner = ReplicationRunner(configuration: plan.configurations[0], length: plan.length,
                                       seed: plan.identity.seed, generator: plan.identity.generator)
        let whole = try runner.run(Array(0..<5), threads: 2)
        let provenance = plan.identity.provenance()
        let expected = [SummaryCSV.text(Summary(whole), scenario: "baseline"), ReplicationsCSV.text(whole),
                        SummaryJSON.text(Summary(whole), provenance: provenance)]
        for count in 1...3 {
            let merged = try SmallExperiments.shardAndMerge(plan, count: count, in: try temporaryFolder())
            XCTAssertEqual(merged.shardCount, count)
            XCTAssertEqual(merged.results[0].map(\.replication), Array(0..<5))
            let summary = Summary(merged.results[0])
            let got = [SummaryCSV.text(summary, scenario: "baseline"), ReplicationsCSV.text(merged.results[0]),
                       SummaryJSON.text(summary, provenance: merged.identity.provenance())]
            for (name, (a, b)) in zip(["summary.csv", "replications.csv", "summary.json"], zip(expected, got)) {
                XCTAssertEqual(Array(a.utf8), Array(b.utf8), "\(name) differs with \(count) shards")
            }
            // And the KPI values themselves, bit for bit (NaN as NaN).
            XCTAssertEqual(merged.results[0].map { $0.kpis.map { $0.value.isNaN ? Double.nan.bitPattern : $0.value.bitPattern } },
                           whole.map { $0.kpis.map { $0.value.isNaN ? Double.nan.bitPattern : $0.value.bitPattern } })
            XCTAssertEqual(merged.results[0].map(\.eventsHandled), whole.map(\.eventsHandled))
        }
    }

    func testMergedComparisonIsTheUnshardedComparison() throws {
        let plan = try SmallExperiments.compare(replications: 3)
        let whole = try plan.run(threads: 2)
        func csv(_ results: [[ReplicationResult]]) -> String {
            ComparisonCSV.text(plan.identity.groups.indices.dropFirst().map {
                (plan.identity.groups[$0].label, Comparison.paired(base: results[0], variant: results[$0]))
            })
        }
        let expected = csv(whole)
        XCTAssertTrue(expected.hasPrefix(ComparisonCSV.header + "\nbeds-minus-10,presentations.community,Community referrals to the crisis team,all,"))
        for count in [2, 3, 4] {
            let merged = try SmallExperiments.shardAndMerge(plan, count: count, in: try temporaryFolder())
            XCTAssertEqual(csv(merged.results), expected, "\(count) shards")
        }
    }

    func testMergedSweepWritesTheSameCSVAndChart() throws {
        let plan = try SmallExperiments.sweep(["areas.Northshire.beds=64...74:10", "crht.assessors=2...3:1"], replications: 3)
        let whole = SweepResult(identity: plan.identity, results: try plan.run(threads: 2))
        for count in [1, 2, 3, 5] {
            let merged = try SmallExperiments.shardAndMerge(plan, count: count, in: try temporaryFolder())
            let sweep = SweepResult(identity: merged.identity, results: merged.results)
            XCTAssertEqual(SweepCSV.text(sweep), SweepCSV.text(whole), "\(count) shards")
            XCTAssertEqual(SweepChart.svg(sweep), SweepChart.svg(whole))
        }
    }

    /// Every point runs replication r on substream r, whatever else differs: a point's
    /// results are the results of running that scenario alone.
    func testSweepPointsUseCommonRandomNumbers() throws {
        let plan = try SmallExperiments.sweep(["areas.Northshire.beds=64...74:10"], replications: 2)
        let results = try plan.run(threads: 2)
        let alone = try ReplicationRunner(configuration: try SmallExperiments.load("beds-minus-10.yaml").configuration,
                                          length: plan.length, seed: 42).run([0, 1], threads: 1)
        XCTAssertEqual(results[0].map { $0.kpis.map(\.value.bitPattern) }, alone.map { $0.kpis.map(\.value.bitPattern) })
        // Arrivals do not depend on beds: the same people arrive at both points.
        XCTAssertEqual(results[0].map { $0.value("presentations.community") }, results[1].map { $0.value("presentations.community") })
    }

    // MARK: Refusals

    private func partials(_ plan: ExperimentPlan, count: Int) throws -> [(source: String, partial: PartialResult)] {
        try (1...count).map { index in
            let shard = ShardSpec(index: index, count: count)!
            return ("shard-\(index)", PartialResult(shard: shard, experiment: plan.identity,
                                                    results: try plan.run(shard: shard, threads: 2)))
        }
    }

    private func mergeProblems(_ partials: [(source: String, partial: PartialResult)]) -> [String] {
        do {
            _ = try ShardMerge.merge(partials)
            return []
        } catch {
            return error.problems
        }
    }

    func testRefusesShardsOfDifferentSeedsScenariosOrVersions() throws {
        let plan = try SmallExperiments.run(replications: 4)
        var shards = try partials(plan, count: 2)
        var other = shards
        other[1].partial.experiment.seed = 7
        XCTAssertEqual(mergeProblems(other), ["shard-2: a different experiment from shard-1: seed 7 instead of 42"])

        other = shards
        other[1].partial.experiment.groups[0].scenarioHash = "0000000000000000"
        XCTAssertTrue(mergeProblems(other).first?.contains("scenario Scenarios/baseline.yaml (hash 0000000000000000) instead of") ?? false,
                      "\(mergeProblems(other))")

        other = shards
        other[0].partial.toolVersion = "0.0.1"
        XCTAssertTrue(mergeProblems(other).first?.hasPrefix("shard-1: written by crisis-sim 0.0.1") ?? false)

        other = shards
        other[1].partial.experiment.horizonDays = 46
        XCTAssertEqual(mergeProblems(other), ["shard-2: a different experiment from shard-1: horizon days 46.0 instead of 45.0"])

        shards[1].partial.experiment.generator = .mt19937
        XCTAssertEqual(mergeProblems(shards), ["shard-2: a different experiment from shard-1: generator mt19937 instead of mrg32k3a"])
    }

    func testReportsMissingAndDuplicateShards() throws {
        let plan = try SmallExperiments.run(replications: 6)
        let shards = try partials(plan, count: 4)
        XCTAssertEqual(mergeProblems([shards[0], shards[2]]),
                       ["missing 2 of 4 shards: 2, 4 (e.g. shard-2-of-4.partial.json)"])
        XCTAssertEqual(mergeProblems(shards + [("copy", shards[1].partial)]),
                       ["shard 2/4 given 2 times: shard-2, copy"])
        XCTAssertEqual(mergeProblems([]), ["no partial results (shard-K-of-N.partial.json files) to merge"])
        let mixed = try partials(plan, count: 2)
        XCTAssertTrue(mergeProblems(shards + [mixed[0]]).contains {
            $0.hasPrefix("shard-1: shard 1/2 of a 2-way split, but shard-1 is of a 4-way split")
        })
    }

    func testRefusesAShardHoldingAnotherShardsReplications() throws {
        let plan = try SmallExperiments.run(replications: 4)
        var shards = try partials(plan, count: 2)
        // Shard 1 has replications 0 and 2; move its replication 2 into shard 2.
        let moved = shards[0].partial.groups[0].replications.removeLast()
        shards[1].partial.groups[0].replications.append(moved)
        XCTAssertEqual(mergeProblems(shards), [
            "shard-1: 1 replication(s) missing, the first replication 2 of baseline",
            "shard-2: replication 2 of baseline belongs to shard 1/2",
        ])
        shards = try partials(plan, count: 2)
        shards[1].partial.groups[0].replications[0].values.removeLast()
        XCTAssertTrue(mergeProblems(shards).first?.contains("values for") ?? false)
    }

    // MARK: The file

    func testPartialFileRoundTripsEveryValueExactly() throws {
        let values: [Double] = [0, -0.0, 1, 0.1, 1.0 / 3, .pi, 2234.1125, 2021.0500000000002, .leastNonzeroMagnitude,
                                .greatestFiniteMagnitude, -1e-300, .nan]
        var random = SystemRandomNumberGenerator()
        let all = values + (0..<200).map { _ in Double(bitPattern: random.next() & 0x7FEF_FFFF_FFFF_FFFF) }
        let kpis = all.indices.map { KPIValue(id: "k\($0)", stratum: "all", value: all[$0]) }
        let result = ReplicationResult(replication: 0, kpis: kpis, eventsHandled: 12, daily: nil, trace: [])
        let identity = ExperimentIdentity(kind: .run, seed: .max, generator: .mrg32k3a, replications: 1,
                                          warmupDays: 0.1, horizonDays: 365.25,
                                          groups: [WorkGroup(label: "x", scenario: "x.yaml", scenarioHash: "ab", summary: "")])
        let url = try temporaryFolder().appendingPathComponent("shard-1-of-1.partial.json")
        try PartialResult(shard: .whole, experiment: identity, results: [[result]]).write(to: url)
        let read = try PartialResult.read(url)
        XCTAssertEqual(read.experiment, identity)
        XCTAssertEqual(read.experiment.seed, UInt64.max)
        XCTAssertEqual(read.problems(asShard: .whole, of: identity), [])
        let back = read.results()[0].results[0]
        XCTAssertEqual(back.kpis.map(\.id), kpis.map(\.id))
        for (a, b) in zip(back.kpis, kpis) {
            if b.value.isNaN { XCTAssertTrue(a.value.isNaN) } else { XCTAssertEqual(a.value.bitPattern, b.value.bitPattern, "\(b.value)") }
        }
        // Undefined is null, never the text "nan"; an infinity is not a KPI value at all.
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.contains("null") && !text.contains("nan"), text)
        let infinite = ReplicationResult(replication: 0, kpis: [KPIValue(id: "k", stratum: "all", value: .infinity)],
                                         eventsHandled: 1, daily: nil, trace: [])
        XCTAssertThrowsError(try PartialResult(shard: .whole, experiment: identity, results: [[infinite]]).encoded())
    }

    /// A shard file whose values changed after its shard wrote it is refused, naming the
    /// file: the audit's value multiplied by 1000 merged silently before checksums.
    func testAValueChangedInAShardFileIsRefused() throws {
        let plan = try SmallExperiments.run(replications: 2)
        let folder = try temporaryFolder()
        let url = folder.appendingPathComponent("shard-1-of-1.partial.json")
        try PartialResult(shard: .whole, experiment: plan.identity, results: try plan.run(shard: .whole, threads: 2)).write(to: url)
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertNoThrow(try PartialResult.read(url))
        // The first KPI value, times 1000: its exact text with three more digits.
        let values = try XCTUnwrap(text.range(of: "\"values\":[\""))
        let end = try XCTUnwrap(text[values.upperBound...].firstIndex(of: "\""))
        let value = try XCTUnwrap(Double(text[values.upperBound..<end]))
        var edited = text
        edited.replaceSubrange(values.upperBound..<end, with: NumberFormat.exact(value * 1000))
        try edited.write(to: url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try PartialResult.read(url)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(url.path): its values do not match its checksum ("), "\(error)")
        }
        // Without its checksum it is refused too.
        let checksum = try XCTUnwrap(text.range(of: #""checksum":"[0-9a-f]{16}","#, options: .regularExpression))
        var unsigned = text
        unsigned.removeSubrange(checksum)
        try unsigned.write(to: url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try PartialResult.read(url)) { error in
            XCTAssertTrue("\(error)".contains("no checksum"), "\(error)")
        }
    }

    /// "nan" and "inf" are refused, naming the file and the field, checksum or not: read as
    /// undefined they would drop a replication from the mean without a word.
    func testNonFiniteTextInAShardFileIsRefusedNamingTheField() throws {
        let plan = try SmallExperiments.run(replications: 2)
        let url = try temporaryFolder().appendingPathComponent("shard-1-of-1.partial.json")
        try PartialResult(shard: .whole, experiment: plan.identity, results: try plan.run(shard: .whole, threads: 2)).write(to: url)
        let text = try String(contentsOf: url, encoding: .utf8)
        let values = try XCTUnwrap(text.range(of: "\"values\":[\""))
        let end = try XCTUnwrap(text[values.upperBound...].firstIndex(of: "\""))
        for bad in ["nan", "inf", "-inf", "Infinity"] {
            var edited = text
            edited.replaceSubrange(values.upperBound..<end, with: bad)
            try edited.write(to: url, atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try PartialResult.read(url)) { error in
                XCTAssertEqual("\(error)", "\(url.path): groups.0.replications.0.values.0: '\(bad)' is not a finite number "
                    + "(a value undefined in a replication is null)")
            }
        }
        // An infinity that reaches the merge another way is named by KPI.
        var shards = try partials(plan, count: 1)
        shards[0].partial.groups[0].replications[1].values[0] = ExactDouble(.infinity)
        let kpi = shards[0].partial.groups[0].kpis[0]
        XCTAssertEqual(mergeProblems(shards), ["shard-1: replication 1 of baseline: \(kpi.id) (\(kpi.stratum)) is inf, not a finite number"])
    }

    func testAFileThatIsNotAPartialResultIsNamed() throws {
        let url = try temporaryFolder().appendingPathComponent("shard-1-of-2.partial.json")
        try Data("{\"format\": \"crisis-sim partial result 1\", \"tool_ver".utf8).write(to: url)
        XCTAssertThrowsError(try PartialResult.read(url)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(url.path): not a crisis-sim partial result"), "\(error)")
        }
        try Data("{\"format\": \"something else\"}".utf8).write(to: url)
        XCTAssertThrowsError(try PartialResult.read(url))
    }

    /// A complete file of this shard and these settings is recognised (so the shard is
    /// skipped); one of other settings is not.
    func testAnExistingPartialIsRecognisedOnlyForTheSameWork() throws {
        let plan = try SmallExperiments.run(replications: 3)
        let shard = ShardSpec(index: 2, count: 2)!
        let partial = PartialResult(shard: shard, experiment: plan.identity, results: try plan.run(shard: shard, threads: 1))
        XCTAssertEqual(partial.problems(asShard: shard, of: plan.identity), [])
        XCTAssertEqual(partial.problems(asShard: ShardSpec(index: 1, count: 2)!, of: plan.identity), ["holds shard 2/2, not 1/2"])
        let other = try SmallExperiments.run(replications: 3, seed: 9)
        XCTAssertEqual(partial.problems(asShard: shard, of: other.identity), ["seed 42 instead of 9"])
    }
}
