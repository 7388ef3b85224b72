import CrisisTestSupport
import Foundation
import XCTest

/// Numbers on the command line: the limits a scenario file puts on the same value, and
/// negative values refused with the limit rather than taken for options.
final class OptionLimitTests: XCTestCase {
    func crisisSim(_ arguments: [String]) throws -> CrisisSimTool.Outcome {
        try CrisisSimTool.run(arguments, in: CommandLineTests.repository)
    }

    /// The first line of standard error, and that nothing ran (argument-parser's usage status).
    func refusal(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let outcome = try crisisSim(arguments)
        XCTAssertEqual(outcome.status, 64, outcome.error, file: file, line: line)
        XCTAssertEqual(outcome.output, "", "nothing runs", file: file, line: line)
        return String(outcome.error.split(separator: "\n").first ?? "")
    }

    /// A billion replications once tried to allocate 8 GB and aborted; now every option with
    /// a twin in the `run` section takes the file's limit, in every command that has it.
    func testRunOptionsTakeTheScenarioFilesLimits() throws {
        let base = ["run", "Scenarios/baseline.yaml"]
        XCTAssertEqual(try refusal(base + ["--replications", "1000000000", "--horizon-days", "1"]),
                       "Error: The value '1000000000' is invalid for '--replications <n|auto>': must be `auto` or an "
                        + "integer in [1, 100000], as run.replications is in a scenario file")
        XCTAssertEqual(try refusal(base + ["--replications", "0"]),
                       "Error: The value '0' is invalid for '--replications <n|auto>': must be `auto` or an "
                        + "integer in [1, 100000], as run.replications is in a scenario file")
        XCTAssertEqual(try refusal(base + ["--seed", "9223372036854775808"]),
                       "Error: The value '9223372036854775808' is invalid for '--seed <seed>': must be an integer in [0, 9223372036854775807], "
                        + "as run.seed is in a scenario file")
        // 2^64 - 1 once met "an integer >= 0", which it is: every bound message states both ends.
        XCTAssertEqual(try refusal(base + ["--seed", "18446744073709551615"]),
                       "Error: The value '18446744073709551615' is invalid for '--seed <seed>': must be an integer in "
                        + "[0, 9223372036854775807], as run.seed is in a scenario file")
        let set = try crisisSim(["validate", "Scenarios/baseline.yaml", "--set", "run.seed=18446744073709551615"])
        XCTAssertEqual(set.status, 1)
        XCTAssertTrue(set.error.contains("run.seed: expected an integer in [0, 9223372036854775807], got 18446744073709551615"),
                      set.error)
        XCTAssertEqual(try refusal(base + ["--warmup-days", "nan"]),
                       "Error: The value 'nan' is invalid for '--warmup-days <warmup-days>': must be a number in "
                        + "[0, 36500] written in decimal, as run.warmup_days is in a scenario file: it is not a finite number")
        XCTAssertEqual(try refusal(["compare", "Scenarios/baseline.yaml", "Scenarios/crht-24-7.yaml", "--replications", "100001"]),
                       "Error: The value '100001' is invalid for '--replications <n|auto>': must be `auto` or an "
                        + "integer in [1, 100000], as run.replications is in a scenario file")
        XCTAssertEqual(try refusal(base + ["--replications", "auto", "--precision", "0.05", "--max-replications", "200000"]),
                       "Error: The value '200000' is invalid for '--max-replications <max-replications>': must be an "
                        + "integer in [1, 100000], as run.replications is in a scenario file")
        XCTAssertEqual(try refusal(["warmup", "Scenarios/baseline.yaml", "--replications", "100001"]),
                       "Error: The value '100001' is invalid for '--replications <replications>': must be an "
                        + "integer in [1, 100000], as run.replications is in a scenario file")
        XCTAssertEqual(try refusal(["validation", "--replications", "100001"]),
                       "Error: The value '100001' is invalid for '--replications <replications>': must be an "
                        + "integer in [1, 100000], as run.replications is in a scenario file")
        XCTAssertEqual(try refusal(["demo", "--replications", "100001"]),
                       "Error: The value '100001' is invalid for '--replications <replications>': must be an "
                        + "integer in [1, 100000], as run.replications is in a scenario file")
    }

