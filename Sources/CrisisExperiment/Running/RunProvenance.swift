import SimRandom

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

    /// The provenance of a set made of several runs with one seed, generator and length (a
    /// comparison's scenarios, a sweep's points): their scenarios' names, and one hash of
    /// their hashes in order, so a different scenario anywhere makes a different set.
    public init(combining runs: [RunProvenance]) {
        precondition(!runs.isEmpty, "a set of runs")
        var names: [String] = []
        for run in runs where !names.contains(run.scenario) { names.append(run.scenario) }
        self = runs[0]
        scenario = names.joined(separator: ", ")
        scenarioHash = FNV1a.hex(runs.map(\.scenarioHash).joined(separator: " "))
    }
}
