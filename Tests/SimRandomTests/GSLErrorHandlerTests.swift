import CGSL
import XCTest

@testable import SimRandom

/// GSL's default error handler calls abort(); SimRandom turns it off before any GSL use, so a
/// GSL domain error is a return value, not a crash of the test process.
final class GSLErrorHandlerTests: XCTestCase {
    /// After a RandomStream exists, GSL's handler is installed (not the default null handler,
    /// which aborts) and GSL functions report domain errors by their return value.
    func testDomainErrorsReturnInsteadOfAborting() {
        let stream = RandomStreams(masterSeed: 1, replication: 0).stream("any")
        _ = stream.uniform()

        // gsl_set_error_handler returns the handler it replaces; put it straight back.
        let current = gsl_set_error_handler(nil)
        gsl_set_error_handler(current)
        XCTAssertNotNil(current, "GSL would abort on the next error")

        // Zero events: GSL_EINVAL. With the handler on this aborts the process.
        XCTAssertNil(gsl_ran_discrete_preproc(0, nil))
        let negative: [Double] = [1, -1]
        XCTAssertNil(negative.withUnsafeBufferPointer { gsl_ran_discrete_preproc($0.count, $0.baseAddress) })
        // A CDF domain error returns NaN.
        XCTAssert(gsl_cdf_tdist_Pinv(0.975, -1).isNaN)
    }

    /// Bad weights become a Swift error before or instead of a GSL abort.
    func testWeightedChoiceThrowsForBadWeights() {
        XCTAssertThrowsError(try WeightedChoice(weights: [1, -2, 3]))
        XCTAssertThrowsError(try WeightedChoice(weights: []))
    }

    /// The chi-square critical values the suite uses, against GSL's quantile function.
    func testChiSquareTableMatchesGSL() {
        for (df, value) in chiSquareCritical999 {
            XCTAssertEqual(gsl_cdf_chisq_Qinv(0.001, Double(df)), value, accuracy: 1e-3, "df \(df)")
        }
    }
}
