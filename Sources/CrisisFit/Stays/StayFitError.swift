/// Why a length-of-stay fit could not be made. Every case says what to change, so a planner
/// reading the message can fix the extract rather than the code.
public enum StayFitError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No stays were given.
    case noObservations
    /// Observation `index` (0-based, in the order given) breaks 0 <= entry < exit <= limit,
    /// or a censored stay is not censored at its limit.
    case invalidObservation(index: Int, problem: String)
    /// The family needs more distinct uncensored stays than the data hold to start a fit
    /// (two parameters cannot be set from one value).
    case tooFewUncensoredStays(family: StayFamily, needed: Int, found: Int)
    /// Nelder-Mead did not meet its tolerance in the iterations allowed, or hit a point where
    /// GSL's minimiser cannot continue.
    case didNotConverge(family: StayFamily, detail: String)
    /// The observed information (Hessian of -log L) at the optimum is not positive definite,
    /// so the maximum is not a proper peak and no standard errors exist.
    case informationNotPositiveDefinite(family: StayFamily)
    /// An argument other than the observations is out of range.
    case invalidArgument(String)

    public var description: String {
        switch self {
        case .noObservations:
            return "no stays to fit: give at least one observation"
        case let .invalidObservation(index, problem):
            return "observation \(index): \(problem)"
        case let .tooFewUncensoredStays(family, needed, found):
            return "\(family) needs at least \(needed) distinct uncensored stays to start a fit, found \(found)"
        case let .didNotConverge(family, detail):
            return "\(family) fit did not converge: \(detail)"
        case let .informationNotPositiveDefinite(family):
            return "\(family) fit: the log-likelihood is not curved downwards at its maximum, so the parameters have no standard errors (the data may not identify this family)"
        case let .invalidArgument(message):
            return message
        }
    }
}
