import SimRandom

/// Loads a scenario file for `run`, `validate` and `describe`: reads it and every file it
/// extends, applies `set:` sections and `--set` overrides, validates the whole result
/// against the schema and compiles it.
///
/// Nothing runs on a scenario with a problem, and every problem is reported at once.
public enum ScenarioLoader {
    /// Largest scenario file accepted, in bytes (10 MB).
    public static var maximumFileBytes: Int { ScenarioFileReader.maximumBytes }
    /// Deepest nesting accepted in a scenario file.
    public static var maximumDepth: Int { ScenarioYAML.maximumDepth }

    /// Loads the scenario at `path`.
    ///
    /// - Parameters:
    ///   - path: the scenario file; problems name files the way this path (and each
    ///     `extends` relative to it) spells them.
    ///   - overrides: `key.path=value` assignments, applied in order after every file is
    ///     merged; the value is YAML (`crht.hours={start_hour: 0, hours_per_day: 24}`), lists
    ///     are indexed (`areas.0.beds=90`) or named (`areas.Northshire.beds=90`).
    /// - Throws: `ScenarioError` with every problem found, in file, line and column order.
    public static func load(_ path: String, overrides: [String] = []) throws(ScenarioError) -> LoadedScenario {
        var inheritance = ScenarioInheritance()
        var resolved = inheritance.resolve(path)
        var problems = inheritance.problems
        let files = inheritance.files

        // Overrides are parsed even when the files failed, so a mistyped `--set` is reported
        // in the same pass.
        for argument in overrides {
            switch ScenarioAssignment.parse(commandLine: argument) {
            case .success(let assignment):
                guard var tree = resolved else { continue }
                if let problem = assignment.apply(to: &tree) { problems.append(problem) }
                resolved = tree
            case .failure(let error):
                problems += error.problems
            }
        }
        guard let tree = resolved else { throw ScenarioError(problems: ordered(problems, files: files)) }

        var validator = ScenarioValidator()
        let value = validator.validate(tree)
        problems += validator.problems
        guard problems.isEmpty, let value else { throw ScenarioError(problems: ordered(problems, files: files)) }

        let (configuration, run, summary) = ScenarioCompiler.compile(value)
        let cycles = ZeroTimeCycleCheck.problems(configuration, tree: tree)
        guard cycles.isEmpty else { throw ScenarioError(problems: ordered(cycles, files: files)) }
        let text = CanonicalYAML.document(value)
        var locations: [String: SourceLocation] = [:]
        ScenarioChanges.locations(tree, into: &locations)
        return LoadedScenario(configuration: configuration, run: run, summary: summary, files: files,
                              resolvedYAML: text, hash: FNV1a.hex(text), scheduleChanges: ScheduleChange.all(in: tree),
                              resolvedValue: value, valueLocations: locations)
    }

    /// Problems in the order a planner reads them: the files in the order they were read,
    /// each from top to bottom (whole-file problems first), then the command line in
    /// argument order. The sort is stable, so same-place problems keep their order.
    private static func ordered(_ problems: [ScenarioProblem], files: [String]) -> [ScenarioProblem] {
        func rank(_ problem: ScenarioProblem) -> (Int, Int, Int) {
            guard case .file(let file) = problem.location.origin else { return (files.count, 0, 0) }
            return (files.firstIndex(of: file) ?? files.count, problem.location.line ?? 0, problem.location.column ?? 0)
        }
        return problems.enumerated().sorted { left, right in
            let (a, b) = (rank(left.element), rank(right.element))
            return a != b ? a < b : left.offset < right.offset
        }.map(\.element)
    }
}
