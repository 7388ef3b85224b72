import CrisisScenario

/// The experiments the commands and the web app make of loaded scenarios, built in one place
/// so that a run, comparison or sweep started from either is the same experiment (the same
/// groups, labels and changes, hence the same result files).
extension ExperimentPlan {
    /// A run of the scenario at `path`, one group, with `settings`.
    public static func run(_ path: String, _ loaded: LoadedScenario, settings: RunSettings) -> ExperimentPlan {
        let identity = ExperimentIdentity(
            kind: .run, seed: settings.seed, generator: settings.generator, replications: settings.replications,
            warmupDays: settings.warmupDays, horizonDays: settings.horizonDays,
            groups: [WorkGroup(label: scenarioName(path), scenario: path, scenarioHash: loaded.hash, summary: loaded.summary)])
        return ExperimentPlan(identity: identity, configurations: [loaded.configuration])
    }

    /// A comparison of `scenarios`, base first, one group each, every variant with what it
    /// changes from the base. Every scenario runs `settings` (the base's), whatever its own
    /// file says, so replication r of each sees the same people.
    public static func comparison(_ scenarios: [(path: String, loaded: LoadedScenario)], settings: RunSettings) -> ExperimentPlan {
        let base = scenarios[0].loaded
        let groups = scenarios.enumerated().map { index, scenario in
            WorkGroup(label: scenarioName(scenario.path), scenario: scenario.path, scenarioHash: scenario.loaded.hash,
                      summary: scenario.loaded.summary,
                      changes: index == 0 ? [] : ScenarioChanges.between(base, scenario.loaded))
        }
        let identity = ExperimentIdentity(
            kind: .compare, seed: settings.seed, generator: settings.generator, replications: settings.replications,
            warmupDays: settings.warmupDays, horizonDays: settings.horizonDays, groups: groups)
        return ExperimentPlan(identity: identity, configurations: scenarios.map(\.loaded.configuration))
    }

    /// A sweep of the scenario at `path` over `grid`: `points` are the scenario loaded at each
    /// of the grid's points, in its order; `kpis` and `stratum` are what its table and chart show.
    public static func sweep(_ path: String, base: LoadedScenario, grid: SweepGrid, points: [LoadedScenario], kpis: [String],
                             stratum: String, settings: RunSettings) -> ExperimentPlan {
        let groups = zip(grid.points, points).map { point, loaded in
            WorkGroup(label: grid.assignments(at: point).joined(separator: ", "), scenario: path, scenarioHash: loaded.hash,
                      summary: loaded.summary, point: grid.values(at: point))
        }
        let sweep = SweepSettings(keys: grid.axes.map(\.key), units: grid.axes.map { ScenarioSchema.unit(ofKeyPath: $0.key) ?? "" },
                                  kpis: kpis, stratum: stratum, baseScenarioHash: base.hash)
        let identity = ExperimentIdentity(
            kind: .sweep, seed: settings.seed, generator: settings.generator, replications: settings.replications,
            warmupDays: settings.warmupDays, horizonDays: settings.horizonDays, groups: groups, sweep: sweep)
        return ExperimentPlan(identity: identity, configurations: points.map(\.configuration))
    }
}
