import CrisisExperiment
import XCTest

final class ShardSpecTests: XCTestCase {
    func testParsesKOfN() throws {
        XCTAssertEqual(try ShardSpec.parse("2/8").get(), ShardSpec(index: 2, count: 8))
        XCTAssertEqual(try ShardSpec.parse("1/1").get(), .whole)
        XCTAssertEqual(ShardSpec(index: 3, count: 8)?.fileName, "shard-3-of-8.partial.json")
    }

    func testExplainsBadShards() {
        func message(_ text: String) -> String? {
            if case .failure(let error) = ShardSpec.parse(text) { return error.message }
            return nil
        }
        XCTAssertEqual(message("2"), "expected K/N, e.g. 2/8 for the second of eight shards; got '2'")
        XCTAssertEqual(message("a/b"), "expected K/N, e.g. 2/8 for the second of eight shards; got 'a/b'")
        XCTAssertEqual(message("0/4"), "K in '0/4' must be between 1 and 4 (shards are counted from 1)")
        XCTAssertEqual(message("5/4"), "K in '5/4' must be between 1 and 4 (shards are counted from 1)")
        XCTAssertEqual(message("1/0"), "N in '1/0' must be between 1 and 100000")
        XCTAssertNil(ShardSpec(index: 0, count: 3))
    }

    /// Seeded sweep against the definition: for every split, the shards' items are disjoint,
    /// cover the work, differ in size by at most one, and follow `owner`.
    func testShardsPartitionTheWork() {
        for total in 0...40 {
            for count in 1...12 {
                var seen = [Int](repeating: 0, count: total)
                var sizes: [Int] = []
                for index in 1...count {
                    let shard = ShardSpec(index: index, count: count)!
                    let items = shard.items(of: total)
                    XCTAssertEqual(items, items.sorted())
                    sizes.append(items.count)
                    for item in items {
                        seen[item] += 1
                        XCTAssertTrue(shard.owns(item: item))
                        XCTAssertEqual(ShardSpec.owner(ofItem: item, count: count), index)
                    }
                }
                XCTAssertEqual(seen, [Int](repeating: 1, count: total), "\(total) items in \(count) shards")
                XCTAssertLessThanOrEqual((sizes.max() ?? 0) - (sizes.min() ?? 0), 1)
            }
        }
    }

    /// Groups are split too: with as many shards as replications, each shard does one
    /// replication of every point.
    func testSweepPointsSpreadOverShards() throws {
        let plan = try SmallExperiments.sweep(["areas.Northshire.beds=90...100:5"], replications: 2)
        XCTAssertEqual(plan.replications(for: ShardSpec(index: 1, count: 2)!), [[0], [0], [0]])
        XCTAssertEqual(plan.replications(for: ShardSpec(index: 2, count: 2)!), [[1], [1], [1]])
        XCTAssertEqual(plan.replications(for: ShardSpec(index: 1, count: 4)!), [[0], [], [0]])
        XCTAssertEqual(plan.replications(for: .whole), [[0, 1], [0, 1], [0, 1]])
    }
}
