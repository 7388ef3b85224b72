import SimRandom

/// How a scenario is run: the `run` section. Kept apart from `CrisisConfiguration`, which
/// describes the system, because the same system is run many ways (more replications, other
/// seeds) and the model does not need to know.
public struct RunSettings: Sendable, Equatable {
    /// Independent replications (default 10: enough for a first 95% interval; raise it for
    /// decisions).
    public var replications: Int
    /// Master seed (default 42).
    public var seed: UInt64
    /// Days measured after the warm-up (default 365: a year shows the seasons of the
    /// hour and weekday profiles and annual growth).
    public var horizonDays: Double
    /// Days discarded first (default 365: ten mean lengths of stay, so the bed pool starts
    /// measurement loaded rather than empty).
    public var warmupDays: Double
    /// Uniform generator (default MRG32k3a).
    public var generator: GeneratorKind

    public init(replications: Int, seed: UInt64, horizonDays: Double, warmupDays: Double, generator: GeneratorKind) {
        self.replications = replications
        self.seed = seed
        self.horizonDays = horizonDays
        self.warmupDays = warmupDays
        self.generator = generator
    }
}
