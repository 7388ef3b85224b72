import CrisisModel
import Foundation

/// The targets file that `calibrate --targets` reads and `targets` and `fit` write:
///
/// ```yaml
/// targets:
///   - kpi: admissions.total          # a KPI identifier (crisis-sim kpis)
///     stratum: all                   # optional: all, area:<name> or cohort:<name>
///     value: 1180                    # in the KPI's unit
///     standard_error: 34             # the value's uncertainty, same unit
///     weight: 1                      # optional multiplier on its share of the objective
///     source: "MHSDS MHS27, provider RXX, 2024-04 to 2025-03"
/// ```
///
/// Read with the scenario reader's limits and checks, every problem named by file, line,
/// column and key, all of them at once.
public enum TargetsFile {
    static let document = ScenarioFileReader.Document(
        name: "targets file", expected: "a mapping with a list of targets (targets: - kpi: ...)")

    /// Each target's keys, in the order the file writes them.
    static let keys = ["kpi", "stratum", "value", "standard_error", "weight", "source"]

    /// The targets in the file at `path`, or every problem found in it.
    public static func read(_ path: String) throws -> [CalibrationTarget] {
        let root = try ScenarioFileReader.read(path, namedAt: nil, document: document).get()
        var problems: [ScenarioProblem] = []
        func problem(_ node: ScenarioNode, _ keyPath: String, _ message: String) {
            problems.append(ScenarioProblem(location: node.location, keyPath: keyPath, message: message))
        }
        guard let entries = root.entries else {
            problem(root, "", "expected a mapping with a list of targets (targets: - kpi: ...), got \(root.written)")
            throw ScenarioError(problems: problems)
        }
        for entry in entries where entry.key != "targets" {
            problems.append(ScenarioProblem(location: entry.keyLocation, keyPath: entry.key,
                                            message: "unknown key" + Suggestion.hint(for: entry.key, among: ["targets"])))
        }
        guard let list = root.value(forKey: "targets") else {
            problem(root, "targets", "missing: the file lists its targets under `targets:`")
            throw ScenarioError(problems: problems)
        }
        guard let items = list.items, !items.isEmpty else {
            problem(list, "targets", "expected a list of at least one target, got \(list.written)")
            throw ScenarioError(problems: problems)
        }
        let kpis = CrisisSystem.kpiDefinitions.map(\.id)
        var targets: [CalibrationTarget] = []
        for (index, item) in items.enumerated() {
            let path = "targets.\(index)"
            guard let fields = item.entries else {
                problem(item, path, "expected a target (a mapping with kpi, value, standard_error, source), got \(item.written)")
                continue
            }
            for field in fields where !keys.contains(field.key) {
                problems.append(ScenarioProblem(location: field.keyLocation, keyPath: "\(path).\(field.key)",
                                                message: "unknown key" + Suggestion.hint(for: field.key, among: keys)))
            }
            func text(_ key: String, required: Bool) -> String? {
                guard let node = item.value(forKey: key) else {
                    if required { problem(item, "\(path).\(key)", "missing") }
                    return nil
                }
                guard let text = node.text, !text.isEmpty else {
                    problem(node, "\(path).\(key)", "expected a non-empty text, got \(node.written)")
                    return nil
                }
                if let refusal = ControlCharacters.refusal(of: text, expected: "a non-empty text", written: node.written,
                                                           lineBreaks: false) {
                    problem(node, "\(path).\(key)", refusal)
                    return nil
                }
                return text
            }
            func number(_ key: String, required: Bool, positive: Bool) -> Double? {
                guard let node = item.value(forKey: key) else {
                    if required { problem(item, "\(path).\(key)", "missing") }
                    return nil
                }
                guard case .number(let value) = node.scalar, value.isFinite else {
                    problem(node, "\(path).\(key)", "expected a finite number, got \(node.written)")
                    return nil
                }
                if positive, !(value > 0) {
                    problem(node, "\(path).\(key)", "expected a number above 0, got \(node.written)")
                    return nil
                }
                return value
            }
            let kpi = text("kpi", required: true)
            if let kpi, !kpis.contains(kpi), let node = item.value(forKey: "kpi") {
                problem(node, "\(path).kpi", "no such KPI '\(kpi)'"
                    + (Suggestion.closest(to: kpi, among: kpis).map { "; did you mean '\($0)'?" } ?? "")
                    + " (`crisis-sim kpis` lists every KPI)")
            }
            let stratum = text("stratum", required: false) ?? "all"
            let value = number("value", required: true, positive: false)
            let standardError = number("standard_error", required: true, positive: true)
            let weight = number("weight", required: false, positive: true) ?? 1
            let source = text("source", required: true)
            if let kpi, let value, let standardError, let source {
                targets.append(CalibrationTarget(kpi: kpi, stratum: stratum, value: value, standardError: standardError,
                                                 weight: weight, source: source, location: item.location))
            }
        }
        var seen: [String: SourceLocation] = [:]
        for target in targets {
            let key = "\(target.kpi) in \(target.stratum)"
            if let first = seen[key], let location = target.location {
                problems.append(ScenarioProblem(location: location, keyPath: "targets",
                                                message: "\(key) is already a target at \(first): give each KPI once per stratum"))
            }
            if let location = target.location { seen[key] = seen[key] ?? location }
        }
        guard problems.isEmpty else { throw ScenarioError(problems: problems) }
        return targets
    }

    /// The file's text: `header` as comment lines, then each target with its source. Values
    /// to six significant figures, far finer than any target's standard error.
    public static func text(_ targets: [CalibrationTarget], header: [String]) -> String {
        var lines = header.map { $0.isEmpty ? "#" : "# " + $0 }
        lines.append("targets:")
        for target in targets {
            let unit = target.definition?.unit ?? ""
            lines.append("  - kpi: \(target.kpi)" + (target.definition.map { "  # \($0.label)" } ?? ""))
            if target.stratum != "all" { lines.append("    stratum: \(QuotedString.quoted(target.stratum))") }
            lines.append("    value: \(figure(target.value))" + (unit.isEmpty ? "" : "  # \(unit)"))
            lines.append("    standard_error: \(figure(target.standardError))")
            if target.weight != 1 { lines.append("    weight: \(target.weight)") }
            lines.append("    source: \(QuotedString.quoted(target.source))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Six significant figures, as a scenario file reads a number (`743.509`, `1.2e-05`).
    static func figure(_ value: Double) -> String {
        String(format: "%.6g", value)
    }
}
