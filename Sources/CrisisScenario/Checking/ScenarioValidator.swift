import CrisisModel
import Foundation
import SimRandom

/// Checks a merged scenario tree against the schema table and builds its canonical value.
///
/// Nothing stops at the first problem: every key is checked and every problem recorded, each
/// at the line and column of the value (or, for a missing key, of the mapping that lacks it).
/// Distributions are built here, through SimRandom's checked constructors, so a parameter
/// SimRandom refuses is reported against the file rather than discovered mid-run.
struct ScenarioValidator {
    private(set) var problems: [ScenarioProblem] = []
    /// Names given to items of top-level lists (area names), for references.
    private var itemNames: [String: [String]] = [:]
    /// References seen during the walk, resolved once every name is known.
    private var references: [(list: String, name: String, node: ScenarioNode, path: [String])] = []

    /// The canonical value of `root`, or nil with `problems` saying why.
    mutating func validate(_ root: ScenarioNode) -> ScenarioValue? {
        let value = check(root, as: .record(ScenarioSchema.root), path: [])
        resolveReferences()
        checkWards(root)
        checkArrivalWeeks(root)
        checkSchedules(root)
        return problems.isEmpty ? value : nil
    }

    private mutating func report(_ node: ScenarioNode, _ path: [String], _ message: String) {
        report(at: node.location, path, message)
    }

    private mutating func report(at location: SourceLocation, _ path: [String], _ message: String) {
        problems.append(ScenarioProblem(location: location, keyPath: path.joined(separator: "."), message: message))
    }

    private mutating func expected(_ type: SchemaType, _ node: ScenarioNode, _ path: [String]) -> ScenarioValue? {
        report(node, path, "expected \(type.expectation), got \(node.written)" + (Self.whyNot(node).map { ": " + $0 } ?? ""))
        return nil
    }

    /// Why a plain scalar such as `+5` or `0x10`, which is text here, is not the number it
    /// looks like; nil for anything else (quoted text is meant as text).
    private static func whyNot(_ node: ScenarioNode) -> String? {
        guard case .scalar(let text, quoted: false) = node.content, node.text != nil else { return nil }
        return DecimalNumber.whyNot(text)
    }

    /// The value of `node` as `type`, or nil after recording why not. `unit` is the unit of
    /// the key holding it, which sets a duration's least mean.
    mutating func check(_ node: ScenarioNode, as type: SchemaType, path: [String], unit: String? = nil) -> ScenarioValue? {
        switch type {
        case .integer(let range):
            guard let value = node.integer else { return expected(type, node, path) }
            guard range.contains(value) else { return expected(type, node, path) }
            return .integer(value)
        case .number(let range):
            return number(node, in: range, type: type, path: path).map(ScenarioValue.number)
        case .probability:
            return number(node, in: .closed(0, 1), type: type, path: path).map(ScenarioValue.number)
        case .boolean:
            guard case .boolean(let value)? = node.scalar else { return expected(type, node, path) }
            return .boolean(value)
        case .text, .prose, .reference, .path:
            guard case .scalar(let text, _) = node.content, !node.isNull, !text.isEmpty else { return expected(type, node, path) }
            let lineBreaks: Bool
            if case .prose = type { lineBreaks = true } else { lineBreaks = false }
            if let refusal = ControlCharacters.refusal(of: text, expected: type.expectation, written: node.written,
                                                       lineBreaks: lineBreaks) {
                report(node, path, refusal)
                return nil
            }
            if case .reference(let list) = type { references.append((list, text, node, path)) }
            return .text(text)
        case .choice(let words):
            guard case .scalar(let text, _) = node.content, !node.isNull else { return expected(type, node, path) }
            guard words.contains(text) else {
                report(node, path, "unknown value '\(text)'" + Suggestion.hint(for: text, among: words))
                return nil
            }
            return .text(text)
        case .distribution(let zero):
            return distribution(node, zero: zero, unit: unit, path: path)
        case .split(let parts):
            return split(node, parts: parts, type: type, path: path)
        case .weights(let count, let first):
            return weights(node, count: count, first: first, type: type, path: path)
        case .list(let item, let rules):
            return list(node, of: item, rules: rules, type: type, path: path)
        case .record(let entries):
            return record(node, entries: entries, type: type, path: path)
        case .assignments:
            // Applied and removed while resolving `extends`; never reaches validation.
            return nil
        }
    }

