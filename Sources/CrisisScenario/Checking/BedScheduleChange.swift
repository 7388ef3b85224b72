/// A planned change of beds (`areas[].bed_schedule[]` or `areas[].wards[].bed_schedule[]`)
/// with where it was written, kept after loading so it can be checked against the run
/// length actually used, which the command line may change (`--horizon-days`).
struct BedScheduleChange: Sendable {
    /// Days from the start of the run, warm-up included.
    let atDay: Double
    /// Where `at_day` is written, and its key path.
    let location: SourceLocation
    let keyPath: String

    /// Every change in the resolved tree, areas' then their wards', in file order.
    static func all(in root: ScenarioNode) -> [BedScheduleChange] {
        var changes: [BedScheduleChange] = []
        func collect(_ holder: ScenarioNode, path: String) {
            for (index, change) in (holder.value(forKey: "bed_schedule")?.items ?? []).enumerated() {
                guard let atDay = change.value(forKey: "at_day"), case .number(let day)? = atDay.scalar else { continue }
                changes.append(BedScheduleChange(atDay: day, location: atDay.location,
                                                 keyPath: "\(path).bed_schedule.\(index).at_day"))
            }
        }
        for (a, area) in (root.value(forKey: "areas")?.items ?? []).enumerated() {
            collect(area, path: "areas.\(a)")
            for (w, ward) in (area.value(forKey: "wards")?.items ?? []).enumerated() {
                collect(ward, path: "areas.\(a).wards.\(w)")
            }
        }
        return changes
    }

    /// A warning when the change comes at or after the end of the run, so it never happens:
    /// valid (a plan may reach beyond a short run) but almost always a slip, such as days
    /// counted from the end of the warm-up, or a year typed as days.
    func warning(for run: RunSettings) -> ScenarioProblem? {
        let end = run.warmupDays + run.horizonDays
        guard atDay >= end else { return nil }
        let format = NumberRange.format
        return ScenarioProblem(location: location, keyPath: keyPath, message:
            "day \(format(atDay)) is not before the run ends on day \(format(end)) (warm-up \(format(run.warmupDays)) "
                + "+ horizon \(format(run.horizonDays)) days), so this change never happens")
    }
}