    /// `--horizon-days` once allowed 365,250 days while a file allowed 36,500: one limit now,
    /// and `--set run.horizon_days` (checked as the file is) agrees with it.
    func testHorizonHasOneLimitOnTheCommandLineAndInFiles() throws {
        XCTAssertEqual(try refusal(["run", "Scenarios/baseline.yaml", "--horizon-days", "36501"]),
                       "Error: The value '36501' is invalid for '--horizon-days <horizon-days>': must be a number in "
                        + "[1, 36500], as run.horizon_days is in a scenario file")
        XCTAssertEqual(try refusal(["warmup", "Scenarios/baseline.yaml", "--horizon-days", "36501"]),
                       "Error: The value '36501' is invalid for '--horizon-days <horizon-days>': must be a number in "
                        + "[1, 36500], as run.horizon_days is in a scenario file")
        let set = try crisisSim(["validate", "Scenarios/baseline.yaml", "--set", "run.horizon_days=36501"])
        XCTAssertEqual(set.status, 1)
        XCTAssertTrue(set.error.contains("run.horizon_days: expected a number in [1, 36500]"), set.error)
    }

    /// `run --horizon-days 1e-300` once ran, its measured time ending where the warm-up did,
    /// and printed a nan for every KPI; `demo --years 1e-300` printed nan too. The least
    /// horizon is a day, on the command line, in files and in --set, and demo runs as long.
    func testTheHorizonIsAtLeastADay() throws {
        let limit = "must be a number in [1, 36500], as run.horizon_days is in a scenario file"
        for tiny in ["1e-300", "0.99"] {
            XCTAssertEqual(try refusal(["run", "Scenarios/baseline.yaml", "--horizon-days", tiny]),
                           "Error: The value '\(tiny)' is invalid for '--horizon-days <horizon-days>': \(limit)")
            XCTAssertEqual(try refusal(["compare", "Scenarios/baseline.yaml", "Scenarios/crht-24-7.yaml", "--horizon-days", tiny]),
                           "Error: The value '\(tiny)' is invalid for '--horizon-days <horizon-days>': \(limit)")
            let set = try crisisSim(["validate", "Scenarios/baseline.yaml", "--set", "run.horizon_days=\(tiny)"])
            XCTAssertEqual(set.status, 1)
            XCTAssertTrue(set.error.contains("run.horizon_days: expected a number in [1, 36500], got \(tiny)"), set.error)
        }
        let demo = "Error: --years must be in [1/365.25, 1000]: at least 1 day, the shortest run.horizon_days a scenario file allows"
        XCTAssertEqual(try refusal(["demo", "--years", "1e-300"]), demo)
        XCTAssertEqual(try refusal(["demo", "--years", "0.0027"]), demo)
        // A day is enough to measure: no nan anywhere.
        let day = try crisisSim(["demo", "--years", "0.0027379", "--beds", "10", "--replications", "2"])
        XCTAssertEqual(day.status, 0, day.error)
        XCTAssertFalse(day.output.contains("nan"), day.output)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crisis-sim-day-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let run = try crisisSim(["run", "Scenarios/baseline.yaml", "--horizon-days", "1", "--warmup-days", "10",
                                 "--replications", "2", "--quiet", "--output", folder.path])
        XCTAssertEqual(run.status, 0, run.error)
        XCTAssertFalse(run.output.contains("nan"), run.output)
    }

