import ArgumentParser
import CrisisExperiment
import CrisisScenario
import Foundation

struct Targets: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "targets",
        abstract: "Write calibration targets for one organisation from NHS England's public monthly statistics.",
        discussion: """
            Reads the Mental Health Services Monthly Statistics CSV (--mhsds) and, optionally, the \
            monthly Out of Area Placements CSV (--oaps), both as NHS England publishes them, and \
            writes a targets file (the layout `calibrate --targets` reads): for the organisation \
            (a provider, sub-ICB or ICB code as the files write it), adult acute bed days \
            (AMH21a), admissions (MHS27a Adult Acute + OAP01a), out-of-area placements started \
            (OAP01a), their bed days (OAP02a) and those active at month end (OAP03a), each a rate \
            a year over the months used with a standard error from the month-to-month spread \
            (never below a Poisson floor), and its source.

            Each month is counted once, from its latest publication (Final or Performance before \
            Provisional). Suppressed values (*) are counted and the month left out; rolling \
            quarters are not used. Nothing is written when anything is wrong; what, where (file, \
            line and column) and what to do is said. docs/DATA.md says which measures are used, \
            which are not and why.

            Example:
              crisis-sim targets --mhsds Scenarios/data/mhsds-monthly-example.csv \\
                --oaps Scenarios/data/oaps-monthly-example.csv --provider RXX \\
                --output results/targets.yaml
            """
    )

    @Option(help: ArgumentHelp("Mental Health Services Monthly Statistics CSV (one or more months, concatenated).",
                               valueName: "file"))
    var mhsds: String
    @Option(help: ArgumentHelp("Out of Area Placements monthly CSV.", valueName: "file")) var oaps: String?
    @Option(help: ArgumentHelp("Organisation code as the files write it (provider, sub-ICB or ICB), e.g. RXX.",
                               valueName: "code"))
    var provider: String
    @Option(help: ArgumentHelp("First month to use (YYYY-MM; default: the first the files have).", valueName: "month"))
    var from: String?
    @Option(help: ArgumentHelp("Last month to use, included (YYYY-MM; default: the last the files have).", valueName: "month"))
    var to: String?
    @Option(name: .shortAndLong, help: "The targets file to write.", transform: outputPathArgument)
    var output: String = "results/targets.yaml"

    func validate() throws {
        guard !provider.allSatisfy(\.isWhitespace) else { throw ValidationError("--provider must not be empty") }
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, ReportingMonth(text: value) == nil {
                throw ValidationError("\(name) '\(value)' is not a month (expected YYYY-MM, e.g. 2024-04)")
            }
        }
        if let first = from.flatMap(ReportingMonth.init(text:)), let last = to.flatMap(ReportingMonth.init(text:)),
           last < first {
            throw ValidationError("--from \(first) is after --to \(last): the period is from the first month to the last, both included")
        }
    }

    func run() throws {
        let result: PublicTargets.Result
        do {
            let mhsdsFile = try MonthlyStatisticsFile.read(mhsds)
            let oapsFile = try oaps.map(MonthlyStatisticsFile.read)
            result = try PublicTargets.make(
                mhsds: mhsdsFile, oaps: oapsFile,
                request: PublicTargets.Request(organisation: provider.trimmingCharacters(in: .whitespaces),
                                               from: from.flatMap(ReportingMonth.init(text:)),
                                               to: to.flatMap(ReportingMonth.init(text:))))
        } catch let error as PublishedStatisticsError {
            printError("Error: \(error)")
            printError("Nothing was written.")
            throw ExitCode(1)
        }
        guard !result.made.isEmpty else {
            printError("Error: no target could be made for \(provider):")
            for reason in result.notMade { printError("  " + reason) }
            printError("Nothing was written.")
            throw ExitCode(1)
        }
        let command = (["crisis-sim", "targets", "--mhsds", mhsds] + (oaps.map { ["--oaps", $0] } ?? [])
            + ["--provider", provider] + (from.map { ["--from", $0] } ?? []) + (to.map { ["--to", $0] } ?? [])
            + ["--output", output]).joined(separator: " ")
        let text = TargetsFile.text(result.targets, header: PublicTargets.header(result, command: command))
        let url = URL(fileURLWithPath: output)
        try AtomicFile.write(text, to: url)
        // What was written must read back as any targets file: a file that does not is a bug to see now.
        _ = try TargetsFile.read(output)
        report(result)
        print("Wrote \(output)")
    }

    private func report(_ result: PublicTargets.Result) {
        let months = ReportingMonth.range(result.first, result.last).count
        print("\(result.organisation)" + (result.name.isEmpty ? "" : " \(result.name)") + ", \(result.first) to "
            + "\(result.last) (\(NumberFormat.count(months, "month")))")
        for file in result.files {
            var line = "  \(file.path): \(NumberFormat.count(file.rows, "row")), \(file.organisations) under '\(file.breakdown)'; "
                + "\(NumberFormat.grouped(Double(file.rowsUsed))) used"
            if file.superseded > 0 { line += ", \(file.superseded) superseded by a later status" }
            if file.suppressed > 0 { line += ", \(file.suppressed) suppressed (*)" }
            if file.longerPeriods > 0 { line += ", \(file.longerPeriods) of longer periods not used" }
            print(line)
        }
        print("")
        let width = result.made.map(\.target.kpi.count).max() ?? 0
        for made in result.made {
            let unit = made.target.definition?.unit ?? ""
            var line = NumberFormat.pad(made.target.kpi, width) + "  "
                + NumberFormat.pad(NumberFormat.readable(made.target.value), 9, right: true) + " ± "
                + NumberFormat.pad(NumberFormat.readable(made.target.standardError), 6) + " " + NumberFormat.pad(unit, 9)
                + "  " + made.recipe.measures.map(\.label).joined(separator: " + ") + ", "
                + NumberFormat.count(made.months.count, "month")
            var notes: [String] = []
            if !made.missing.isEmpty { notes.append("missing " + PublicTargets.monthList(made.missing)) }
            if !made.suppressed.isEmpty { notes.append("suppressed " + PublicTargets.monthList(made.suppressed)) }
            if !made.provisional.isEmpty { notes.append("provisional " + PublicTargets.monthList(made.provisional)) }
            if !notes.isEmpty { line += " (" + notes.joined(separator: "; ") + ")" }
            print(line)
        }
        for reason in result.notMade { print("not made: " + reason) }
        print("")
    }
}
