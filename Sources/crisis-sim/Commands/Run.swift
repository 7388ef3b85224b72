import ArgumentParser
import CrisisExperiment
import CrisisModel
import CrisisScenario
import Foundation

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a scenario's replications and report every KPI with a 95% confidence interval.",
        discussion: """
            Writes summary.json, summary.csv and replications.csv to the output folder (each \
            written whole or not at all). The same scenario, seed and version give the same \
            bytes, whatever the thread count.

            Examples:
              crisis-sim run Scenarios/baseline.yaml
              crisis-sim run Scenarios/baseline.yaml --replications 30 --seed 7 --output results/base
              crisis-sim run Scenarios/baseline.yaml --set areas.Northshire.beds=110 --daily
            """
    )

    @Argument(help: "Scenario file (YAML).") var scenario: String
    @OptionGroup var scenarioOptions: ScenarioOptions
    @OptionGroup var runOptions: RunOptions

    @Option(help: "Folder for the result files (default: results/<scenario name>).")
    var output: String?

    @Option(help: "Which KPIs to print: all, area:<name> or cohort:<name>.")
    var stratum = "all"

    @Flag(help: "Also write daily.csv: the midnight census of every replication, warm-up included.")
    var daily = false

    @Flag(help: "Also write report.html, the HTML report (implies --daily, and writes distributions.csv).")
    var report = false

    @Option(help: ShardSpec.help, transform: ShardSpec.argument) var shard: ShardSpec?

    func run() throws {
        if report, shard != nil { throw ValidationError("--report needs the daily census, which --shard does not keep") }
        if let shard { return try runShard(shard) }
        let loaded = try loadScenario(scenario, overrides: scenarioOptions.overrides)
        let settings = runOptions.settings(for: loaded)
        let name = scenarioName(scenario)
        let daily = daily || report  // the report draws the census
        let runner = ReplicationRunner(configuration: loaded.configuration,
                                       length: RunLength(warmupDays: settings.warmupDays, horizonDays: settings.horizonDays),
                                       seed: settings.seed, generator: settings.generator, dailySeries: daily)
        let progress = Progress(name, total: settings.replications, quiet: runOptions.quiet)
        let started = Date()
        let results = try runner.run(Array(0..<settings.replications), threads: runOptions.threads,
                                     progress: { progress.update($0) })
        let seconds = Date().timeIntervalSince(started)
        let summary = Summary(results)
        let provenance = RunProvenance(scenario: scenario, scenarioHash: loaded.hash, seed: settings.seed,
                                       replications: settings.replications, warmupDays: settings.warmupDays,
                                       horizonDays: settings.horizonDays, generator: settings.generator.rawValue)
        let folder = URL(fileURLWithPath: output ?? "results/\(name)")
        if daily { try AtomicFile.write(DailyFiles.csv(results), to: folder.appendingPathComponent("daily.csv")) }
        if report { try AtomicFile.write(DistributionFiles.csv(results), to: folder.appendingPathComponent("distributions.csv")) }
        try ResultFiles.write(summary: summary, results: results, provenance: provenance, to: folder)

        print("\(name): \(loaded.summary.isEmpty ? scenario : loaded.summary)")
        print("\(settings.replications) replications of \(NumberFormat.readable(settings.horizonDays)) days after a "
            + "\(NumberFormat.readable(settings.warmupDays))-day warm-up; seed \(settings.seed); scenario \(loaded.hash)")
        print("")
        print(KPITable.render(summary, stratum: stratum))
        print("")
        let events = results.reduce(0) { $0 + $1.eventsHandled }
        print("Wrote \(folder.path)/summary.json, summary.csv, replications.csv\(daily ? ", daily.csv" : "") "
            + "(\(NumberFormat.grouped(Double(events))) events in \(NumberFormat.fixed(seconds, 2)) s)")
        if report { try Report.write(folder: folder) }
    }
}
