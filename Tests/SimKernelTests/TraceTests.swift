import XCTest
import SimKernel

/// Hand-made traces: runs small enough to check line by line.
final class TraceTests: XCTestCase {
    /// Two patients, one bed: patient 0 arrives at 0 and stays 5 h; patient 1 arrives at 1,
    /// waits, gets the bed at 5 when patient 0 leaves, stays 3 h and leaves at 8.
    private let twoPatients = [Ward.Patient(arrival: 0, stay: 5), Ward.Patient(arrival: 1, stay: 3)]

    func testTwoPatientsOneBedTraceIsExact() throws {
        var simulation = Ward.simulation(twoPatients, beds: 1, queues: true, trace: EventTrace(enabled: true))
        try simulation.run(until: 10)
        let expected = [
            TraceRecord(time: 0, entity: 0, event: "arrive", resource: "bed"),
            TraceRecord(time: 0, entity: 0, event: "seize", resource: "bed"),
            TraceRecord(time: 1, entity: 1, event: "arrive", resource: "bed"),
            TraceRecord(time: 1, entity: 1, event: "queue", resource: "bed"),
            TraceRecord(time: 5, entity: 0, event: "release", resource: "bed"),
            TraceRecord(time: 5, entity: 1, event: "seize", resource: "bed"),
            TraceRecord(time: 8, entity: 1, event: "release", resource: "bed"),
        ]
        XCTAssertEqual(simulation.scheduler.trace.records, expected)
        XCTAssertEqual(simulation.scheduler.trace.dropped, 0)
        XCTAssertEqual(simulation.scheduler.eventsHandled, 4, "two arrivals and two discharges")
        XCTAssertEqual(simulation.scheduler.trace.records[3].description, "1.0\t#1\tqueue\tbed")
    }

    func testTwoPatientsOneBedStatistics() throws {
        var simulation = Ward.simulation(twoPatients, beds: 1, queues: true)
        try simulation.run(until: 10)
        let beds = simulation.model.beds
        // Only patient 1 queued: one wait, of 4 hours.
        XCTAssertEqual(beds.waitsServed.count, 1)
        XCTAssertEqual(beds.waitsServed.mean, 4)
        XCTAssertEqual(beds.waitsServed.sum, 4)
        // The bed is busy over [0, 8) and free over [8, 10): mean 0.8 over 10 h, 1 over 8 h.
        XCTAssertEqual(beds.busy.mean(at: 10), 0.8, accuracy: 1e-12)
        XCTAssertEqual(beds.busy.mean(at: 8), 1.0, accuracy: 1e-12)
        XCTAssertEqual(beds.busy.integral(at: 10), 8, accuracy: 1e-12)
        XCTAssertEqual(beds.busy.maximum, 1)
        XCTAssertEqual(beds.busy.level, 0)
        // One patient waits over [1, 5): 4 patient-hours, mean queue length 0.4 over 10 h.
        XCTAssertEqual(beds.waiting.integral(at: 10), 4, accuracy: 1e-12)
        XCTAssertEqual(beds.waiting.mean(at: 10), 0.4, accuracy: 1e-12)
        XCTAssertEqual(beds.waiting.maximum, 1)
        // Time at each occupancy level: 2 h empty, 8 h with the bed taken.
        let occupancy = beds.busy.levelDistribution(at: 10)!
        XCTAssertEqual(occupancy.weight(inBin: 0), 2, accuracy: 1e-12)
        XCTAssertEqual(occupancy.weight(inBin: 1), 8, accuracy: 1e-12)
        XCTAssertEqual(simulation.model.admittedAt, [0: 0, 1: 5])
        XCTAssertEqual(simulation.model.dischargedAt, [0: 5, 1: 8])
    }

    /// Statistics reset at the end of a warm-up count from then on; the state carries over.
    func testResetStatisticsForgetsTheWarmUpButKeepsTheState() throws {
        var simulation = Ward.simulation(twoPatients, beds: 1, queues: true)
        try simulation.run(until: 2)
        simulation.model.beds.resetStatistics(at: 2)
        try simulation.run(until: 10)
        let beds = simulation.model.beds
        XCTAssertEqual(beds.waitsServed.count, 1, "the wait ends after the reset, so it counts")
        XCTAssertEqual(beds.waitsServed.mean, 4)
        XCTAssertEqual(beds.busy.mean(at: 10), 6.0 / 8.0, accuracy: 1e-12)
        XCTAssertEqual(beds.waiting.integral(at: 10), 3, accuracy: 1e-12, "queue time in [2, 5) only")
    }

    func testTraceOffRecordsNothing() throws {
        var simulation = Ward.simulation(twoPatients, beds: 1, queues: true)
        try simulation.run(until: 10)
        XCTAssertFalse(simulation.scheduler.trace.isEnabled)
        XCTAssertEqual(simulation.scheduler.trace.records, [])
        XCTAssertEqual(simulation.scheduler.trace.dropped, 0)
        // The model ran all the same.
        XCTAssertEqual(simulation.model.dischargedAt[1], 8)
    }

    func testTraceLimitKeepsTheFirstRecordsAndCountsTheDropped() throws {
        var simulation = Ward.simulation(twoPatients, beds: 1, queues: true,
                                         trace: EventTrace(enabled: true, limit: 3))
        try simulation.run(until: 10)
        XCTAssertEqual(simulation.scheduler.trace.records, [
            TraceRecord(time: 0, entity: 0, event: "arrive", resource: "bed"),
            TraceRecord(time: 0, entity: 0, event: "seize", resource: "bed"),
            TraceRecord(time: 1, entity: 1, event: "arrive", resource: "bed"),
        ])
        XCTAssertEqual(simulation.scheduler.trace.dropped, 4)
    }

    func testRecordsWithoutAnEntityAndTheirDescription() {
        var trace = EventTrace(enabled: true)
        trace.record("capacity", resource: "bed", at: 2.5)
        trace.record("tick", at: 3)
        XCTAssertEqual(trace.records, [
            TraceRecord(time: 2.5, entity: -1, event: "capacity", resource: "bed"),
            TraceRecord(time: 3, entity: -1, event: "tick", resource: ""),
        ])
        XCTAssertEqual(trace.records[0].description, "2.5\t-\tcapacity\tbed")
    }
}
