import CrisisTestSupport
import XCTest
import SimKernel

/// The event list is checked against the simplest possible implementation: an unsorted array
/// whose "next" is the minimum by (time, priority, insertion order), i.e. the head of a stable
/// sort by (time, priority).
final class EventListTests: XCTestCase {
    private struct Scheduled: Equatable {
        let time: Double
        let priority: EventPriority
        let order: Int  // insertion order, the final tie-break
        let payload: Int
    }

    /// The array oracle.
    private struct Oracle {
        var pending: [Scheduled] = []
        var pushed = 0

        mutating func push(_ payload: Int, at time: Double, priority: EventPriority) {
            pending.append(Scheduled(time: time, priority: priority, order: pushed, payload: payload))
            pushed += 1
        }

        var nextIndex: Int? {
            pending.indices.min { a, b in
                let x = pending[a], y = pending[b]
                return (x.time, x.priority.rawValue, x.order) < (y.time, y.priority.rawValue, y.order)
            }
        }

        var first: Scheduled? { nextIndex.map { pending[$0] } }

        mutating func pop() -> Scheduled? {
            guard let i = nextIndex else { return nil }
            return pending.remove(at: i)
        }

        mutating func pop(dueBy endTime: Double) -> Scheduled? {
            guard let i = nextIndex, pending[i].time <= endTime else { return nil }
            return pending.remove(at: i)
        }
    }

    private static let priorities: [EventPriority] = [
        .capacityChange, .release, .normal, .renege, .observation,
    ]

    private func assertSame(_ entry: EventList<Int>.Entry?, _ expected: Scheduled?, seed: UInt64, step: Int,
                            file: StaticString = #filePath, line: UInt = #line) -> Bool {
        switch (entry, expected) {
        case (nil, nil):
            return true
        case let (entry?, expected?)
            where entry.payload == expected.payload && entry.time == expected.time
                && entry.priority == expected.priority:
            return true
        default:
            XCTFail("seed \(seed), step \(step): got \(String(describing: entry.map { ($0.time, $0.priority.rawValue, $0.payload) })), "
                + "expected \(String(describing: expected.map { ($0.time, $0.priority.rawValue, $0.payload) }))",
                file: file, line: line)
            return false
        }
    }

    /// Random interleavings of push, pop, pop(dueBy:) and removeAll(where:) over 3,000 seeds. Times come from
    /// a handful of values and priorities from the five named ones, so most pushes tie with
    /// something in time, many in time and priority, and order then rests on insertion order.
    func testPopOrderMatchesStableSortOracleOverThousandsOfSeeds() {
        var checkedPops = 0
        for seed in UInt64(1)...3_000 {
            var random = TestRandom(seed: seed)
            var list = EventList<Int>(reservingCapacity: 4)
            var oracle = Oracle()
            let distinctTimes = 1 + random.int(below: 6)  // 1 ... 6 distinct times: heavy ties
            let operations = 50 + random.int(below: 250)
            var nextPayload = 0
            for step in 0..<operations {
                let roll = random.int(below: 100)
                if roll < 55 {
                    // Push; sometimes a fractional time, so times are not all integers.
                    var time = Double(random.int(below: distinctTimes))
                    if random.chance(1, in: 10) { time += 0.5 }
                    let priority = Self.priorities[random.int(below: Self.priorities.count)]
                    list.push(nextPayload, at: time, priority: priority)
                    oracle.push(nextPayload, at: time, priority: priority)
                    nextPayload += 1
                } else if roll < 80 {
                    let popped = list.pop()
                    let expected = oracle.pop()
                    if !assertSame(popped, expected, seed: seed, step: step) { return }
                    if popped != nil { checkedPops += 1 }
                } else if roll < 97 {
                    // A run loop's pop: only an event due by a time, which is often before the
                    // next event, so the list must leave that event pending. Half the time the
                    // time is a whole number, a time events are often scheduled at, so an event
                    // exactly at it must come out (due means at or before).
                    let endTime = Double(random.int(below: distinctTimes + 1)) - (random.chance(1, in: 2) ? 0 : 0.25)
                    let popped = list.pop(dueBy: endTime)
                    let expected = oracle.pop(dueBy: endTime)
                    if !assertSame(popped, expected, seed: seed, step: step) { return }
                    if popped != nil { checkedPops += 1 }
                } else {
                    // An occasional clean-up: drop payloads with a random residue.
                    let modulus = 2 + random.int(below: 3)
                    let residue = random.int(below: modulus)
                    list.removeAll { $0.payload % modulus == residue }
                    oracle.pending.removeAll { $0.payload % modulus == residue }
                }
                XCTAssertEqual(list.count, oracle.pending.count, "seed \(seed), step \(step)")
                if !assertSame(list.first, oracle.first, seed: seed, step: step) { return }
            }
            // Drain: the rest must come out in oracle order too.
            var step = operations
            while true {
                let popped = list.pop()
                let expected = oracle.pop()
                if !assertSame(popped, expected, seed: seed, step: step) { return }
                if popped == nil { break }
                checkedPops += 1
                step += 1
            }
            XCTAssertTrue(list.isEmpty)
        }
        XCTAssertGreaterThan(checkedPops, 100_000, "the oracle comparison exercised too few pops")
    }

