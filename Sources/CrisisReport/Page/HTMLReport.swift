import CrisisExperiment
import Foundation

/// The HTML report of a result folder, as `crisis-sim report`, `run --report` and
/// `compare --report` write it.
public enum HTMLReport {
    /// Reads `folder` and writes its report to `file` (default: report.html in the folder),
    /// atomically. Returns where it went and a note for each chart the folder lacked data for.
    @discardableResult
    public static func write(folder: URL, to file: URL? = nil) throws -> (file: URL, missing: [String]) {
        let content = try ReportContent(folder: folder)
        let target = file ?? folder.appendingPathComponent(ResultFolder.reportFileName)
        let sections = ReportPage.sections(content)
        try AtomicFile.write(ReportPage.html(content, sections: sections), to: target)
        return (target, sections.flatMap(\.missing))
    }
}
