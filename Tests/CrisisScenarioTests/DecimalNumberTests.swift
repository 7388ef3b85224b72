import XCTest
@testable import CrisisScenario

/// One grammar for numbers, in files and on the command line: decimal, nothing else.
final class DecimalNumberTests: XCTestCase {
    func testTheDecimalForms() {
        let numbers: [String: Double] = ["0": 0, "-2": -2, "500000": 500_000, "0.25": 0.25, ".5": 0.5, "5.": 5,
                                         "1e-3": 0.001, "2E+6": 2_000_000, "-1.5e2": -150, "010": 10]
        for (text, value) in numbers {
            XCTAssertEqual(DecimalNumber.number(text), value, text)
        }
        for text in ["", "-", ".", "+5", "+.5", "0x10", "0x1p-1", "0X1P3", "inf", "-inf", "nan", "Infinity", "1_000",
                     " 5", "5 ", "1e", "1e+", "e5", "1.2.3", "--1", "1-", "٥", "５", "1,5"] {
            XCTAssertNil(DecimalNumber.number(text), text)
            XCTAssertNil(DecimalNumber.integer(text), text)
        }
        XCTAssertEqual(DecimalNumber.number("1e999"), .infinity, "too large for a Double: infinite, for the caller's limit")
    }

    func testIntegersAreExactOrWholeDecimals() {
        XCTAssertEqual(DecimalNumber.integer("9223372036854775807"), Int.max, "a seed needs all 63 bits")
        XCTAssertEqual(DecimalNumber.integer("1e3"), 1_000)
        XCTAssertEqual(DecimalNumber.integer("20.0"), 20)
        XCTAssertNil(DecimalNumber.integer("2.5"))
        XCTAssertNil(DecimalNumber.integer("9223372036854775808"))
        XCTAssertNil(DecimalNumber.integer("1e19"))
    }

    func testWhatLooksLikeANumberSaysWhyItIsNot() {
        XCTAssertEqual(DecimalNumber.whyNot("+5"), "write it without the leading +")
        XCTAssertEqual(DecimalNumber.whyNot("0x10"), "hexadecimal is not accepted: write it in decimal")
        XCTAssertEqual(DecimalNumber.whyNot("-0X1p3"), "hexadecimal is not accepted: write it in decimal")
        XCTAssertEqual(DecimalNumber.whyNot("+.inf"), "it is not a finite number")
        XCTAssertEqual(DecimalNumber.whyNot("NaN"), "it is not a finite number")
        XCTAssertNil(DecimalNumber.whyNot("many"))
    }

    /// A file refuses a leading + as the command line does (YAML's core schema would read
    /// `+5` as 5), saying why.
    func testAScenarioFileRefusesALeadingPlus() {
        let baseline = Paths.scenario("baseline.yaml")
        let found = problems(baseline, overrides: ["run.replications=+5", "run.seed=0x10", "run.horizon_days=+1e2",
                                                   "crht.response_hours={type: fixed, value: +1}"])
        XCTAssertEqual(found.map(\.keyPath), ["run.replications", "run.seed", "run.horizon_days", "crht.response_hours.value"])
        XCTAssertEqual(found.map(\.message), [
            "expected an integer in [1, 100000], got +5: write it without the leading +",
            "expected an integer in [0, 9223372036854775807], got 0x10: hexadecimal is not accepted: write it in decimal",
            "expected a number in [1, 36500], got +1e2: write it without the leading +",
            "expected a number, got +1: write it without the leading +",
        ])
        // Quoted, it is text, meant as text: no hint about numbers.
        XCTAssertEqual(problems(baseline, overrides: ["run.replications=\"+5\""]).map(\.message),
                       ["expected an integer in [1, 100000], got \"+5\""])
    }
}
