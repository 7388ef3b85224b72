/// The values a `run` setting may take, read from its row of the schema table, for a
/// command-line option that sets the same value (`--replications` is `run.replications`):
/// a scenario file and a command line then cannot disagree about what is allowed.
public struct RunSettingLimit: Sendable {
    /// The key in the `run` section, e.g. `replications`.
    public let key: String
    private let type: SchemaType

    public static let replications = RunSettingLimit(key: "replications")
    public static let seed = RunSettingLimit(key: "seed")
    public static let horizonDays = RunSettingLimit(key: "horizon_days")
    public static let warmupDays = RunSettingLimit(key: "warmup_days")

    /// The row of `ScenarioSchema.run` named `key`; a key that is not there, or is neither an
    /// integer nor a number, is a programming error caught by the first test that uses it.
    private init(key: String) {
        guard let entry = ScenarioSchema.run.first(where: { $0.key == key }) else {
            preconditionFailure("run.\(key) is not in the schema table")
        }
        switch entry.type {
        case .integer, .number: break
        default: preconditionFailure("run.\(key) is not a number")
        }
        self.key = key
        type = entry.type
    }

    /// What the value must be, as problems in files say it: `an integer in [1, 100000]`.
    public var expectation: String { type.expectation }

    /// What the value must be for a command that needs at least `lower` (warmup's 50 days):
    /// `an integer in [2, 100000]`, the file's upper limit kept, so a message states the
    /// whole range allowed rather than one end of it.
    public func expectation(atLeast lower: Int) -> String {
        switch type {
        case .integer(let range): return SchemaType.integer(lower...range.upperBound).expectation
        case .number(let range):
            return SchemaType.number(NumberRange(lower: Double(lower), lowerIncluded: true, upper: range.upper,
                                                 upperIncluded: range.upperIncluded)).expectation
        default: return type.expectation
        }
    }

    /// The least value allowed, for an option that states the same quantity in another unit
    /// (`demo --years` runs at least the least `run.horizon_days`). A limit whose lower end is
    /// open has no least value: a programming error caught by the first test that asks.
    public var minimum: Double {
        switch type {
        case .integer(let range): return Double(range.lowerBound)
        case .number(let range) where range.lowerIncluded: return range.lower
        default: preconditionFailure("run.\(key) has no least value")
        }
    }

    /// `text` as a whole number within the limit, written as a file writes one
    /// (`DecimalNumber`), or nil.
    public func integer(_ text: String) -> Int? {
        guard case .integer(let range) = type, let value = DecimalNumber.integer(text), range.contains(value) else { return nil }
        return value
    }

    /// `text` as a number within the limit, written as a file writes one (`DecimalNumber`),
    /// or nil (infinities never are).
    public func number(_ text: String) -> Double? {
        guard case .number(let range) = type, let value = DecimalNumber.number(text), range.contains(value) else { return nil }
        return value
    }
}
