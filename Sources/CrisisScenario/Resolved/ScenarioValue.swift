import SimRandom

/// A validated scenario value: what the schema says a node means, with defaults filled in.
///
/// This is the canonical resolved form. Records keep the schema's key order, so two files
/// that differ only in layout, comments, key order or spelled-out defaults give the same
/// value, the same `describe` text and the same scenario hash.
indirect enum ScenarioValue: Sendable, Equatable {
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case text(String)
    case list([ScenarioValue])
    /// A mapping, keys in schema order (outcome splits too, in the contract's order).
    case record([Field])
    case distribution(DistributionValue)

    struct Field: Sendable, Equatable {
        var key: String
        var value: ScenarioValue
    }

    /// A built distribution with the parameters it was written with, so the resolved file
    /// shows `{type: lognormal, mean: 37, median: 23}` rather than derived mu and sigma.
    struct DistributionValue: Sendable, Equatable {
        var type: String
        /// In the order of the parameter set the form lists.
        var parameters: [Field]
        var distribution: Distribution
    }

    /// The value at `key` of a record.
    subscript(key: String) -> ScenarioValue? {
        guard case .record(let fields) = self else { return nil }
        return fields.first { $0.key == key }?.value
    }
}
