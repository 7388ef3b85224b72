import ArgumentParser
import CrisisExperiment
import CrisisModel
import CrisisReport
import CrisisScenario
import Foundation

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the HTML report of a result folder from run or compare.",
        discussion: """
            One self-contained HTML file (inline SVG, no script, nothing fetched): the scenarios \
            and seed; the KPI table with 95% intervals; bed occupancy over the run with the 85% \
            line and the distribution of occupancy levels; out-of-area placements over the run; \
            time to a bed; section 136 places of safety and breaches; the home treatment \
            caseload; for a comparison, headline KPIs per scenario and the paired differences. \
            Every chart has a title, axis units and a table of its data. Charts drawn from \
            daily.csv and distributions.csv appear when the run kept them, as run --report and \
            compare --report do; otherwise the report says which are missing and why.

            Examples:
              crisis-sim run Scenarios/baseline.yaml --report
              crisis-sim compare Scenarios/baseline.yaml Scenarios/beds-plus-10.yaml \\
                  --report
              crisis-sim report results/baseline --output baseline.html
            """
    )

    @Argument(help: "A result folder written by run or compare.") var folder: String

    @Option(help: "The HTML file to write (default: <folder>/report.html).", transform: outputPathArgument)
    var output: String?

    func validate() throws {
        // A name ending in .html keeps the report off the result files (an outside audit wrote
        // it over summary.json).
        if let output, !output.lowercased().hasSuffix(".html") {
            throw ValidationError("--output '\(output)': the report is an HTML page; give a file name ending in .html")
        }
    }

    func run() throws {
        try Self.write(folder: URL(fileURLWithPath: folder), to: output.map { URL(fileURLWithPath: $0) })
    }

    /// Writes the report of `folder`, saying where and which charts lacked data; a folder it
    /// cannot read exits with status 1 and the reason.
    static func write(folder: URL, to file: URL? = nil) throws {
        do {
            let written = try HTMLReport.write(folder: folder, to: file)
            for note in written.missing { printError("note: \(note)") }
            print("Wrote \(written.file.path)")
        } catch let error as ReportError {
            printError(error.description)
            throw ExitCode(1)
        }
    }
}
