import CrisisTestSupport
import XCTest
import SimKernel

/// A pool of beds with a queue: who gets a bed, in which order, and what happens when people
/// give up or the number of beds changes.
final class ResourceTests: XCTestCase {
    private func ticket(_ outcome: Resource<String>.Outcome, file: StaticString = #filePath, line: UInt = #line) -> QueueTicket? {
        guard case .queued(let ticket) = outcome else {
            XCTFail("expected the request to queue", file: file, line: line)
            return nil
        }
        return ticket
    }

    private func isSeized(_ outcome: Resource<String>.Outcome) -> Bool {
        if case .seized = outcome { return true }
        return false
    }

    /// Releases one unit at a time and collects whom each release hands the unit to.
    private func drain(_ beds: inout Resource<String>, from time: Double) -> [String] {
        var served: [String] = []
        var t = time
        while !beds.queue.isEmpty {
            guard let next = beds.release(at: t) else { break }
            served.append(next)
            t += 1
        }
        return served
    }

    // MARK: Disciplines

    func testFIFOServesInArrivalOrderAndIgnoresPriorities() {
        var beds = Resource<String>(capacity: 1)
        XCTAssertTrue(isSeized(beds.request("occupant", at: 0)))
        for (index, name) in ["a", "b", "c", "d"].enumerated() {
            // Priorities are ignored under FIFO.
            XCTAssertFalse(isSeized(beds.request(name, priority: 3 - index, at: Double(index + 1))))
        }
        XCTAssertEqual(beds.queue.count, 4)
        XCTAssertEqual(drain(&beds, from: 10), ["a", "b", "c", "d"])
        XCTAssertEqual(beds.inUse, 1)
        XCTAssertTrue(beds.queue.isEmpty)
    }

    func testPriorityServesLowestValueFirstAndFIFOWithinAPriority() {
        var beds = Resource<String>(capacity: 1, discipline: .priority)
        XCTAssertTrue(isSeized(beds.request("occupant", priority: 9, at: 0)))
        let requests: [(String, Int)] = [
            ("routine-1", 3), ("urgent-1", 1), ("routine-2", 3), ("emergency", 0), ("urgent-2", 1),
            ("soon-1", 2), ("urgent-3", 1), ("routine-3", 3), ("negative", -1),
        ]
        for (time, (name, priority)) in requests.enumerated() {
            _ = beds.request(name, priority: priority, at: Double(time + 1))
        }
        XCTAssertEqual(drain(&beds, from: 20), [
            "negative", "emergency", "urgent-1", "urgent-2", "urgent-3", "soon-1",
            "routine-1", "routine-2", "routine-3",
        ])
    }

    /// Interleaved arrivals and services under the priority discipline against a sorted oracle.
    func testPriorityOrderUnderRandomInterleavingsMatchesOracle() {
        for seed in UInt64(1)...200 {
            var random = TestRandom(seed: seed)
            var beds = Resource<Int>(capacity: 2, discipline: .priority)
            var oracle: [(priority: Int, order: Int)] = []
            var time = 0.0
            for order in 0..<150 {
                time += 1
                if random.chance(3, in: 5) {
                    let priority = random.int(below: 4)
                    if case .queued = beds.request(order, priority: priority, at: time) {
                        oracle.append((priority, order))
                    }
                } else if beds.inUse > 0 {
                    let next = beds.release(at: time)
                    let expectedIndex = oracle.indices.min { (oracle[$0].priority, oracle[$0].order) < (oracle[$1].priority, oracle[$1].order) }
                    XCTAssertEqual(next, expectedIndex.map { oracle.remove(at: $0).order }, "seed \(seed)")
                }
                XCTAssertEqual(beds.queue.count, oracle.count)
            }
        }
    }

