import CrisisModel

/// A scenario ready to run: the model's configuration and run settings, with what is needed
/// to say afterwards exactly what was run.
public struct LoadedScenario: Sendable {
    public let configuration: CrisisConfiguration
    public let run: RunSettings
    /// The `description` section; empty when there is none.
    public let summary: String
    /// Every file read: the named file first, then each file it extends in turn.
    public let files: [String]
    /// The scenario after `extends`, `set` and `--set`, with every default written out, keys
    /// in schema order, comments gone: what `describe` prints, and what the hash is of.
    /// Loading it again gives the same scenario.
    public let resolvedYAML: String
    /// FNV-1a 64 of `resolvedYAML`, as 16 hex digits: the same for any two files that mean
    /// the same scenario, different (with overwhelming odds) otherwise. For provenance in
    /// outputs, not for security.
    public let hash: String
    /// Bed and service changes with where they were written, for `warnings(for:)`.
    let scheduleChanges: [ScheduleChange]
    /// The validated scenario, defaults filled in, that `resolvedYAML` writes out.
    let resolvedValue: ScenarioValue
    /// Where each setting was written (file and line, or `--set`), by key path, for
    /// `ScenarioChanges`; settings left at their default have none.
    let valueLocations: [String: SourceLocation]

    /// What loads and runs but can hardly be meant, for runs of `run`'s length: printed on
    /// standard error, never failing the command (a scheduled change, or the end of its ramp,
    /// after the run ends).
    public func warnings(for run: RunSettings) -> [ScenarioProblem] {
        scheduleChanges.compactMap { $0.warning(for: run) }
    }

    /// `warnings(for:)` the scenario's own run settings.
    public var warnings: [ScenarioProblem] { warnings(for: run) }
}
