/// One setting of a scenario as a form shows it: its key path, what it holds and allows,
/// its value in the scenario, and where that value was written with the comment there (the
/// files in Scenarios/ give each figure's source in a comment), so a planner editing it sees
/// what they are changing and on whose authority the current value stands.
public struct ScenarioFormField: Codable, Sendable, Equatable {
    /// The key path as `--set` and a `set:` section take it (`areas.Northshire.beds`).
    public let key: String
    /// The section or list item the key belongs to (`areas.Northshire`, `crht.hours`); empty
    /// at the top level.
    public let section: String
    /// What kind of input edits it: `integer`, `number`, `probability`, `boolean`, `choice`,
    /// or `yaml` (a distribution or an outcome split, edited as its one-line YAML).
    public let input: String
    /// The words a `choice` allows; empty otherwise.
    public let choices: [String]
    /// Bounds of a number, for the input's min and max; nil when there are none.
    public let minimum: Double?
    public let maximum: Double?
    /// What the value may be, in the words validation uses ("an integer in [0, 100000]").
    public let allowed: String
    public let unit: String?
    /// What the value means in the model (the schema's line).
    public let meaning: String
    /// What happens when no file gives it: "required", the default's value, or the schema's
    /// note on what absence means. A required or defaulted key inside an optional section
    /// the scenario leaves out (an area's `start`) says so: it is required or defaulted only
    /// once that section is given, and until then its absence means the section's.
    public let whenAbsent: String
    /// The value in the scenario as `describe` writes it; empty when no file gives it and it
    /// has no default.
    public let value: String
    /// Where the value was written (`Scenarios/baseline.yaml:47`); nil for a schema default.
    public let setAt: String?
    /// The comment beside the value where it was written (its source), or "".
    public let source: String
}

extension ScenarioSchema {
    /// The settings of `scenario` a form can edit, in the schema's order: every number,
    /// count, share, switch, choice, distribution and outcome split of the top-level sections
    /// and of each area, cohort and ward type, named as `--set` names them. Lists of values
    /// (weights, schedules, bed networks) and names are left to the file.
    public static func formFields(of scenario: LoadedScenario) -> [ScenarioFormField] {
        var comments = ScenarioChanges.CommentReader()
        var fields: [ScenarioFormField] = []
        // `absentSection`: the optional section left out of the scenario that the keys walked
        // belong to, with what its absence means.
        func walk(_ entries: [SchemaEntry], value: ScenarioValue?, prefix: String,
                  absentSection: (key: String, whenAbsent: String)? = nil) {
            for entry in entries {
                let key = prefix.isEmpty ? entry.key : prefix + "." + entry.key
                let current = value?[entry.key]
                switch entry.type {
                case .record(let inner):
                    var absent = absentSection
                    if absent == nil, current == nil, case .optional(let whenAbsent) = entry.presence {
                        absent = (key, whenAbsent)
                    }
                    walk(inner, value: current, prefix: key, absentSection: absent)
                // Named items (areas, cohorts, ward types), as `--set` names them; schedules are
                // sequences of steps, edited in the file.
                case .list(of: .record(let inner), rules: _) where inner.contains(where: { $0.key == "name" }):
                    guard case .list(let items)? = current else { continue }
                    let names = items.map { item -> String? in if case .text(let name)? = item["name"] { name } else { nil } }
                    for (index, item) in items.enumerated() {
                        walk(inner, value: item, prefix: key + "." + (names[index] ?? String(index)))
                    }
                default:
                    guard let input = formInput(entry.type) else { continue }
                    let location = scenario.valueLocations[key]
                    let bounds = formBounds(entry.type)
                    fields.append(ScenarioFormField(
                        key: key, section: prefix, input: input.name, choices: input.choices,
                        minimum: bounds?.lowerBound, maximum: bounds?.upperBound, allowed: entry.type.expectation,
                        unit: entry.unit, meaning: entry.meaning,
                        whenAbsent: absence(entry.presence, within: absentSection),
                        value: current.map(CanonicalYAML.flow) ?? "",
                        setAt: location.map(ScenarioChanges.describe), source: location.map { comments.comment(at: $0) } ?? ""))
                }
            }
        }
        walk(root.filter { !["description", "extends", "set"].contains($0.key) }, value: scenario.resolvedValue, prefix: "")
        return fields
    }

    private static func formInput(_ type: SchemaType) -> (name: String, choices: [String])? {
        switch type {
        case .integer: ("integer", [])
        case .number: ("number", [])
        case .probability: ("probability", [])
        case .boolean: ("boolean", [])
        case .choice(let words): ("choice", words)
        case .distribution, .split: ("yaml", [])
        default: nil
        }
    }

    /// Seeds reach Int.max, past what a browser's number input holds exactly: no bound given.
    private static func formBounds(_ type: SchemaType) -> ClosedRange<Double>? {
        switch type {
        case .integer(let range) where range.upperBound < 1 << 53: Double(range.lowerBound)...Double(range.upperBound)
        case .number(let range): range.lower...range.upper
        case .probability: 0...1
        default: nil
        }
    }

    private static func absence(_ presence: SchemaEntry.Presence, within absentSection: (key: String, whenAbsent: String)?) -> String {
        let own: String
        switch presence {
        case .required: own = "required"
        case .defaulted(let value): own = "default " + CanonicalYAML.flow(value)
        // An optional key's note already says what its absence means, section given or not.
        case .optional(let whenAbsent): return whenAbsent
        }
        guard let absentSection else { return own }
        return "\(own) once `\(absentSection.key)` is given; not given now: \(absentSection.whenAbsent)"
    }
}
