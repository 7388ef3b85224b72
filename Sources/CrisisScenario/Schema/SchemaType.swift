/// What a key in a scenario file holds. Validation, the JSON Schema and the reference docs
/// all read these, so the rule for a value is written once.
indirect enum SchemaType: Sendable {
    case integer(ClosedRange<Int>)
    case number(NumberRange)
    /// A number in [0, 1].
    case probability
    case boolean
    /// Non-empty text on one line (a name): no control characters (see `ControlCharacters`).
    case text
    /// Non-empty text that may run over lines (the description): newline and tab are its only
    /// control characters.
    case prose
    /// One of fixed words (an enum's raw values).
    case choice([String])
    /// A duration distribution, written as a mapping with a `type` (see `DistributionForm`),
    /// in the unit the key names; draws are never negative, and the mean is at least a minute
    /// or, where `zero` says no time at all means something, exactly 0.
    case distribution(zero: ZeroDuration)
    /// Named shares that sum to 1, compiled into an array in this order.
    case split([String])
    /// `count` non-negative relative weights, `first` naming what the first one is for, or
    /// an empty list for flat.
    case weights(count: Int, first: String)
    case list(of: SchemaType, rules: ListRules)
    case record([SchemaEntry])
    /// The name of an item of the top-level list `list` (an area in a bed network).
    case reference(list: String)
    /// A file path, relative to the file that holds it (`extends`).
    case path
    /// A mapping of key paths to values, applied like `--set` (the `set` section).
    case assignments

    /// Whether a duration may take no time at all: a fixed 0 bed search means "out of area at
    /// once", and a fixed 0 assessment reduces the pathway to the bed model (the studies do),
    /// but a hospital stay or treatment episode of no time is a slip (a value in the wrong
    /// unit, a blank) that would discharge everyone as they arrive.
    enum ZeroDuration: Sendable {
        case meaningful
        case nonsense
    }

    /// The least mean a duration may have (unless 0 is meaningful and the mean is 0): a
    /// minute. Shorter means are below the resolution the model is written at, and are slips
    /// (a mean in seconds, `1e-300`) that would flood the event list with instant events.
    static func minimumMean(unit: String?) -> (value: Double, text: String)? {
        switch unit {
        case "hours": (1.0 / 60, "one minute (1/60 hours)")
        case "days": (1.0 / 1440, "one minute (1/1440 days)")
        default: nil
        }
    }

    /// The greatest mean a duration may have: a century, the longest run a scenario allows.
    /// Longer (or infinite) means are slips, e.g. a lognormal `mu` of 1000 or `fixed: 1e300`,
    /// that make the offered load infinite.
    static func maximumMean(unit: String?) -> (value: Double, text: String)? {
        switch unit {
        case "hours": (876_600, "a century (876,600 hours)")
        case "days": (36_525, "a century (36,525 days)")
        default: nil
        }
    }

    /// The widest spread a duration may have: a coefficient of variation (standard deviation /
    /// mean) of at most 10, whatever the form and unit.
    ///
    /// Published lengths of stay for mental health beds have a cv of about 1 to 2 (a lognormal
    /// with mean 37 and median 23 days, as stays are published, has 1.26), and the library's
    /// waits and response times are of that order too. A cv of 10 is five times the widest of
    /// them, and already extreme: the longest 1% of lognormal draws carry 43% of all the time
    /// drawn, so a year's few thousand stays barely estimate the mean. Beyond it the draws are
    /// a few enormous values among many near 0 (a gamma with cv 1e10, a lognormal with sigma
    /// 40 and a mean of a day), and a run reports whichever giants it happened to draw: slips,
    /// not data. Fixed, exponential, uniform, triangular and PERT durations never come near it
    /// (cv at most 1); gamma, lognormal and Weibull parameters, and empirical lists, can.
    static let maximumCoefficientOfVariation = (value: 10.0, text: "10")

    /// How far a coefficient of variation derived from other parameters (a lognormal's from
    /// its mean and median) may pass the bound through rounding alone: relative, never a real
    /// excess, so that writing exactly the limit in any form is accepted.
    static let dispersionTolerance = 1e-9

    /// Rules on a list as a whole.
    struct ListRules: Sendable {
        var minimumCount = 0
        /// A field of record items whose values must differ (names), or nil.
        var uniqueField: String?
        /// Whether scalar items must all differ.
        var uniqueItems = false
        /// A field of record items whose values must sum to 1 (cohort shares), or nil.
        var sumsToOne: String?
    }

    /// The closest to 1 a sum of shares must come: rounding in shares written to a few
    /// decimals, never a real gap.
    static let sumTolerance = 1e-9
    static let sumToleranceText = "1e-9"

    /// The largest sum a list of weights may have: the largest finite number. Weights are
    /// normalised by their sum, and a sum that overflows to infinity leaves nothing to divide
    /// by (an outside audit's two hours of 1e308 ran without the profile, silently).
    static let largestWeightSum = "1.8e308, the largest finite number"

    /// What a value of this type looks like, for "expected ..." in problems.
    var expectation: String {
        switch self {
        case .integer(let range):
            // Both bounds, even Int.max: "an integer >= 0" let a seed of 2^64 - 1 look allowed.
            return "an integer in [\(range.lowerBound), \(range.upperBound)]"
        case .number(let range): return "a number in \(range.interval)"
        case .probability: return "a probability in [0, 1]"
        case .boolean: return "true or false"
        case .text, .prose: return "a non-empty text"
        case .choice(let words): return "one of \(words.joined(separator: ", "))"
        case .distribution: return "a distribution, e.g. {type: lognormal, mean: 37, median: 23}"
        case .split(let parts): return "a mapping of shares {\(parts.joined(separator: ", "))} summing to 1"
        case .weights(let count, _): return "a list of \(count) weights >= 0 with a finite sum, or [] for flat"
        case .list: return "a list"
        case .record: return "a mapping"
        case .reference(let list): return "the name of an item of \(list)"
        case .path: return "a file path"
        case .assignments: return "a mapping of key paths to values"
        }
    }

    /// Short form for the type column of the reference docs.
    var summary: String {
        switch self {
        case .integer(let range):
            return "integer in [\(range.lowerBound), \(range.upperBound)]"
        case .number(let range): return "number in \(range.interval)"
        case .probability: return "probability in [0, 1]"
        case .boolean: return "true or false"
        case .text: return "text on one line"
        case .prose: return "text"
        case .choice(let words): return words.map { "`\($0)`" }.joined(separator: " or ")
        case .distribution(.meaningful): return "distribution"
        case .distribution(.nonsense): return "distribution, never 0"
        case .split(let parts): return "shares summing to 1: " + parts.map { "`\($0)`" }.joined(separator: ", ")
        case .weights(let count, let first): return "\(count) weights >= 0 with a finite sum (\(first) first), or `[]`"
        case .list(let item, let rules):
            let items: String
            switch item {
            case .record: items = "list of mappings"
            case .reference(let list): items = "list of names of other `\(list)` items"
            default: items = "list of \(item.summary)"
            }
            var notes: [String] = []
            if rules.minimumCount > 0 { notes.append("at least \(rules.minimumCount)") }
            if let field = rules.uniqueField { notes.append("`\(field)` unique") }
            if rules.uniqueItems { notes.append("no repeats") }
            if let field = rules.sumsToOne { notes.append("`\(field)` sums to 1") }
            return notes.isEmpty ? items : "\(items) (\(notes.joined(separator: ", ")))"
        case .record: return "mapping"
        case .reference(let list): return "name of another item of `\(list)`"
        case .path: return "path relative to this file"
        case .assignments: return "mapping of key paths to values"
        }
    }
}