    private mutating func number(_ node: ScenarioNode, in range: NumberRange, type: SchemaType, path: [String]) -> Double? {
        guard case .number(let value)? = node.scalar else {
            _ = expected(type, node, path)
            return nil
        }
        guard value.isFinite else {
            report(node, path, "expected \(type.expectation), got \(node.written), which is not a finite number")
            return nil
        }
        guard range.contains(value) else {
            _ = expected(type, node, path)
            return nil
        }
        return value
    }

    // MARK: Mappings

    private mutating func record(_ node: ScenarioNode, entries schema: [SchemaEntry], type: SchemaType,
                                 path: [String]) -> ScenarioValue? {
        guard let entries = node.entries else { return expected(type, node, path) }
        let before = problems.count
        let keys = schema.map(\.key)
        for entry in entries where !keys.contains(entry.key) {
            report(at: entry.keyLocation, path + [entry.key], RetiredKeys.unknownKey(entry.key, at: path, among: keys))
        }
        var fields: [ScenarioValue.Field] = []
        for field in schema {
            if case .path = field.type { continue }
            if case .assignments = field.type { continue }
            let childPath = path + [field.key]
            if let child = node.value(forKey: field.key), !child.isNull {
                if let value = check(child, as: field.type, path: childPath, unit: field.unit) {
                    fields.append(ScenarioValue.Field(key: field.key, value: value))
                }
                continue
            }
            switch field.presence {
            case .required:
                // A key written with no value is reported where it was written.
                let holder = node.value(forKey: field.key) ?? node
                report(holder, childPath, "missing required key '\(field.key)': expected \(field.type.expectation)")
            case .defaulted(let value):
                fields.append(ScenarioValue.Field(key: field.key, value: value))
            case .optional:
                break
            }
        }
        return problems.count == before ? .record(fields) : nil
    }

    private mutating func split(_ node: ScenarioNode, parts: [String], type: SchemaType, path: [String]) -> ScenarioValue? {
        guard let entries = node.entries else { return expected(type, node, path) }
        let before = problems.count
        for entry in entries where !parts.contains(entry.key) {
            report(at: entry.keyLocation, path + [entry.key], "unknown outcome '\(entry.key)'" + Suggestion.hint(for: entry.key, among: parts))
        }
        var fields: [ScenarioValue.Field] = []
        for part in parts {
            guard let child = node.value(forKey: part) else {
                report(node, path + [part], "missing share '\(part)': every outcome needs a share (0 if it never happens)")
                continue
            }
            if let share = number(child, in: .closed(0, 1), type: .probability, path: path + [part]) {
                fields.append(ScenarioValue.Field(key: part, value: .number(share)))
            }
        }
        guard problems.count == before else { return nil }
        let sum = fields.reduce(0.0) { total, field in
            if case .number(let share) = field.value { return total + share }
            return total
        }
        guard abs(sum - 1) <= SchemaType.sumTolerance else {
            report(node, path, "shares sum to \(sum); expected 1 (within \(SchemaType.sumToleranceText))")
            return nil
        }
        return .record(fields)
    }

    // MARK: Lists

    private mutating func weights(_ node: ScenarioNode, count: Int, first: String, type: SchemaType,
                                  path: [String]) -> ScenarioValue? {
        guard let items = node.items else { return expected(type, node, path) }
        if items.isEmpty { return .list([]) }
        guard items.count == count else {
            report(node, path, "expected \(count) weights (\(first) first) or [] for flat, got \(items.count)")
            return nil
        }
        var values: [Double] = []
        for (index, item) in items.enumerated() {
            guard let weight = finite(item, path: path + [String(index)]) else { continue }
            guard weight >= 0 else {
                report(item, path + [String(index)], "expected a weight >= 0, got \(item.written)")
                continue
            }
            values.append(weight)
        }
        guard values.count == count else { return nil }
        guard values.reduce(0, +).isFinite else {
            report(node, path, "the weights sum to more than \(SchemaType.largestWeightSum), so they cannot be "
                + "normalised: weights are relative, so divide them all by one factor")
            return nil
        }
        guard values.contains(where: { $0 > 0 }) else {
            report(node, path, "weights are all zero, so nothing would arrive; use [] for flat")
            return nil
        }
        return .list(values.map(ScenarioValue.number))
    }

