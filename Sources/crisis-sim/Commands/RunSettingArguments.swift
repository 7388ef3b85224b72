import ArgumentParser
import CrisisScenario

/// Options that set a `run` value (`--replications`, `--seed`, `--horizon-days`,
/// `--warmup-days`) take their limits from the scenario schema's row for it, so the command
/// line allows exactly what a file allows.
///
/// For `@Option(parsing: .unconditional, transform:)`: unconditional parsing hands `-1` to
/// the transform as a value, where it is refused with the limit, instead of the parser taking
/// it for an option and reporting a missing value.
extension RunSettingLimit {
    func integerArgument(_ text: String) throws -> Int {
        guard let value = integer(text) else { throw ValidationError(refusal(text)) }
        return value
    }

    func numberArgument(_ text: String) throws -> Double {
        guard let value = number(text) else { throw ValidationError(refusal(text)) }
        return value
    }

    /// A master seed: the file's limit (0...Int.max), so any seed a command line takes can be
    /// written into a scenario file and give the same run.
    func seedArgument(_ text: String) throws -> UInt64 {
        UInt64(try integerArgument(text))
    }

    /// "must be an integer in [1, 100000], as run.replications is in a scenario file", with
    /// "written in decimal" and why, when `text` is not written as a file writes numbers
    /// (`DecimalNumber`): `0x10` for 16 days once ran.
    func refusal(_ text: String) -> String {
        guard DecimalNumber.number(text) == nil else { return "must be \(expectation), as run.\(key) is in a scenario file" }
        return "must be \(expectation) written in decimal, as run.\(key) is in a scenario file"
            + (DecimalNumber.whyNot(text).map { ": " + $0 } ?? "")
    }
}

/// A number of replications, or `auto`: as many as a stated precision needs.
enum ReplicationCount: Equatable {
    case fixed(Int)
    case auto

    static func argument(_ text: String) throws -> ReplicationCount {
        if text == "auto" { return .auto }
        guard let count = RunSettingLimit.replications.integer(text) else {
            throw ValidationError("must be `auto` or " + RunSettingLimit.replications.refusal(text).dropFirst("must be ".count))
        }
        return .fixed(count)
    }

    var isAuto: Bool { self == .auto }
}
