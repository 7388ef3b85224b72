import CrisisScenario

/// Values as the hand-written JSON files (summary.json, fit.json) write them, written one way
/// so both read back alike: JSON has no NaN or infinity, so an undefined value is null.
enum JSONText {
    static func number(_ value: Double) -> String { value.isFinite ? "\(value)" : "null" }
    static func string(_ text: String) -> String { QuotedString.quoted(text) }
}
