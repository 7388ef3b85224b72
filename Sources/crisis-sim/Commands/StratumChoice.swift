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

    /// Refuses `stratum` unless every scenario compared has it (a paired difference needs it
    /// in the base and the variant), saying which lack it and listing each one's strata:
    /// scenarios can have different areas and cohorts, so the base's alone would mislead.
    static func check(_ stratum: String, inEach scenarios: [(name: String, strata: [String])]) throws {
        guard let first = scenarios.first else { return }
        if scenarios.allSatisfy({ $0.strata == first.strata }) { return try check(stratum, among: first.strata) }
        let lacking = scenarios.filter { !$0.strata.contains(stratum) }.map(\.name)
        guard !lacking.isEmpty else { return }
        var seen = Set<String>()
        let all = scenarios.flatMap(\.strata).filter { seen.insert($0).inserted }
        let having = scenarios.map(\.name).filter { !lacking.contains($0) }
        let which = having.isEmpty
            ? "no such stratum" + (Suggestion.closest(to: stratum, among: all).map { " (did you mean '\($0)'?)" } ?? "")
            : "\(names(lacking)) \(lacking.count == 1 ? "has" : "have") no such stratum, only \(names(having)) "
                + "\(having.count == 1 ? "does" : "do"), and each difference needs it in the base and the variant"
        throw ValidationError("--stratum \(stratum): \(which); the strata are "
            + scenarios.map { "\($0.name): \($0.strata.joined(separator: ", "))" }.joined(separator: "; "))
    }

    /// "a", "a and b", "a, b and c".
    private static func names(_ names: [String]) -> String {
        names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
}
