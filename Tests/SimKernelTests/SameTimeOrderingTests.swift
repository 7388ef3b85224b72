import CrisisTestSupport
import XCTest
import SimKernel

/// What happens at the same simulated time: EventPriority's one table of same-time rules,
/// seen through whole simulations.
final class SameTimeOrderingTests: XCTestCase {
    /// Records the label of every event it handles, with the time.
    private struct Recorder: SimulationModel {
        var handled: [(time: Double, label: String)] = []
        mutating func handle(_ event: String, scheduler: inout Scheduler<String>) {
            handled.append((scheduler.now, event))
        }
    }

    func testPrioritiesAreOrderedCapacityReleaseNormalRenegeObservation() {
        XCTAssertLessThan(EventPriority.capacityChange, .release)
        XCTAssertLessThan(EventPriority.release, .normal)
        XCTAssertLessThan(EventPriority.normal, .renege)
        XCTAssertLessThan(EventPriority.renege, .observation)
    }

    /// Scheduled in the reverse of the rule, at one instant, they still run
    /// capacity change, release, normal, renege, observation.
    func testSameTimeEventsRunInPriorityOrderWhateverTheSchedulingOrder() throws {
        var simulation = Simulation(model: Recorder())
        simulation.schedule("observation", at: 10, priority: .observation)
        simulation.schedule("renege", at: 10, priority: .renege)
        simulation.schedule("arrival", at: 10, priority: .normal)
        simulation.schedule("release", at: 10, priority: .release)
        simulation.schedule("capacity change", at: 10, priority: .capacityChange)
        simulation.schedule("earlier observation", at: 9.5, priority: .observation)
        simulation.schedule("later capacity change", at: 10.5, priority: .capacityChange)
        try simulation.runUntilEmpty()
        XCTAssertEqual(simulation.model.handled.map(\.label), [
            "earlier observation", "capacity change", "release", "arrival", "renege", "observation",
            "later capacity change",
        ])
        XCTAssertEqual(simulation.model.handled.map(\.time), [9.5, 10, 10, 10, 10, 10, 10.5])
    }

    /// Random schedules: the simulation handles events in stable (time, priority) order.
    func testSimulationHandlesEventsInStableTimePriorityOrder() throws {
        let priorities: [EventPriority] = [.capacityChange, .release, .normal, .renege, .observation]
        for seed in UInt64(1)...300 {
            var random = TestRandom(seed: seed)
            var simulation = Simulation(model: Recorder())
            var expected: [(time: Double, priority: UInt8, order: Int, label: String)] = []
            for order in 0..<(1 + random.int(below: 60)) {
                let time = Double(random.int(below: 3))
                let priority = priorities[random.int(below: priorities.count)]
                simulation.schedule("\(order)", at: time, priority: priority)
                expected.append((time, priority.rawValue, order, "\(order)"))
            }
            expected.sort { ($0.time, $0.priority, $0.order) < ($1.time, $1.priority, $1.order) }
            try simulation.runUntilEmpty()
            XCTAssertEqual(simulation.model.handled.map(\.label), expected.map(\.label), "seed \(seed)")
        }
    }

    /// A discharge at 10:00 frees the bed for the patient who arrives at 10:00, even though
    /// that arrival was on the event list before the discharge was scheduled.
    func testReleaseAtTenFreesTheBedForAnArrivalAtTenScheduledFirst() throws {
        let patients = [Ward.Patient(arrival: 0, stay: 10), Ward.Patient(arrival: 10, stay: 1)]
        var simulation = Ward.simulation(patients, beds: 1, queues: false)
        try simulation.runUntilEmpty()
        XCTAssertEqual(simulation.model.outOfArea, [], "the 10:00 arrival should get the bed freed at 10:00")
        XCTAssertEqual(simulation.model.admittedAt[1], 10)
        XCTAssertEqual(simulation.model.dischargedAt[0], 10)

        // Control: with discharges at normal priority the earlier-scheduled arrival runs first
        // and finds the bed still full. The rule, not luck, decides the outcome above.
        var control = Ward.simulation(patients, beds: 1, queues: false)
        control.model.dischargePriority = .normal
        try control.runUntilEmpty()
        XCTAssertEqual(control.model.outOfArea, [1])
    }

