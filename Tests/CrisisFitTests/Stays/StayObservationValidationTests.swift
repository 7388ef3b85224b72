import CrisisFit
import XCTest

/// Bad observations are refused before any fitting, naming the observation and the fault.
final class StayObservationValidationTests: XCTestCase {
    private let good = StayObservation(entry: 0, exit: 5, censored: false, limit: 30)

    func testEachFaultIsNamedWithItsObservationIndex() {
        let cases: [(StayObservation, String)] = [
            (StayObservation(entry: -1, exit: 5, censored: false, limit: 30), "entry (-1.0 days) must be >= 0"),
            (StayObservation(entry: 5, exit: 5, censored: false, limit: 30), "exit (5.0 days) must be greater than entry (5.0 days)"),
            (StayObservation(entry: 6, exit: 5, censored: false, limit: 30), "must be greater than entry (6.0 days)"),
            (StayObservation(entry: 0, exit: 31, censored: false, limit: 30), "must not be beyond the window's end (limit 30.0 days)"),
            (StayObservation(entry: 0, exit: 20, censored: true, limit: 30), "exit (20.0 days) must equal limit (30.0 days)"),
            (StayObservation(entry: 0, exit: .nan, censored: false, limit: 30), "must be finite"),
            (StayObservation(entry: 0, exit: 5, censored: false, limit: .infinity), "must be finite"),
        ]
        for (bad, message) in cases {
            let stays = [good, good, bad, good]
            XCTAssertThrowsError(try StayFit.fit(stays, family: .lognormal)) { error in
                guard case let StayFitError.invalidObservation(index, _) = error else {
                    return XCTFail("expected invalidObservation, got \(error)")
                }
                XCTAssertEqual(index, 2)
                let text = "\(error)"
                XCTAssertTrue(text.hasPrefix("observation 2: "), text)
                XCTAssertTrue(text.contains(message), "\(text) should say \(message)")
            }
        }
    }

    func testEveryEntryPointValidates() {
        let stays = [good, StayObservation(entry: 0, exit: 40, censored: false, limit: 30)]
        XCTAssertThrowsError(try StayFit.compare(stays))
        XCTAssertThrowsError(try ProductLimitEstimate(stays))
        XCTAssertThrowsError(try EmpiricalStays(stays))
        XCTAssertThrowsError(try StayFit.select(stays, bootstrapReplications: 9))
    }

    func testNoObservationsIsRefused() {
        XCTAssertThrowsError(try StayFit.fit([], family: .exponential)) { error in
            XCTAssertEqual(error as? StayFitError, .noObservations)
        }
    }

    func testTooFewDischargesForTwoParametersIsExplained() throws {
        let stays = [
            StayObservation(exit: 5, censored: false, limit: 30),
            StayObservation(exit: 12, censored: true, limit: 12),
        ]
        XCTAssertThrowsError(try StayFit.fit(stays, family: .gamma)) { error in
            XCTAssertEqual(error as? StayFitError, .tooFewUncensoredStays(family: .gamma, needed: 2, found: 1))
        }
        // One discharge is enough for the exponential: mean = (5 + 12) / 1.
        XCTAssertEqual(try StayFit.fit(stays, family: .exponential).parameters[0].value, 17, accuracy: 1e-5)
        let comparison = try StayFit.compare(stays)
        XCTAssertEqual(comparison.fits.map(\.family), [.exponential])
        XCTAssertEqual(comparison.failures.map(\.family), [.lognormal, .gamma, .weibull])
    }
}
