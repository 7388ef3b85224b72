import ArgumentParser
import CrisisExperiment
import CrisisScenario
import SimKernel
import SimRandom
import Yardsticks

extension GeneratorKind: ExpressibleByArgument {}

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Speed yardsticks, for timing against other implementations.",
        subcommands: [BedPoolCommand.self]
    )
}

struct BedPoolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bedpool",
        abstract: "Run the bed-pool yardstick and print its counts in the C program's format.",
        discussion: """
            The same model as the hand-written C bed pool (bench notes): Poisson referrals, 80% \
            admitted, exponential stays with mean 30 days, out of area when every bed is full, \
            offered load 0.95 x beds erlangs. Time the whole process against the C and SimPy \
            versions with Benchmarks/yardsticks.sh.

            Example:
              crisis-sim bench bedpool --referrals 5000000 --beds 100 --seed 42
            """
    )

    // Numbers parse unconditionally so that `-1` is refused with the option's limit, and in decimal
    // as a scenario file writes them (NumberArgument).
    @Option(parsing: .unconditional, help: "Referrals to simulate (default: 1000000).", transform: NumberArgument.integer)
    var referrals = 1_000_000
    @Option(parsing: .unconditional, help: "Local beds (default: 100).", transform: NumberArgument.integer) var beds = 100
    @Option(parsing: .unconditional, help: "Master seed.", transform: RunSettingLimit.seed.seedArgument)
    var seed: UInt64 = 42
    @Option(help: "Uniform generator: mrg32k3a (crisis-sim's default) or mt19937 (the C program's).")
    var generator: GeneratorKind = .mrg32k3a

    func validate() throws {
        // Upper bounds catch slips, as the scenario schema's do; a billion referrals is ~10 minutes.
        guard referrals >= 1, referrals <= 1_000_000_000 else { throw ValidationError("--referrals must be in [1, 1000000000]") }
        guard beds >= 1, beds <= 100_000 else { throw ValidationError("--beds must be in [1, 100000]") }
    }

    func run() throws {
        let counts: BedPool.Counts
        do {
            counts = try BedPool.run(BedPool.Parameters(referrals: referrals, beds: beds), seed: seed, generator: generator,
                                     stopRequested: { Interruption.requested })
        } catch SimulationStop.interrupted { throw Interrupted() }
        print(counts.line)
    }
}
