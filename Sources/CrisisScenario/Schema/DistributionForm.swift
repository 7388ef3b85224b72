import Foundation
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

    /// `SchemaType.maximumCoefficientOfVariation` in this form's own parameters, each with the
    /// parameter that states it, for problems and docs: empty for forms that cannot reach the
    /// bound (fixed, exponential, uniform, triangular, PERT) or have no parameter to state it
    /// in (empirical); a `cv` parameter states it as it is. Figures are rounded towards what
    /// is accepted, so a value copied from the text passes.
    var dispersionBounds: [(key: String, text: String)] {
        let cv = SchemaType.maximumCoefficientOfVariation.value
        switch type {
        case "gamma":
            // cv = 1 / sqrt(shape).
            return [("shape", "shape at least \(Self.stated(1 / (cv * cv), roundingUp: true))")]
        case "lognormal":
            // cv² = e^(sigma²) − 1, and sigma² = 2 ln(mean / median).
            return [("sigma", "sigma at most \(Self.stated(log1p(cv * cv).squareRoot(), roundingUp: false))"),
                    ("median", "mean at most \(Self.stated((1 + cv * cv).squareRoot(), roundingUp: false)) times the median")]
        case "weibull":
            return [("shape", "shape at least \(Self.stated(Self.weibullShape(cv: cv), roundingUp: true))")]
        default:
            return []
        }
    }

    /// The Weibull shape with coefficient of variation `cv` (cv falls as the shape grows), by
    /// bisection on the same formula validation uses.
    private static func weibullShape(cv: Double) -> Double {
        func spread(_ shape: Double) -> Double { (try? Distribution.weibull(shape: shape, scale: 1))?.coefficientOfVariation ?? .nan }
        var low = 1e-3, high = 1e3
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if spread(middle) > cv { low = middle } else { high = middle }
        }
        return high
    }

    /// `value` to four significant figures, rounded up or down.
    private static func stated(_ value: Double, roundingUp: Bool) -> String {
        let unit = pow(10, (log10(value)).rounded(.down) - 3)
        // The nudge keeps a value that is already a four-figure number (0.01) as it is.
        let scaled = value / unit
        let figures = roundingUp ? (scaled - 1e-9).rounded(.up) : (scaled + 1e-9).rounded(.down)
        return String(format: "%.4g", figures * unit)
    }

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
