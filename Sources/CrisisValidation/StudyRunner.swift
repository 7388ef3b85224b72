import CrisisExperiment
import CrisisModel
import CrisisScenario
import Foundation

/// The replications of one study file, perhaps with keys overridden (a sweep point), run as
/// `crisis-sim run` runs it: the file's own run settings, seed and generator.
public struct StudyResults: Sendable {
    /// The file, relative to the package root: `Scenarios/studies/erlang-c-20-beds.yaml`.
    public let file: String
    /// `--set` assignments applied after loading (a sweep point); empty for the file as it is.
    public let overrides: [String]
    public let scenario: LoadedScenario
    public let replications: [ReplicationResult]

    /// The file name, with any overrides: how rows and messages name the study.
    public var label: String { Self.label(file: file, overrides: overrides) }

    static func label(file: String, overrides: [String]) -> String {
        ([URL(fileURLWithPath: file).lastPathComponent] + overrides).joined(separator: " ")
    }

    /// Each replication's whole-system value of KPI `id`.
    /// - Throws: `ValidationRunError.missingKPI` when the results do not report `id`.
    public func values(_ id: String) throws -> [Double] {
        try replications.map { result in
            guard let value = result.value(id) else { throw ValidationRunError.missingKPI(id: id, study: label) }
            return value
        }
    }

    /// KPI `id` summarised over the replications: mean and 95% Student t interval.
    public func summary(_ id: String) throws -> KPISummary {
        KPISummary(id: id, stratum: "all", unit: KPIText.unit(id), values: try values(id))
    }

    /// `part` as a percentage of `whole`, replication by replication, then summarised: the
    /// share the bands give, which no single KPI reports (detained share of admissions).
    public func summary(share part: String, of whole: String) throws -> KPISummary {
        let shares = zip(try values(part), try values(whole)).map { $1 > 0 ? 100 * $0 / $1 : .nan }
        return KPISummary(id: "\(part) / \(whole)", stratum: "all", unit: "%", values: shares)
    }

    /// The planner's estimate of each area's bed demand from the configuration alone
    /// (`crisis-sim describe`). In the bed-model studies every referral is an admission at
    /// once, so it is exact: the offered load the analytic results are evaluated at.
    public var flow: [FlowEstimate] { FlowEstimate.estimate(scenario.configuration) }

    /// The one area of a single-ward study.
    public func singleArea() throws -> FlowEstimate {
        let areas = flow
        guard areas.count == 1 else {
            throw ValidationRunError.study(file: file, problem: "this check needs exactly one area; the study has \(areas.count)")
        }
        return areas[0]
    }
}

/// Loads and runs study files, each (file, overrides) once however many checks read it.
///
/// A study runs the replications its file asks for (`run.replications`) unless
/// `replications` overrides them all; results do not depend on `threads`.
public final class StudyRunner {
    /// Called when a study starts, with its label and replication count; returns what to
    /// call after each replication with the number done (or nil for no progress).
    public typealias ProgressStart = (_ label: String, _ replications: Int) -> (@Sendable (Int) -> Void)?

    public let root: URL
    public let replications: Int?
    public let threads: Int
    private let progress: ProgressStart?
    private var finished: [[String]: StudyResults] = [:]

    /// - Parameters:
    ///   - root: the package root; study files are named relative to it.
    ///   - replications: replications for every study instead of each file's own.
    public init(root: URL, replications: Int? = nil, threads: Int, progress: ProgressStart? = nil) {
        self.root = root
        self.replications = replications
        self.threads = threads
        self.progress = progress
    }

    /// The replications of `file` (relative to the root) with `overrides` applied.
    public func results(_ file: String, overrides: [String] = []) throws -> StudyResults {
        let key = [file] + overrides
        if let done = finished[key] { return done }
        let scenario: LoadedScenario
        do {
            scenario = try ScenarioLoader.load(root.appendingPathComponent(file).path, overrides: overrides)
        } catch {
            throw ValidationRunError.scenario(file: file, problems: error.description)
        }
        let settings = scenario.run
        let count = replications ?? settings.replications
        let runner = ReplicationRunner(configuration: scenario.configuration,
                                       length: RunLength(warmupDays: settings.warmupDays, horizonDays: settings.horizonDays),
                                       seed: settings.seed, generator: settings.generator)
        let label = StudyResults.label(file: file, overrides: overrides)
        let results = try runner.run(Array(0..<count), threads: threads, progress: progress?(label, count))
        let study = StudyResults(file: file, overrides: overrides, scenario: scenario, replications: results)
        finished[key] = study
        return study
    }
}