    func testEqualTimeAndPriorityRunInInsertionOrder() {
        var list = EventList<String>()
        for name in ["first", "second", "third", "fourth"] { list.push(name, at: 10) }
        XCTAssertEqual((0..<4).compactMap { _ in list.pop()?.payload }, ["first", "second", "third", "fourth"])
        XCTAssertNil(list.pop())
    }

    func testTimeDominatesPriorityAndPriorityDominatesInsertion() {
        var list = EventList<String>()
        list.push("observation at 9", at: 9, priority: .observation)
        list.push("normal at 10", at: 10, priority: .normal)
        list.push("capacity change at 10", at: 10, priority: .capacityChange)
        list.push("release at 10", at: 10, priority: .release)
        list.push("capacity change at 11", at: 11, priority: .capacityChange)
        let order = (0..<5).compactMap { _ in list.pop()?.payload }
        XCTAssertEqual(order, ["observation at 9", "capacity change at 10", "release at 10", "normal at 10",
                               "capacity change at 11"])
    }

    func testEntriesCarryTheirPriorityAndSequence() {
        var list = EventList<Int>()
        list.push(0, at: 1, priority: .renege)
        list.push(1, at: 0, priority: .observation)
        let first = list.pop()!
        XCTAssertEqual(first.payload, 1)
        XCTAssertEqual(first.priority, .observation)
        XCTAssertEqual(first.sequence, 1)
        let second = list.pop()!
        XCTAssertEqual(second.priority, .renege)
        XCTAssertEqual(second.sequence, 0)
    }

    /// removeAll(where:) rebuilds the heap; the survivors must still come out in
    /// (time, priority, insertion) order, ties included.
    func testRemoveAllWhereKeepsTheOrderOfTheRest() {
        for seed in UInt64(1)...200 {
            var random = TestRandom(seed: seed)
            var list = EventList<Int>()
            var oracle = Oracle()
            for payload in 0..<(20 + random.int(below: 200)) {
                let time = Double(random.int(below: 4))
                let priority = Self.priorities[random.int(below: 3)]
                list.push(payload, at: time, priority: priority)
                oracle.push(payload, at: time, priority: priority)
            }
            list.removeAll { $0.payload % 3 == 0 }
            oracle.pending.removeAll { $0.payload % 3 == 0 }
            XCTAssertEqual(list.count, oracle.pending.count)
            var popped: [Int] = []
            var expected: [Int] = []
            while let entry = list.pop() { popped.append(entry.payload) }
            while let entry = oracle.pop() { expected.append(entry.payload) }
            XCTAssertEqual(popped, expected, "seed \(seed)")
        }
    }

    /// Insertion order survives a removeAll(where:): events pushed afterwards at the same time
    /// and priority still come after the survivors.
    func testPushAfterRemoveAllWhereStillQueuesBehindSurvivors() {
        var list = EventList<Int>()
        for payload in 0..<10 { list.push(payload, at: 5) }
        list.removeAll { $0.payload < 5 }
        list.push(100, at: 5)
        list.push(101, at: 5)
        XCTAssertEqual((0..<7).compactMap { _ in list.pop()?.payload }, [5, 6, 7, 8, 9, 100, 101])
    }

    func testRemoveAllForgetsEverythingAndTheListIsReusable() {
        var list = EventList<Int>()
        for payload in 0..<100 { list.push(payload, at: Double(100 - payload)) }
        list.removeAll()
        XCTAssertTrue(list.isEmpty)
        XCTAssertNil(list.first)
        XCTAssertNil(list.pop())
        list.push(7, at: 3)
        list.push(8, at: 1)
        XCTAssertEqual(list.pop()?.payload, 8)
        XCTAssertEqual(list.pop()?.payload, 7)
    }

    func testEmptyListHasNoFirstAndPopsNil() {
        var list = EventList<Int>()
        XCTAssertTrue(list.isEmpty)
        XCTAssertEqual(list.count, 0)
        XCTAssertNil(list.first)
        XCTAssertNil(list.pop())
    }
}