    /// `--seed -1` once said "Missing value for '--seed <seed>'": the parser took -1 for an
    /// option. Every number is now parsed as a value and refused with what it must be.
    func testNegativeNumbersAreRefusedWithTheirLimit() throws {
        let run = ["run", "Scenarios/baseline.yaml"]
        XCTAssertEqual(try refusal(run + ["--seed", "-1"]),
                       "Error: The value '-1' is invalid for '--seed <seed>': must be an integer in [0, 9223372036854775807], "
                        + "as run.seed is in a scenario file")
        XCTAssertEqual(try refusal(run + ["--horizon-days", "-1"]),
                       "Error: The value '-1' is invalid for '--horizon-days <horizon-days>': must be a number in "
                        + "[1, 36500], as run.horizon_days is in a scenario file")
        XCTAssertEqual(try refusal(run + ["--warmup-days", "-1"]),
                       "Error: The value '-1' is invalid for '--warmup-days <warmup-days>': must be a number in "
                        + "[0, 36500], as run.warmup_days is in a scenario file")
        XCTAssertEqual(try refusal(run + ["--replications", "-1"]),
                       "Error: The value '-1' is invalid for '--replications <n|auto>': must be `auto` or an "
                        + "integer in [1, 100000], as run.replications is in a scenario file")
        XCTAssertEqual(try refusal(run + ["--threads", "-1"]), "Error: --threads must be at least 1")
        XCTAssertEqual(try refusal(["sweep", "Scenarios/baseline.yaml", "--vary", "crht.assessors=1...2:1", "--seed", "-5"]),
                       "Error: The value '-5' is invalid for '--seed <seed>': must be an integer in [0, 9223372036854775807], "
                        + "as run.seed is in a scenario file")
        XCTAssertEqual(try refusal(["warmup", "Scenarios/baseline.yaml", "--window", "-1"]),
                       "Error: --window -1 must be in [1, 374]: the days each side of Welch's moving average must be "
                        + "under a quarter of the default --horizon-days 1500")
        XCTAssertEqual(try refusal(["demo", "--beds", "-1"]), "Error: --beds must be in [1, 100000]")
        XCTAssertEqual(try refusal(["demo", "--load", "-0.5"]), "Error: --load must be in (0, 10] (a share of the beds)")
        // Upper limits too (an outside audit's demo ran for ever on 100 million beds).
        XCTAssertEqual(try refusal(["demo", "--beds", "100000000"]), "Error: --beds must be in [1, 100000]")
        XCTAssertEqual(try refusal(["demo", "--load", "1e9"]), "Error: --load must be in (0, 10] (a share of the beds)")
        XCTAssertEqual(try refusal(["bench", "bedpool", "--referrals", "1000000000000"]),
                       "Error: --referrals must be in [1, 1000000000]")
        XCTAssertEqual(try refusal(["bench", "bedpool", "--seed", "-1"]),
                       "Error: The value '-1' is invalid for '--seed <seed>': must be an integer in [0, 9223372036854775807], "
                        + "as run.seed is in a scenario file")
        XCTAssertEqual(try refusal(["slurm", "--shards", "-2", "--output", "x", "run", "Scenarios/baseline.yaml"]),
                       "Error: --shards must be between 1 and 100000")
    }

