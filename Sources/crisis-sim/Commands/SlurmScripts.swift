import CrisisExperiment
import Foundation

/// The text of the three scripts `crisis-sim slurm` writes, from the settings alone: no file
/// or process is touched here, so every line can be checked in a test. Every path and word
/// the user gave goes through `quote`, so nothing in a folder name can run.
struct SlurmScripts {
    /// The crisis-sim binary the jobs run, absolute.
    var executable: String
    /// The experiment's words after `crisis-sim` (`run Scenarios/baseline.yaml ...`).
    var experiment: [String]
    var shards: Int
    /// Replications in the whole experiment.
    var items: Int
    var job: String
    var resultsFolder: URL
    var scriptsFolder: URL
    var workFolder: URL
    var cpusPerTask: Int
    var mem: String
    var time: String
    var mergeMem: String
    var mergeTime: String
    var partition: String?
    var account: String?
    var extraOptions: [String]
    var modules: [String]
    var maxRunning: Int?

    var perShard: Int { (items + shards - 1) / shards }
    private var logs: URL { scriptsFolder.appendingPathComponent("logs") }
    private var experimentLine: String { (["crisis-sim"] + experiment).map(Self.quote).joined(separator: " ") }

    /// #SBATCH lines both jobs share.
    private var common: [String] {
        var lines: [String] = []
        if let partition { lines.append("#SBATCH --partition=\(partition)") }
        if let account { lines.append("#SBATCH --account=\(account)") }
        return lines + extraOptions.map { "#SBATCH \($0)" }
    }

    private var moduleLines: [String] {
        modules.isEmpty ? [] : [
            "# Environment modules (the module command is not defined in every batch shell).",
            "command -v module >/dev/null 2>&1 || source /etc/profile.d/modules.sh 2>/dev/null || source /etc/profile >/dev/null 2>&1 || true",
        ] + modules.map { "module load \(Self.quote($0))" }
    }

    /// shards.sbatch: one array task per shard.
    var shardScript: String {
        let folder = resultsFolder
        let shardCommand = ([executable] + experiment).map(Self.quote).joined(separator: " ")
            + " --shard \"$shard/\(shards)\" --output \(Self.quote(folder.path))"
            + " --threads \"${SLURM_CPUS_PER_TASK:-1}\" --quiet"
        return ([
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
            "cd \(Self.quote(workFolder.path))",
            // A fixed message: a path inside ${...:?} would be expanded (and run) by the shell.
            "shard=\"${SLURM_ARRAY_TASK_ID:?submit this as an array job: run submit.sh beside this script}\"",
            "exec \(shardCommand)",
        ]).joined(separator: "\n") + "\n"
    }

    /// A plan's shards are its first stage; the plan itself, reading them, is the last job.
    private var finishesPlan: Bool { experiment.first == "plan" }

    /// merge.sbatch: the merge (or, for a plan, the plan), after every shard succeeded.
    var mergeScript: String {
        let folder = resultsFolder
        let finish = finishesPlan
            ? ([executable] + experiment).map(Self.quote).joined(separator: " ") + " --output \(Self.quote(folder.path))"
                + " --threads \"${SLURM_CPUS_PER_TASK:-1}\" --quiet"
            : "\(Self.quote(executable)) merge \(Self.quote(folder.path)) --output \(Self.quote(folder.path))"
        return ([
            "#!/bin/bash",
            finishesPlan ? "# Written by crisis-sim \(RunProvenance.toolVersion) slurm: finishes the plan whose first stage the \(shards) shards ran:"
                : "# Written by crisis-sim \(RunProvenance.toolVersion) slurm: merges the \(shards) shards of",
            "#   \(experimentLine)",
            finishesPlan ? "# reading their replications and running the rest. submit.sh runs it after every shard succeeded."
                : "# into the files the unsharded command writes. submit.sh runs it after every shard succeeded.",
            "#SBATCH --job-name=\(job)-merge",
            "#SBATCH --output=\(logs.path)/merge.out",
            "#SBATCH --nodes=1",
            "#SBATCH --ntasks=1",
            "#SBATCH --cpus-per-task=\(finishesPlan ? cpusPerTask : 1)",
            "#SBATCH --mem=\(mergeMem)",
            "#SBATCH --time=\(mergeTime)",
        ] + common + moduleLines + [
            "set -euo pipefail",
            "cd \(Self.quote(workFolder.path))",
            "exec \(finish)",
        ]).joined(separator: "\n") + "\n"
    }

    /// submit.sh: the array job of the shards not yet complete, then the merge.
    var submitScript: String {
        let folder = resultsFolder, scripts = scriptsFolder
        let throttle = maxRunning.map { "%\($0)" } ?? ""
        return """
            #!/bin/bash
            # Written by crisis-sim \(RunProvenance.toolVersion) slurm. Submits the shards of
            #   \(experimentLine)
            # that are not complete yet as one array job, then the merge, which starts when they have
            # all succeeded (and is cancelled if one fails). Safe to run again: complete shards are
            # skipped. With --wait, returns when the merge job ends, with its exit status.
            set -euo pipefail
            scripts=\(Self.quote(scripts.path))
            results=\(Self.quote(folder.path))
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
            # Not `if ! x=$(...)`: inside it $? is the negation's status, 0, and a failed merge
            # looked like success to the caller of `submit.sh --wait`.
            merge_job=$(sbatch --parsable "${dependency[@]}" "${wait_option[@]}" "$scripts/merge.sbatch") || {
                status=$?
                echo "merge job failed (status $status): see $scripts/logs/" >&2
                exit "$status"
            }
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
    }

    /// `text` as one shell word: single-quoted unless it is plainly safe.
    static func quote(_ text: String) -> String {
        let safe = !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./=:,+@%".contains($0)) }
        return safe ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
