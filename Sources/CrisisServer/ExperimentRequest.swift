import CrisisExperiment
import CrisisScenario
import Foundation

/// What the page asks to run: one scenario, a comparison of two to four (base first), or a
/// sweep of one scenario over one lever; the run settings default to the (base) scenario's.
struct ExperimentRequest: Decodable, Sendable {
    enum Kind: String, Decodable, Sendable {
        case run, compare, sweep
    }

    let kind: Kind
    /// Scenario ids (`library/baseline`), base first.
    let scenarios: [String]
    let replications: Int?
    let horizonDays: Double?
    let warmupDays: Double?
    /// For a sweep: `KEY=LOW...HIGH:STEP`, as `sweep --vary` takes it.
    let vary: String?

    /// Most replications the desk runs of one scenario or sweep point: what-ifs at a desk, not
    /// the cluster runs `crisis-sim slurm` is for (memory grows with replications).
    static let maximumReplications = 1_000
    /// Most scenarios in one comparison, so that the report's charts stay readable.
    static let maximumCompared = 4
    /// Most points in one sweep from the desk.
    static let maximumPoints = 41

    /// The experiment, every scenario loaded and checked, with each group's scenario as it
    /// runs (none for a sweep); a 4xx with every problem otherwise (scenario problems as
    /// `validate` prints them).
    func plan(in library: ScenarioLibrary) throws -> (plan: ExperimentPlan, resolvedScenarios: [String]) {
        var problems: [String] = []
        switch kind {
        case .run where scenarios.count != 1: problems.append("a run takes one scenario; \(scenarios.count) given")
        case .sweep where scenarios.count != 1: problems.append("a sweep takes one scenario; \(scenarios.count) given")
        case .compare where !(2...Self.maximumCompared).contains(scenarios.count):
            problems.append("a comparison takes 2 to \(Self.maximumCompared) scenarios, the base first; \(scenarios.count) given")
        case .compare where Set(scenarios.map { $0.split(separator: "/").last ?? "" }).count != scenarios.count:
            problems.append("two of the scenarios compared have the same name: the report and comparison.csv name each "
                + "scenario by its file name; save one under another name")
        default: break
        }
        if let replications, !(1...Self.maximumReplications).contains(replications) {
            problems.append("replications: expected an integer in [1, \(Self.maximumReplications)] here "
                + "(the command line runs more), got \(replications)")
        }
        if let horizonDays, RunSettingLimit.horizonDays.number(NumberFormat.exact(horizonDays)) == nil {
            problems.append("horizon_days: expected \(RunSettingLimit.horizonDays.expectation), got \(NumberFormat.exact(horizonDays))")
        }
        if let warmupDays, RunSettingLimit.warmupDays.number(NumberFormat.exact(warmupDays)) == nil {
            problems.append("warmup_days: expected \(RunSettingLimit.warmupDays.expectation), got \(NumberFormat.exact(warmupDays))")
        }
        var grid: SweepGrid?
        if kind == .sweep {
            do throws(ArgumentProblems) {
                let parsed = try SweepGrid.parse(vary.map { [$0] } ?? [])
                if parsed.points.count > Self.maximumPoints {
                    problems.append("the sweep has \(parsed.points.count) points; at most \(Self.maximumPoints) here: use a larger step")
                }
                grid = parsed
            } catch {
                problems += error.problems
            }
        }
        guard problems.isEmpty else { throw APIError(.badRequest, problems) }

        var loaded: [(path: String, loaded: LoadedScenario)] = []
        for id in scenarios {
            do {
                let (path, scenario) = try library.load(id)
                loaded.append((path, scenario))
            } catch let error as APIError {
                problems += error.problems
            }
        }
        guard problems.isEmpty else { throw APIError(.unprocessableContent, problems) }
        let settings = settings(for: loaded[0].loaded)
        switch kind {
        case .run: return (.run(loaded[0].path, loaded[0].loaded, settings: settings), [loaded[0].loaded.resolvedYAML])
        case .compare: return (.comparison(loaded, settings: settings), loaded.map(\.loaded.resolvedYAML))
        case .sweep:
            let grid = grid!
            let path = loaded[0].path
            var points: [LoadedScenario] = []
            for point in grid.points {
                do throws(ScenarioError) {
                    points.append(try ScenarioLoader.load(path, overrides: grid.assignments(at: point)))
                } catch {
                    // The same bad key fails at every point: the first point's problems say it.
                    throw APIError(.unprocessableContent, error.problems.map { $0.description(loading: path) })
                }
            }
            return (.sweep(path, base: loaded[0].loaded, grid: grid, points: points, kpis: Self.sweepKPIs, stratum: "all",
                           settings: settings), [])
        }
    }

    /// What a sweep from the desk charts: the figures a bed or staffing lever moves.
    static let sweepKPIs = ["oap.placements", "oap.bed_days", "beds.occupancy", "time_to_bed.mean", "costs.total"]

    private func settings(for scenario: LoadedScenario) -> RunSettings {
        var settings = scenario.run
        if let replications { settings.replications = replications }
        if let horizonDays { settings.horizonDays = horizonDays }
        if let warmupDays { settings.warmupDays = warmupDays }
        return settings
    }
}
