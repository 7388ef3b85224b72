import CrisisModel
import CrisisScenario
import SimRandom

/// What a calibration searches and how it judges a candidate: a scenario, its free keys with
/// bounds, the targets, and how each candidate is run.
///
/// Every candidate runs the same replications with the same seed, so replication r sees the
/// same people whatever the free keys' values (common random numbers): the objective then
/// moves with the parameters rather than with the noise, and the simplex can follow it.
public struct CalibrationProblem: Sendable {
    /// The scenario file as given, and the command line's `--set` applied before the free keys.
    public let scenario: String
    public let overrides: [String]
    public let free: [FreeParameter]
    public let targets: [CalibrationTarget]
    public let replications: Int
    public let seed: UInt64
    public let generator: GeneratorKind
    public let length: RunLength

    public init(scenario: String, overrides: [String], free: [FreeParameter], targets: [CalibrationTarget],
                replications: Int, seed: UInt64, generator: GeneratorKind, length: RunLength) {
        self.scenario = scenario
        self.overrides = overrides
        self.free = free
        self.targets = targets
        self.replications = replications
        self.seed = seed
        self.generator = generator
        self.length = length
    }

    /// The `--set` assignments that make the candidate `values` (one per free key), each
    /// written exactly, so the scenario run is the candidate the simplex asked for.
    public func assignments(_ values: [Double]) -> [String] {
        zip(free, values).map { "\($0.key)=\(NumberFormat.exact($1))" }
    }

    /// The scenario at `values`.
    public func scenario(at values: [Double]) throws(ScenarioError) -> LoadedScenario {
        try ScenarioLoader.load(scenario, overrides: overrides + assignments(values))
    }

    /// Runs the candidate `values` on up to `threads` threads: each target's KPI over the
    /// replications.
    public func run(_ values: [Double], threads: Int) throws -> [KPISummary] {
        let loaded = try scenario(at: values)
        let runner = ReplicationRunner(configuration: loaded.configuration, length: length, seed: seed, generator: generator)
        let results = try runner.run(Array(0..<replications), threads: threads)
        return targets.map { target in
            KPISummary(id: target.kpi, stratum: target.stratum, unit: target.definition?.unit ?? "",
                       values: results.map { $0.value(target.kpi, stratum: target.stratum) ?? .nan })
        }
    }
}

/// How far a candidate's KPIs are from the targets: the sum over targets of
/// weight × ((model mean − target) / scale)², where a target's scale combines its own
/// standard error with the model's Monte Carlo standard error of the mean (measured once, at
/// the starting point, so the objective's scale stays fixed while the simplex moves).
/// With weights of 1 and independent, normal errors this is −2 log likelihood up to a
/// constant, so its curvature at the minimum gives the free keys' approximate covariance.
public struct CalibrationObjective: Sendable {
    public let targets: [CalibrationTarget]
    /// Per target, sqrt(target standard error² + model standard error²).
    public let scales: [Double]

    /// Scales from the model's spread at the starting point, `start`.
    public init(targets: [CalibrationTarget], start: [KPISummary]) {
        self.targets = targets
        scales = zip(targets, start).map { target, model in
            let monteCarlo = model.count > 1 && model.standardDeviation.isFinite
                ? model.standardDeviation / Double(model.count).squareRoot() : 0
            return (target.standardError * target.standardError + monteCarlo * monteCarlo).squareRoot()
        }
    }

    /// Each target's standardised difference, (model − target) / scale; NaN where the model
    /// left the KPI undefined in every replication.
    public func differences(_ model: [KPISummary]) -> [Double] {
        zip(zip(targets, scales), model).map { pair, kpi in
            kpi.count > 0 ? (kpi.mean - pair.0.value) / pair.1 : .nan
        }
    }

    /// The objective; infinite when a KPI is undefined in every replication (a candidate the
    /// targets cannot judge is no match).
    public func value(_ model: [KPISummary]) -> Double {
        zip(targets, differences(model)).reduce(0.0) { total, pair in
            pair.1.isNaN ? .infinity : total + pair.0.weight * pair.1 * pair.1
        }
    }
}
