import CrisisScenario

/// A problem with one setting of the form, by the key the form names it with
/// (`areas.Northshire.beds`), so the page can mark that row and say what is wrong beside it.
struct FieldProblem: Encodable, Sendable, Equatable {
    /// The form field's key (`ScenarioSchema.formFields`).
    let key: String
    /// What was expected and what was found, as `validate` says it.
    let message: String

    /// `problem` named as the form names its settings: the validator walks the merged tree
    /// and names list items by index (`areas.0.beds`), which the form, like `--set`, names by
    /// name. The base scenario gives the names: a draft changes values, never names. Keys
    /// the form does not show are kept as the validator gives them.
    static func formKey(of problem: ScenarioProblem, base: LoadedScenario) -> String {
        problem.keyPath.isEmpty ? "" : ScenarioChanges.keyPath(problem.keyPath, in: base)
    }

    /// The field of `fields` a problem at `key` belongs to: the field itself, or the one
    /// holding it (a distribution's `mean` belongs to the distribution's row); nil when the
    /// form has no such row.
    static func field(of key: String, in fields: [ScenarioFormField]) -> String? {
        fields.map(\.key).filter { key == $0 || key.hasPrefix($0 + ".") }.max { $0.count < $1.count }
    }
}