    private mutating func list(_ node: ScenarioNode, of item: SchemaType, rules: SchemaType.ListRules, type: SchemaType,
                               path: [String]) -> ScenarioValue? {
        guard let items = node.items else { return expected(type, node, path) }
        let before = problems.count
        if items.count < rules.minimumCount {
            report(node, path, "expected at least \(rules.minimumCount) item\(rules.minimumCount == 1 ? "" : "s"), got none")
        }
        var values: [ScenarioValue?] = []
        for (index, element) in items.enumerated() {
            values.append(check(element, as: item, path: path + [String(index)]))
        }
        if let field = rules.uniqueField {
            var firstIndex: [String: Int] = [:]
            for (index, element) in items.enumerated() {
                guard let nameNode = element.value(forKey: field), case .scalar(let name, _) = nameNode.content else { continue }
                if let earlier = firstIndex[name] {
                    report(nameNode, path + [String(index), field], "duplicate \(field) '\(name)' (item \(earlier) has it too)")
                } else {
                    firstIndex[name] = index
                }
            }
            if path.count == 1 {
                itemNames[path[0]] = items.compactMap { $0.value(forKey: field) }.compactMap {
                    if case .scalar(let name, _) = $0.content { return name }
                    return nil
                }
            }
        }
        if rules.uniqueItems {
            var seen: [String: Int] = [:]
            for (index, element) in items.enumerated() {
                guard case .scalar(let text, _) = element.content else { continue }
                if let earlier = seen[text] {
                    report(element, path + [String(index)], "'\(text)' is listed twice (item \(earlier) too)")
                } else {
                    seen[text] = index
                }
            }
        }
        let checked = values.compactMap { $0 }
        if let field = rules.sumsToOne, checked.count == items.count, !checked.isEmpty {
            let sum = checked.reduce(0.0) { total, value in
                if case .number(let share)? = value[field] { return total + share }
                return total
            }
            if abs(sum - 1) > SchemaType.sumTolerance {
                report(node, path, "\(field)s sum to \(sum); expected 1 (within \(SchemaType.sumToleranceText))")
            }
        }
        return problems.count == before ? .list(checked) : nil
    }

    /// Rules that span keys: wards need ward types, an area's `beds` is its wards' total,
    /// schedules go on the wards, and a starting position fits the beds and the caseload cap,
    /// so no value is silently ignored.
    private mutating func checkWards(_ root: ScenarioNode) {
        let hasTypes = root.value(forKey: "ward_types") != nil
        for (a, area) in (root.value(forKey: "areas")?.items ?? []).enumerated() {
            if let occupied = area.value(forKey: "start")?.value(forKey: "beds_occupied"), let count = occupied.integer,
               let beds = area.value(forKey: "beds")?.integer, count > beds {
                report(occupied, ["areas", String(a), "start", "beds_occupied"], "expected at most the area's \(beds) beds, got \(count)")
            }
            // The caseload cap: the area's home treatment staff (or the section's) x caseload per staff.
            let homeTreatment = root.value(forKey: "home_treatment")
            if let starting = area.value(forKey: "start")?.value(forKey: "home_treatment"), let count = starting.integer,
               let staff = (area.value(forKey: "services")?.value(forKey: "home_treatment_staff")
                   ?? homeTreatment?.value(forKey: "staff"))?.integer,
               let perStaff = homeTreatment?.value(forKey: "caseload_per_staff")?.integer, count > staff * perStaff {
                report(starting, ["areas", String(a), "start", "home_treatment"],
                       "expected at most the caseload cap, \(staff * perStaff) (\(staff) staff x \(perStaff)), got \(count)")
            }
            guard let wards = area.value(forKey: "wards") else { continue }
            let path = ["areas", String(a), "wards"]
            if !hasTypes { report(wards, path, "wards name ward types, but there is no top-level `ward_types` list") }
            if let schedule = area.value(forKey: "bed_schedule"), !(schedule.items ?? []).isEmpty {
                report(schedule, ["areas", String(a), "bed_schedule"], "with wards, give each ward its own bed_schedule")
            }
            let total = (wards.items ?? []).compactMap { $0.value(forKey: "beds")?.integer }.reduce(0, +)
            if let beds = area.value(forKey: "beds"), let count = beds.integer, count != total {
                report(beds, ["areas", String(a), "beds"], "expected the wards' total, \(total), got \(count)")
            }
        }
        if !hasTypes {
            for (c, cohort) in (root.value(forKey: "cohorts")?.items ?? []).enumerated() {
                if let ward = cohort.value(forKey: "ward_type") {
                    report(ward, ["cohorts", String(c), "ward_type"], "there is no top-level `ward_types` list to name")
                }
            }
        }
    }