    func testWaitsServedTallyCountsOnlyThoseWhoQueued() {
        var beds = Resource<String>(capacity: 1)
        _ = beds.request("first", at: 0)
        _ = beds.request("second", at: 1)
        _ = beds.request("third", at: 2)
        XCTAssertEqual(beds.release(at: 4), "second")  // waited 3
        XCTAssertEqual(beds.release(at: 9), "third")  // waited 7
        XCTAssertEqual(beds.waitsServed.count, 2)
        XCTAssertEqual(beds.waitsServed.mean, 5)
        XCTAssertEqual(beds.waitsServed.max, 7)
    }

    // MARK: Reneging

    func testRenegeTakesTheRequestOutOfTheQueue() {
        var beds = Resource<String>(capacity: 1)
        _ = beds.request("occupant", at: 0)
        _ = beds.request("a", at: 1)
        guard let b = ticket(beds.request("b", at: 2)) else { return }
        _ = beds.request("c", at: 3)
        XCTAssertEqual(beds.renege(b, at: 4), "b")
        XCTAssertEqual(beds.queue.count, 2)
        XCTAssertEqual(beds.waiting.level, 2)
        XCTAssertNil(beds.renege(b, at: 5), "a second renege with the same ticket finds nobody")
        XCTAssertEqual(drain(&beds, from: 6), ["a", "c"])
        XCTAssertEqual(beds.waitsServed.count, 2, "the one who gave up was not served")
    }

    func testStaleTicketAfterBeingServedReturnsNil() {
        var beds = Resource<String>(capacity: 1)
        _ = beds.request("occupant", at: 0)
        guard let a = ticket(beds.request("a", at: 1)) else { return }
        XCTAssertEqual(beds.release(at: 2), "a")
        // a's slot is reused by the next request; the old ticket must not remove it.
        guard let b = ticket(beds.request("b", at: 3)) else { return }
        XCTAssertNil(beds.renege(a, at: 4))
        XCTAssertEqual(beds.queue.count, 1)
        XCTAssertEqual(beds.renege(b, at: 5), "b")
        XCTAssertEqual(beds.inUse, 1)
    }

    /// In a simulation: a patient who gives up after the maximum wait leaves the queue; one
    /// whose give-up time comes after being admitted finds a stale ticket and stays in bed.
    func testPatientsGiveUpAfterTheirMaximumWait() throws {
        let patients = [
            Ward.Patient(arrival: 0, stay: 10),
            Ward.Patient(arrival: 1, stay: 2, maximumWait: 3),  // gives up at 4
            Ward.Patient(arrival: 2, stay: 2, maximumWait: 20),  // admitted at 10, give-up at 22 is stale
        ]
        var simulation = Ward.simulation(patients, beds: 1, queues: true)
        try simulation.runUntilEmpty()
        XCTAssertEqual(simulation.model.gaveUpAt, [1: 4])
        XCTAssertNil(simulation.model.admittedAt[1])
        XCTAssertEqual(simulation.model.admittedAt[2], 10, "patient 1 left, so patient 2 is next")
        XCTAssertEqual(simulation.model.staleGiveUps, [2])
        XCTAssertEqual(simulation.model.beds.waitsServed.count, 1)
        XCTAssertEqual(simulation.model.beds.waitsServed.mean, 8)
        // Queue: one waiting over [1, 2), two over [2, 4), one over [4, 10).
        XCTAssertEqual(simulation.model.beds.waiting.integral(at: 22), 1 + 4 + 6, accuracy: 1e-12)
    }

    /// A give-up at 10:00 and a discharge at 10:00: the discharge runs first and the waiting
    /// patient is admitted, even though the give-up went on the event list first.
    func testRenegeAtTheSameTimeAsAReleaseLosesToTheRelease() throws {
        let patients = [
            Ward.Patient(arrival: 0, stay: 3),  // discharged at 3
            Ward.Patient(arrival: 0.5, stay: 7),  // admitted at 3, discharge at 10 scheduled at 3
            Ward.Patient(arrival: 1, stay: 2, maximumWait: 9),  // give-up at 10, scheduled at 1
        ]
        var simulation = Ward.simulation(patients, beds: 1, queues: true)
        try simulation.runUntilEmpty()
        XCTAssertEqual(simulation.model.dischargedAt[1], 10)
        XCTAssertEqual(simulation.model.admittedAt[2], 10, "a bed freed at the moment the wait ends is taken")
        XCTAssertEqual(simulation.model.gaveUpAt, [:])
        XCTAssertEqual(simulation.model.staleGiveUps, [2])

        // Control: with both at normal priority, insertion order decides and the give-up wins.
        var control = Ward.simulation(patients, beds: 1, queues: true)
        control.model.giveUpPriority = .normal
        control.model.dischargePriority = .normal
        try control.runUntilEmpty()
        XCTAssertEqual(control.model.gaveUpAt, [2: 10])
        XCTAssertNil(control.model.admittedAt[2])
    }

