import SimRandom

/// The ways a distribution can be written in a scenario: `{type: lognormal, mean: 37,
/// median: 23}` and the like. Part of the schema: validation, the JSON Schema and the docs
/// read this table, and each form builds through SimRandom's checked constructors, so a bad
/// parameter is reported with SimRandom's own words.
struct DistributionForm: Sendable {
    /// The value of the `type` key.
    let type: String
    /// The accepted sets of parameter keys, each in the order the resolved file writes them.
    let parameterSets: [[String]]
    /// One line for the docs.
    let meaning: String
    /// The parameter that is the least value a draw can take, checked >= 0 because every
    /// distribution in a scenario is a duration; nil when draws are positive by construction.
    let lowestValueParameter: String?
    let build: @Sendable (Parameters) throws -> Distribution

    /// Parameter values by key; `values` is the list of an empirical distribution.
    struct Parameters {
        var numbers: [String: Double]
        var values: [Double]

        func has(_ key: String) -> Bool { numbers[key] != nil }

        /// A number the chosen parameter set guarantees (validation matched the set first).
        func callAsFunction(_ key: String) -> Double {
            guard let value = numbers[key] else { preconditionFailure("parameter \(key) not in the matched set") }
            return value
        }
    }

    /// Every form, in the order the docs list them.
    static let all: [DistributionForm] = [
        DistributionForm(type: "fixed", parameterSets: [["value"]],
                         meaning: "always `value`: deterministic delays and hand-checked cases",
                         lowestValueParameter: "value") { p in try .fixed(p("value")) },
        DistributionForm(type: "exponential", parameterSets: [["mean"]],
                         meaning: "memoryless, with the given mean",
                         lowestValueParameter: nil) { p in try .exponential(mean: p("mean")) },
        DistributionForm(type: "uniform", parameterSets: [["min", "max"]],
                         meaning: "every value in [min, max) equally likely",
                         lowestValueParameter: "min") { p in try .uniform(min: p("min"), max: p("max")) },
        DistributionForm(type: "gamma", parameterSets: [["shape", "scale"], ["mean", "cv"]],
                         meaning: "shape and scale (mean = shape x scale), or mean and coefficient of variation",
                         lowestValueParameter: nil) { p in
            p.has("shape") ? try .gamma(shape: p("shape"), scale: p("scale")) : try .gamma(mean: p("mean"), cv: p("cv"))
        },
        DistributionForm(type: "lognormal", parameterSets: [["mean", "median"], ["mean", "cv"], ["mu", "sigma"]],
                         meaning: "right-skewed, as lengths of stay are: from mean and median (as stays are published), "
                             + "mean and cv, or mu and sigma of the logarithm (median = e^mu)",
                         lowestValueParameter: nil) { p in
            if p.has("median") { return try .lognormal(mean: p("mean"), median: p("median")) }
            if p.has("cv") { return try .lognormal(mean: p("mean"), cv: p("cv")) }
            return try .lognormal(mu: p("mu"), sigma: p("sigma"))
        },
        DistributionForm(type: "weibull", parameterSets: [["shape", "scale"]],
                         meaning: "P(X > x) = exp(-(x / scale)^shape)",
                         lowestValueParameter: nil) { p in try .weibull(shape: p("shape"), scale: p("scale")) },
        DistributionForm(type: "triangular", parameterSets: [["min", "mode", "max"]],
                         meaning: "least, most likely and largest value, as experts estimate them",
                         lowestValueParameter: "min") { p in try .triangular(min: p("min"), mode: p("mode"), max: p("max")) },
        DistributionForm(type: "pert", parameterSets: [["min", "mode", "max"]],
                         meaning: "like triangular with a smoother peak; mean (min + 4 mode + max) / 6",
                         lowestValueParameter: "min") { p in try .pert(min: p("min"), mode: p("mode"), max: p("max")) },
        DistributionForm(type: "empirical", parameterSets: [["values"]],
                         meaning: "observed values, interpolated between order statistics (Law and Kelton)",
                         lowestValueParameter: "values") { p in try .empirical(p.values) },
    ]

    /// What each parameter key means, in the unit of the key holding the distribution.
    static let parameterMeanings: [(key: String, meaning: String)] = [
        ("value", "the value every draw takes"),
        ("mean", "the mean"),
        ("median", "the median (half the draws fall below it); must be below the mean"),
        ("cv", "coefficient of variation: standard deviation / mean (no unit)"),
        ("mu", "mean of the logarithm of a draw (no unit; median = e^mu)"),
        ("sigma", "standard deviation of the logarithm of a draw (no unit)"),
        ("shape", "shape (no unit)"),
        ("scale", "scale"),
        ("min", "least value"),
        ("mode", "most likely value"),
        ("max", "largest value"),
        ("values", "a list of observed values"),
    ]

    static func named(_ type: String) -> DistributionForm? {
        all.first { $0.type == type }
    }

    /// Every parameter key of this form, in first-seen order.
    var parameterKeys: [String] {
        var keys: [String] = []
        for key in parameterSets.joined() where !keys.contains(key) { keys.append(key) }
        return keys
    }
}
