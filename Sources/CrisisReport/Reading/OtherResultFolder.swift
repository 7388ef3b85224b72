import CrisisExperiment
import Foundation

/// What was given to `report` when it is not a run's or a comparison's result folder: a
/// file, a sweep's or a warm-up's folder, unmerged shard files. Each is said in words with
/// what to do instead; "summary.json: not found: is this a crisis-sim result folder?" told
/// a planner holding a sweep's folder nothing they could act on.
enum OtherResultFolder {
    /// Why `folder` has no report, or nil when it holds a run's or a comparison's results (or
    /// nothing recognisable, for the reader to say what is missing).
    static func problem(_ folder: URL) -> ReportError? {
        let path = folder.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            return ReportError(file: path, problem: "no such folder")
        }
        guard isFolder.boolValue else {
            // The folder holding the file, when that is one a report is drawn from.
            let holder = folder.deletingLastPathComponent()
            let instead = isReportable(holder) ? ", e.g. crisis-sim report \(holder.path)" : ""
            return ReportError(file: path, problem: "is a file, not a result folder: give the folder written by run or "
                + "compare\(instead)")
        }
        if isReportable(folder) { return nil }
        let names = Set((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
        let ours = "a report is drawn from a run's or a comparison's result folder"
        if names.contains(SweepCSV.fileName) {
            return ReportError(file: path, problem: "is a sweep's result folder (\(SweepCSV.fileName)): \(ours); "
                + "\(SweepCSV.chartFileName) is the sweep's chart, and \(SweepCSV.fileName) its table")
        }
        if let warmup = [WarmupCSV.fileName, WarmupCSV.pageFileName].first(where: names.contains) {
            return ReportError(file: path, problem: "is a warm-up's result folder (\(warmup)): \(ours); "
                + "\(WarmupCSV.pageFileName) is the warm-up's page")
        }
        let shards = names.filter(ShardSpec.isFileName).sorted()
        if let first = shards.first {
            return ReportError(file: path, problem: "holds shard files (\(first)\(shards.count > 1 ? ", ..." : "")) but "
                + "no merged result: run `crisis-sim merge \(path)` first, then report this folder")
        }
        return nil
    }

    /// Whether `folder` holds a run's (summary.json) or a comparison's (comparison.csv)
    /// results at its top, as `ReportContent` reads them.
    private static func isReportable(_ folder: URL) -> Bool {
        [SummaryJSON.fileName, ComparisonCSV.fileName].contains(where: ResultFolder(folder).holds)
    }
}
