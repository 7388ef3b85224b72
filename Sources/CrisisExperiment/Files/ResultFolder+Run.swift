import CrisisModel
import Foundation

extension ResultFolder {
    /// The files a run's set holds beyond summary.csv, replications.csv and summary.json.
    public struct RunOptions: Sendable {
        /// daily.csv; needs replications run with the daily series.
        public var daily: Bool
        /// distributions.csv; needs replications that kept the time-to-bed histogram.
        public var distributions: Bool
        /// replications-wide.csv (run --wide).
        public var wide: Bool
        /// scenario.yaml: the scenario as it ran.
        public var resolvedScenario: String?
        /// patients.csv and events.csv, from what the replications streamed (run --patients, --event-log).
        public var logs: ReplicationLogs

        public init(daily: Bool = false, distributions: Bool = false, wide: Bool = false, resolvedScenario: String? = nil,
                    logs: ReplicationLogs = ReplicationLogs()) {
            self.daily = daily
            self.distributions = distributions
            self.wide = wide
            self.resolvedScenario = resolvedScenario
            self.logs = logs
        }

        /// Everything a report draws: the census, the time to bed and the scenario as it ran
        /// (run --report, and each scenario's folder of compare --report).
        public static func report(resolvedScenario: String?) -> RunOptions {
            RunOptions(daily: true, distributions: true, resolvedScenario: resolvedScenario)
        }
    }

    /// Replaces the folder's set with a run's files: summary.csv, replications.csv, those
    /// `options` adds, and summary.json, with the same bytes for the same scenario, seed and
    /// version.
    public func writeRun(summary: Summary, results: [ReplicationResult], provenance: RunProvenance,
                         options: RunOptions = RunOptions()) throws {
        let scenario = scenarioName(provenance.scenario)
        var files = [ResultFile(SummaryCSV.fileName) { SummaryCSV.text(summary, scenario: scenario) },
                     ResultFile(ReplicationsCSV.fileName) { append in try ReplicationsCSV.write(results, append) }]
        if options.wide {
            files.append(ResultFile(WideReplicationsCSV.fileName) { append in try WideReplicationsCSV.write(results, append) })
        }
        if options.daily {
            files.append(ResultFile(DailyCSV.fileName) { DailyCSV.text(results, warmupDays: provenance.warmupDays) })
        }
        if options.distributions { files.append(ResultFile(DistributionsCSV.fileName) { DistributionsCSV.text(results) }) }
        if let resolvedScenario = options.resolvedScenario {
            files.append(ResultFile(ResolvedScenarioFile.fileName) { resolvedScenario })
        }
        files += try options.logs.files()
        files.append(ResultFile(SummaryJSON.fileName) { SummaryJSON.text(summary, provenance: provenance) })
        try replace(with: files, provenance: provenance)
    }
}
