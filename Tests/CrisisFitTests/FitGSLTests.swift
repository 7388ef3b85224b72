@testable import CrisisFit
import CGSL
import XCTest

/// GSL reports errors as codes once the module has turned its aborting handler off.
final class FitGSLTests: XCTestCase {
    func testAnOutOfDomainCallReturnsAnErrorInsteadOfAborting() {
        XCTAssertTrue(FitGSL.errorHandlerDisabled)
        var result = gsl_sf_result()
        XCTAssertEqual(gsl_sf_lngamma_e(-1, &result), Int32(GSL_EDOM))
    }
}
