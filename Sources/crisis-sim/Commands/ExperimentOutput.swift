import CrisisExperiment
import CrisisModel
import CrisisReport
import CrisisScenario
import Foundation

/// How an experiment's results leave the tool, the same for run, compare, sweep, merge and
/// sweep --resume: the folder's result set, written as one, then the terminal report. A
/// merged or resumed experiment therefore writes and says what the unsharded command does.
struct ExperimentOutput {
    let identity: ExperimentIdentity
    /// Each group's results, in group order.
    let results: [[ReplicationResult]]
    var stratum = "all"
    var selection = KPITable.Selection.all
    /// Write daily.csv (run --daily; the replications must have kept their daily series).
    var daily = false
    /// Write replications-wide.csv (run --wide).
    var wide = false
    /// Write patients.csv and events.csv from what the replications kept (run --patients, --event-log).
    var logs = ReplicationLogs()
    /// Write report.html and what it draws: daily.csv and distributions.csv, and for a
    /// comparison a result folder per scenario.
    var report = false
    /// Each group's scenario as it ran (`LoadedScenario.resolvedYAML`), kept beside its
    /// results with `report` so the report can show it; merged shards have none.
    var resolvedScenarios: [String] = []
    /// Lines printed after the table (how --replications auto ended).
    var notes: [String] = []
    /// Each group's configuration, to explain results a planner would not expect (as the
    /// report does); merged shards have none.
    var configurations: [CrisisConfiguration] = []
    /// Where the results came from: "N events in S s", or the shards merged.
    let footnote: String

    init(identity: ExperimentIdentity, results: [[ReplicationResult]], footnote: String) {
        self.identity = identity
        self.results = results
        self.footnote = footnote
    }

    func write(to folder: URL) throws {
        switch identity.kind {
        case .run: try writeRun(to: folder)
        case .compare: try writeComparison(to: folder)
        case .sweep:
            let sweep = SweepResult(identity: identity, results: results)
            try ResultFolder(folder).writeSweep(sweep, chart: SweepChart.svg)
            Sweep.report(sweep, folder: folder, footnote: footnote)
        case .plan:
            preconditionFailure("a plan's first stage is finished by `plan`, which Merge names, not written as results")
        }
    }

    /// "N replications of D days after a W-day warm-up; seed S"
    private var runLength: String {
        "\(NumberFormat.count(identity.replications, "replication")) of \(NumberFormat.days(identity.horizonDays)) days "
            + "after a \(NumberFormat.days(identity.warmupDays))-day warm-up; seed \(identity.seed)"
    }

    /// Why a result may surprise (`SurpriseExplanations`), for group `group`, as the report says it.
    private func explanations(_ group: Int, summary: Summary) -> [String] {
        guard group < configurations.count else { return [] }
        let name = configurations.count > 1 ? "\(identity.groups[group].label): " : ""
        return SurpriseExplanations.sentences(configurations[group], occupancy: summary.kpi("beds.occupancy")?.mean,
                                              waitP95: summary.kpi("time_to_bed.p95")?.mean).map { "Why: " + name + $0 }
    }

    private func writeRun(to folder: URL) throws {
        let group = identity.groups[0]
        let summary = Summary(results[0])
        let daily = daily || report  // the report draws the census
        try ResultFolder(folder).writeRun(summary: summary, results: results[0], provenance: identity.provenance(),
                                          options: .init(daily: daily, distributions: report, wide: wide,
                                                         resolvedScenario: report ? resolvedScenarios.first : nil,
                                                         logs: logs))
        print("\(group.label): \(group.summary.isEmpty ? group.scenario : group.summary)")
        print("\(runLength); scenario \(group.scenarioHash)")
        print("")
        print(KPITable.render(summary, stratum: stratum, selection: selection))
        print("")
        for note in notes { print(note) }
        printParagraph(PrecisionAdvice.text(summary, selection: selection))
        printParagraph(explanations(0, summary: summary))
        let written = [SummaryJSON.fileName, SummaryCSV.fileName, ReplicationsCSV.fileName]
            + (wide ? [WideReplicationsCSV.fileName] : []) + (daily ? [DailyCSV.fileName] : [])
            + (logs.patients == nil ? [] : [PatientExtract.fileName]) + (logs.events == nil ? [] : [EventLogFile.fileName])
        print("Wrote \(folder.path)/\(written.joined(separator: ", ")) (\(footnote))")
        if report { try Report.write(folder: folder) }
    }

    private func writeComparison(to folder: URL) throws {
        let base = identity.groups[0]
        let variants = identity.groups.indices.dropFirst().map { index in
            (name: identity.groups[index].label, comparison: Comparison.paired(base: results[0], variant: results[index]))
        }
        let runs = identity.groups.indices.map { identity.provenance(group: $0) }
        // The scenario folders first: the comparison's manifest, written last, vouches for them.
        let parts = report ? try ResultFolder.writeScenarioFolders(in: folder, runs: runs, results: results,
                                                             resolvedScenarios: resolvedScenarios) : []
        try ResultFolder(folder).writeComparison(variants, changes: identity.groups.dropFirst().map { ($0.label, $0.changes) },
                                                 provenance: RunProvenance(combining: runs), parts: parts)

        print("Base: \(base.label); \(runLength); common random numbers")
        for group in identity.groups.dropFirst() {
            print("")
            print("\(group.label): \(group.summary)")
            print(ScenarioChanges.table(group.changes, base: base.label, variant: group.label), terminator: "")
        }
        print("")
        print(KPITable.render(comparisons: variants, baseName: base.label, stratum: stratum, selection: selection))
        for variant in variants {
            print("")
            for line in ComparisonSummary.text(variant: variant.name, base: base.label, variant.comparison) { print(line) }
            let reductions = variant.comparison.filter { $0.stratum == "all" }.map(\.varianceReduction).filter(\.isFinite).sorted()
            if !reductions.isEmpty {
                print("  Common random numbers made the paired changes' variance "
                    + "\(NumberFormat.readable(reductions[reductions.count / 2]))x smaller than two independent runs' "
                    + "(median over KPIs; each KPI's in comparison.csv).")
            }
        }
        print("")
        printParagraph(PrecisionAdvice.text(Summary(results[0]), scenario: base.label, selection: selection))
        printParagraph(identity.groups.indices.flatMap { explanations($0, summary: Summary(results[$0])) })
        print("Wrote \(folder.path)/\(ComparisonCSV.fileName), \(ChangesCSV.fileName) (\(footnote))")
        if report { try Report.write(folder: folder) }
    }

    /// `lines` and a blank line after them, or nothing.
    private func printParagraph(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        for line in lines { print(line) }
        print("")
    }
}
