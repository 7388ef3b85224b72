import ArgumentParser
import CrisisModel
import CrisisScenario

/// `--stratum`, checked against the strata the results have, so a misspelt area prints
/// an error naming the real ones rather than an empty table with status 0.
enum StratumChoice {
    /// The strata results of `configuration` have, in the order tables list them.
    static func strata(of configuration: CrisisConfiguration) -> [String] {
        ["all"] + configuration.areas.map { "area:" + $0.name } + configuration.cohorts.map { "cohort:" + $0.name }
    }

    /// The strata of merged results, in the order they first appear.
    static func strata(of kpis: [KPIValue]) -> [String] {
        var seen = Set<String>()
        return kpis.map(\.stratum).filter { seen.insert($0).inserted }
    }

    /// Refuses `stratum` unless it is one of `strata`, suggesting the nearest and listing all.
    static func check(_ stratum: String, among strata: [String]) throws {
        guard !strata.contains(stratum) else { return }
        let suggestion = Suggestion.closest(to: stratum, among: strata).map { " (did you mean '\($0)'?)" } ?? ""
        throw ValidationError("--stratum \(stratum): no such stratum\(suggestion); the results have "
            + strata.joined(separator: ", "))
    }
}
