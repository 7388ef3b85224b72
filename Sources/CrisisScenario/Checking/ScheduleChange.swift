/// A planned change of capacity (a bed change, or a change of a service's capacity) with
/// where it was written, kept after loading so it can be checked against the run length
/// actually used, which the command line may change (`--horizon-days`).
struct ScheduleChange: Sendable {
    /// When the change starts, days from the start of the run (warm-up included): `at_day`,
    /// plus the recruitment lead for funded posts.
    let startDay: Double
    /// When a ramp reaches its value: `startDay + ramp_days`.
    let endDay: Double
    /// Whether `startDay` includes a recruitment lead.
    let hasLead: Bool
    /// Where `at_day` is written, and its key path.
    let location: SourceLocation
    let keyPath: String
    /// Where `ramp_days` is written (the change itself if it is not), and its key path.
    let rampLocation: SourceLocation
    let rampKeyPath: String

    /// A schedule in the tree: its list and key path, what its changes call their value and
    /// whether they may give funded posts.
    struct Place {
        let list: ScenarioNode
        let path: [String]
        let valueKey: String
        let staff: Bool
    }

    /// Every schedule in the tree: the service sections', then each area's beds, wards and
    /// services, in file order.
    static func places(in root: ScenarioNode) -> [Place] {
        var places: [Place] = []
        func add(_ holder: ScenarioNode?, _ key: String, _ path: [String], valueKey: String, staff: Bool) {
            guard let list = holder?.value(forKey: key), list.items != nil else { return }
            places.append(Place(list: list, path: path + [key], valueKey: valueKey, staff: staff))
        }
        for keys in ServiceScheduleKeys.all {
            add(root.value(forKey: keys.section), keys.scheduleKey, [keys.section], valueKey: keys.valueKey, staff: keys.staff)
        }
        for (a, area) in (root.value(forKey: "areas")?.items ?? []).enumerated() {
            let path = ["areas", String(a)]
            add(area, "bed_schedule", path, valueKey: "beds", staff: false)
            for (w, ward) in (area.value(forKey: "wards")?.items ?? []).enumerated() {
                add(ward, "bed_schedule", path + ["wards", String(w)], valueKey: "beds", staff: false)
            }
            for keys in ServiceScheduleKeys.all {
                add(area.value(forKey: "services"), keys.areaScheduleKey, path + ["services"], valueKey: keys.valueKey,
                    staff: keys.staff)
            }
        }
        return places
    }

    /// Every change in the resolved tree whose days are numbers, in `places` order.
    static func all(in root: ScenarioNode) -> [ScheduleChange] {
        var changes: [ScheduleChange] = []
        for place in places(in: root) {
            for (index, change) in (place.list.items ?? []).enumerated() {
                guard let atDay = change.value(forKey: "at_day"), case .number(let day)? = atDay.scalar else { continue }
                let path = (place.path + [String(index)]).joined(separator: ".")
                let lead = number(change.value(forKey: "recruitment_lead_days")) ?? 0
                let ramp = change.value(forKey: "ramp_days")
                changes.append(ScheduleChange(startDay: day + lead, endDay: day + lead + (number(ramp) ?? 0), hasLead: lead > 0,
                                              location: atDay.location, keyPath: "\(path).at_day",
                                              rampLocation: (ramp ?? change).location,
                                              rampKeyPath: ramp == nil ? path : "\(path).ramp_days"))
            }
        }
        return changes
    }

    static func number(_ node: ScenarioNode?) -> Double? {
        guard case .number(let value)? = node?.scalar else { return nil }
        return value
    }

    /// A warning when the change starts at or after the end of the run, so it never happens,
    /// or its ramp ends after the run, so the value is never reached: valid (a plan may reach
    /// beyond a short run) but often a slip, such as days counted from the end of the warm-up,
    /// or a year typed as days.
    func warning(for run: RunSettings) -> ScenarioProblem? {
        let end = run.warmupDays + run.horizonDays
        let format = NumberRange.format
        let runEnd = "the run ends on day \(format(end)) (warm-up \(format(run.warmupDays)) + horizon \(format(run.horizonDays)) days)"
        if startDay >= end {
            let day = hasLead ? "day \(format(startDay)) (at_day + recruitment_lead_days)" : "day \(format(startDay))"
            return ScenarioProblem(location: location, keyPath: keyPath, message:
                "\(day) is not before \(runEnd), so this change never happens")
        }
        if endDay > end {
            return ScenarioProblem(location: rampLocation, keyPath: rampKeyPath, message:
                "the ramp ends on day \(format(endDay)), after \(runEnd), so the run never reaches its value")
        }
        return nil
    }
}