    /// Hour-of-day and day-of-week weights that each have a finite sum can still multiply into
    /// a week that has none (1e300 every hour, 1e10 on Mondays; or flat hours and days near
    /// the limit): the arrival stream normalises the week, so its sum must be finite too,
    /// or the run would stop at its start.
    private mutating func checkArrivalWeeks(_ root: ScenarioNode) {
        /// The weights of a list that passed its own checks; [] for flat, nil otherwise.
        func weights(_ node: ScenarioNode?, count: Int) -> [Double]? {
            guard let node, !node.isNull else { return [] }
            guard let items = node.items, items.isEmpty || items.count == count else { return nil }
            let values = items.compactMap { item -> Double? in
                guard case .number(let value)? = item.scalar, value.isFinite, value >= 0 else { return nil }
                return value
            }
            guard values.count == items.count, values.reduce(0, +).isFinite else { return nil }
            return values
        }
        for (a, area) in (root.value(forKey: "areas")?.items ?? []).enumerated() {
            for source in area.value(forKey: "sources")?.entries ?? [] {
                let hourNode = source.value.value(forKey: "hour_of_day_weights")
                let dayNode = source.value.value(forKey: "day_of_week_weights")
                guard let hours = weights(hourNode, count: 24), let days = weights(dayNode, count: 7) else { continue }
                let week = ArrivalSourceConfiguration(perYear: 0, hourOfDayWeights: hours, dayOfWeekWeights: days)
                guard !week.hourOfWeekWeights.reduce(0, +).isFinite else { continue }
                // Said of the list with the larger sum, the likelier slip, where it was written.
                let (key, node) = hours.reduce(0, +) >= days.reduce(0, +) && !hours.isEmpty
                    ? ("hour_of_day_weights", hourNode) : ("day_of_week_weights", dayNode)
                report(node ?? source.value, ["areas", String(a), "sources", source.key, key],
                       "the week's 168 hourly weights (each hour_of_day_weights weight times its day's "
                           + "day_of_week_weights weight) sum to more than \(SchemaType.largestWeightSum): weights are "
                           + "relative, so divide this list by one factor")
            }
        }
    }

