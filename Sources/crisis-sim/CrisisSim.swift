import ArgumentParser
import CrisisExperiment
import Foundation

@main
struct CrisisSim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crisis-sim",
        abstract: "Discrete-event simulation of mental health crisis care pathways.",
        discussion: """
            Examples:
              crisis-sim validate Scenarios/*.yaml
              crisis-sim run Scenarios/baseline.yaml
              crisis-sim compare Scenarios/baseline.yaml Scenarios/crht-24-7.yaml
              crisis-sim describe Scenarios/beds-minus-10.yaml
              crisis-sim validation                # every study in Scenarios/studies/ -> docs/VALIDATION.md
              crisis-sim demo                      # a 100-bed pool at 95% offered load, checked against Erlang B
              crisis-sim bench bedpool --referrals 5000000 --beds 100 --seed 42
              crisis-sim sweep Scenarios/baseline.yaml --vary areas.Northshire.beds=80...120:5
              crisis-sim run Scenarios/baseline.yaml --shard 2/4 --output results/base; crisis-sim merge results/base
              crisis-sim slurm --shards 20 --output results/big run Scenarios/baseline.yaml --replications 400
              crisis-sim serve --open              # the planner's desk: a web app on this computer
            """,
        subcommands: [Run.self, Warmup.self, Compare.self, Report.self, Validate.self, Validation.self, Describe.self, KPIs.self, Fit.self, Targets.self, Calibrate.self, Plan.self, Serve.self, Demo.self, Bench.self, Sweep.self, Merge.self, Slurm.self]
    )

    /// Parses and runs the command, stopping cleanly (exit status 130) on SIGINT or SIGTERM.
    static func main() {
        StandardStreams.guardDescriptors()
        Interruption.install()
        if let problem = CommandNameCheck.problem(Array(CommandLine.arguments.dropFirst()), root: Self.self) {
            printError("Error: " + problem)
            Self.exit(withError: ExitCode.validationFailure)
        }
        do {
            var command = try parseAsRoot()
            let encoding = ArgumentEncodingCheck.problems(command)
            if !encoding.isEmpty {
                for problem in encoding { printError("Error: " + problem) }
                Self.exit(withError: ExitCode.validationFailure)
            }
            try command.run()
            StandardStreams.checkOutputWritten()
        } catch is Interrupted {
            printError("interrupted: stopped before writing any result file (files are only ever written whole); "
                + "sharded work keeps the shards already complete")
            Self.exit(withError: ExitCode(130))
        } catch let error as ValidationError {
            // Found while running (after the scenario was read): the message is the whole
            // story, and argument-parser would follow it with the root command's usage.
            printError("Error: \(error.message)")
            Self.exit(withError: ExitCode.validationFailure)
        } catch {
            Progress.endLine()
            // --help, help and --version end "cleanly", but their text is the output asked for:
            // lost to a full or closed standard output, they fail as any command's output does.
            if exitCode(for: error) == .success {
                let text = fullMessage(for: error)
                if !text.isEmpty { print(text) }
                StandardStreams.checkOutputWritten()
                Foundation.exit(0)
            }
            exit(withError: error)
        }
    }
}
