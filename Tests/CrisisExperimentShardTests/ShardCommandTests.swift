import CrisisExperiment
import CrisisTestSupport
import Foundation
import XCTest

/// The built `crisis-sim` as a cluster job runs it: sharded run, compare and sweep merged
/// into the same bytes the single-process commands write, resumable shards, clear refusals,
/// and the Slurm scripts (submitting them is .ci/slurm-test.sh's job).
final class ShardCommandTests: XCTestCase {
    func crisisSim(_ arguments: [String]) throws -> CrisisSimTool.Outcome {
        try CrisisSimTool.run(arguments, in: ShardPaths.root)
    }

    @discardableResult
    func succeed(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> CrisisSimTool.Outcome {
        let outcome = try crisisSim(arguments)
        XCTAssertEqual(outcome.status, 0, "crisis-sim \(arguments.joined(separator: " ")): \(outcome.error)", file: file, line: line)
        return outcome
    }

    func assertSameFiles(_ names: [String], _ a: URL, _ b: URL, _ context: String,
                         file: StaticString = #filePath, line: UInt = #line) throws {
        for name in names {
            let x = try Data(contentsOf: a.appendingPathComponent(name))
            let y = try Data(contentsOf: b.appendingPathComponent(name))
            XCTAssertEqual(x, y, "\(name) differs: \(context)", file: file, line: line)
        }
    }

    let short = ["--replications", "4", "--horizon-days", "45", "--warmup-days", "30", "--quiet"]

    func testShardedRunMergesToTheSingleProcessFiles() throws {
        let folder = try temporaryFolder()
        let whole = folder.appendingPathComponent("whole")
        try succeed(["run", "Scenarios/baseline.yaml"] + short + ["--output", whole.path])
        for count in 1...3 {
            let sharded = folder.appendingPathComponent("sharded-\(count)")
            for index in 1...count {
                let outcome = try succeed(["run", "Scenarios/baseline.yaml"] + short
                    + ["--shard", "\(index)/\(count)", "--output", sharded.path])
                XCTAssertTrue(outcome.output.contains("Wrote \(sharded.path)/shard-\(index)-of-\(count).partial.json"))
            }
            let merged = try succeed(["merge", sharded.path])
            XCTAssertTrue(merged.output.contains("(merged \(count) shard"), merged.output)
            try assertSameFiles(["summary.csv", "summary.json", "replications.csv"], whole, sharded, "\(count) shards")
        }
        // A shard already complete is skipped, so a re-submitted array job redoes nothing.
        let again = try succeed(["run", "Scenarios/baseline.yaml"] + short
            + ["--shard", "2/3", "--output", folder.appendingPathComponent("sharded-3").path])
        XCTAssertTrue(again.output.contains("is already complete: shard 2/3 skipped"), again.output)
    }

    func testShardedCompareAndSweepMergeToTheSingleProcessFiles() throws {
        let folder = try temporaryFolder()
        let compare = ["compare", "Scenarios/baseline.yaml", "Scenarios/beds-minus-10.yaml", "Scenarios/crisis-house.yaml"] + short
        let unsharded = try succeed(compare + ["--output", folder.appendingPathComponent("compare").path])
        let sweep = ["sweep", "Scenarios/baseline.yaml", "--vary", "areas.Northshire.beds=90...100:10",
                     "--vary", "crht.assessors=2...3:1", "--kpi", "oap.placements"] + short
        let sweepOutcome = try succeed(sweep + ["--output", folder.appendingPathComponent("sweep").path])
        XCTAssertTrue(sweepOutcome.output.contains("Out-of-area placements started (per year) [oap.placements]\n"
            + "areas.Northshire.beds  crht.assessors"),
                      sweepOutcome.output)
        for count in [2, 3] {
            for (name, command) in [("compare", compare), ("sweep", sweep)] {
                let sharded = folder.appendingPathComponent("\(name)-\(count)")
                for index in 1...count {
                    try succeed(command + ["--shard", "\(index)/\(count)", "--output", sharded.path])
                }
                let merged = try succeed(["merge", sharded.path])
                try assertSameFiles(name == "compare" ? ["comparison.csv", "changes.csv"] : ["sweep.csv", "sweep.svg"],
                                    folder.appendingPathComponent(name), sharded, "\(name), \(count) shards")
                if name == "compare" {
                    // The merge says what the unsharded comparison says, up to the last line
                    // (where the files are and where the results came from).
                    func body(_ text: String) -> [Substring] { text.split(separator: "\n").dropLast().map { $0 } }
                    XCTAssertEqual(body(merged.output), body(unsharded.output), "compare, \(count) shards")
                    XCTAssertTrue(merged.output.contains("What crisis-house changes from baseline"), merged.output)
                }
            }
        }
    }

    /// A plan's first stage sharded, then the plan finished from the shards: the same answer
    /// and the same files as one process (a KPI objective screens every point, so every byte
    /// is the same); shards of another grid are refused, and `merge` names what finishes them.
    func testAShardedPlanFinishesToTheSingleProcessAnswer() throws {
        let folder = try temporaryFolder()
        let plan = ["plan", "Scenarios/baseline.yaml", "--decide", "areas.Northshire.beds=80...86:2",
                    "--target", "oap.bed_days<=1500", "--horizon-days", "60", "--warmup-days", "30", "--quiet"]
        let whole = folder.appendingPathComponent("whole"), sharded = folder.appendingPathComponent("sharded")
        let single = try succeed(plan + ["--output", whole.path])
        for index in 1...3 {
            let shard = try succeed(plan + ["--shard", "\(index)/3", "--output", sharded.path])
            XCTAssertTrue(shard.output.contains("When all 3 shards are done: the same plan command without --shard, "
                + "with --output \(sharded.path)"), shard.output)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: sharded.appendingPathComponent("plan.json").path),
                       "a shard runs the first stage only")
        let refused = try crisisSim(["merge", sharded.path])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.error.contains("these shards are the first stage of a plan, which `plan` finishes"), refused.error)
        let finished = try succeed(plan + ["--output", sharded.path])
        try assertSameFiles(["plan.json", "plan.csv", "plan.html"], whole, sharded, "plan from 3 shards")
        let page = try String(contentsOf: whole.appendingPathComponent("plan.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("class=\"reference\" data-value=\"1500.0\""), "the out-of-area target drawn on the frontier")
        func answer(_ text: String) -> [Substring] { text.split(separator: "\n").filter { $0.hasPrefix("Recommended") || $0.hasPrefix("Runner-up") } }
        XCTAssertFalse(answer(single.output).isEmpty, single.output)
        XCTAssertEqual(answer(finished.output), answer(single.output))

