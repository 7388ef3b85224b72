import ArgumentParser
import CrisisExperiment
import CrisisScenario
import CrisisValidation
import Foundation

struct Validation: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validation",
        abstract: "Run the validation studies and write docs/VALIDATION.md.",
        discussion: """
            Runs every study in Scenarios/studies/ (Erlang B and C, Little's law, pooling, small \
            units at 85% occupancy, an occupancy sweep for Bagust et al. 1999, Paton and \
            Tiffin's sensitivity of out-of-area placements, the baseline's calibration bands) \
            and writes the model against each analytic or published value: mean, 95% confidence \
            interval and a verdict per row. Run it from the package root. In a release build at \
            the default replications it takes about 80 s on 2 idle cores (150 s on 2 busy ones).

            Examples:
              crisis-sim validation
              crisis-sim validation --replications 10 --output /tmp/VALIDATION.md
            """
    )

    static let defaultOutput = "docs/VALIDATION.md"

    @Option(help: "The document to write.", transform: outputPathArgument)
    var output = Validation.defaultOutput

    // Numbers parse unconditionally so that `-1` is refused with the option's limit, and in decimal
    // as a scenario file writes them (NumberArgument).
    @Option(parsing: .unconditional, help: "Replications for every study (default: each study file's run.replications).",
            transform: RunSettingLimit.replications.integerArgument)
    var replications: Int?

    @Option(parsing: .unconditional,
            help: "Threads running replications (default: every core). Results do not depend on it.",
            transform: NumberArgument.integer)
    var threads = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "No progress on standard error.")
    var quiet = false

    func validate() throws {
        if let replications, replications < 2 {
            throw ValidationError("--replications must be \(RunSettingLimit.replications.expectation(atLeast: 2)) (a confidence interval needs two)")
        }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    /// The command line as the document records it: the options that change its numbers.
    var commandLine: String {
        var words = ["crisis-sim", "validation"]
        if let replications { words += ["--replications", String(replications)] }
        if output != Validation.defaultOutput { words += ["--output", output] }
        return words.joined(separator: " ")
    }

    func run() throws {
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(ValidationCatalogue.folder).path) else {
            throw ValidationError("no \(ValidationCatalogue.folder) in \(root.path): run crisis-sim validation from the package root")
        }
        // Read before anything is written, so the document names the tree it was made from.
        let commit = SourceRevision.describe(in: root)
        let document = URL(fileURLWithPath: output)
        try AtomicFile.createFolder(document.deletingLastPathComponent())  // a bad --output stops now, not after the studies
        let started = Date()
        let runner = StudyRunner(root: root, replications: replications, threads: threads) { [quiet] label, count in
            let progress = Progress(label, total: count, quiet: quiet)
            return { progress.update($0) }
        }
        let sections: [ValidationSection]
        do {
            sections = try ValidationDocument.run(runner: runner)
        } catch let error as ValidationRunError {
            printError("validation: \(error.description)\nnothing was written")
            throw ExitCode(1)
        }
        let seconds = Date().timeIntervalSince(started)
        let date = ISO8601DateFormatter.string(from: started, timeZone: TimeZone(identifier: "UTC")!, formatOptions: .withFullDate)
        let provenance = ValidationDocument.Provenance(command: commandLine, version: RunProvenance.toolVersion, commit: commit,
                                                       date: date, seconds: seconds, threads: threads)
        try AtomicFile.write(ValidationDocument.markdown(sections, provenance: provenance), to: document)
        let rows = sections.flatMap(\.rows)
        for row in rows where !row.verdict.passed {
            print("\(row.verdict.rawValue): \(row.check) (\(row.scenario)): expected \(row.expectation.text), "
                + "model \(NumberFormat.readable(row.estimate.mean)) "
                + "[\(NumberFormat.readable(row.estimate.lower)), \(NumberFormat.readable(row.estimate.upper))]")
        }
        print("\(rows.filter(\.verdict.passed).count) of \(rows.count) rows agree, hold or sit inside their band")
        print("Wrote \(output) (\(NumberFormat.fixed(seconds, 0)) s)")
    }
}
