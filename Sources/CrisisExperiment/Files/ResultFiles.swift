import CrisisModel
import CrisisScenario
import Foundation

/// The files a run writes: summary.json, summary.csv and replications.csv (and daily.csv,
/// distributions.csv and scenario.yaml when asked), replaced as one set (see `ResultFolder`),
/// with the same bytes for the same scenario, seed and version.
public enum ResultFiles {
    /// Writes the set into `folder`; `daily` adds daily.csv and `distributions` adds
    /// distributions.csv, which need replications run with the daily series and histograms.
    /// The scenario as it ran, kept for the report (run and compare with --report).
    public static let scenarioFileName = "scenario.yaml"

    /// `wide` adds replications-wide.csv, a row per replication and a column per KPI;
    /// `logs` adds the record-level files the replications kept (patients.csv, events.csv).
    public static func write(summary: Summary, results: [ReplicationResult], provenance: RunProvenance,
                             to folder: URL, daily: Bool = false, distributions: Bool = false,
                             resolvedScenario: String? = nil, wide: Bool = false, logs: ReplicationLogs = ReplicationLogs()) throws {
        let scenario = scenarioName(provenance.scenario)
        var files = [ResultFile("summary.csv") { summaryCSV(summary, scenario: scenario) },
                     ResultFile("replications.csv") { append in try writeReplicationsCSV(results, append) }]
        if wide { files.append(ResultFile(wideFileName) { append in try writeWideReplicationsCSV(results, append) }) }
        if daily { files.append(ResultFile("daily.csv") { DailyFiles.csv(results, warmupDays: provenance.warmupDays) }) }
        if distributions { files.append(ResultFile("distributions.csv") { DistributionFiles.csv(results) }) }
        if let resolvedScenario { files.append(ResultFile(scenarioFileName) { resolvedScenario }) }
        files += try logs.files()
        files.append(ResultFile("summary.json") { summaryJSON(summary, provenance: provenance) })
        try ResultFolder(folder).replace(with: files, provenance: provenance)
    }

    /// A scenario's name from its file: the file name without extension, as tables name it.
    public static func scenarioName(_ path: String) -> String {
        URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    public static let summaryHeader = "scenario,kpi,label,stratum,unit,replications,mean,sd,ci95_low,ci95_high,relative_half_width"

    /// summary.csv: a row per KPI and stratum, with the scenario and the KPI's label beside its
    /// identifier, so a sheet pasted next to another scenario's still says whose it is.
    public static func summaryCSV(_ summary: Summary, scenario: String) -> String {
        var lines = [summaryHeader]
        for kpi in summary.kpis {
            lines.append([csvField(scenario), csvField(kpi.id), csvField(KPIText.label(kpi.id)), csvField(kpi.stratum),
                          csvField(kpi.unit), String(kpi.count),
                          NumberFormat.cell(kpi.mean), NumberFormat.cell(kpi.standardDeviation),
                          NumberFormat.cell(kpi.lower), NumberFormat.cell(kpi.upper),
                          relativeHalfWidthField(kpi.relativeHalfWidth)].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The half-width relative to the mean is undefined when the mean is 0 (a KPI that never
    /// happened): an empty cell, which spreadsheets and pandas read as missing, not `nan` text.
    static func relativeHalfWidthField(_ value: Double) -> String {
        value.isFinite ? NumberFormat.exact(value) : ""
    }

    public static let wideFileName = "replications-wide.csv"

    /// replications-wide.csv: a row per replication and a column per KPI, the layout a
    /// spreadsheet's charts and pivot tables want; columns are named by identifier, with the
    /// stratum in brackets for areas and cohorts (`oap.placements [area:Northshire]`).
    public static func writeWideReplicationsCSV(_ results: [ReplicationResult], _ append: (String) throws -> Void) rethrows {
        guard let first = results.first else { return try append("replication\n") }
        let names = first.kpis.map { $0.stratum == "all" ? $0.id : "\($0.id) [\($0.stratum)]" }
        try append((["replication"] + names.map(csvField)).joined(separator: ",") + "\n")
        for result in results {
            try append(([String(result.replication)] + result.kpis.map { NumberFormat.cell($0.value) }).joined(separator: ",") + "\n")
        }
    }

    public static func replicationsCSV(_ results: [ReplicationResult]) -> String {
        var text = ""
        writeReplicationsCSV(results) { text += $0 }
        return text
    }

    /// replications.csv a line at a time, for files too big to build whole.
    public static func writeReplicationsCSV(_ results: [ReplicationResult], _ append: (String) throws -> Void) rethrows {
        try append("replication,kpi,stratum,value\n")
        for result in results {
            for kpi in result.kpis {
                try append("\(result.replication),\(csvField(kpi.id)),\(csvField(kpi.stratum)),\(NumberFormat.cell(kpi.value))\n")
            }
        }
    }

    public static func summaryJSON(_ summary: Summary, provenance: RunProvenance) -> String {
        var out = "{\n"
        out += "  \"tool\": \"crisis-sim\",\n"
        out += "  \"version\": \(json(RunProvenance.toolVersion)),\n"
        out += "  \"scenario\": \(json(provenance.scenario)),\n"
        out += "  \"scenario_hash\": \(json(provenance.scenarioHash)),\n"
        out += "  \"seed\": \(provenance.seed),\n"
        out += "  \"generator\": \(json(provenance.generator)),\n"
        out += "  \"replications\": \(provenance.replications),\n"
        out += "  \"warmup_days\": \(json(provenance.warmupDays)),\n"
        out += "  \"horizon_days\": \(json(provenance.horizonDays)),\n"
        out += "  \"confidence\": 0.95,\n"
        out += "  \"kpis\": [\n"
        out += summary.kpis.map { kpi in
            "    {\"id\": \(json(kpi.id)), \"stratum\": \(json(kpi.stratum)), \"unit\": \(json(kpi.unit)), "
                + "\"replications\": \(kpi.count), \"mean\": \(json(kpi.mean)), \"sd\": \(json(kpi.standardDeviation)), "
                + "\"ci95\": [\(json(kpi.lower)), \(json(kpi.upper))]}"
        }.joined(separator: ",\n")
        out += "\n  ]\n}\n"
        return out
    }

    /// JSON has no NaN or infinity: undefined values are null.
    static func json(_ value: Double) -> String { value.isFinite ? "\(value)" : "null" }

    static func json(_ text: String) -> String { QuotedString.quoted(text) }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