    /// A bed that opens at 10:00 is there for 10:00's arrival; one that closes at 10:00 is not
    /// handed to it.
    func testCapacityChangeAtTenComesBeforeTheArrivalAtTen() throws {
        var opening = Ward.simulation([Ward.Patient(arrival: 10, stay: 1)], beds: 0, queues: false)
        opening.schedule(.setCapacity(1), at: 10, priority: .capacityChange)
        try opening.runUntilEmpty()
        XCTAssertEqual(opening.model.admittedAt[0], 10)
        XCTAssertEqual(opening.model.outOfArea, [])

        var closing = Ward.simulation([Ward.Patient(arrival: 10, stay: 1)], beds: 1, queues: false)
        closing.schedule(.setCapacity(0), at: 10, priority: .capacityChange)
        try closing.runUntilEmpty()
        XCTAssertNil(closing.model.admittedAt[0])
        XCTAssertEqual(closing.model.outOfArea, [0])
    }

    /// A capacity change at 10:00 comes before a discharge at 10:00: closing the only bed at
    /// the moment its patient leaves means the waiting patient does not get it.
    func testCapacityChangeComesBeforeReleaseAtTheSameTime() throws {
        let patients = [Ward.Patient(arrival: 0, stay: 10), Ward.Patient(arrival: 1, stay: 1)]
        var simulation = Ward.simulation(patients, beds: 1, queues: true)
        // By 5:00 the 10:00 discharge is on the list; the closure is scheduled after it.
        try simulation.run(until: 5)
        simulation.schedule(.setCapacity(0), at: 10, priority: .capacityChange)
        simulation.schedule(.setCapacity(1), at: 12, priority: .capacityChange)
        try simulation.runUntilEmpty()
        XCTAssertEqual(simulation.model.dischargedAt[0], 10)
        XCTAssertEqual(simulation.model.admittedAt[1], 12, "the bed closed at 10:00 must not go to the waiting patient")
    }

    /// An observation at 10:00, scheduled before everything else at 10:00, sees the settled
    /// state: the bed freed, the waiting patient moved in, the new arrival queued.
    func testObservationSeesTheSettledState() throws {
        let patients = [
            Ward.Patient(arrival: 0, stay: 10), Ward.Patient(arrival: 1, stay: 5), Ward.Patient(arrival: 10, stay: 1),
        ]
        var simulation = Simulation(model: Ward(patients: patients, beds: 1, queues: true))
        simulation.schedule(.observe, at: 10, priority: .observation)
        for (index, patient) in patients.enumerated() { simulation.schedule(.arrive(patient: index), at: patient.arrival) }
        try simulation.runUntilEmpty()
        XCTAssertEqual(simulation.model.observations, [Ward.Observation(time: 10, inUse: 1, capacity: 1, waiting: 1)])
        XCTAssertEqual(simulation.model.admittedAt[1], 10)
        XCTAssertEqual(simulation.model.admittedAt[2], 15)
    }

    func testRunUntilStopsAtTheEndTimeAndCanContinue() throws {
        var simulation = Simulation(model: Recorder())
        for time in [1.0, 2, 3, 4] { simulation.schedule("t\(Int(time))", at: time) }
        try simulation.run(until: 2)
        XCTAssertEqual(simulation.model.handled.map(\.label), ["t1", "t2"], "events at the end time are handled")
        XCTAssertEqual(simulation.now, 2)
        XCTAssertEqual(simulation.scheduler.pendingCount, 2)
        try simulation.run(until: 2.5)
        XCTAssertEqual(simulation.now, 2.5, "the clock moves to the end time even without events")
        try simulation.run(until: 10)
        XCTAssertEqual(simulation.model.handled.map(\.label), ["t1", "t2", "t3", "t4"])
        XCTAssertEqual(simulation.scheduler.eventsHandled, 4)
        XCTAssertEqual(simulation.now, 10)
    }
}
