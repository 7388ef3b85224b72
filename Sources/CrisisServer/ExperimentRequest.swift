import CrisisExperiment
import CrisisModel
import CrisisScenario
import Foundation

/// What the page asks to run: one scenario, a comparison of two to four (base first), a
/// sweep of one scenario over one lever, or a plan (the least of one lever that meets
/// targets); the run settings default to the (base) scenario's.
struct ExperimentRequest: Decodable, Sendable {
    enum Kind: String, Decodable, Sendable {
        case run, compare, sweep, plan
    }

    let kind: Kind
    /// Scenario ids (`library/baseline`), base first.
    let scenarios: [String]
    /// The run settings the page's boxes give, each as typed: a JSON number or string.
    let replications: TypedNumber?
    let seed: TypedNumber?
    let horizonDays: TypedNumber?
    let warmupDays: TypedNumber?
    /// For a sweep and a plan: `KEY=LOW...HIGH:STEP`, as `sweep --vary` and `plan --decide` take it.
    let vary: String?
    /// For a plan: `KPI<=VALUE` or `KPI>=VALUE` each, as `plan --target` takes them.
    let targets: [String]?
    /// The page's own boxes for a sweep's or plan's lever and a plan's target, in place of
    /// `vary` and `targets`: refusals then name those boxes.
    let lever: DeskLever?
    let target: DeskTarget?

    /// Most replications the desk runs of one scenario or sweep point: what-ifs at a desk, not
    /// the cluster runs `crisis-sim slurm` is for (memory grows with replications).
    static let maximumReplications = 1_000
    /// Most scenarios in one comparison, so that the report's charts stay readable.
    static let maximumCompared = 4
    /// Most points in one sweep from the desk.
    static let maximumPoints = 41

    /// The work, every scenario loaded and checked; a 4xx with every problem otherwise
    /// (scenario problems as `validate` prints them).
    func work(in library: ScenarioLibrary) throws -> ExperimentJob.Work {
        var problems: [String] = []
        switch kind {
        case .run where scenarios.count != 1: problems.append("a run takes one scenario; \(scenarios.count) given")
        case .sweep where scenarios.count != 1, .plan where scenarios.count != 1:
            problems.append("a \(kind.rawValue) takes one scenario; \(scenarios.count) given")
        case .compare where !(2...Self.maximumCompared).contains(scenarios.count):
            problems.append("a comparison takes 2 to \(Self.maximumCompared) scenarios, the base first; \(scenarios.count) given")
        case .compare where Set(scenarios.map { $0.split(separator: "/").last ?? "" }).count != scenarios.count:
            problems.append("two of the scenarios compared have the same name: the report and comparison.csv name each "
                + "scenario by its file name; save one under another name")
        default: break
        }
        var fields: [FieldProblem] = []
        var targets: [PlanTarget] = []
        if kind == .plan {
            if let target {
                switch target.target() {
                case .success(let parsed): targets.append(parsed)
                case .failure(let error): (problems, fields) = (problems + error.problems, fields + error.fields)
                }
            }
            for target in self.targets ?? [] {
                switch PlanTarget.parse(target) {
                case .success(let parsed): targets.append(parsed)
                case .failure(let error): problems += error.problems
                }
            }
            if targets.isEmpty, problems.isEmpty { problems.append("a plan needs at least one target, e.g. oap.bed_days<=1000") }
        }
        var grid: SweepGrid?
        if let lever, kind == .sweep || kind == .plan {
            switch lever.grid(kind: kind.rawValue, maximumPoints: Self.maximumPoints) {
            case .success(let parsed): grid = parsed
            case .failure(let error): (problems, fields) = (problems + error.problems, fields + error.fields)
            }
        } else if kind == .sweep || kind == .plan {
            do throws(ArgumentProblems) {
                let parsed = try SweepGrid.parse(vary.map { [$0] } ?? [])
                if parsed.points.count > Self.maximumPoints {
                    problems.append("the \(kind.rawValue) has \(parsed.points.count) points; at most \(Self.maximumPoints) here: use a larger step")
                }
                grid = parsed
            } catch {
                problems += error.problems
            }
        }
        guard problems.isEmpty else { throw APIError(.badRequest, problems, fields: fields) }
        // A value out of range, or not a number, is refused by name, never replaced by the
        // scenario's own: a run of 10 replications when -3 was typed answers another question.
        var overrides = Overrides()
        var refused: [String] = []
        if let replications {
            if let value = RunSettingLimit.replications.integer(replications.text), value <= Self.maximumReplications {
                overrides.replications = value
            } else {
                refused.append("replications: expected an integer in [1, \(Self.maximumReplications)] here "
                    + "(the command line runs more), got \(replications)")
            }
        }
        if let seed {
            if let value = RunSettingLimit.seed.integer(seed.text) { overrides.seed = value } else {
                refused.append("seed: expected \(RunSettingLimit.seed.expectation), got \(seed)")
            }
        }
        if let horizonDays {
            if let value = RunSettingLimit.horizonDays.number(horizonDays.text) { overrides.horizonDays = value } else {
                refused.append("horizon_days: expected \(RunSettingLimit.horizonDays.expectation), got \(horizonDays)")
            }
        }
        if let warmupDays {
            if let value = RunSettingLimit.warmupDays.number(warmupDays.text) { overrides.warmupDays = value } else {
                refused.append("warmup_days: expected \(RunSettingLimit.warmupDays.expectation), got \(warmupDays)")
            }
        }
        guard refused.isEmpty else { throw APIError(.unprocessableContent, refused) }

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
        let settings = overrides.applied(to: loaded[0].loaded.run)
        switch kind {
        case .run:
            return .experiment(.run(loaded[0].path, loaded[0].loaded, settings: settings), resolvedScenarios: [loaded[0].loaded.resolvedYAML])
        case .compare:
            return .experiment(.comparison(loaded, settings: settings), resolvedScenarios: loaded.map(\.loaded.resolvedYAML))
        case .plan:
            return .plan(try planProblem(loaded[0].path, grid: grid!, targets: targets, settings: settings))
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
            return .experiment(.sweep(path, base: loaded[0].loaded, grid: grid, points: points, kpis: Self.sweepKPIs,
                                      stratum: "all", settings: settings), resolvedScenarios: [])
        }
    }

