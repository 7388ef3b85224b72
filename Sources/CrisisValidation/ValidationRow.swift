import CrisisExperiment

/// What a check expects of a model estimate, and so how its verdict is decided.
public enum Expectation: Sendable, Equatable {
    /// An analytic or published value. Agrees when the value lies inside the estimate's 95%
    /// confidence interval or, failing that, when the estimate's mean is within `tolerance`
    /// of it (in the estimate's unit): at 95%, one row in twenty misses its interval by
    /// chance alone, and a miss smaller than the tolerance is no error a planner would act on.
    case value(Double, tolerance: Double)
    /// A calibration band: inside when the estimate's mean lies in it.
    case band(Band)
    /// A direction: holds when the whole 95% interval lies above `threshold`.
    case above(Double)
    /// A direction: holds when the whole 95% interval lies below `threshold`.
    case below(Double)
    /// A published "no difference": holds when the 95% interval contains `value`.
    case indistinguishableFrom(Double)

    /// The expected value as the document shows it.
    public var text: String {
        switch self {
        case .value(let value, _), .indistinguishableFrom(let value): return NumberFormat.stated(value)
        case .band(let band): return band.description
        case .above(let threshold): return "> \(NumberFormat.stated(threshold))"
        case .below(let threshold): return "< \(NumberFormat.stated(threshold))"
        }
    }

    /// The verdict on `estimate`.
    public func verdict(_ estimate: KPISummary) -> Verdict {
        switch self {
        case .value(let value, let tolerance):
            if estimate.lower <= value && value <= estimate.upper { return .insideInterval }
            return abs(estimate.mean - value) <= tolerance ? .withinTolerance : .disagrees
        case .band(let band):
            return band.contains(estimate.mean) ? .inside : .outside
        case .above(let threshold):
            return estimate.lower > threshold ? .holds : .doesNotHold
        case .below(let threshold):
            return estimate.upper < threshold ? .holds : .doesNotHold
        case .indistinguishableFrom(let value):
            return estimate.lower <= value && value <= estimate.upper ? .holds : .doesNotHold
        }
    }
}

/// The outcome of one row. Capitals mark the ones a reader must not miss.
public enum Verdict: String, Sendable, CaseIterable {
    case insideInterval = "agrees (inside CI)"
    case withinTolerance = "agrees (within tolerance)"
    case disagrees = "DISAGREES"
    case inside = "inside"
    case outside = "OUTSIDE"
    case holds = "holds"
    case doesNotHold = "DOES NOT HOLD"

    public var passed: Bool {
        switch self {
        case .insideInterval, .withinTolerance, .inside, .holds: return true
        case .disagrees, .outside, .doesNotHold: return false
        }
    }
}

/// One line of docs/VALIDATION.md: a model estimate against what a published or analytic
/// result says it should be.
public struct ValidationRow: Sendable {
    /// What is measured, with its unit: "20 beds, 17 erlangs: admissions placed out of area, %".
    public let check: String
    /// Short citation of the result checked against.
    public let source: String
    /// The study file (or files, or sweep point) the estimate comes from.
    public let scenario: String
    public let expectation: Expectation
    /// Where the expected value comes from: "Erlang B(20, 17)".
    public let basis: String
    /// The model's mean and 95% interval over independent replications.
    public let estimate: KPISummary

    public init(check: String, source: String, scenario: String, expectation: Expectation, basis: String,
                estimate: KPISummary) {
        self.check = check
        self.source = source
        self.scenario = scenario
        self.expectation = expectation
        self.basis = basis
        self.estimate = estimate
    }

    public var verdict: Verdict { expectation.verdict(estimate) }
}
