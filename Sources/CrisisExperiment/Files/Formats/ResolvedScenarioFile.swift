/// scenario.yaml: the scenario as it ran, every default written out
/// (`LoadedScenario.resolvedYAML`), kept beside its results for the report (run and compare
/// with --report).
public enum ResolvedScenarioFile {
    public static let fileName = "scenario.yaml"
}