    /// A plan as `crisis-sim plan` makes it with its defaults: the least total cost meeting
    /// every target with 95% confidence, 10 replications a look up to 200 at a point. Both
    /// ends of the grid are loaded first: a bad key fails at every point.
    private func planProblem(_ path: String, grid: SweepGrid, targets: [PlanTarget], settings: RunSettings) throws -> PlanProblem {
        for point in [grid.points.first!, grid.points.last!] {
            do throws(ScenarioError) {
                _ = try ScenarioLoader.load(path, overrides: grid.assignments(at: point))
            } catch {
                throw APIError(.unprocessableContent, error.problems.map { $0.description(loading: path) })
            }
        }
        return PlanProblem(scenario: path, overrides: [], grid: grid, targets: targets, objective: .kpi("costs.total"),
                           confidence: 0.95, initialReplications: 10, maximumReplications: 200, indifference: nil,
                           seed: settings.seed, generator: settings.generator,
                           length: RunLength(warmupDays: settings.warmupDays, horizonDays: settings.horizonDays))
    }

    /// What a sweep from the desk charts: the figures a bed or staffing lever moves.
    static let sweepKPIs = ["oap.placements", "oap.bed_days", "beds.occupancy", "time_to_bed.mean", "costs.total"]

    /// The run settings the request gives, checked; the rest are the scenario's.
    private struct Overrides {
        var replications: Int?
        var seed: Int?
        var horizonDays: Double?
        var warmupDays: Double?

        func applied(to scenario: RunSettings) -> RunSettings {
            var settings = scenario
            if let replications { settings.replications = replications }
            if let seed { settings.seed = UInt64(seed) }
            if let horizonDays { settings.horizonDays = horizonDays }
            if let warmupDays { settings.warmupDays = warmupDays }
            return settings
        }
    }

    /// A number as the page's box held it, a JSON number or a string, so that "abc" or an
    /// empty box is refused by the setting's name and range instead of by the JSON decoder,
    /// or not at all.
    struct TypedNumber: Decodable, Sendable, CustomStringConvertible {
        let text: String

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self.text = text.trimmingCharacters(in: .whitespaces)
            } else if let integer = try? container.decode(Int.self) {
                text = String(integer)
            } else {
                text = NumberFormat.exact(try container.decode(Double.self))
            }
        }

        /// As problems repeat what was given: `-3`, `'abc'`, `nothing`.
        var description: String { text.isEmpty ? "nothing" : (Double(text) == nil ? "'\(text)'" : text) }
    }
}