    // MARK: Capacity changes

    func testCapacityDropBelowInUseEvictsNobodyAndThePoolShrinksAsUnitsFree() {
        var beds = Resource<String>(capacity: 3)
        for name in ["p1", "p2", "p3"] { XCTAssertTrue(isSeized(beds.request(name, at: 0))) }
        _ = beds.request("w1", at: 1)
        _ = beds.request("w2", at: 1)
        beds.setCapacity(1, at: 2)
        XCTAssertEqual(beds.inUse, 3, "nobody is evicted")
        XCTAssertEqual(beds.available, 0)
        XCTAssertNil(beds.admitNext(at: 2))
        XCTAssertFalse(beds.trySeize(at: 2))
        XCTAssertNil(beds.release(at: 3), "3 in use on 1 bed: the freed unit closes")
        XCTAssertEqual(beds.inUse, 2)
        XCTAssertNil(beds.admitNext(at: 3))
        XCTAssertNil(beds.release(at: 4), "2 in use on 1 bed: the freed unit closes")
        XCTAssertEqual(beds.inUse, 1)
        XCTAssertNil(beds.admitNext(at: 4), "1 in use on 1 bed: still full")
        XCTAssertEqual(beds.release(at: 5), "w1", "below capacity at last: the head of the queue moves in")
        XCTAssertEqual(beds.inUse, 1)
        XCTAssertEqual(beds.queue.count, 1)
        XCTAssertEqual(beds.busy.maximum, 3)
        // Bed-hours: 3 beds over [0, 3), 2 over [3, 4), 1 over [4, 5), 1 over [5, 6).
        let bedHours: Double = 9 + 2 + 1 + 1
        XCTAssertEqual(beds.busy.integral(at: 6), bedHours, accuracy: 1e-12)
    }

    func testCapacityRiseThenAdmitNextDrainsTheQueue() {
        var beds = Resource<String>(capacity: 1)
        _ = beds.request("occupant", at: 0)
        for name in ["a", "b", "c", "d"] { _ = beds.request(name, at: 1) }
        beds.setCapacity(3, at: 2)
        XCTAssertEqual(beds.available, 2)
        // A newcomer does not jump the queue while units wait to be handed out.
        XCTAssertFalse(beds.trySeize(at: 2))
        if case .seized = beds.request("newcomer", at: 2) { XCTFail("the newcomer must queue behind a, b, c, d") }
        var admitted: [String] = []
        while let next = beds.admitNext(at: 2) { admitted.append(next) }
        XCTAssertEqual(admitted, ["a", "b"])
        XCTAssertEqual(beds.inUse, 3)
        XCTAssertEqual(beds.available, 0)
        XCTAssertEqual(beds.queue.count, 3)
        XCTAssertEqual(beds.waiting.level, 3)
        XCTAssertEqual(beds.waitsServed.count, 2)
        XCTAssertEqual(beds.waitsServed.mean, 1)
    }

