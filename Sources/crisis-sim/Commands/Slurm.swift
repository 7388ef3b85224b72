import ArgumentParser
import CrisisExperiment
import Foundation

struct Slurm: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm",
        abstract: "Write Slurm scripts that run an experiment as an array job, one task per shard, then merge it.",
        discussion: """
            Give Slurm's options first, then the experiment exactly as you would run it on one \
            machine (run, compare, sweep or plan and its arguments, without --shard, --output or \
            --threads). Writes, under OUTPUT/slurm:
              shards.sbatch  one array task per shard: crisis-sim ... --shard K/N
              merge.sbatch   crisis-sim merge OUTPUT, after every shard has succeeded
              submit.sh      submits the shards not yet complete, then the merge; run it again
                             after a failure or time-out and only the missing shards run
            For plan, the shards run the first stage (every point at --initial-replications) \
            and merge.sbatch runs the plan itself, which reads them and spends the rest of the \
            replications where the calls are close, on --cpus-per-task cores: give it a \
            --merge-time to match.
            `submit.sh --wait` returns when the merge job ends, with its exit status. The \
            jobs run in --workdir (default: here), so relative scenario paths mean what they \
            mean here, and OUTPUT must be on a file system every node sees. See docs/CLUSTER.md.

            Examples:
              crisis-sim slurm --shards 50 --output /scratch/me/beds run \\
                  Scenarios/baseline.yaml --replications 1000
              crisis-sim slurm --shards 20 --time 00:30:00 --module swift/6.3 \\
                  --output results/grid sweep Scenarios/baseline.yaml \\
                  --vary areas.Northshire.beds=80...120:5 --replications 100
              crisis-sim slurm --shards 20 --cpus-per-task 4 --merge-time 02:00:00 \\
                  --output results/plan plan Scenarios/crisis-house.yaml \\
                  --decide areas.Northshire.beds=70...90 \\
                  --decide crisis_house.places=0...12:2 --target 'oap.bed_days<=500'
            """
    )

    // Numbers parse unconditionally so that `-1` is refused with the option's limit, and in decimal
    // as a scenario file writes them (NumberArgument).
    @Option(parsing: .unconditional, help: "Shards: array tasks, each running an even share of the replications (and sweep points).",
            transform: NumberArgument.integer)
    var shards: Int

    @Option(help: "Results folder, on a file system every node sees (shard files, merged results, scripts, logs).", transform: outputPathArgument)
    var output: String

    @Option(name: .customLong("job-name"), help: "Job name (default: crisis-<scenario name>).")
    var jobName: String?

    @Option(help: "Partition (default: the cluster's).") var partition: String?
    @Option(help: "Account to charge (default: yours).") var account: String?

    @Option(help: "Wall-clock limit of each shard, as sbatch takes it (D-HH:MM:SS, HH:MM:SS, minutes).")
    var time = "01:00:00"

    @Option(name: .customLong("merge-time"), help: "Wall-clock limit of the merge job.")
    var mergeTime = "00:15:00"

    @Option(name: .customLong("cpus-per-task"), parsing: .unconditional, help: "Cores per shard: its replications run on that many threads (default: 1).",
            transform: NumberArgument.integer)
    var cpusPerTask = 1

    @Option(help: "Memory per shard, as sbatch takes it.")
    var mem = "2G"

    @Option(name: .customLong("merge-mem"),
            help: "Memory of the merge job (default: --mem); it holds every KPI value, about 8 kB per replication (docs/CLUSTER.md).")
    var mergeMem: String?

    @Option(name: .customLong("max-running"), parsing: .unconditional, help: "Most shards running at once (the array's %limit).",
            transform: NumberArgument.integer)
    var maxRunning: Int?

    @Option(name: .customLong("module"), parsing: .singleValue,
            help: ArgumentHelp("An environment module to load first, e.g. swift/6.3 (repeatable).", valueName: "name"))
    var modules: [String] = []

    @Option(name: .customLong("sbatch"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("An extra sbatch option for both jobs, e.g. --sbatch=--qos=short (repeatable).",
                               valueName: "option"))
    var extraOptions: [String] = []

    @Option(help: "crisis-sim as the compute nodes see it (default: this executable).")
    var binary: String?

    @Option(help: "Folder the jobs run in; relative scenario paths are read from it (default: the current folder).")
    var workdir: String?

    @Argument(parsing: .captureForPassthrough,
              help: ArgumentHelp("The experiment: run, compare, sweep or plan with its arguments.", valueName: "experiment"))
    var experiment: [String] = []

    static let kinds = ["run", "compare", "sweep", "plan"]

    func validate() throws {
        guard shards >= 1, shards <= ShardSpec.maximumCount else {
            throw ValidationError("--shards must be between 1 and \(ShardSpec.maximumCount)")
        }
        guard cpusPerTask >= 1 else { throw ValidationError("--cpus-per-task must be at least 1") }
        if let maxRunning, maxRunning < 1 { throw ValidationError("--max-running must be at least 1") }
        guard let kind = experiment.first, Slurm.kinds.contains(kind) else {
            throw ValidationError("after Slurm's options, give the experiment: run, compare, sweep or plan and its arguments, "
                + "e.g. crisis-sim slurm --shards 10 --output results/big run Scenarios/baseline.yaml --replications 200")
        }
        for argument in experiment.dropFirst() {
            let name = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
            if ["--shard", "--output", "--threads"].contains(name) {
                throw ValidationError("\(name) is set by the Slurm scripts; leave it out of the experiment's arguments")
            }
            if name == "--daily" || name == "--report" {
                throw ValidationError("\(name) cannot be sharded: it needs daily series, which shard files do not keep")
            }
        }
        // The scripts are shell: no value may carry a line break into them, and the folder (also
        // written into #SBATCH lines, which are not quoted) no control character at all.
        for value in [time, mergeTime, mem, mergeMem ?? ""] + modules + extraOptions + [partition, account, jobName].compactMap({ $0 })
            where value.contains(where: { $0 == "\n" || $0 == "\r" }) {
            throw ValidationError("line breaks are not allowed in Slurm options")
        }
        if output.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw ValidationError("--output: control characters (line breaks, tabs, escapes) are not allowed in a folder the Slurm scripts name")
        }
        // The experiment's words are quoted into commands and echoed into comment lines: a line
        // break there would end the comment and run the rest (an outside audit ran a command
        // this way through --set), and an escape would garble the logs.
        func isControl(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.generalCategory == .control }
        for (index, argument) in experiment.enumerated() where argument.unicodeScalars.contains(where: isControl) {
            let after = index > 0 ? " (after '\(experiment[index - 1])')" : ""
            var shown = String.UnicodeScalarView()
            shown.append(contentsOf: argument.unicodeScalars.map { isControl($0) ? "?" : $0 })
            throw ValidationError("the experiment's argument \(index + 1)\(after), '\(String(shown))', holds a control "
                + "character (a line break, tab or escape, shown as ?), which the Slurm scripts cannot carry safely: "
                + "put multi-line text in a scenario file instead")
        }
        for (option, value) in [("--time", time), ("--merge-time", mergeTime)] where !Slurm.isTimeLimit(value) {
            throw ValidationError("\(option) '\(value)': expected a Slurm time limit such as 01:00:00, 90 or 2-12:00:00")
        }
        for (option, value) in [("--mem", mem), ("--merge-mem", mergeMem)] where value.map(Slurm.isMemory) == false {
            throw ValidationError("\(option) '\(value ?? "")': expected a Slurm memory size such as 2G, 500M or 4096")
        }
    }

    /// Slurm's time formats: minutes, minutes:seconds, hours:minutes:seconds, days-hours,
    /// days-hours:minutes, days-hours:minutes:seconds. ASCII digits: a regex's `\d` is any
    /// Unicode digit, and `٠١:٠٠:٠٠` went into the #SBATCH lines.
    static func isTimeLimit(_ text: String) -> Bool {
        text.wholeMatch(of: /([0-9]+-)?[0-9]+(:[0-9]+){0,2}/) != nil
    }

    /// A memory size: a whole number (ASCII digits) with an optional K, M, G or T unit.
    static func isMemory(_ text: String) -> Bool {
        text.wholeMatch(of: /[0-9]+[KMGTkmgt]?/) != nil
    }

    /// The experiment's plan, loading and validating every scenario now rather than on the cluster.
    private func plan() throws -> (ExperimentPlan, name: String) {
        let arguments = Array(experiment.dropFirst())
        func parsed<C: ParsableCommand>(_ type: C.Type) throws -> C {
            do { return try C.parse(arguments) } catch {
                throw ValidationError("\(experiment[0]): \(C.message(for: error))")
            }
        }
        switch experiment[0] {
        case "run":
            let command = try parsed(Run.self)
            return (command.experimentPlan(try loadScenario(command.scenario, overrides: command.scenarioOptions.overrides)),
                    scenarioName(command.scenario))
        case "compare":
            let command = try parsed(Compare.self)
            return (command.experimentPlan(try command.loadScenarios()), "compare-" + scenarioName(command.base))
        case "plan":
            let command = try parsed(Plan.self)
            return (try command.firstStagePlan(try command.problem()), "plan-" + scenarioName(command.scenario))
        default:
            let command = try parsed(Sweep.self)
            return (try command.experimentPlan(), "sweep-" + scenarioName(command.scenario))
        }
    }

    func run() throws {
        let (plan, name) = try plan()
        let here = FileManager.default.currentDirectoryPath
        let folder = absolute(output, from: here)
        let workFolder = absolute(workdir ?? here, from: here)
        let scripts = folder.appendingPathComponent("slurm")
        let logs = scripts.appendingPathComponent("logs")
        try AtomicFile.createFolder(logs)
        let executable = absolute(binary ?? Slurm.currentExecutable(), from: here).path

        let scriptText = SlurmScripts(
            executable: executable, experiment: experiment, shards: shards, items: plan.identity.itemCount,
            job: jobName ?? "crisis-\(name)", resultsFolder: folder, scriptsFolder: scripts, workFolder: workFolder,
            cpusPerTask: cpusPerTask, mem: mem, time: time, mergeMem: mergeMem ?? mem, mergeTime: mergeTime,
            partition: partition, account: account, extraOptions: extraOptions, modules: modules, maxRunning: maxRunning)
        let items = scriptText.items, perShard = scriptText.perShard
        try AtomicFile.write(scriptText.shardScript, to: scripts.appendingPathComponent("shards.sbatch"))
        try AtomicFile.write(scriptText.mergeScript, to: scripts.appendingPathComponent("merge.sbatch"))
        try AtomicFile.write(scriptText.submitScript, to: scripts.appendingPathComponent("submit.sh"))
        for file in ["shards.sbatch", "merge.sbatch", "submit.sh"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755],
                                                  ofItemAtPath: scripts.appendingPathComponent(file).path)
        }
        let groups = plan.identity.groups.count == 1 ? ""
            : " (\(plan.identity.groups.count) \(plan.identity.kind == .compare ? "scenarios" : "points") x \(plan.identity.replications))"
        print("\(name): \(items) replications\(groups) in \(shards) shards of at most \(perShard), "
            + "\(cpusPerTask) core\(cpusPerTask == 1 ? "" : "s") each")
        if shards > items { print("note: \(shards - items) shards have no work: use --shards \(items) or fewer") }
        print("Wrote \(scripts.path)/shards.sbatch, merge.sbatch, submit.sh")
        print("Submit with: \(scripts.path)/submit.sh   (again after a failure: only missing shards run)")
    }

    private func absolute(_ path: String, from folder: String) -> URL {
        (path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: folder).appendingPathComponent(path))
            .standardizedFileURL
    }

    /// This process's executable, symbolic links resolved.
    static func currentExecutable() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
