import CrisisExperiment
import CrisisModel
import CrisisScenario
import Foundation

/// What a report shows of one scenario: where its numbers came from, its KPI summaries, and,
/// when the run kept them, the daily census and the time-to-bed distribution.
public struct ScenarioResults: Sendable {
    /// The scenario's short name (its file name without extension), for legends.
    public var name: String
    public var provenance: RunProvenance
    /// The crisis-sim version that wrote the results.
    public var toolVersion: String
    public var kpis: [KPIEstimate]
    /// daily.csv, absent unless the run was made with --daily or --report.
    public var daily: DailyCensus?
    /// distributions.csv's time to bed, absent unless the run was made with --report.
    public var timeToBed: BinnedCounts?
    /// scenario.yaml, the scenario as it ran (every default written out), kept with --report.
    public var resolvedScenario: String?

    /// The scenario as it ran, compiled from scenario.yaml (nil without one, or if it no
    /// longer loads: a report never fails for it).
    public var configuration: CrisisConfiguration?

    /// The scenario's description, from scenario.yaml; empty without one.
    public var description: String { resolvedScenario.map(ResolvedScenarioText.description) ?? "" }

    public init(name: String, provenance: RunProvenance, toolVersion: String, kpis: [KPIEstimate],
                daily: DailyCensus?, timeToBed: BinnedCounts?) {
        self.name = name
        self.provenance = provenance
        self.toolVersion = toolVersion
        self.kpis = kpis
        self.daily = daily
        self.timeToBed = timeToBed
    }

    /// Reads a result folder as `crisis-sim run` writes it (`ResultFolder.readRun`):
    /// summary.json and summary.csv are required; daily.csv and distributions.csv are read
    /// when the run wrote them. A folder mixing two runs is refused, naming the file. The name
    /// is the scenario file's, as the command-line tool names folders and table columns.
    public init(folder: URL) throws {
        self = try ReportError.reading { try ScenarioResults(ResultFolder(folder).readRun()) }
    }

    private init(_ run: RunTables) throws {
        name = scenarioName(run.provenance.scenario)
        provenance = run.provenance
        toolVersion = run.toolVersion
        kpis = try KPIEstimate.rows(of: run.summary)
        daily = try run.daily.map { try DailyCensus($0) }
        timeToBed = try run.distributions.map { try BinnedCounts($0, distribution: DistributionsCSV.timeToBed) }
        resolvedScenario = run.resolvedScenario
        configuration = run.resolvedScenarioFile.flatMap { (try? ScenarioLoader.load($0.path))?.configuration }
    }

    /// The KPI `id` in `stratum` (default: the whole system).
    public func kpi(_ id: String, stratum: String = "all") -> KPIEstimate? {
        kpis.first { $0.id == id && $0.stratum == stratum }
    }

    /// The KPIs as the terminal's summaries, for what is written from them in both places
    /// (the precision advice).
    public var summary: Summary {
        Summary(kpis: kpis.map {
            KPISummary(id: $0.id, stratum: $0.stratum, unit: $0.unit, count: $0.replications, mean: $0.mean,
                       lower: $0.lower, upper: $0.upper)
        }, replications: provenance.replications)
    }
}
