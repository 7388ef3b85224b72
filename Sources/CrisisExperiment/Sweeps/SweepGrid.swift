/// One varied parameter of a sweep: a scenario key path and the values it takes.
public struct SweepAxis: Sendable, Equatable {
    /// A key path as `--set` takes it (`areas.Northshire.beds`).
    public let key: String
    /// Each value as text, to the precision it was written in (`80`, `0.25`): what is set.
    public let values: [String]

    /// The values as numbers, for charts.
    public var numbers: [Double] { values.map { Double($0) ?? .nan } }
}

/// The points a sweep runs: every combination of its axes' values, the last axis varying
/// fastest (nested loops in the order the `--vary` options were given).
public struct SweepGrid: Sendable, Equatable {
    /// Most points a sweep may have: each runs every replication.
    public static let maximumPoints = 10_000

    public let axes: [SweepAxis]

    public init(axes: [SweepAxis]) { self.axes = axes }

    /// Every point, as one value index per axis.
    public var points: [[Int]] {
        axes.reduce([[]]) { partial, axis in partial.flatMap { prefix in axis.values.indices.map { prefix + [$0] } } }
    }

    /// The values at `point`, one per axis.
    public func values(at point: [Int]) -> [String] { zip(axes, point).map { $0.values[$1] } }

    /// The `--set` assignments that make `point`.
    public func assignments(at point: [Int]) -> [String] { zip(axes, point).map { "\($0.key)=\($0.values[$1])" } }

    /// Parses `--vary` arguments, `KEY=LOW...HIGH:STEP` each, reporting every problem at once.
    public static func parse(_ arguments: [String]) throws(ArgumentProblems) -> SweepGrid {
        var axes: [SweepAxis] = []
        var problems: [String] = []
        if arguments.isEmpty { problems.append("give at least one --vary KEY=LOW...HIGH:STEP, e.g. --vary areas.Northshire.beds=80...120:5") }
        for argument in arguments {
            switch axis(argument) {
            case .success(let axis):
                if axes.contains(where: { $0.key == axis.key }) {
                    problems.append("--vary \(argument): \(axis.key) is already varied by an earlier --vary")
                } else {
                    axes.append(axis)
                }
            case .failure(let error):
                problems += error.problems
            }
        }
        let total = axes.reduce(1.0) { $0 * Double($1.values.count) }
        if problems.isEmpty, total > Double(maximumPoints) {
            problems.append("the grid has \(Int(total)) points (\(axes.map { String($0.values.count) }.joined(separator: " x "))); "
                + "at most \(maximumPoints): use larger steps or fewer parameters")
        }
        guard problems.isEmpty else { throw ArgumentProblems(problems: problems) }
        return SweepGrid(axes: axes)
    }

    /// Parses one `KEY=LOW...HIGH:STEP`.
    public static func axis(_ argument: String) -> Result<SweepAxis, ArgumentProblems> {
        func failure(_ message: String) -> Result<SweepAxis, ArgumentProblems> {
            .failure(ArgumentProblems(problems: ["--vary \(argument): \(message)"]))
        }
        let example = "e.g. areas.Northshire.beds=80...120:5"
        guard let equals = argument.firstIndex(of: "=") else {
            return failure("expected KEY=LOW...HIGH:STEP, \(example)")
        }
        let key = String(argument[..<equals])
        let range = String(argument[argument.index(after: equals)...])
        guard !key.isEmpty, !key.contains(where: { $0 == " " || $0 == "\t" }),
              !key.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) else {
            return failure("'\(key)' is not a key path; expected one like areas.Northshire.beds or crht.assessors")
        }
        if key == "run" || key.hasPrefix("run.") {
            return failure("\(key) cannot be varied: every point runs the same replications, seed and run length "
                + "(common random numbers); set them with --replications, --seed, --horizon-days, --warmup-days")
        }
        guard let dots = range.range(of: "...") else {
            return failure("expected LOW...HIGH:STEP after '=', e.g. 80...120:5; got '\(range)'")
        }
        let low = String(range[..<dots.lowerBound])
        let rest = range[dots.upperBound...]
        guard let colon = rest.lastIndex(of: ":") else {
            return failure("missing :STEP after HIGH, e.g. \(key)=\(low.isEmpty ? "80" : low)...\(rest.isEmpty ? "120" : rest):5")
        }
        let high = String(rest[..<colon])
        let step = String(rest[rest.index(after: colon)...])
        var problems: [String] = []
        var numbers: [Double] = []
        for (name, text) in [("LOW", low), ("HIGH", high), ("STEP", step)] {
            if let value = plainDecimal(text) {
                numbers.append(value)
            } else {
                problems.append("\(name) '\(text)' is not a plain decimal number (like 80, -2 or 0.25)")
            }
        }
        guard problems.isEmpty else { return .failure(ArgumentProblems(problems: problems.map { "--vary \(argument): \($0)" })) }
        let (lowValue, highValue, stepValue) = (numbers[0], numbers[1], numbers[2])
        guard stepValue > 0 else { return failure("STEP must be greater than 0, got \(step)") }
        guard highValue >= lowValue else { return failure("HIGH (\(high)) is below LOW (\(low))") }
        let steps = (highValue - lowValue) / stepValue
        let whole = steps.rounded()
        guard whole < Double(maximumPoints) else {
            return failure("\(Int(whole) + 1) values; at most \(maximumPoints) points in a sweep")
        }
        guard abs(steps - whole) <= 1e-9 * max(1, steps) else {
            return failure("\(high) is not reached from \(low) in steps of \(step) (the values would stop at "
                + "\(format(lowValue + steps.rounded(.down) * stepValue, decimals: [low, high, step].map(decimals).max()!))); "
                + "choose a STEP that divides HIGH - LOW")
        }
        let places = [low, high, step].map(decimals).max()!
        let values = (0...Int(whole)).map { format(lowValue + Double($0) * stepValue, decimals: places) }
        return .success(SweepAxis(key: key, values: values))
    }

    /// Digits, at most one point, an optional leading minus: no exponents, so the written
    /// precision is plain to see and to repeat.
    public static func plainDecimal(_ text: String) -> Double? {
        let body = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              body.filter({ $0 == "." }).count <= 1, body.contains(where: \.isNumber),
              let value = Double(text), value.isFinite else { return nil }
        return value
    }

    private static func decimals(_ text: String) -> Int {
        guard let point = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: point, to: text.endIndex) - 1
    }

    private static func format(_ value: Double, decimals: Int) -> String {
        let text = NumberFormat.fixed(value, decimals)
        return text.hasPrefix("-") && (Double(text) ?? 1) == 0 ? String(text.dropFirst()) : text
    }
}
