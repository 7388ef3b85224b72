import CrisisExperiment
import CrisisModel
import SimKernel

/// One kind of check: the study files it reads (paths relative to the package root) and how
/// it turns their replications into rows.
public enum ValidationCheck: Sendable {
    /// A loss system's share of admissions placed out of area against Erlang B at the
    /// study's offered load.
    case erlangB(String)
    /// A waiting system that never places out of area against the M/M/c queue: Erlang C.
    case erlangC(String)
    /// Little's law on local beds: mean beds occupied = local admissions x mean stay.
    case littlesLaw(String)
    /// Areas with separate beds against the same areas pooling them in one bed network.
    case pooling(separate: String, pooled: String)
    /// Loss systems of different sizes at the same occupancy.
    case smallUnits([String])
    /// A loss system swept over its load (one `--vary`, as `crisis-sim sweep` takes it):
    /// how often every bed is full, against mean occupancy.
    case occupancySweep(String, vary: String)
    /// Two variants of a base, one with longer stays and one with more referrals, that add
    /// the same offered bed load.
    case equalSensitivity(base: String, longerStays: String, moreReferrals: String)
    /// The study's values against calibration bands.
    case calibrationBands(String, [CalibrationBand])

    /// Analytic values agree within this fraction of themselves when they miss the interval.
    public static let relativeTolerance = 0.03

    /// Every study file the check reads.
    public var studies: [String] {
        switch self {
        case .erlangB(let file), .erlangC(let file), .littlesLaw(let file), .occupancySweep(let file, _),
             .calibrationBands(let file, _):
            return [file]
        case .pooling(let separate, let pooled): return [separate, pooled]
        case .smallUnits(let files): return files
        case .equalSensitivity(let base, let longerStays, let moreReferrals): return [base, longerStays, moreReferrals]
        }
    }

    /// Runs the studies (through `runner`, so a study two checks read runs once) and
    /// compares; `source` is the short citation the rows carry.
    public func rows(_ runner: StudyRunner, source: String) throws -> [ValidationRow] {
        switch self {
        case .erlangB(let file): return try erlangBRows(runner.results(file), source: source)
        case .erlangC(let file): return try erlangCRows(runner.results(file), source: source)
        case .littlesLaw(let file): return try littlesLawRows(runner.results(file), source: source)
        case .pooling(let separate, let pooled):
            return try poolingRows(separate: runner.results(separate), pooled: runner.results(pooled), source: source)
        case .smallUnits(let files): return try smallUnitRows(files.map { try runner.results($0) }, source: source)
        case .occupancySweep(let file, let vary): return try occupancySweepRows(file, vary: vary, runner, source: source)
        case .equalSensitivity(let base, let longerStays, let moreReferrals):
            return try equalSensitivityRows(base: runner.results(base), longerStays: runner.results(longerStays),
                                            moreReferrals: runner.results(moreReferrals), source: source)
        case .calibrationBands(let file, let bands):
            let study = try runner.results(file)
            return try bands.map { try $0.row(study) }
        }
    }

    /// An analytic value with the standard tolerance.
    static func analytic(_ value: Double) -> Expectation {
        .value(value, tolerance: relativeTolerance * abs(value))
    }

    /// The paired difference `variant − base` of KPI `id`, replication by replication: the
    /// studies share seed and stream names, so replication r of each sees the same arrivals
    /// until they differ (common random numbers), as in `crisis-sim compare`.
    static func pairedDifference(_ id: String, base: StudyResults, variant: StudyResults) throws -> KPISummary {
        guard base.replications.count == variant.replications.count else {
            throw ValidationRunError.study(file: variant.file, problem: "pairs with \(base.label), so it needs the same "
                + "replications (\(variant.replications.count) against \(base.replications.count))")
        }
        // Comparison.paired compares only the KPIs both report: name an absent one here.
        _ = try base.values(id)
        _ = try variant.values(id)
        let differences = Comparison.paired(base: base.replications, variant: variant.replications)
        guard let difference = differences.first(where: { $0.id == id && $0.stratum == "all" }) else {
            throw ValidationRunError.missingKPI(id: id, study: variant.label)
        }
        return difference.difference
    }

    /// "20 beds, 17.0 erlangs".
    static func describe(_ area: FlowEstimate) -> String {
        "\(area.beds) beds, \(NumberFormat.readable(area.offeredLoad)) erlangs"
    }

    /// The kind of stay distribution: "exponential", "lognormal".
    static func stayKind(_ study: StudyResults) -> String {
        String(study.scenario.configuration.beds.informalStayDays.description.prefix { $0 != "(" })
    }
}
