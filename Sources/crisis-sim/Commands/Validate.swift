import ArgumentParser
import CrisisScenario

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files without running them.",
        discussion: """
            Prints every problem, each with file, line, column and key, or one OK line per file. \
            Exits with status 1 when any file has a problem. Warnings (a bed change after the \
            run ends) are printed on standard error and do not fail the file.

            Example:
              crisis-sim validate Scenarios/*.yaml
            """
    )

    @Argument(help: "Scenario files (YAML).") var files: [String]
    @OptionGroup var scenarioOptions: ScenarioOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one scenario file") }
    }

    func run() throws {
        var failed = false
        for file in files {
            do {
                let loaded = try ScenarioLoader.load(file, overrides: scenarioOptions.overrides)
                print("\(file): OK (scenario \(loaded.hash))")
                printWarnings(loaded.warnings)
            } catch {
                printError(error.description(loading: file))
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
