import ArgumentParser
import CrisisExperiment
import CrisisScenario
import SimKernel
import Yardsticks

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the built-in demonstration: a bed pool checked against Erlang B.",
        discussion: """
            Simulates a pool of local adult acute beds: referrals arrive at random, 80% need a \
            bed after gatekeeping, stays are exponential (mean 30 days), and a referral that \
            finds every bed full is placed out of area. Prints the out-of-area share and bed \
            occupancy with 95% confidence intervals over independent replications, next to \
            the Erlang B values they must agree with.

            Example:
              crisis-sim demo --beds 100 --replications 20 --years 5
            """
    )

    // Numbers parse unconditionally so that `-1` is refused with the option's limit, and in decimal
    // as a scenario file writes them (NumberArgument).
    @Option(parsing: .unconditional, help: "Local beds (default: 100).", transform: NumberArgument.integer) var beds = 100
    @Option(parsing: .unconditional, help: "Offered load as a share of beds (0.95 = 95 erlangs on 100 beds; default: 0.95).",
            transform: NumberArgument.number)
    var load = 0.95
    @Option(parsing: .unconditional, help: "Simulated years per replication (default: 5).", transform: NumberArgument.number)
    var years = 5.0
    @Option(parsing: .unconditional, help: "Independent replications.",
            transform: RunSettingLimit.replications.integerArgument)
    var replications = 20
    @Option(parsing: .unconditional, help: "Master seed.", transform: RunSettingLimit.seed.seedArgument)
    var seed: UInt64 = 42

    func validate() throws {
        // Upper bounds catch slips (a population typed into --beds), as the scenario schema's do.
        guard beds >= 1, beds <= 100_000 else { throw ValidationError("--beds must be in [1, 100000]") }
        guard load > 0, load <= 10 else { throw ValidationError("--load must be in (0, 10] (a share of the beds)") }
        // A run as short as a scenario's shortest horizon at least: --years 1e-300 measured
        // nothing after the warm-up and printed nan.
        let leastDays = RunSettingLimit.horizonDays.minimum
        guard years >= leastDays / 365.25, years <= 1000 else {
            let days = leastDays.rounded() == leastDays ? String(Int(leastDays)) : "\(leastDays)"
            throw ValidationError("--years must be in [\(days)/365.25, 1000]: at least \(days) day\(days == "1" ? "" : "s"), "
                + "the shortest run.horizon_days a scenario file allows")
        }
        guard replications >= 2 else {
            throw ValidationError("--replications must be \(RunSettingLimit.replications.expectation(atLeast: 2)) (a confidence interval needs two)")
        }
    }

    func run() throws {
        var parameters = BedPool.Parameters(referrals: .max, beds: beds)
        parameters.loadPerBed = load
        // Ten mean stays: an empty pool is within a fraction of a percent of steady state.
        let warmupDays = 10 * parameters.meanStayDays

        var oapShare: [Double] = []
        var occupancy: [Double] = []
        for replication in 0..<replications {
            let result: BedPool.ReplicationResult
            do {
                result = try BedPool.runReplication(parameters, seed: seed, replication: replication,
                                                    warmupDays: warmupDays, days: years * 365.25,
                                                    stopRequested: { Interruption.requested })
            } catch SimulationStop.interrupted { throw Interrupted() }
            oapShare.append(100 * result.counts.outOfAreaFraction)
            occupancy.append(100 * result.meanOccupiedBeds / Double(beds))
        }

        let blocking = QueueingFormulas.erlangB(servers: beds, load: parameters.offeredLoad)
        let expectedOccupancy = QueueingFormulas.lossSystemOccupancy(servers: beds, load: parameters.offeredLoad) / Double(beds)
        print("Bed pool: \(beds) beds, offered load \(NumberFormat.fixed(parameters.offeredLoad, 1)) erlangs, "
            + "\(replications) replications of \(years >= 0.1 ? "\(NumberFormat.fixed(years, 1)) years" : "\(NumberFormat.readable(years * 365.25)) days") after a "
            + "\(NumberFormat.fixed(warmupDays, 0))-day warm-up, seed \(seed)")
        print("")
        print(NumberFormat.pad("KPI", 28) + NumberFormat.pad("mean", 10) + NumberFormat.pad("95% CI", 22) + "Erlang B")
        print(row("out-of-area share (%)", oapShare, expected: blocking * 100))
        print(row("bed occupancy (%)", occupancy, expected: expectedOccupancy * 100))
    }

    private func row(_ name: String, _ values: [Double], expected: Double) -> String {
        // A short run can see no referral in a replication: its share is undefined, and a
        // value with fewer than two replications behind it has no interval ("-", as in `run`).
        let kpi = KPISummary(id: name, stratum: "all", unit: "%", values: values)
        let mean = kpi.count > 0 ? NumberFormat.fixed(kpi.mean, 2) : "-"
        let ci = kpi.count > 1 ? "[\(NumberFormat.fixed(kpi.lower, 2)), \(NumberFormat.fixed(kpi.upper, 2))]" : "-"
        return NumberFormat.pad(name, 28) + NumberFormat.pad(mean, 10) + NumberFormat.pad(ci, 22)
            + NumberFormat.fixed(expected, 2)
    }
}
