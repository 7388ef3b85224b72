import Foundation

/// A run's set read back (`ResultFolder.readRun`), every file checked against the manifest.
public struct RunTables: Sendable {
    public let provenance: RunProvenance
    /// The crisis-sim version that wrote the set.
    public let toolVersion: String
    public let summary: CSVTable<SummaryCSV>
    /// Absent unless the set includes it (run --daily or --report): a daily.csv left beside it
    /// by an earlier run is not this run's.
    public let daily: CSVTable<DailyCSV>?
    /// Absent unless the set includes it (run --report).
    public let distributions: CSVTable<DistributionsCSV>?
    /// scenario.yaml, the scenario as it ran, and its text; absent unless the set includes it.
    public let resolvedScenarioFile: URL?
    public let resolvedScenario: String?
}

/// A comparison's set read back (`ResultFolder.readComparison`), every file checked against
/// the manifest.
public struct ComparisonTables: Sendable {
    public let comparison: CSVTable<ComparisonCSV>
    public let changes: CSVTable<ChangesCSV>?
    /// The result folder of each scenario compared, base first, each itself checked whole;
    /// none unless the comparison was run with --report.
    public let scenarioFolders: [URL]
}

extension ResultFolder {
    /// Whether a file named `fileName` is in the folder, whether or not a set includes it.
    public func holds(_ fileName: String) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent(fileName).path)
    }

    /// The run's set as `writeRun` wrote it: summary.json and summary.csv, and daily.csv,
    /// distributions.csv and scenario.yaml when the set includes them.
    ///
    /// - Throws: a `ResultFolderError` naming the file: a folder that is not a run's, whose
    ///   files do not all match its manifest (a folder mixing two runs), or whose files do
    ///   not parse.
    public func readRun() throws(ResultFolderError) -> RunTables {
        guard holds(SummaryJSON.fileName) else {
            throw ResultFolderError(folder: url, file: SummaryJSON.fileName, problem: "not found: is this a crisis-sim result folder?")
        }
        let manifest = try ResultManifest.verified(url)
        for required in [SummaryJSON.fileName, SummaryCSV.fileName] where !manifest.lists(required) {
            throw ResultFolderError(folder: url, file: required,
                                    problem: "is not in the folder's \(ResultManifest.fileName): not a result of `crisis-sim run`")
        }
        guard let data = FileManager.default.contents(atPath: url.appendingPathComponent(SummaryJSON.fileName).path) else {
            throw ResultFolderError(folder: url, file: SummaryJSON.fileName, problem: "cannot be read")
        }
        let run: (provenance: RunProvenance, toolVersion: String)
        do {
            run = try SummaryJSON.run(data)
        } catch {
            throw ResultFolderError(folder: url, file: SummaryJSON.fileName, problem: "is not a crisis-sim summary (\(error))")
        }
        let resolvedScenarioFile = manifest.lists(ResolvedScenarioFile.fileName)
            ? url.appendingPathComponent(ResolvedScenarioFile.fileName) : nil
        return RunTables(provenance: run.provenance, toolVersion: run.toolVersion,
                         summary: try CSVTable(contentsOf: url.appendingPathComponent(SummaryCSV.fileName)),
                         daily: try table(DailyCSV.self, ifIn: manifest),
                         distributions: try table(DistributionsCSV.self, ifIn: manifest),
                         resolvedScenarioFile: resolvedScenarioFile,
                         resolvedScenario: resolvedScenarioFile.flatMap { FileManager.default.contents(atPath: $0.path) }
                             .map { String(decoding: $0, as: UTF8.self) })
    }

    /// The comparison's set as `writeComparison` wrote it, and the scenario folders it
    /// includes; nil when the folder's set is not a comparison (comparison.csv not in it).
    ///
    /// - Throws: a `ResultFolderError` naming the file, when any file of the set or of its
    ///   scenario folders does not match its manifest, or a table does not parse.
    public func readComparison() throws(ResultFolderError) -> ComparisonTables? {
        let manifest = try ResultManifest.verified(url)
        guard manifest.lists(ComparisonCSV.fileName) else { return nil }
        return ComparisonTables(comparison: try CSVTable(contentsOf: url.appendingPathComponent(ComparisonCSV.fileName)),
                                changes: try table(ChangesCSV.self, ifIn: manifest),
                                scenarioFolders: manifest.partFolders.map { url.appendingPathComponent($0) })
    }

    /// The file of `format`, when `manifest` includes it.
    private func table<Format: CSVFormat>(_ format: Format.Type,
                                          ifIn manifest: ResultManifest) throws(ResultFolderError) -> CSVTable<Format>? {
        guard manifest.lists(Format.fileName) else { return nil }
        return try CSVTable(contentsOf: url.appendingPathComponent(Format.fileName))
    }
}
