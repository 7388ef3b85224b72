import XCTest
import SimKernel

/// The kernel's checkpoints: a run that loops at one instant is stopped with the loop named,
/// a long same-instant burst that ends is not, and a stop request is honoured mid-run.
final class CheckpointTests: XCTestCase {
    /// Admission and discharge, each scheduling the other after `delay` hours; a burst of
    /// `burst` zero-delay events first, when asked.
    private enum Step { case admitted, discharged, burst(Int) }

    private struct Ward: SimulationModel {
        var delay: Double
        mutating func handle(_ event: Step, scheduler: inout Scheduler<Step>) {
            switch event {
            case .admitted: scheduler.schedule(.discharged, after: delay)
            case .discharged: scheduler.schedule(.admitted, after: delay)
            case .burst(let left): if left > 0 { scheduler.schedule(.burst(left - 1), after: 0) }
            }
        }
    }

    func testALoopAtOneInstantIsStoppedAndNamed() {
        XCTAssertGreaterThanOrEqual(Checkpoint.defaultStalledEventLimit, 10_000_000)
        var simulation = Simulation(model: Ward(delay: 0), stalledEventLimit: 1_000_000)
        simulation.schedule(.admitted, at: 5)
        XCTAssertThrowsError(try simulation.run(until: 24)) { error in
            guard case .zeroTimeLoop(let loop) = error as? SimulationStop else { return XCTFail("\(error)") }
            XCTAssertEqual(loop.atHour, 5)
            XCTAssertGreaterThanOrEqual(loop.events, 1_000_000)
            XCTAssertEqual(Set(loop.cycle), ["admitted", "discharged"])
            XCTAssertEqual(loop.cycle.count, 2)
            XCTAssertTrue(loop.description.contains("admitted -> discharged -> admitted")
                              || loop.description.contains("discharged -> admitted -> discharged"), loop.description)
        }
        XCTAssertEqual(simulation.now, 5, "the clock stays where the loop was")
    }

    /// Just under the limit at one instant, then time moves on: no stop.
    func testABurstAtOneInstantThatEndsIsNotStopped() throws {
        var simulation = Simulation(model: Ward(delay: 1), stalledEventLimit: 1_100_000)
        simulation.schedule(.burst(1_000_000), at: 3)
        simulation.schedule(.admitted, at: 3)
        try simulation.run(until: 100)
        XCTAssertGreaterThan(simulation.scheduler.eventsHandled, 1_000_000)
    }

    func testAStopRequestStopsARunMidway() {
        nonisolated(unsafe) var asked = 0
        var simulation = Simulation(model: Ward(delay: 0.001)) {
            asked += 1
            return asked == 3
        }
        simulation.schedule(.admitted, at: 0)
        XCTAssertThrowsError(try simulation.run(until: 1_000_000)) { error in
            guard case .interrupted(let hour) = error as? SimulationStop else { return XCTFail("\(error)") }
            XCTAssertLessThan(hour, 1_000, "stopped after about 3 x 65,536 events, not at the end")
        }
        XCTAssertEqual(simulation.scheduler.eventsHandled, 3 << 16)
    }
}
