import Foundation
import XCTest
import SimKernel

/// The closed forms the simulation is checked against, checked in turn against published
/// values and against the textbook definitions computed another way.
final class QueueingFormulaTests: XCTestCase {
    /// Erlang B from its definition, (A^c / c!) / Σ_{k<=c} A^k / k!, summed in log space
    /// (lgamma) so that c = 200 does not overflow.
    private func erlangBByDefinition(servers c: Int, load a: Double) -> Double {
        let logTerms = (0...c).map { k in Double(k) * log(a) - lgamma(Double(k + 1)) }
        let top = logTerms.max()!
        let sum = logTerms.reduce(0) { $0 + exp($1 - top) }
        return exp(logTerms[c] - top) / sum
    }

    /// Erlang C from its definition: P(wait) = (A^c/c! · c/(c−A)) / (Σ_{k<c} A^k/k! + A^c/c! · c/(c−A)).
    private func erlangCByDefinition(servers c: Int, load a: Double) -> Double {
        let logTerms = (0...c).map { k in Double(k) * log(a) - lgamma(Double(k + 1)) }
        let top = logTerms.max()!
        let below = logTerms[0..<c].reduce(0) { $0 + exp($1 - top) }
        let waiting = exp(logTerms[c] - top) * Double(c) / (Double(c) - a)
        return waiting / (below + waiting)
    }

    // MARK: Published values

    /// The bench notes: 100 beds offered 95 erlangs lose 4.88% of bed requests.
    func testErlangBForTheBenchmarkBedPool() {
        XCTAssertEqual(QueueingFormulas.erlangB(servers: 100, load: 95), 0.0488, accuracy: 0.00005)
    }

    /// "At offered load 0.85 × beds the blocking is 8.6% (20 beds), 3.4% (50), 1.2% (100)":
    /// economies of scale, to the published rounding.
    func testBlockingAtEightyFivePercentLoadFallsWithPoolSize() {
        XCTAssertEqual(QueueingFormulas.erlangB(servers: 20, load: 17), 0.086, accuracy: 0.0005)
        XCTAssertEqual(QueueingFormulas.erlangB(servers: 50, load: 42.5), 0.034, accuracy: 0.0005)
        XCTAssertEqual(QueueingFormulas.erlangB(servers: 100, load: 85), 0.012, accuracy: 0.0005)
    }

    /// Standard Erlang B table entries and small cases by hand.
    func testErlangBTableValuesAndSmallCases() {
        XCTAssertEqual(QueueingFormulas.erlangB(servers: 10, load: 5), 0.01838, accuracy: 0.000005)
        XCTAssertEqual(QueueingFormulas.erlangB(servers: 1, load: 3), 0.75, accuracy: 1e-15, "A / (1 + A)")
        XCTAssertEqual(QueueingFormulas.erlangB(servers: 2, load: 1), 0.2, accuracy: 1e-15, "(1/2) / (1 + 1 + 1/2)")
        XCTAssertEqual(QueueingFormulas.erlangB(servers: 0, load: 4), 1, "no servers: everyone is lost")
        XCTAssertEqual(QueueingFormulas.erlangB(servers: 5, load: 0), 0, "no load: nobody is lost")
    }

    func testErlangBAgreesWithItsDefinition() {
        for servers in [1, 2, 5, 20, 50, 100, 200] {
            for loadPerServer in [0.1, 0.5, 0.85, 0.95, 1.0, 1.5] {
                let load = loadPerServer * Double(servers)
                XCTAssertEqual(QueueingFormulas.erlangB(servers: servers, load: load),
                               erlangBByDefinition(servers: servers, load: load),
                               accuracy: 1e-12 * max(1, erlangBByDefinition(servers: servers, load: load)),
                               "B(\(servers), \(load))")
            }
        }
    }

    func testErlangBFallsWithServersAndRisesWithLoad() {
        for servers in 1..<60 {
            XCTAssertLessThan(QueueingFormulas.erlangB(servers: servers + 1, load: 30),
                              QueueingFormulas.erlangB(servers: servers, load: 30))
            XCTAssertLessThan(QueueingFormulas.erlangB(servers: servers, load: 30),
                              QueueingFormulas.erlangB(servers: servers, load: 31))
        }
    }

    // MARK: Waiting systems

    func testErlangCAgreesWithItsDefinition() {
        for servers in [1, 2, 5, 20, 100] {
            for loadPerServer in [0.1, 0.5, 0.8, 0.95, 0.99] {
                let load = loadPerServer * Double(servers)
                XCTAssertEqual(QueueingFormulas.erlangC(servers: servers, load: load),
                               erlangCByDefinition(servers: servers, load: load), accuracy: 1e-12,
                               "C(\(servers), \(load))")
            }
        }
        // M/M/1: the probability of waiting is the utilisation.
        XCTAssertEqual(QueueingFormulas.erlangC(servers: 1, load: 0.7), 0.7, accuracy: 1e-15)
        // c = 5, A = 4: 0.5541 (Erlang C table).
        XCTAssertEqual(QueueingFormulas.erlangC(servers: 5, load: 4), 0.5541, accuracy: 0.00005)
        // Waiting is likelier than loss at the same load.
        XCTAssertGreaterThan(QueueingFormulas.erlangC(servers: 5, load: 4), QueueingFormulas.erlangB(servers: 5, load: 4))
    }

    func testUnstableQueuesWaitForEver() {
        XCTAssertEqual(QueueingFormulas.erlangC(servers: 5, load: 5), 1)
        XCTAssertEqual(QueueingFormulas.erlangC(servers: 5, load: 7), 1)
        XCTAssertEqual(QueueingFormulas.mmcMeanWait(servers: 5, arrivalRate: 5, meanService: 1), .infinity)
        XCTAssertEqual(QueueingFormulas.mmcMeanWait(servers: 1, arrivalRate: 2, meanService: 1), .infinity)
    }

    /// M/M/1: Wq = ρ / (μ − λ). M/M/c: Wq = C(c, A) · E[S] / (c − A).
    func testMeanWaitInQueue() {
        for (lambda, mu) in [(0.5, 1.0), (0.6, 1.0), (0.9, 1.0), (3.0, 4.0)] {
            let rho = lambda / mu
            XCTAssertEqual(QueueingFormulas.mmcMeanWait(servers: 1, arrivalRate: lambda, meanService: 1 / mu),
                           rho / (mu - lambda), accuracy: 1e-12)
        }
        XCTAssertEqual(QueueingFormulas.mmcMeanWait(servers: 5, arrivalRate: 4, meanService: 1), 0.5541, accuracy: 0.00005)
        // Hours in, hours out: two-hour services at 2 an hour is the same load, twice the wait.
        XCTAssertEqual(QueueingFormulas.mmcMeanWait(servers: 5, arrivalRate: 2, meanService: 2),
                       2 * QueueingFormulas.mmcMeanWait(servers: 5, arrivalRate: 4, meanService: 1), accuracy: 1e-12)
    }

    func testLossSystemOccupancyIsCarriedLoad() {
        // 95 erlangs offered, 4.88% lost: 90.36 beds occupied on average.
        XCTAssertEqual(QueueingFormulas.lossSystemOccupancy(servers: 100, load: 95), 90.36, accuracy: 0.005)
        XCTAssertEqual(QueueingFormulas.lossSystemOccupancy(servers: 1, load: 3), 0.75, accuracy: 1e-15)
    }
}
