import ArgumentParser
import CrisisExperiment
import Foundation

struct Slurm: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write Slurm scripts that run an experiment as an array job, one task per shard, then merge it.",
        discussion: """
            Give Slurm's options first, then the experiment exactly as you would run it on one \
            machine (run, compare or sweep and its arguments, without --shard, --output or \
            --threads). Writes, under OUTPUT/slurm:
              shards.sbatch  one array task per shard: crisis-sim ... --shard K/N
              merge.sbatch   crisis-sim merge OUTPUT, after every shard has succeeded
              submit.sh      submits the shards not yet complete, then the merge; run it again
                             after a failure or time-out and only the missing shards run
            `submit.sh --wait` returns when the merge job ends, with its exit status. The \
            jobs run in --workdir (default: here), so relative scenario paths mean what they \
            mean here, and OUTPUT must be on a file system every node sees. See docs/CLUSTER.md.

            Examples:
              crisis-sim slurm --shards 50 --output /scratch/me/beds run Scenarios/baseline.yaml --replications 1000
              crisis-sim slurm --shards 20 --time 00:30:00 --module swift/6.3 --output results/grid \\
                  sweep Scenarios/baseline.yaml --vary areas.Northshire.beds=80...120:5 --replications 100
            """
    )

    // Numbers parse unconditionally so that `-1` is refused with the option's limit.
    @Option(parsing: .unconditional, help: "Shards: array tasks, each running an even share of the replications (and sweep points).")
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

    @Option(name: .customLong("cpus-per-task"), parsing: .unconditional, help: "Cores per shard: its replications run on that many threads.")
    var cpusPerTask = 1

    @Option(help: "Memory per shard, as sbatch takes it.")
    var mem = "2G"

    @Option(name: .customLong("merge-mem"),
            help: "Memory of the merge job (default: --mem); it holds every KPI value, about 5 kB per replication.")
    var mergeMem: String?

    @Option(name: .customLong("max-running"), parsing: .unconditional, help: "Most shards running at once (the array's %limit).")
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
              help: ArgumentHelp("The experiment: run, compare or sweep with its arguments.", valueName: "experiment"))
    var experiment: [String] = []

    static let kinds = ["run", "compare", "sweep"]

    func validate() throws {
        guard shards >= 1, shards <= ShardSpec.maximumCount else {
            throw ValidationError("--shards must be between 1 and \(ShardSpec.maximumCount)")
        }
        guard cpusPerTask >= 1 else { throw ValidationError("--cpus-per-task must be at least 1") }
        if let maxRunning, maxRunning < 1 { throw ValidationError("--max-running must be at least 1") }
        guard let kind = experiment.first, Slurm.kinds.contains(kind) else {
            throw ValidationError("after Slurm's options, give the experiment: run, compare or sweep and its arguments, "
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
        for (option, value) in [("--time", time), ("--merge-time", mergeTime)] where !Slurm.isTimeLimit(value) {
            throw ValidationError("\(option) '\(value)': expected a Slurm time limit such as 01:00:00, 90 or 2-12:00:00")
        }
        for (option, value) in [("--mem", mem), ("--merge-mem", mergeMem)] where value.map(Slurm.isMemory) == false {
            throw ValidationError("\(option) '\(value ?? "")': expected a Slurm memory size such as 2G, 500M or 4096")
        }
    }

    /// Slurm's time formats: minutes, minutes:seconds, hours:minutes:seconds, days-hours,
    /// days-hours:minutes, days-hours:minutes:seconds.
    static func isTimeLimit(_ text: String) -> Bool {
        text.wholeMatch(of: /(\d+-)?\d+(:\d+){0,2}/) != nil
    }

    /// A memory size: a whole number with an optional K, M, G or T unit.
    static func isMemory(_ text: String) -> Bool {
        text.wholeMatch(of: /\d+[KMGTkmgt]?/) != nil
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

        let job = jobName ?? "crisis-\(name)"
        let items = plan.identity.itemCount
        let perShard = (items + shards - 1) / shards
        let experimentLine = (["crisis-sim"] + experiment).map(Slurm.quote).joined(separator: " ")
        var common: [String] = []
        if let partition { common.append("#SBATCH --partition=\(partition)") }
        if let account { common.append("#SBATCH --account=\(account)") }
        common += extraOptions.map { "#SBATCH \($0)" }
        let moduleLines = modules.isEmpty ? [] : [
            "# Environment modules (the module command is not defined in every batch shell).",
            "command -v module >/dev/null 2>&1 || source /etc/profile.d/modules.sh 2>/dev/null || source /etc/profile >/dev/null 2>&1 || true",
        ] + modules.map { "module load \(Slurm.quote($0))" }

        let shardCommand = ([executable] + experiment).map(Slurm.quote).joined(separator: " ")
            + " --shard \"$shard/\(shards)\" --output \(Slurm.quote(folder.path))"
            + " --threads \"${SLURM_CPUS_PER_TASK:-1}\" --quiet"
        let shardScript = ([
            "#!/bin/bash",
            "# Written by crisis-sim \(RunProvenance.toolVersion) slurm: one array task per shard of",
            "#   \(experimentLine)",
            "# split into \(shards) shards (\(items) replications, at most \(perShard) per shard).",
            "# Submit with submit.sh, which passes --array with the shards not yet complete. A shard whose",
            "# partial result is already complete exits at once, so re-running a task is harmless.",
            "#SBATCH --job-name=\(job)",
            "#SBATCH --output=\(logs.path)/shard-%a.out",
            "#SBATCH --nodes=1",
            "#SBATCH --ntasks=1",
            "#SBATCH --cpus-per-task=\(cpusPerTask)",
            "#SBATCH --mem=\(mem)",
            "#SBATCH --time=\(time)",
        ] + common + moduleLines + [
            "set -euo pipefail",
            "cd \(Slurm.quote(workFolder.path))",
            // A fixed message: a path inside ${...:?} would be expanded (and run) by the shell.
            "shard=\"${SLURM_ARRAY_TASK_ID:?submit this as an array job: run submit.sh beside this script}\"",
            "exec \(shardCommand)",
        ]).joined(separator: "\n") + "\n"

        let mergeScript = ([
            "#!/bin/bash",
            "# Written by crisis-sim \(RunProvenance.toolVersion) slurm: merges the \(shards) shards of",
            "#   \(experimentLine)",
            "# into the files the unsharded command writes. submit.sh runs it after every shard succeeded.",
            "#SBATCH --job-name=\(job)-merge",
            "#SBATCH --output=\(logs.path)/merge.out",
            "#SBATCH --nodes=1",
            "#SBATCH --ntasks=1",
            "#SBATCH --cpus-per-task=1",
            "#SBATCH --mem=\(mergeMem ?? mem)",
            "#SBATCH --time=\(mergeTime)",
        ] + common + moduleLines + [
            "set -euo pipefail",
            "cd \(Slurm.quote(workFolder.path))",
            "exec \(Slurm.quote(executable)) merge \(Slurm.quote(folder.path)) --output \(Slurm.quote(folder.path))",
        ]).joined(separator: "\n") + "\n"

        let throttle = maxRunning.map { "%\($0)" } ?? ""
        let submitScript = """
            #!/bin/bash
            # Written by crisis-sim \(RunProvenance.toolVersion) slurm. Submits the shards of
            #   \(experimentLine)
            # that are not complete yet as one array job, then the merge, which starts when they have
            # all succeeded (and is cancelled if one fails). Safe to run again: complete shards are
            # skipped. With --wait, returns when the merge job ends, with its exit status.
            set -euo pipefail
            scripts=\(Slurm.quote(scripts.path))
            results=\(Slurm.quote(folder.path))
            count=\(shards)
            wait_option=()
            if [ "${1:-}" = "--wait" ]; then wait_option=(--wait); fi

            missing=()
            for ((k = 1; k <= count; k++)); do
                [ -s "$results/shard-$k-of-$count.partial.json" ] || missing+=("$k")
            done
            dependency=()
            if [ "${#missing[@]}" -gt 0 ]; then
                list=$(IFS=,; echo "${missing[*]}")
                array_job=$(sbatch --parsable --array="$list\(throttle)" "$scripts/shards.sbatch")
                array_job=${array_job%%;*}
                echo "submitted ${#missing[@]} of $count shards as array job $array_job"
                dependency=(--dependency="afterok:$array_job" --kill-on-invalid-dep=yes)
            else
                echo "all $count shards are complete"
            fi
            if ! merge_job=$(sbatch --parsable "${dependency[@]}" "${wait_option[@]}" "$scripts/merge.sbatch"); then
                status=$?
                echo "merge job failed (status $status): see $scripts/logs/" >&2
                exit "$status"
            fi
            merge_job=${merge_job%%;*}
            if [ "${#wait_option[@]}" -eq 0 ]; then
                echo "submitted the merge as job $merge_job: results in $results when it ends"
                exit 0
            fi
            # sbatch --wait exits 0 for a job cancelled before it started (a shard failed), so ask.
            state=$(scontrol show job "$merge_job" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | head -n 1 | cut -d= -f2)
            [ -n "$state" ] || state=$(sacct -n -X -j "$merge_job" -o State 2>/dev/null | awk 'NR == 1 {print $1}')
            if [ "$state" != COMPLETED ]; then
                failed=()
                for ((k = 1; k <= count; k++)); do
                    [ -s "$results/shard-$k-of-$count.partial.json" ] || failed+=("$k")
                done
                echo "merge job $merge_job ended ${state:-in an unknown state}; shards without a result: ${failed[*]:-none}." >&2
                echo "See $scripts/logs/, fix the cause and run $0 again: only those shards will run." >&2
                exit 1
            fi
            echo "merge job $merge_job finished: results in $results"

            """

        try AtomicFile.write(shardScript, to: scripts.appendingPathComponent("shards.sbatch"))
        try AtomicFile.write(mergeScript, to: scripts.appendingPathComponent("merge.sbatch"))
        try AtomicFile.write(submitScript, to: scripts.appendingPathComponent("submit.sh"))
        for file in ["shards.sbatch", "merge.sbatch", "submit.sh"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o755],
                                                  ofItemAtPath: scripts.appendingPathComponent(file).path)
        }
        let groups = plan.identity.groups.count == 1 ? ""
            : " (\(plan.identity.groups.count) \(plan.identity.kind == .sweep ? "points" : "scenarios") x \(plan.identity.replications))"
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

    /// `text` as one shell word: single-quoted unless it is plainly safe.
    static func quote(_ text: String) -> String {
        let safe = !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./=:,+@%".contains($0)) }
        return safe ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
