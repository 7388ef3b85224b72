import Yams

/// Reading back what `describe` prints and a report folder keeps as scenario.yaml: the
/// resolved scenario, every default written out.
public enum ResolvedScenarioText {
    /// The scenario's `description`, empty when it has none or the text is not a scenario.
    public static func description(_ text: String) -> String {
        guard let node = try? Yams.compose(yaml: text), let value = node["description"]?.string else { return "" }
        return value
    }
}
