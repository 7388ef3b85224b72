import ArgumentParser
import CrisisExperiment
import CrisisModel
import CrisisReport
import CrisisScenario
import Foundation

struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Find the least capacity that meets targets with a stated confidence: how much of what do we need?",
        discussion: """
            Each --decide KEY=LOW...HIGH[:STEP] is a decision (any numeric key: beds, crisis-team \
            assessors, home treatment staff, crisis-house places; STEP 1 unless given); each \
            --target 'KPI<=VALUE' or 'KPI>=VALUE' must hold at the recommended point with \
            --confidence (default 0.95), judged by one-sided t bounds that are tested at every \
            batch of replications (Bonferroni over targets and looks, so the stated confidence \
            holds however many looks a point took). --minimise names a decision key (the \
            cheapest point shown feasible is the answer, and only points up to it are run) or \
            a KPI (default costs.total: every point is screened, then Kim and Nelson's KN \
            procedure selects the best feasible point, within --indifference of the best with \
            the stated confidence). Replications go where calls are close: a point clearly \
            meeting or missing its targets stops after one batch. Every point runs the same \
            replications with the same seed (common random numbers); the answer is the same for \
            a seed whatever the thread count.

            Writes plan.json (recommended point, runners-up, method, every evaluated point with \
            its KPIs and replications), plan.csv (every point of the grid) and plan.html (cost \
            against out-of-area bed days with the recommended point marked, and a feasibility \
            map), and prints the answer in words.

            Examples:
              crisis-sim plan Scenarios/baseline.yaml \\
                  --decide areas.Northshire.beds=70...90 --target 'oap.bed_days<=500' \\
                  --target 'beds.occupancy<=90' --minimise areas.Northshire.beds
              crisis-sim plan Scenarios/crisis-house.yaml \\
                  --decide areas.Northshire.beds=70...85 \\
                  --decide crisis_house.places=0...12:2 --target 'oap.bed_days<=500'
              crisis-sim plan Scenarios/community-expansion.yaml \\
                  --target 'oap.bed_days<=1500' \\
                  --timeline areas.Northshire.bed_schedule.0.at_day=365...1095:73
            """
    )

    @Argument(help: "Scenario file (YAML).") var scenario: String

    @Option(name: .customLong("decide"), parsing: .singleValue,
            help: ArgumentHelp("A decision key and its values, e.g. areas.Northshire.beds=70...90 or crisis_house.places=0...12:2 (repeatable).",
                               valueName: "key.path=LOW...HIGH[:STEP]"))
    var decide: [String] = []

    @Option(name: .customLong("target"), parsing: .singleValue,
            help: ArgumentHelp("A KPI bound every recommendation must meet, e.g. 'oap.bed_days<=500' (repeatable; quote it).",
                               valueName: "KPI<=VALUE|KPI>=VALUE"))
    var targets: [String]

    @Option(help: ArgumentHelp("What to minimise: a KPI, or one of the decision keys (default: costs.total).", valueName: "kpi|key"))
    var minimise: String?

    @Option(help: ArgumentHelp("A day to decide as early as the targets allow, e.g. areas.Northshire.bed_schedule.0.at_day=365...1095:30 "
                               + "(\"in which month can the beds close?\"): a decision minimised, in days from the start of the run.",
                               valueName: "key.path=FIRST...LAST[:STEP]"))
    var timeline: String?

    /// The decisions: each --decide, then the --timeline day.
    var decisions: [String] { (decide + [timeline].compactMap { $0 }).map(Self.withStep) }

    @Option(parsing: .unconditional, help: "Confidence of every call the plan makes, in (0.5, 1).", transform: NumberArgument.number)
    var confidence = 0.95

    @Option(name: .customLong("initial-replications"), parsing: .unconditional,
            help: "Replications each point starts with, and the batch it grows by.", transform: NumberArgument.integer)
    var initialReplications = 10

    @Option(name: .customLong("max-replications"), parsing: .unconditional,
            help: "Most replications a point may have before it is called undecided.", transform: NumberArgument.integer)
    var maxReplications = 200

    @Option(parsing: .unconditional,
            help: "For a KPI objective: the smallest difference worth telling apart, in its unit (default: 1% of its mean).",
            transform: NumberArgument.number)
    var indifference: Double?

    @OptionGroup var scenarioOptions: ScenarioOptions
    @OptionGroup var runOptions: RunSettingOptions

    /// Not a plan option (each point's replications grow as its calls need), but the one a
    /// `run` user types first: kept out of the help and refused with the reason.
    @Option(help: .hidden) var replications: String?

    @Option(name: .shortAndLong, help: "Folder for plan.json, plan.csv and plan.html (default: results/plan-<scenario name>).",
            transform: outputPathArgument)
    var output: String?

    @Option(help: ArgumentHelp("Run only shard K of N of the plan's first stage (every point at --initial-replications) and write "
                               + "shard-K-of-N.partial.json in --output; the same plan without --shard, in that folder, reads "
                               + "the shards and finishes the plan.", valueName: "K/N"), transform: ShardSpec.argument)
    var shard: ShardSpec?

    func validate() throws {
        var problems: [String] = []
        if replications != nil {
            problems.append("--replications is not a plan option: each point's replications grow from --initial-replications to --max-replications as its calls need")
        }
        if !(confidence > 0.5 && confidence < 1) { problems.append("--confidence must be in (0.5, 1), e.g. 0.95") }
        if !(3...1_000).contains(initialReplications) { problems.append("--initial-replications must be an integer in [3, 1000]") }
        if !(initialReplications...100_000).contains(maxReplications) {
            problems.append("--max-replications must be an integer from --initial-replications (\(initialReplications)) to 100000")
        }
        if let indifference, !(indifference > 0) { problems.append("--indifference must be above 0") }
        if targets.isEmpty { problems.append("give at least one --target, e.g. --target 'oap.bed_days<=500'") }
        if timeline != nil, let minimise { problems.append("--timeline minimises its day; leave out --minimise \(minimise)") }
        if decisions.isEmpty { problems.append("give at least one --decide KEY=LOW...HIGH[:STEP] or a --timeline") }
        do { _ = try SweepGrid.parse(decisions) } catch {
            problems += error.problems.filter { !$0.hasPrefix("give at least one --vary") }.map { problem in
                let typed = timeline.map { "--vary " + Self.withStep($0) }
                return typed.map { problem.hasPrefix($0) } == true ? "--timeline" + problem.dropFirst("--vary".count)
                    : problem.replacingOccurrences(of: "--vary", with: "--decide")
            }
        }
        for target in targets { if case .failure(let error) = PlanTarget.parse(target) { problems += error.problems } }
        if !problems.isEmpty { throw ValidationError(problems.joined(separator: "\n")) }
    }

    /// Grids larger than this are warned about: every point may be run.
    static let largeGrid = 500

    /// `KEY=LOW...HIGH` with the step of 1 a decision takes unless given.
    static func withStep(_ argument: String) -> String {
        guard let dots = argument.range(of: "..."), !argument[dots.upperBound...].contains(":") else { return argument }
        return argument + ":1"
    }

    var resultsFolder: URL { URL(fileURLWithPath: output ?? "results/plan-\(scenarioName(scenario))") }

    /// The plan as asked: the grid, targets and objective checked, every point loadable, the
    /// scenario's warnings printed.
    func problem() throws -> PlanProblem {
        let grid = try SweepGrid.parse(decisions)
        let base = try loadScenario(scenario, overrides: scenarioOptions.overrides)
        let minimise = timeline.map { String($0.prefix { $0 != "=" }) } ?? self.minimise ?? "costs.total"
        let objective: PlanProblem.Objective
        if let axis = grid.axes.firstIndex(where: { $0.key == minimise || ScenarioChanges.keyPath($0.key, in: base) == minimise }) {
            objective = .decision(axis)
        } else if let problem = KPIIdentifier.problem(minimise, option: "--minimise") {
            throw ValidationError(problem + "; or name one of the --decide keys (\(grid.axes.map(\.key).joined(separator: ", ")))")
        } else {
            objective = .kpi(minimise)
        }
        // A decision is a number: a word or a section would give points that all run the same.
        let notNumbers = grid.axes.filter { ScenarioSchema.takesWholeNumbers(keyPath: $0.key) == nil
            && ScenarioChanges.number(at: $0.key, in: base) == nil }
        if !notNumbers.isEmpty {
            throw ValidationError(notNumbers.map { "--decide \($0.key): not a number in \(scenario); a decision is a numeric key "
                + "(beds, staff, places, a schedule's at_day)" }.joined(separator: "\n"))
        }
        if grid.points.count > Self.largeGrid {
            printError("\(scenario): warning: \(grid.points.count) points; a plan screens every point for a KPI objective "
                + "(each at least \(initialReplications) replications): coarser steps answer sooner")
        }
        // Every point must load before anything runs: a bad key fails at every point.
        for point in [grid.points.first!, grid.points.last!] {
            do {
                _ = try ScenarioLoader.load(scenario, overrides: scenarioOptions.overrides + grid.assignments(at: point))
            } catch {
                printError(error.description(loading: scenario))
                printError("at plan point \(grid.assignments(at: point).joined(separator: ", ")); nothing was run")
                throw ExitCode(1)
            }
        }
        let settings = runOptions.settings(for: base)
        printWarnings(of: [base], for: settings)
        return PlanProblem(
            scenario: scenario, overrides: scenarioOptions.overrides, grid: grid,
            targets: try targets.map { try PlanTarget.parse($0).get() }, objective: objective, confidence: confidence,
            initialReplications: initialReplications, maximumReplications: maxReplications, indifference: indifference,
            seed: settings.seed, generator: settings.generator,
            length: RunLength(warmupDays: settings.warmupDays, horizonDays: settings.horizonDays))
    }

    func run() throws {
        let problem = try problem()
        let grid = problem.grid
        let folder = resultsFolder
        if let shard {
            try ShardWork.run(try firstStagePlan(problem), shard: shard, name: "plan-\(scenarioName(scenario))", folder: folder,
                              threads: runOptions.threads, quiet: runOptions.quiet,
                              finish: "the same plan command without --shard, with --output \(folder.path)")
            return
        }
        try AtomicFile.createFolder(folder)  // a bad --output stops now, not after the plan
        let firstStage = try readFirstStage(of: problem, in: folder)
        let progress = Progress("plan-\(scenarioName(scenario))", total: 0, quiet: runOptions.quiet)
        let points = grid.points.count
        let started = Date()
        let result = try Planner.run(problem, threads: runOptions.threads, firstStage: firstStage) { decided, replications in
            progress.update("\(decided) of \(points) points decided, \(NumberFormat.grouped(Double(replications))) replications")
        }
        Progress.endLine()
        let seconds = Date().timeIntervalSince(started)
        try AtomicFile.write(PlanCSV.text(result), to: folder.appendingPathComponent(PlanCSV.fileName))
        try AtomicFile.write(PlanPage.html(result), to: folder.appendingPathComponent(PlanPage.fileName))
        try AtomicFile.write(PlanJSON.text(result), to: folder.appendingPathComponent(PlanJSON.fileName))
        print(PlanText.report(result, seconds: seconds))
        print("")
        print("Wrote \(folder.path)/\(PlanJSON.fileName), \(PlanCSV.fileName), \(PlanPage.fileName)")
        if result.recommended == nil { throw ExitCode(2) }
    }
}