    /// `--horizon-days 0x10` ran 16 days, `demo --load 0x1p-1` half a load, and `+5` was a
    /// seed, while `run.horizon_days: 0x10` in a file is refused. Every numeric option now
    /// takes exactly the decimal forms a scenario file takes.
    func testEveryNumberTakesTheDecimalFormsOfAScenarioFile() throws {
        // Each command writes to a scratch folder should a value be taken: never the repository.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("crisis-sim-numbers-\(UUID().uuidString)").path
        addTeardownBlock { try? FileManager.default.removeItem(atPath: scratch) }
        let run = ["run", "Scenarios/baseline.yaml", "--quiet", "--output", scratch + "/run"]
        let warmup = ["warmup", "Scenarios/baseline.yaml", "--quiet", "--output", scratch + "/warmup"]
        let slurm = ["slurm", "--output", scratch + "/slurm"]
        let hex = "hexadecimal is not accepted: write it in decimal"
        let plus = "write it without the leading +"
        let runSetting = { (option: String, value: String, limit: String, key: String, why: String) in
            "Error: The value '\(value)' is invalid for '\(option)': must be \(limit) written in decimal, as run.\(key) is in a "
                + "scenario file: \(why)"
        }
        XCTAssertEqual(try refusal(run + ["--horizon-days", "0x10"]),
                       runSetting("--horizon-days <horizon-days>", "0x10", "a number in [1, 36500]", "horizon_days", hex))
        XCTAssertEqual(try refusal(run + ["--warmup-days", "0x1.8p1"]),
                       runSetting("--warmup-days <warmup-days>", "0x1.8p1", "a number in [0, 36500]", "warmup_days", hex))
        XCTAssertEqual(try refusal(warmup + ["--horizon-days", "0x50"]),
                       runSetting("--horizon-days <horizon-days>", "0x50", "a number in [1, 36500]", "horizon_days", hex))
        XCTAssertEqual(try refusal(run + ["--seed", "+5"]),
                       runSetting("--seed <seed>", "+5", "an integer in [0, 9223372036854775807]", "seed", plus))
        XCTAssertEqual(try refusal(run + ["--horizon-days", "inf"]),
                       runSetting("--horizon-days <horizon-days>", "inf", "a number in [1, 36500]", "horizon_days",
                                  "it is not a finite number"))
        XCTAssertEqual(try refusal(run + ["--replications", "+5"]),
                       "Error: The value '+5' is invalid for '--replications <n|auto>': must be `auto` or an integer in "
                        + "[1, 100000] written in decimal, as run.replications is in a scenario file: \(plus)")
        XCTAssertEqual(try refusal(run + ["--replications", "auto", "--precision", "0.05", "--max-replications", "0x20"]),
                       runSetting("--max-replications <max-replications>", "0x20", "an integer in [1, 100000]", "replications", hex))

        // Options of the commands' own: the same forms, then each option's own range.
        let number = "must be a number written in decimal, as in a scenario file (like 2, 0.5 or 1e-3)"
        let whole = "must be a whole number written in decimal, as in a scenario file (like 20 or 1e3)"
        let cases: [(arguments: [String], option: String, value: String, message: String)] = [
            (["demo", "--load", "0x1p-1"], "--load <load>", "0x1p-1", "\(number): \(hex)"),
            (["demo", "--years", "0x1p-8"], "--years <years>", "0x1p-8", "\(number): \(hex)"),
            (["demo", "--years", "nan"], "--years <years>", "nan", "\(number): it is not a finite number"),
            (["demo", "--load", "1e999"], "--load <load>", "1e999", "must be a finite number"),
            (["demo", "--beds", "+10"], "--beds <beds>", "+10", "\(whole): \(plus)"),
            (["demo", "--beds", "12.5"], "--beds <beds>", "12.5", "must be a whole number"),
            (["bench", "bedpool", "--referrals", "0x10"], "--referrals <referrals>", "0x10", "\(whole): \(hex)"),
            (["bench", "bedpool", "--beds", "1_000"], "--beds <beds>", "1_000", whole),
            (run + ["--threads", "+2"], "--threads <threads>", "+2", "\(whole): \(plus)"),
            (run + ["--replications", "auto", "--precision", "0x1p-4"], "--precision <precision>", "0x1p-4", "\(number): \(hex)"),
            (warmup + ["--window", "0xF"], "--window <window>", "0xF", "\(whole): \(hex)"),
            (warmup + ["--threads", "Infinity"], "--threads <threads>", "Infinity",
             "\(whole): it is not a finite number"),
            (["validation", "--output", scratch + "/VALIDATION.md", "--threads", "0x2"], "--threads <threads>", "0x2", "\(whole): \(hex)"),
            (slurm + ["--shards", "+2", "run", "Scenarios/baseline.yaml"], "--shards <shards>", "+2",
             "\(whole): \(plus)"),
            (slurm + ["--shards", "2", "--cpus-per-task", "0x2", "run", "Scenarios/baseline.yaml"],
             "--cpus-per-task <cpus-per-task>", "0x2", "\(whole): \(hex)"),
            (slurm + ["--shards", "2", "--max-running", "1e999", "run", "Scenarios/baseline.yaml"],
             "--max-running <max-running>", "1e999", "must be a whole number between -9223372036854775808 and 9223372036854775807"),
        ]
        for (arguments, option, value, message) in cases {
            XCTAssertEqual(try refusal(arguments), "Error: The value '\(value)' is invalid for '\(option)': \(message)")
        }
        XCTAssertEqual(try refusal(run + ["--shard", "+1/2"]),
                       "Error: The value '+1/2' is invalid for '--shard <K/N>': expected K/N, e.g. 2/8 for the second of "
                        + "eight shards; got '+1/2'")

        // What a file takes, an option takes: an exponent, a point, a whole number written as 20.0.
        let demo = try crisisSim(["demo", "--beds", "1e1", "--load", ".5", "--years", "1e-2", "--replications", "2.0", "--seed", "7E0"])
        XCTAssertEqual(demo.status, 0, demo.error)
        let file = try crisisSim(["validate", "Scenarios/baseline.yaml", "--set", "run.replications=2.0", "--set", "run.seed=7E0",
                                  "--set", "run.horizon_days=1e1"])
        XCTAssertEqual(file.status, 0, file.error)
    }

