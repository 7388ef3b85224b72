/// A distribution was asked for with parameters it cannot have.
///
/// Raised at construction, before any run starts, so a bad scenario never crashes mid-run.
public struct DistributionError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The distribution, e.g. "lognormal".
    public let distribution: String
    /// The offending parameter by its user-facing name, e.g. "cv".
    public let parameter: String
    /// What was expected, e.g. "a finite number > 0".
    public let expected: String
    /// The value given.
    public let value: Double

    public var description: String {
        "\(distribution): \(parameter) must be \(expected), got \(value)"
    }
}

/// Parameter checks shared by every distribution constructor.
struct ParameterCheck {
    let distribution: String

    func finite(_ name: String, _ value: Double) throws {
        guard value.isFinite else { throw fail(name, "a finite number", value) }
    }

    func positive(_ name: String, _ value: Double) throws {
        guard value.isFinite, value > 0 else { throw fail(name, "a finite number > 0", value) }
    }

    func nonNegative(_ name: String, _ value: Double) throws {
        guard value.isFinite, value >= 0 else { throw fail(name, "a finite number >= 0", value) }
    }

    func probability(_ name: String, _ value: Double) throws {
        guard value >= 0, value <= 1 else { throw fail(name, "a probability in [0, 1]", value) }
    }

    func fail(_ name: String, _ expected: String, _ value: Double) -> DistributionError {
        DistributionError(distribution: distribution, parameter: name, expected: expected, value: value)
    }
}