    func testCapacityChangeEventsInASimulation() throws {
        // Two beds, five patients at 0 staying 10 h; a third bed opens at 2, two close at 4.
        let patients = (0..<5).map { _ in Ward.Patient(arrival: 0, stay: 10) }
        var simulation = Ward.simulation(patients, beds: 2, queues: true)
        simulation.schedule(.setCapacity(3), at: 2, priority: .capacityChange)
        simulation.schedule(.setCapacity(1), at: 4, priority: .capacityChange)
        try simulation.runUntilEmpty()
        let admitted = simulation.model.admittedAt
        XCTAssertEqual(admitted[0], 0)
        XCTAssertEqual(admitted[1], 0)
        XCTAssertEqual(admitted[2], 2, "the bed opened at 2 goes to the head of the queue")
        // At 10 patients 0 and 1 leave: 3 in use on 1 bed, then 2: no admission.
        // At 12 patient 2 leaves: 1 in use -> 0 < 1, patient 3 moves in; patient 4 at 22.
        XCTAssertEqual(admitted[3], 12)
        XCTAssertEqual(admitted[4], 22)
        XCTAssertEqual(simulation.model.beds.busy.maximum, 3)
    }

    func testTrySeizeNeverQueues() {
        var beds = Resource<String>(capacity: 2)
        XCTAssertTrue(beds.trySeize(at: 0))
        XCTAssertTrue(beds.trySeize(at: 0))
        for t in 1...5 { XCTAssertFalse(beds.trySeize(at: Double(t))) }
        XCTAssertEqual(beds.inUse, 2)
        XCTAssertEqual(beds.queue.count, 0)
        XCTAssertEqual(beds.waiting.maximum, 0)
        XCTAssertNil(beds.release(at: 6))
        XCTAssertTrue(beds.trySeize(at: 6))
    }

    /// A caller who must go first (e.g. a repatriation) takes a free unit ahead of the queue;
    /// with no free unit it still gets nothing and does not queue.
    func testTrySeizeAheadOfQueueTakesOnlyAFreeUnit() {
        var beds = Resource<String>(capacity: 1)
        _ = beds.request("occupant", at: 0)
        _ = beds.request("waiting", at: 1)
        XCTAssertFalse(beds.trySeize(at: 2, aheadOfQueue: true), "no free unit")
        XCTAssertNil(beds.release(at: 3, admitWaiting: false))
        XCTAssertEqual(beds.inUse, 0)
        XCTAssertEqual(beds.queue.count, 1, "the freed unit was not handed to the queue")
        XCTAssertFalse(beds.trySeize(at: 3), "an ordinary seize does not jump the queue")
        XCTAssertTrue(beds.trySeize(at: 3, aheadOfQueue: true))
        XCTAssertEqual(beds.inUse, 1)
        XCTAssertEqual(beds.queue.count, 1)
        XCTAssertEqual(beds.release(at: 4), "waiting", "a normal release hands the unit on")
        XCTAssertEqual(beds.waitsServed.mean, 3)
    }

    /// Releasing without admitting leaves the choice to the caller: admitNext then serves the
    /// head of the queue.
    func testReleaseWithoutAdmittingThenAdmitNext() {
        var beds = Resource<String>(capacity: 2)
        _ = beds.request("p1", at: 0)
        _ = beds.request("p2", at: 0)
        _ = beds.request("w1", at: 1)
        _ = beds.request("w2", at: 2)
        XCTAssertNil(beds.release(at: 5, admitWaiting: false))
        XCTAssertEqual(beds.available, 1)
        XCTAssertEqual(beds.busy.level, 1)
        XCTAssertEqual(beds.admitNext(at: 6), "w1")
        XCTAssertNil(beds.admitNext(at: 6), "full again")
        XCTAssertEqual(beds.waitsServed.mean, 5)
        XCTAssertEqual(beds.busy.integral(at: 6), 2 * 5 + 1 * 1, accuracy: 1e-12)
    }