    /// Commands that need more than a file's lower limit (warmup's 50 days, two replications
    /// for an interval) state the whole range they take, the file's upper limit included.
    func testCommandsOwnLowerLimitsComeWithTheUpperOne() throws {
        let interval = "(a confidence interval needs two)"
        XCTAssertEqual(try refusal(["warmup", "Scenarios/baseline.yaml", "--replications", "1"]),
                       "Error: --replications must be an integer in [2, 100000] \(interval)")
        XCTAssertEqual(try refusal(["warmup", "Scenarios/baseline.yaml", "--horizon-days", "49"]),
                       "Error: --horizon-days must be a number in [50, 36500] (MSER-5 needs a run much longer than the transient)")
        XCTAssertEqual(try refusal(["validation", "--replications", "1"]),
                       "Error: --replications must be an integer in [2, 100000] \(interval)")
        XCTAssertEqual(try refusal(["demo", "--replications", "1"]),
                       "Error: --replications must be an integer in [2, 100000] \(interval)")
        XCTAssertEqual(try refusal(["run", "Scenarios/baseline.yaml", "--replications", "auto", "--precision", "0.05",
                                    "--max-replications", "9"]),
                       "Error: --max-replications must be an integer in [10, 100000]")
    }

    /// `warmup --horizon-days 55` once blamed `--window`, which was not given: the default
    /// window does not fit that horizon, and the message says so and what to change.
    func testWarmupBlamesTheOptionGivenWhenTheWindowDoesNotFit() throws {
        let warmup = ["warmup", "Scenarios/baseline.yaml"]
        XCTAssertEqual(try refusal(warmup + ["--horizon-days", "55"]),
                       "Error: --horizon-days 55 is too short for the default --window (15 days each side of Welch's moving "
                        + "average), which must be under a quarter of the horizon: give --horizon-days above 60, or --window 13 or less")
        XCTAssertEqual(try refusal(warmup + ["--horizon-days", "60"]),
                       "Error: --horizon-days 60 is too short for the default --window (15 days each side of Welch's moving "
                        + "average), which must be under a quarter of the horizon: give --horizon-days above 60, or --window 14 or less")
        XCTAssertEqual(try refusal(warmup + ["--horizon-days", "55", "--window", "14"]),
                       "Error: --window 14 must be in [1, 13]: the days each side of Welch's moving average must be under a "
                        + "quarter of --horizon-days 55")
        XCTAssertEqual(try refusal(warmup + ["--horizon-days", "62.5", "--window", "0"]),
                       "Error: --window 0 must be in [1, 15]: the days each side of Welch's moving average must be under a "
                        + "quarter of --horizon-days 62.5")
    }
}
