import Foundation

/// A scenario key whose value calibration searches for, between bounds the planner gives
/// (`--free beds.delayed_discharge_probability=0.05...0.4`).
///
/// The simplex works on an unbounded scale, u = logit of the value's place in [low, high], so
/// every candidate it tries is inside the bounds without a penalty that would bend the
/// objective; results are reported on the key's own scale.
public struct FreeParameter: Sendable, Equatable {
    /// A key path as `--set` takes it.
    public let key: String
    public let low: Double
    public let high: Double

    public init(key: String, low: Double, high: Double) {
        precondition(high > low, "an interval, not a point")
        self.key = key
        self.low = low
        self.high = high
    }

    /// The key's value at place `fraction` of the way from `low` to `high`.
    public func value(atFraction fraction: Double) -> Double { low + (high - low) * fraction }

    /// Where `value` lies between `low` (0) and `high` (1).
    public func fraction(of value: Double) -> Double { (value - low) / (high - low) }

    /// The key's value for the simplex's coordinate `u`: the logistic function of it, scaled.
    func value(unbounded u: Double) -> Double { value(atFraction: 1 / (1 + Foundation.exp(-u))) }

    /// The simplex's coordinate for `value`, kept a little inside the bounds (a start at a
    /// bound would be infinitely far away on the unbounded scale).
    func unbounded(_ value: Double) -> Double {
        let p = min(max(fraction(of: value), 0.01), 0.99)
        return Foundation.log(p / (1 - p))
    }

    /// Parses `KEY=LOW...HIGH`, reporting what is wrong in the terms the user typed.
    public static func parse(_ argument: String) -> Result<FreeParameter, ArgumentProblems> {
        func failure(_ message: String) -> Result<FreeParameter, ArgumentProblems> {
            .failure(ArgumentProblems(problems: ["--free \(argument): \(message)"]))
        }
        guard let equals = argument.firstIndex(of: "=") else {
            return failure("expected KEY=LOW...HIGH, e.g. beds.delayed_discharge_probability=0.05...0.4")
        }
        let key = String(argument[..<equals]), range = argument[argument.index(after: equals)...]
        guard !key.isEmpty, !key.contains(where: { $0 == " " || $0 == "\t" }),
              !key.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) else {
            return failure("'\(key)' is not a key path; expected one like beds.delayed_discharge_probability")
        }
        if key == "run" || key.hasPrefix("run.") {
            return failure("\(key) cannot be calibrated: it says how the model is run, not what it models")
        }
        guard let dots = range.range(of: "...") else {
            return failure("expected LOW...HIGH after '=', e.g. 0.05...0.4; got '\(range)'")
        }
        let lowText = String(range[..<dots.lowerBound]), highText = String(range[dots.upperBound...])
        var problems: [String] = []
        let low = SweepGrid.plainDecimal(lowText), high = SweepGrid.plainDecimal(highText)
        if low == nil { problems.append("LOW '\(lowText)' is not a plain decimal number (like 80, -2 or 0.25)") }
        if high == nil { problems.append("HIGH '\(highText)' is not a plain decimal number (like 80, -2 or 0.25)") }
        guard let low, let high else {
            return .failure(ArgumentProblems(problems: problems.map { "--free \(argument): \($0)" }))
        }
        guard high > low else { return failure("HIGH (\(highText)) must be above LOW (\(lowText))") }
        return .success(FreeParameter(key: key, low: low, high: high))
    }

    /// Parses every `--free`, reporting every problem at once; a key may be free only once.
    public static func parse(_ arguments: [String]) throws(ArgumentProblems) -> [FreeParameter] {
        var parameters: [FreeParameter] = []
        var problems: [String] = []
        if arguments.isEmpty {
            problems.append("give at least one --free KEY=LOW...HIGH, e.g. --free beds.delayed_discharge_probability=0.05...0.4")
        }
        for argument in arguments {
            switch parse(argument) {
            case .success(let parameter):
                if parameters.contains(where: { $0.key == parameter.key }) {
                    problems.append("--free \(argument): \(parameter.key) is already free by an earlier --free")
                } else {
                    parameters.append(parameter)
                }
            case .failure(let error):
                problems += error.problems
            }
        }
        guard problems.isEmpty else { throw ArgumentProblems(problems: problems) }
        return parameters
    }
}
