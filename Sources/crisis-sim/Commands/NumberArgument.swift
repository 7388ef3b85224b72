import ArgumentParser
import CrisisScenario

/// Numbers on the command line, for `@Option(parsing: .unconditional, transform:)`: the
/// decimal forms a scenario file takes (`DecimalNumber`), never Swift's own parsers, which
/// read `0x10` as 16, `0x1p-1` as 0.5, and take `inf`, `nan` and a leading `+`. Each
/// command's validate() then checks the option's range.
enum NumberArgument {
    static func integer(_ text: String) throws -> Int {
        if let value = DecimalNumber.integer(text) { return value }
        guard let number = DecimalNumber.number(text) else {
            throw ValidationError(formRefusal("a whole number", examples: "20 or 1e3", text))
        }
        if number.isFinite, number.rounded() != number { throw ValidationError("must be a whole number") }
        throw ValidationError("must be a whole number between \(Int.min) and \(Int.max)")
    }

    static func number(_ text: String) throws -> Double {
        guard let value = DecimalNumber.number(text) else {
            throw ValidationError(formRefusal("a number", examples: "2, 0.5 or 1e-3", text))
        }
        // A decimal beyond a Double's range (1e999) reads as infinite.
        guard value.isFinite else { throw ValidationError("must be a finite number") }
        return value
    }

    /// "must be a number written in decimal, as in a scenario file (like 2, 0.5 or 1e-3):
    /// hexadecimal is not accepted: write it in decimal".
    static func formRefusal(_ what: String, examples: String, _ text: String) -> String {
        "must be \(what) written in decimal, as in a scenario file (like \(examples))"
            + (DecimalNumber.whyNot(text).map { ": " + $0 } ?? "")
    }
}