    /// Rules within a schedule that its items' own checks cannot see: a staff change gives
    /// its value in post or its funded posts, one of the two, and a fill rate or a recruitment
    /// lead only with funded posts; changes come in the order they happen, each starting (at
    /// its day, plus any recruitment lead) when the one before has finished its ramp, since
    /// two ramps at once would each step from a value the other has moved.
    private mutating func checkSchedules(_ root: ScenarioNode) {
        let format = NumberRange.format
        for place in ScheduleChange.places(in: root) {
            var previous: (day: Double, end: Double)?
            for (index, change) in (place.list.items ?? []).enumerated() where change.entries != nil {
                let path = place.path + [String(index)]
                if place.staff {
                    let value = change.value(forKey: place.valueKey), posts = change.value(forKey: "funded_posts")
                    if value == nil && posts == nil {
                        report(change, path, "missing '\(place.valueKey)' or 'funded_posts': give the \(place.valueKey) in post "
                            + "when the change is complete, or the posts funded (with fill_rate and recruitment_lead_days)")
                    } else if let posts, value != nil {
                        report(posts, path + ["funded_posts"], "give '\(place.valueKey)' or 'funded_posts', not both")
                    }
                    if posts == nil {
                        for key in ["fill_rate", "recruitment_lead_days"] {
                            if let node = change.value(forKey: key) {
                                report(node, path + [key], "\(key) applies to funded posts: give 'funded_posts' instead of "
                                    + "'\(place.valueKey)', or leave \(key) out")
                            }
                        }
                    }
                }
                guard let dayNode = change.value(forKey: "at_day"), let day = ScheduleChange.number(dayNode) else { continue }
                let start = day + (ScheduleChange.number(change.value(forKey: "recruitment_lead_days")) ?? 0)
                let end = start + (ScheduleChange.number(change.value(forKey: "ramp_days")) ?? 0)
                defer { previous = (day, end) }
                guard let previous else { continue }
                if day <= previous.day {
                    report(dayNode, path + ["at_day"], "expected a day after the previous change's, \(format(previous.day)), "
                        + "got \(format(day)): list changes in the order they happen, one a day at most")
                } else if start < previous.end {
                    let when = start == day ? "day \(format(start))" : "day \(format(start)) (at_day + recruitment_lead_days)"
                    report(dayNode, path + ["at_day"], "this change starts on \(when), before the previous change "
                        + "finishes its ramp on day \(format(previous.end)): start it then or later, or shorten that ramp")
                }
            }
        }
    }

    /// Every reference names an item of its list, and not the item that holds it.
    private mutating func resolveReferences() {
        for reference in references {
            // A list that failed to validate has no names recorded; its own problems say why.
            guard let names = itemNames[reference.list] else { continue }
            if !names.contains(reference.name) {
                report(reference.node, reference.path,
                       "no item of \(reference.list) is named '\(reference.name)'" + Suggestion.hint(for: reference.name, among: names))
            } else if reference.path.first == reference.list, reference.path.count > 1,
                      let index = Int(reference.path[1]), names.indices.contains(index), names[index] == reference.name {
                report(reference.node, reference.path, "'\(reference.name)' lists itself; name the other \(reference.list) only")
            }
        }
    }

    // MARK: Distributions