    /// Capacity 0 and everyone gives up: the queue must not keep the memory of those who left.
    /// Through the public API that shows as: the count returns to 0 after the reneges, each
    /// renege returns exactly its own request, stale tickets (whose slots have since been
    /// reused) remove nobody, the clean-ups that drop cancelled entries keep the live ones, and
    /// the queue still serves in priority order afterwards.
    func testCapacityZeroWithEveryoneRenegingKeepsTheQueueEmptyAndConsistent() {
        var random = TestRandom(seed: 2024)
        var beds = Resource<Int>(capacity: 0, discipline: .priority)
        var earlyTickets: [QueueTicket] = []
        var time = 0.0
        var next = 0

        /// One to three wait together, then all give up, in a random order; `churn` repeats
        /// that until `until` requests have been made.
        func churn(until last: Int, alsoWaiting patient: Int) {
            while next < last {
                var waiting: [(QueueTicket, Int)] = []
                for _ in 0...random.int(below: 3) {
                    guard case .queued(let ticket) = beds.request(next, priority: next % 5, at: time) else {
                        return XCTFail("capacity 0 must queue")
                    }
                    waiting.append((ticket, next))
                    if next < 100 { earlyTickets.append(ticket) }
                    next += 1
                }
                XCTAssertEqual(beds.queue.count, patient + waiting.count)
                time += 1
                while !waiting.isEmpty {
                    let (ticket, request) = waiting.remove(at: random.int(below: waiting.count))
                    XCTAssertEqual(beds.renege(ticket, at: time), request)
                }
                XCTAssertEqual(beds.queue.count, patient)
            }
        }

        churn(until: 50_000, alsoWaiting: 0)
        XCTAssertEqual(beds.queue.count, 0)
        XCTAssertTrue(beds.queue.isEmpty)
        XCTAssertEqual(beds.waiting.level, 0)
        XCTAssertEqual(beds.waiting.maximum, 3)
        XCTAssertNil(beds.admitNext(at: time))
        XCTAssertEqual(beds.waitsServed.count, 0)

        // Two who wait patiently through more churn: the clean-ups must keep them.
        let patientSince = time
        _ = beds.request(-1, priority: 1, at: time)
        _ = beds.request(-2, priority: 3, at: time)
        churn(until: 100_000, alsoWaiting: 2)
        for ticket in earlyTickets { XCTAssertNil(beds.renege(ticket, at: time)) }
        XCTAssertEqual(beds.queue.count, 2)

        // Later requests join them; all are served in priority order (first come, first
        // served within a priority) once beds open.
        for (request, priority) in [(1, 2), (2, 0), (3, 1), (4, 0)] {
            _ = beds.request(request, priority: priority, at: time)
        }
        XCTAssertEqual(beds.queue.count, 6)
        beds.setCapacity(6, at: time + 1)
        var admitted: [Int] = []
        while let request = beds.admitNext(at: time + 1) { admitted.append(request) }
        XCTAssertEqual(admitted, [2, 4, -1, 3, 1, -2])
        XCTAssertEqual(beds.waitsServed.count, 6, "those who gave up were never counted as served")
        XCTAssertEqual(beds.waitsServed.max, time + 1 - patientSince)
        XCTAssertTrue(beds.queue.isEmpty)
    }

    func testStaleTicketsFromBeforeACleanUpNeverRemoveLaterOccupantsOfTheirSlots() {
        var beds = Resource<Int>(capacity: 0)
        var stale: [QueueTicket] = []
        for i in 0..<1_000 {
            guard case .queued(let ticket) = beds.request(i, at: Double(i)) else { return XCTFail() }
            XCTAssertEqual(beds.renege(ticket, at: Double(i)), i)
            stale.append(ticket)
        }
        // Ten new waiters, surely in reused slots by now.
        var live: [QueueTicket] = []
        for i in 1_000..<1_010 {
            guard case .queued(let ticket) = beds.request(i, at: 1_000) else { return XCTFail() }
            live.append(ticket)
        }
        for ticket in stale { XCTAssertNil(beds.renege(ticket, at: 1_001)) }
        XCTAssertEqual(beds.queue.count, 10)
        XCTAssertEqual(Set(live).count, 10)
        XCTAssertTrue(Set(live).isDisjoint(with: Set(stale)))
        // Beds open: the ten come out first come, first served.
        beds.setCapacity(10, at: 1_002)
        var admitted: [Int] = []
        while let next = beds.admitNext(at: 1_002) { admitted.append(next) }
        XCTAssertEqual(admitted, Array(1_000..<1_010))
        XCTAssertEqual(beds.waitsServed.mean, 2)
    }
}
