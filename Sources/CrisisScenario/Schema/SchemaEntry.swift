/// One key of the scenario format: the row of the schema table that validation, the JSON
/// Schema and docs/SCENARIOS.md are all generated from.
struct SchemaEntry: Sendable {
    enum Presence: Sendable {
        /// The file (or one it extends) must give it.
        case required
        /// Used when the key is absent; part of the canonical form, hence of the hash.
        case defaulted(ScenarioValue)
        /// May be absent, meaning what `whenAbsent` says (a cohort without its own stay
        /// uses the bed policy's).
        case optional(whenAbsent: String)

        var isRequired: Bool {
            if case .required = self { return true }
            return false
        }
    }

    /// snake_case, naming its unit where it has one (`mean_days`, `per_year`).
    let key: String
    let type: SchemaType
    /// The unit of the value, for the docs; nil for counts, shares and words.
    let unit: String?
    let presence: Presence
    /// One line: what the value means in the model.
    let meaning: String

    static func required(_ key: String, _ type: SchemaType, unit: String? = nil, _ meaning: String) -> SchemaEntry {
        SchemaEntry(key: key, type: type, unit: unit, presence: .required, meaning: meaning)
    }

    static func defaulted(_ key: String, _ type: SchemaType, unit: String? = nil, default value: ScenarioValue,
                          _ meaning: String) -> SchemaEntry {
        SchemaEntry(key: key, type: type, unit: unit, presence: .defaulted(value), meaning: meaning)
    }

    static func optional(_ key: String, _ type: SchemaType, unit: String? = nil, whenAbsent: String,
                         _ meaning: String) -> SchemaEntry {
        SchemaEntry(key: key, type: type, unit: unit, presence: .optional(whenAbsent: whenAbsent), meaning: meaning)
    }
}
