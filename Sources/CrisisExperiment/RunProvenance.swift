/// What a result came from, recorded with it so a number can be reproduced later.
public struct RunProvenance: Sendable, Equatable {
    public static let toolVersion = "0.1.0"

    public var scenario: String
    /// FNV-1a 64 of the resolved scenario, hex.
    public var scenarioHash: String
    public var seed: UInt64
    public var replications: Int
    public var warmupDays: Double
    public var horizonDays: Double
    public var generator: String

    public init(scenario: String, scenarioHash: String, seed: UInt64, replications: Int, warmupDays: Double,
                horizonDays: Double, generator: String) {
        self.scenario = scenario
        self.scenarioHash = scenarioHash
        self.seed = seed
        self.replications = replications
        self.warmupDays = warmupDays
        self.horizonDays = horizonDays
        self.generator = generator
    }
}
