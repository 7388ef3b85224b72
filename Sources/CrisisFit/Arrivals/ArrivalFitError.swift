/// Why an arrival, share or delay estimate could not be made. Each message says what is wrong
/// with the input, so a planner can fix the extract rather than the code.
public enum ArrivalFitError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The observation window is not a finite [start, end) with end - start at least `minimumHours`.
    case invalidWindow(start: Double, end: Double, minimumHours: Double)
    /// Event `index` (0-based, in the order given) is not a finite time in [start, end).
    case timeOutsideWindow(index: Int, time: Double, start: Double, end: Double)
    /// A count is negative, or successes exceed trials.
    case invalidCount(String)
    /// Delay `index` (0-based) is not a finite number >= 0.
    case invalidDelay(index: Int, value: Double)
    /// Nothing to estimate from (no delays, or every delay 0).
    case noInformation(String)
    /// The confidence level is not in (0, 1).
    case invalidConfidence(Double)
    /// GSL's minimiser stopped without meeting its tolerance.
    case didNotConverge(what: String, detail: String)

    public var description: String {
        switch self {
        case let .invalidWindow(start, end, minimumHours):
            return "observation window [\(start), \(end)) must be finite with end - start >= \(minimumHours) hours"
        case let .timeOutsideWindow(index, time, start, end):
            return "event \(index) at hour \(time) is outside the observation window [\(start), \(end))"
        case let .invalidCount(message):
            return message
        case let .invalidDelay(index, value):
            return "delay \(index) is \(value): delays must be finite numbers >= 0"
        case let .noInformation(message):
            return message
        case let .invalidConfidence(level):
            return "confidence level must be in (0, 1), got \(level)"
        case let .didNotConverge(what, detail):
            return "\(what) did not converge: \(detail)"
        }
    }

    static func checkConfidence(_ level: Double) throws {
        guard level > 0, level < 1 else { throw ArrivalFitError.invalidConfidence(level) }
    }
}
