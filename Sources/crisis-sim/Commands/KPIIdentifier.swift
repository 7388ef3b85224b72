import CrisisModel
import CrisisScenario

/// A KPI named on the command line where one KPI is meant (`--precision-kpi`, sweep's
/// `--kpi`), not a group. An unknown one is answered with the nearest identifier and
/// `crisis-sim kpis`, which lists every KPI from the binary itself: docs/MODEL.md, which
/// these messages once pointed to, does not ship with it.
enum KPIIdentifier {
    /// Every KPI's identifier, in catalogue order.
    static let ids = CrisisSystem.kpiDefinitions.map(\.id)
    /// The groups KPIs fall in, their identifiers' first part (`oap`, `beds`), sorted.
    static let groups = Array(Set(ids.map(group))).sorted()

    /// The group of the KPI `id`: its identifier's first part.
    static func group(_ id: String) -> String { String(id.prefix { $0 != "." }) }

    /// Why `id`, given to `option`, names no KPI; nil when it names one.
    static func problem(_ id: String, option: String) -> String? {
        guard !ids.contains(id) else { return nil }
        var hint = ""
        if let nearest = Suggestion.closest(to: id, among: ids) {
            hint = "; did you mean '\(nearest)'?"
        } else {
            // A group's name (`oap`) or a KPI of it misremembered: the group's KPIs.
            let group = group(id)
            let members = ids.filter { $0.hasPrefix(group + ".") }
            if !members.isEmpty { hint = "; the \(group) KPIs are \(members.joined(separator: ", "))" }
        }
        return "\(option) \(id): no such KPI\(hint) (`crisis-sim kpis` lists every KPI)"
    }
}
