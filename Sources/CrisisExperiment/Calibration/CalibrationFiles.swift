import CrisisModel
import CrisisScenario
import Foundation

/// calibrated.yaml: a scenario that `extends` the one calibrated and sets the free keys to
/// their calibrated values, each under a comment with its bounds, interval and verdict, so
/// the file says how far each value can be trusted.
public enum CalibratedScenarioFile {
    public static let fileName = "calibrated.yaml"

    public static func text(_ result: CalibrationResult, targetsFile: String, folder: URL) -> String {
        let problem = result.problem
        var lines = [
            "# Calibrated by `crisis-sim calibrate` to \(problem.targets.count) targets in \(targetsFile):",
            "# \(result.evaluations) candidates x \(problem.replications) replications of \(NumberFormat.days(problem.length.horizonDays)) days "
                + "(seed \(problem.seed), common random numbers);",
            "# objective \(NumberFormat.readable(result.startObjective)) at the start, \(NumberFormat.readable(result.objectiveValue)) here. "
                + "calibration.csv has the model against each target.",
        ]
        if !problem.overrides.isEmpty {
            lines.append("# Run with --set \(problem.overrides.joined(separator: " --set ")), written under `set` too.")
        }
        lines += [
            "extends: \(QuotedString.quoted(FittedScenarioFile.relativePath(from: folder, to: problem.scenario)))",
            "description: \(QuotedString.quoted("Calibrated to \(URL(fileURLWithPath: targetsFile).lastPathComponent)."))",
            "",
            "set:",
        ]
        for override in problem.overrides {
            let equals = override.firstIndex(of: "=") ?? override.endIndex
            let value = equals < override.endIndex ? String(override[override.index(after: equals)...]) : ""
            lines.append("  \(override[..<equals]): \(value)")
        }
        for (parameter, identification) in zip(problem.free, result.identification) {
            let interval = identification.lower.map { lower in
                "; 95% interval \(NumberFormat.significant(lower, 3)) to \(NumberFormat.significant(identification.upper!, 3))"
            } ?? ""
            lines.append("  # searched \(NumberFormat.exact(parameter.low)) to \(NumberFormat.exact(parameter.high))\(interval); "
                + identification.explanation)
            lines.append("  \(parameter.key): \(NumberFormat.exact(identification.value))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// calibration.csv: the model against each target at the calibrated values, a row per target.
public enum CalibrationCSV: CSVFormat {
    public static let fileName = "calibration.csv"

    public enum Column: String, CaseIterable, Sendable {
        case kpi, stratum, unit, target, targetStandardError = "target_standard_error", weight
        case model = "model_mean", modelLower = "model_ci95_low", modelUpper = "model_ci95_high"
        case standardisedDifference = "standardised_difference", startModel = "start_model_mean", source
    }

    public static func text(_ result: CalibrationResult) -> String {
        var lines = [header]
        let differences = result.differences
        for (k, target) in result.problem.targets.enumerated() {
            let model = result.model[k]
            lines.append(Column.allCases.map { column in
                switch column {
                case .kpi: CSV.field(target.kpi)
                case .stratum: CSV.field(target.stratum)
                case .unit: CSV.field(model.unit)
                case .target: NumberFormat.cell(target.value)
                case .targetStandardError: NumberFormat.cell(target.standardError)
                case .weight: NumberFormat.cell(target.weight)
                case .model: NumberFormat.cell(model.mean)
                case .modelLower: NumberFormat.cell(model.lower)
                case .modelUpper: NumberFormat.cell(model.upper)
                case .standardisedDifference: NumberFormat.cell(differences[k])
                case .startModel: NumberFormat.cell(result.startModel[k].mean)
                case .source: CSV.field(target.source)
                }
            }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// calibration.json: everything a calibration found, for a researcher or another program.
public enum CalibrationJSON {
    public static let fileName = "calibration.json"

    public static func text(_ result: CalibrationResult, targetsFile: String) -> String {
        let problem = result.problem
        func number(_ value: Double) -> String { JSONText.number(value) }
        func string(_ text: String) -> String { JSONText.string(text) }
        var fields = [
            "\"tool\": \"crisis-sim\"",
            "\"version\": \(string(RunProvenance.toolVersion))",
            "\"scenario\": \(string(problem.scenario))",
            "\"set\": [" + problem.overrides.map(string).joined(separator: ", ") + "]",
            "\"targets_file\": \(string(targetsFile))",
            "\"seed\": \(problem.seed)",
            "\"generator\": \(string(problem.generator.rawValue))",
            "\"replications\": \(problem.replications)",
            "\"warmup_days\": \(number(problem.length.warmupDays))",
            "\"horizon_days\": \(number(problem.length.horizonDays))",
            "\"objective\": {\"start\": \(number(result.startObjective)), \"calibrated\": \(number(result.objectiveValue))}",
            "\"search\": {\"iterations\": \(result.iterations), \"candidates\": \(result.searchEvaluations), "
                + "\"candidates_in_all\": \(result.evaluations), \"replications_run\": \(result.replicationsRun)}",
        ]
        fields.append("\"free\": [" + zip(problem.free, zip(result.start, result.identification).enumerated()).map { parameter, item in
            let (k, (start, identification)) = item
            let interval = identification.lower.map { "[\(number($0)), \(number(identification.upper!))]" } ?? "null"
            let slice = result.slices[k].map { "[\(number($0.value)), \(number($0.objective))]" }.joined(separator: ", ")
            return "\n    {\"key\": \(string(parameter.key)), \"low\": \(number(parameter.low)), \"high\": \(number(parameter.high)), "
                + "\"start\": \(number(start)), \"calibrated\": \(number(identification.value)), \"ci95\": \(interval), "
                + "\"identification\": \(string(identification.verdict.rawValue)), "
                + "\"correlated\": [" + identification.correlated.map { "{\"key\": \(string($0.key)), \"r\": \(number($0.r))}" }
                    .joined(separator: ", ") + "],\n     \"slice\": [\(slice)]}"
        }.joined(separator: ",") + "\n  ]")
        let differences = result.differences
        fields.append("\"targets\": [" + problem.targets.enumerated().map { k, target in
            let model = result.model[k]
            return "\n    {\"kpi\": \(string(target.kpi)), \"stratum\": \(string(target.stratum)), \"value\": \(number(target.value)), "
                + "\"standard_error\": \(number(target.standardError)), \"weight\": \(number(target.weight)), "
                + "\"scale\": \(number(result.objective.scales[k])), \"model_mean\": \(number(model.mean)), "
                + "\"model_ci95\": [\(number(model.lower)), \(number(model.upper))], "
                + "\"standardised_difference\": \(number(differences[k])), \"agrees\": \(result.agrees(k)), "
                + "\"source\": \(string(target.source))}"
        }.joined(separator: ",") + "\n  ]")
        return "{\n  " + fields.joined(separator: ",\n  ") + "\n}\n"
    }
}
