import CrisisModel
import CrisisScenario

/// A condition a plan must meet: a KPI at most or at least a value (`oap.bed_days<=500`,
/// `crht.response_within_4h>=90`), judged on the whole system.
public struct PlanTarget: Sendable, Equatable, CustomStringConvertible {
    public enum Direction: String, Sendable {
        case atMost = "<="
        case atLeast = ">="
    }

    public let kpi: String
    public let direction: Direction
    public let bound: Double

    public init(kpi: String, direction: Direction, bound: Double) {
        self.kpi = kpi
        self.direction = direction
        self.bound = bound
    }

    public var description: String { "\(kpi)\(direction.rawValue)\(NumberFormat.exact(bound))" }

    /// Whether `value` meets the target.
    public func isMet(by value: Double) -> Bool {
        direction == .atMost ? value <= bound : value >= bound
    }

    /// Parses `KPI<=VALUE` or `KPI>=VALUE`.
    public static func parse(_ argument: String) -> Result<PlanTarget, ArgumentProblems> {
        func failure(_ message: String) -> Result<PlanTarget, ArgumentProblems> {
            .failure(ArgumentProblems(problems: ["--target \(argument): \(message)"]))
        }
        let direction: Direction
        let range: Range<String.Index>
        if let at = argument.range(of: "<=") {
            (direction, range) = (.atMost, at)
        } else if let at = argument.range(of: ">=") {
            (direction, range) = (.atLeast, at)
        } else {
            return failure("expected KPI<=VALUE or KPI>=VALUE, e.g. 'oap.bed_days<=500' (quote it: the shell reads < and >)")
        }
        let kpi = String(argument[..<range.lowerBound]).trimmingCharacters(in: [" "])
        let text = String(argument[range.upperBound...]).trimmingCharacters(in: [" "])
        let ids = CrisisSystem.kpiDefinitions.map(\.id)
        guard ids.contains(kpi) else {
            return failure("no such KPI '\(kpi)'" + (Suggestion.closest(to: kpi, among: ids).map { "; did you mean '\($0)'?" } ?? "")
                + " (`crisis-sim kpis` lists every KPI)")
        }
        guard let bound = SweepGrid.plainDecimal(text) else {
            return failure("'\(text)' is not a plain decimal number (like 500, 0.5 or 90)")
        }
        return .success(PlanTarget(kpi: kpi, direction: direction, bound: bound))
    }
}