    private mutating func distribution(_ node: ScenarioNode, zero: SchemaType.ZeroDuration, unit: String?,
                                       path: [String]) -> ScenarioValue? {
        guard let entries = node.entries else { return expected(.distribution(zero: zero), node, path) }
        let types = DistributionForm.all.map(\.type)
        guard let typeNode = node.value(forKey: "type") else {
            report(node, path + ["type"], "missing 'type': expected one of \(types.joined(separator: ", "))")
            return nil
        }
        guard case .scalar(let typeName, _) = typeNode.content, let form = DistributionForm.named(typeName) else {
            let written = typeNode.text ?? typeNode.written
            report(typeNode, path + ["type"], "unknown distribution type '\(written)'" + Suggestion.hint(for: written, among: types))
            return nil
        }
        let before = problems.count
        var parameters = DistributionForm.Parameters(numbers: [:], values: [])
        var given: [String] = []
        for entry in entries where entry.key != "type" {
            let parameterPath = path + [entry.key]
            guard form.parameterKeys.contains(entry.key) else {
                report(at: entry.keyLocation, parameterPath,
                       "unknown parameter '\(entry.key)' for a \(form.type) distribution" + Suggestion.hint(for: entry.key, among: form.parameterKeys))
                continue
            }
            given.append(entry.key)
            if entry.key == "values" {
                guard let items = entry.value.items, !items.isEmpty else {
                    report(entry.value, parameterPath, "expected a list of at least one number, got \(entry.value.written)")
                    continue
                }
                for (index, item) in items.enumerated() {
                    if let value = finite(item, path: parameterPath + [String(index)]) { parameters.values.append(value) }
                }
            } else if let value = finite(entry.value, path: parameterPath) {
                parameters.numbers[entry.key] = value
            }
        }
        guard problems.count == before else { return nil }
        guard let set = form.parameterSets.first(where: { Set($0) == Set(given) }) else {
            let sets = form.parameterSets.map { $0.joined(separator: " and ") }
            let accepted = sets.count == 1 ? sets[0] : sets.dropLast().joined(separator: ", ") + " or " + sets[sets.count - 1]
            report(node, path, "a \(form.type) distribution takes \(accepted), got \(given.isEmpty ? "no parameters" : given.joined(separator: " and "))")
            return nil
        }
        let built: Distribution
        do {
            built = try form.build(parameters)
        } catch let error as DistributionError {
            let key = error.parameter == "data" ? "values" : error.parameter
            report(node.value(forKey: key) ?? node, path + [key], error.description)
            return nil
        } catch {
            report(node, path, "\(error)")
            return nil
        }
        if let lowest = form.lowestValueParameter, let parameter = node.value(forKey: lowest) {
            let least = lowest == "values" ? parameters.values.min() ?? 0 : parameters(lowest)
            if least < 0 {
                report(parameter, path + [lowest], "a duration cannot be negative: expected \(lowest) >= 0, got \(NumberRange.format(least))")
                return nil
            }
        }
        // Every form's mean is finite or +inf, never NaN, so the comparison decides.
        let mean = built.mean
        if let floor = SchemaType.minimumMean(unit: unit), mean < floor.value, !(mean == 0 && zero == .meaningful) {
            if mean == 0 {
                report(node, path, "every draw is 0, but this cannot take no time: expected a mean of at least \(floor.text)")
            } else {
                let accepted = zero == .meaningful ? "0 or at least \(floor.text)" : "at least \(floor.text)"
                // Three figures: a mean derived from other parameters carries rounding noise.
                report(node, path, "the mean is \(String(format: "%.3g", mean)) \(unit ?? ""), under one minute: expected \(accepted)")
            }
            return nil
        }
        if let ceiling = SchemaType.maximumMean(unit: unit), !(mean <= ceiling.value) {
            let stated = mean.isFinite ? "\(String(format: "%.3g", mean)) \(unit ?? "")" : "infinite"
            report(node, path, "the mean is \(stated), over a century: expected at most \(ceiling.text)")
            return nil
        }
        let widest = SchemaType.maximumCoefficientOfVariation
        let cv = built.coefficientOfVariation
        if !(cv <= widest.value * (1 + SchemaType.dispersionTolerance)) {
            // Three figures, or as many as it takes to show it over the bound (10.0001).
            var stated = cv.isFinite ? String(format: "%.3g", cv) : "infinite"
            for digits in 4...17 where cv.isFinite && Double(stated)! <= widest.value {
                stated = String(format: "%.\(digits)g", cv)
            }
            let bound = form.dispersionBounds.first { set.contains($0.key) }.map { " (for a \(form.type): \($0.text))" } ?? ""
            report(node, path, "the coefficient of variation (standard deviation / mean) is \(stated): expected at most "
                + "\(widest.text)\(bound)")
            return nil
        }
        let fields = set.map { key in
            ScenarioValue.Field(key: key, value: key == "values" ? .list(parameters.values.map(ScenarioValue.number))
                                                                  : .number(parameters(key)))
        }
        return .distribution(ScenarioValue.DistributionValue(type: form.type, parameters: fields, distribution: built))
    }

    private mutating func finite(_ node: ScenarioNode, path: [String]) -> Double? {
        guard case .number(let value)? = node.scalar else {
            report(node, path, "expected a number, got \(node.written)" + (Self.whyNot(node).map { ": " + $0 } ?? ""))
            return nil
        }
        guard value.isFinite else {
            report(node, path, "expected a finite number, got \(node.written)")
            return nil
        }
        return value
    }
}