        let otherGrid = try crisisSim(["plan", "Scenarios/baseline.yaml", "--decide", "areas.Northshire.beds=80...84:2",
                                       "--target", "oap.bed_days<=1500", "--horizon-days", "60", "--warmup-days", "30",
                                       "--output", sharded.path])
        XCTAssertEqual(otherGrid.status, 1)
        XCTAssertTrue(otherGrid.error.contains("not this plan's first stage: 4 scenarios or sweep points instead of 3"),
                      otherGrid.error)
        XCTAssertTrue(otherGrid.error.hasSuffix("nothing was run\n"), otherGrid.error)

        // The same two decisions given in the other order: said in one line, not per point.
        let ordered = folder.appendingPathComponent("ordered")
        let decisions = ["--decide", "areas.Northshire.beds=80...82:2", "--decide", "crht.assessors=2...3"]
        let rest = ["--target", "oap.bed_days<=1500", "--horizon-days", "60", "--warmup-days", "30", "--quiet", "--output", ordered.path]
        try succeed(["plan", "Scenarios/baseline.yaml"] + decisions + rest + ["--shard", "1/2"])
        let swapped = try crisisSim(["plan", "Scenarios/baseline.yaml"] + decisions[2...] + decisions[..<2] + rest)
        XCTAssertEqual(swapped.status, 1)
        XCTAssertTrue(swapped.error.contains("its decisions are areas.Northshire.beds, crht.assessors in that order, and this "
            + "plan's crht.assessors, areas.Northshire.beds: give the --decide options in the shards' order"), swapped.error)
        XCTAssertFalse(swapped.error.contains("hash"), "no per-point hashes")
        let incomplete = try crisisSim(["plan", "Scenarios/baseline.yaml"] + decisions + rest)
        XCTAssertTrue(incomplete.error.contains("missing 1 of 2 shards: 2"), incomplete.error)
        XCTAssertTrue(incomplete.error.contains("run each missing shard with this plan command and --shard K/N"), incomplete.error)
    }

    func testMergeRefusesMixedAndIncompleteShards() throws {
        let folder = try temporaryFolder()
        try succeed(["run", "Scenarios/baseline.yaml"] + short + ["--shard", "1/3", "--output", folder.path])
        try succeed(["run", "Scenarios/baseline.yaml"] + short + ["--seed", "7", "--shard", "2/3", "--output", folder.path])
        let outcome = try crisisSim(["merge", folder.path])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.error.contains("shard-2-of-3.partial.json: a different experiment from "), outcome.error)
        XCTAssertTrue(outcome.error.contains("seed 7 instead of 42"), outcome.error)
        XCTAssertTrue(outcome.error.contains("missing 1 of 3 shards: 3"), outcome.error)
        XCTAssertTrue(outcome.error.hasSuffix("nothing was merged\n"), outcome.error)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("summary.json").path))

        let empty = try crisisSim(["merge", try temporaryFolder().path])
        XCTAssertEqual(empty.status, 1)
        XCTAssertTrue(empty.error.contains("no shard-K-of-N.partial.json files"), empty.error)
    }

    /// A shard file edited after its shard wrote it is named and nothing is merged; a merge
    /// over an earlier result replaces its whole set, and the report reads it.
    func testMergeRefusesAnEditedShardAndReplacesTheWholeSet() throws {
        let folder = try temporaryFolder()
        for index in 1...2 {
            try succeed(["run", "Scenarios/baseline.yaml"] + short + ["--shard", "\(index)/2", "--output", folder.path])
        }
        try succeed(["merge", folder.path])
        let merged = try Data(contentsOf: folder.appendingPathComponent("summary.csv"))
        let shard = folder.appendingPathComponent("shard-2-of-2.partial.json")
        let text = try String(contentsOf: shard, encoding: .utf8)
        try text.replacingOccurrences(of: "\"values\":[\"", with: "\"values\":[\"1000").write(to: shard, atomically: true, encoding: .utf8)
        let outcome = try crisisSim(["merge", folder.path])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.error.contains("\(shard.path): its values do not match its checksum"), outcome.error)
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("summary.csv")), merged, "the earlier merge stays")

        // Re-running the shard replaces the edited file; merging again leaves one whole set.
        let again = try succeed(["run", "Scenarios/baseline.yaml"] + short + ["--shard", "2/2", "--output", folder.path])
        XCTAssertTrue(again.error.contains("note: replacing \(shard.path)"), again.error)
        try succeed(["merge", folder.path])
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("summary.csv")), merged)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(names, ["manifest.json", "replications.csv", "shard-1-of-2.partial.json", "shard-2-of-2.partial.json",
                               "summary.csv", "summary.json"])
        XCTAssertEqual(try ResultManifest.verified(folder).files.map(\.name), ["summary.csv", "replications.csv", "summary.json"])
    }

    func testBadShardAndVaryArgumentsAreExplained() throws {
        let shard = try crisisSim(["run", "Scenarios/baseline.yaml", "--shard", "4/3"])
        XCTAssertNotEqual(shard.status, 0)
        XCTAssertTrue(shard.error.contains("K in '4/3' must be between 1 and 3 (shards are counted from 1)"), shard.error)
        let vary = try crisisSim(["sweep", "Scenarios/baseline.yaml", "--vary", "areas.Northshire.beds=80..120:5"])
        XCTAssertNotEqual(vary.status, 0)
        XCTAssertTrue(vary.error.contains("expected LOW...HIGH:STEP after '=', e.g. 80...120:5; got '80..120:5'"), vary.error)
        let key = try crisisSim(["sweep", "Scenarios/baseline.yaml", "--vary", "areas.Northshire.bedz=80...90:10"] + short)
        XCTAssertEqual(key.status, 1)
        XCTAssertTrue(key.error.contains("unknown key 'bedz'; did you mean 'beds'?"), key.error)
        XCTAssertTrue(key.error.contains("2 of 2 sweep points have problems; nothing was run"), key.error)
    }

    func testSlurmWritesAnArrayJobAMergeJobAndAResumableSubmitScript() throws {
        let folder = try temporaryFolder()
        let outcome = try succeed(["slurm", "--shards", "4", "--output", folder.path, "--time", "00:20:00",
                                   "--cpus-per-task", "2", "--module", "swift/6.3", "--partition", "short",
                                   "--max-running", "2", "sweep", "Scenarios/baseline.yaml",
                                   "--vary", "areas.Northshire.beds=90...100:10", "--replications", "6"])
        XCTAssertTrue(outcome.output.contains("12 replications (2 points x 6) in 4 shards of at most 3, 2 cores each"),
                      outcome.output)
        let scripts = folder.appendingPathComponent("slurm")
        let shards = try String(contentsOf: scripts.appendingPathComponent("shards.sbatch"), encoding: .utf8)
        for line in ["#SBATCH --output=\(scripts.path)/logs/shard-%a.out", "#SBATCH --cpus-per-task=2", "#SBATCH --time=00:20:00",
                     "#SBATCH --partition=short", "module load swift/6.3", "cd \(ShardPaths.root.path)"] {
            XCTAssertTrue(shards.contains(line + "\n"), "\(line) in\n\(shards)")
        }
        XCTAssertTrue(shards.contains(" sweep Scenarios/baseline.yaml --vary areas.Northshire.beds=90...100:10 --replications 6 "
            + "--shard \"$shard/4\" --output \(folder.path) --threads \"${SLURM_CPUS_PER_TASK:-1}\" --quiet\n"), shards)
        let merge = try String(contentsOf: scripts.appendingPathComponent("merge.sbatch"), encoding: .utf8)
        XCTAssertTrue(merge.contains(" merge \(folder.path) --output \(folder.path)\n"), merge)
        let submit = try String(contentsOf: scripts.appendingPathComponent("submit.sh"), encoding: .utf8)
        XCTAssertTrue(submit.contains("[ -s \"$results/shard-$k-of-$count.partial.json\" ] || missing+=(\"$k\")"))
        XCTAssertTrue(submit.contains("--array=\"$list%2\""))
        XCTAssertTrue(submit.contains("--dependency=\"afterok:$array_job\" --kill-on-invalid-dep=yes"))
        XCTAssertTrue(submit.contains("if [ \"$state\" != COMPLETED ]; then"), "a cancelled merge is a failure")
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: scripts.appendingPathComponent("submit.sh").path))
        for script in ["submit.sh", "shards.sbatch", "merge.sbatch"] {
            let syntax = Process()
            syntax.executableURL = URL(fileURLWithPath: "/bin/bash")
            syntax.arguments = ["-n", scripts.appendingPathComponent(script).path]
            try syntax.run()
            syntax.waitUntilExit()
            XCTAssertEqual(syntax.terminationStatus, 0, "bash -n \(script)")
        }

        // A plan: the shards run its first stage, and the last job is the plan itself, on the
        // shards' cores.
        let planFolder = folder.appendingPathComponent("plan")
        let planned = try succeed(["slurm", "--shards", "3", "--cpus-per-task", "2", "--output", planFolder.path, "plan",
                                   "Scenarios/baseline.yaml", "--decide", "areas.Northshire.beds=80...84:2",
                                   "--target", "oap.bed_days<=500"])
        XCTAssertTrue(planned.output.contains("30 replications (3 points x 10) in 3 shards of at most 10, 2 cores each"), planned.output)
        let finish = try String(contentsOf: planFolder.appendingPathComponent("slurm/merge.sbatch"), encoding: .utf8)
        XCTAssertTrue(finish.contains("#SBATCH --cpus-per-task=2\n"), finish)
        XCTAssertTrue(finish.contains(" plan Scenarios/baseline.yaml --decide areas.Northshire.beds=80...84:2 --target "
            + "'oap.bed_days<=500' --output \(planFolder.path) --threads \"${SLURM_CPUS_PER_TASK:-1}\" --quiet\n"), finish)

        // A merge job that fails under `submit.sh --wait` fails the script with its status (a
        // fake sbatch on PATH: the array job is accepted, the waited-for merge ends with 3).
        let bin = folder.appendingPathComponent("fake-bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let fake = bin.appendingPathComponent("sbatch")
        try "#!/bin/bash\nfor a in \"$@\"; do [ \"$a\" = --wait ] && exit 3; done\necho 1001\n"
            .write(to: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let waited = Process()
        waited.executableURL = URL(fileURLWithPath: "/bin/bash")
        waited.arguments = [planFolder.appendingPathComponent("slurm/submit.sh").path, "--wait"]
        waited.environment = ["PATH": bin.path + ":/usr/bin:/bin"]
        let errors = Pipe()
        waited.standardError = errors
        waited.standardOutput = FileHandle.nullDevice
        try waited.run()
        waited.waitUntilExit()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(waited.terminationStatus, 3, said)
        XCTAssertTrue(said.contains("merge job failed (status 3)"), said)

        let refused = try crisisSim(["slurm", "--shards", "2", "--output", folder.path, "run", "Scenarios/baseline.yaml",
                                     "--output", "elsewhere"])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.error.contains("--output is set by the Slurm scripts"), refused.error)
    }

    /// The scripts are shell: a folder name with `$(...)` stays data, and values that would
    /// break a script's lines or Slurm's directives are refused (found by an outside audit).
    func testSlurmScriptsNeverRunWhatAFolderNameHolds() throws {
        let base = try temporaryFolder()
        let marker = base.appendingPathComponent("ran")
        let folder = base.appendingPathComponent("a $(touch \(marker.path)) b")
        _ = try succeed(["slurm", "--shards", "2", "--output", folder.path, "run", "Scenarios/baseline.yaml"])
        let shards = folder.appendingPathComponent("slurm/shards.sbatch")
        let script = try String(contentsOf: shards, encoding: .utf8)
        XCTAssertFalse(script.contains("sbatch --array=1-2 \(folder.path)"), "no path in the parameter expansion")
        // Run outside an array job, the script stops at its first line of work without running the path.
        let bash = Process()
        bash.executableURL = URL(fileURLWithPath: "/bin/bash")
        bash.arguments = [shards.path]
        bash.standardError = FileHandle.nullDevice
        try bash.run()
        bash.waitUntilExit()
        XCTAssertNotEqual(bash.terminationStatus, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker.path), "the folder name was run as a command")

        // Digits are ASCII: Arabic-Indic ones once went into the #SBATCH lines.
        for (option, value, message) in [("--time", "abc", "expected a Slurm time limit"),
                                         ("--time", "٠١:٠٠:٠٠", "expected a Slurm time limit"),
                                         ("--mem", "lots", "expected a Slurm memory size"),
                                         ("--mem", "٢G", "expected a Slurm memory size")] {
            let refused = try crisisSim(["slurm", "--shards", "2", "--output", base.appendingPathComponent("x").path,
                                         option, value, "run", "Scenarios/baseline.yaml"])
            XCTAssertNotEqual(refused.status, 0)
            XCTAssertTrue(refused.error.contains(message), refused.error)
        }
        let newline = try crisisSim(["slurm", "--shards", "2", "--output", base.path + "/x\ny", "run", "Scenarios/baseline.yaml"])
        XCTAssertNotEqual(newline.status, 0)
        XCTAssertTrue(newline.error.contains("control characters"), newline.error)

        // A line break in the experiment's arguments ended the scripts' comment line and ran
        // the rest (found by an outside audit through --set): refused, and nothing written.
        let injected = base.appendingPathComponent("injected")
        for argument in [["--set", "description=x\ntouch \(marker.path) #"], ["--set", "description=a\u{1b}[2Jb"]] {
            let refused = try crisisSim(["slurm", "--shards", "2", "--output", injected.path, "run", "Scenarios/baseline.yaml"]
                + argument)
            XCTAssertEqual(refused.status, 64, refused.error)
            XCTAssertTrue(refused.error.hasPrefix("Error: the experiment's argument 4 (after '--set'), 'description="), refused.error)
            XCTAssertTrue(refused.error.contains("holds a control character"), refused.error)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: injected.path), "no script was written")
    }
}
