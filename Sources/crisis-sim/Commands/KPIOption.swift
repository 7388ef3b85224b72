import ArgumentParser
import CrisisExperiment
import CrisisScenario

/// `--kpi`, for the tables of run, compare and merge: which KPIs to print (files keep all).
struct KPIOption: ParsableArguments {
    @Option(name: .customLong("kpi"),
            help: ArgumentHelp("Print only this KPI: an identifier, or its first part for a whole group (oap for every "
                               + "out-of-area KPI); repeatable. Files keep every KPI; `crisis-sim kpis` lists them.",
                               valueName: "id"))
    var patterns: [String] = []

    var selection: KPITable.Selection { KPITable.Selection(patterns) }

    func validate() throws {
        guard let unknown = selection.unknown.first else { return }
        let groups = KPIIdentifier.groups
        let suggestion = Suggestion.closest(to: unknown, among: KPIIdentifier.ids + groups).map { " (did you mean '\($0)'?)" } ?? ""
        throw ValidationError("--kpi \(unknown): no such KPI or group\(suggestion); the groups are "
            + groups.joined(separator: ", ") + " (`crisis-sim kpis` lists every KPI)")
    }
}
