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

    /// Reads a result folder as `crisis-sim run` writes it: summary.json and summary.csv are
    /// required; daily.csv and distributions.csv are read when the run wrote them. Every file
    /// must match the folder's manifest.json, so a folder mixing two runs is refused, naming
    /// the file. The name is the scenario file's, as the command-line tool names folders and
    /// table columns.
    public init(folder: URL) throws {
        let json = folder.appendingPathComponent("summary.json")
        guard FileManager.default.fileExists(atPath: json.path) else {
            throw ReportError(file: json.path, problem: "not found: is this a crisis-sim result folder?")
        }
        let manifest: ResultManifest
        do {
            manifest = try ResultManifest.verified(folder)
        } catch {
            throw ReportError(resultFolder: error)
        }
        for required in ["summary.json", "summary.csv"] where !manifest.lists(required) {
            throw ReportError(file: folder.appendingPathComponent(required).path,
                              problem: "is not in the folder's manifest.json: not a result of `crisis-sim run`")
        }
        guard let data = FileManager.default.contents(atPath: json.path) else {
            throw ReportError(file: json.path, problem: "cannot be read")
        }
        let header: SummaryHeader
        do {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            header = try decoder.decode(SummaryHeader.self, from: data)
        } catch {
            throw ReportError(file: json.path, problem: "is not a crisis-sim summary (\(error))")
        }
        name = scenarioName(header.scenario)
        provenance = RunProvenance(scenario: header.scenario, scenarioHash: header.scenarioHash, seed: header.seed,
                                   replications: header.replications, warmupDays: header.warmupDays,
                                   horizonDays: header.horizonDays, generator: header.generator)
        toolVersion = header.version
        kpis = try KPIEstimate.rows(of: CSVTable(contentsOf: folder.appendingPathComponent("summary.csv")))
        // Only the run's own: a daily.csv left by an earlier run with --daily is not this run's.
        let dailyFile = folder.appendingPathComponent("daily.csv")
        daily = manifest.lists("daily.csv") ? try DailyCensus(CSVTable(contentsOf: dailyFile)) : nil
        let distributions = folder.appendingPathComponent("distributions.csv")
        timeToBed = manifest.lists("distributions.csv")
            ? try BinnedCounts(CSVTable(contentsOf: distributions), distribution: DistributionsCSV.timeToBed) : nil
        let scenarioFile = folder.appendingPathComponent(ResolvedScenarioFile.fileName)
        resolvedScenario = manifest.lists(ResolvedScenarioFile.fileName)
            ? FileManager.default.contents(atPath: scenarioFile.path).map { String(decoding: $0, as: UTF8.self) } : nil
        configuration = resolvedScenario == nil ? nil : (try? ScenarioLoader.load(scenarioFile.path))?.configuration
    }

    /// The KPI `id` in `stratum` (default: the whole system).
    public func kpi(_ id: String, stratum: String = "all") -> KPIEstimate? {
        kpis.first { $0.id == id && $0.stratum == stratum }
    }
}

/// The provenance fields of summary.json (its KPIs are read from summary.csv, where an
/// undefined value is an empty cell as it is null in the JSON).
private struct SummaryHeader: Decodable {
    let version: String
    let scenario: String
    let scenarioHash: String
    let seed: UInt64
    let generator: String
    let replications: Int
    let warmupDays: Double
    let horizonDays: Double
}
