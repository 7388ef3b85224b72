@testable import CrisisExperiment
import XCTest

/// A field is quoted exactly when a spreadsheet would otherwise split it, and reads back as written.
final class CSVFieldTests: XCTestCase {
    func testOnlyFieldsWithSeparatorsQuotesOrLineBreaksAreQuotedAndAllReadBack() {
        let plain = ["oap.bed_days", "2,556".replacingOccurrences(of: ",", with: ""), "Out-of-area bed days", "café", ""]
        for text in plain { XCTAssertEqual(CSV.field(text), text, "no quotes needed: \(text)") }
        let needing = ["a,b", "say \"no\"", "two\nlines", "windows\r\nline", "lone\rreturn"]
        for text in needing { XCTAssertTrue(CSV.field(text).hasPrefix("\""), "must be quoted: \(text.debugDescription)") }
        XCTAssertEqual(CSV.field("say \"no\""), "\"say \"\"no\"\"\"")
        let line = (plain + needing).map(CSV.field).joined(separator: ",") + "\n"
        XCTAssertEqual(CSV.records(line), [plain + needing])
    }
}
