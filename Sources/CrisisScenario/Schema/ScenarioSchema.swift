import CrisisModel
import SimRandom

/// The scenario file format: one row per key, with its type, unit, default, allowed range
/// and meaning.
///
/// This table is the only description of the format. Validation walks it, `jsonSchema()`
/// and `markdownReference()` print it (docs/scenario.schema.json and docs/SCENARIOS.md are
/// generated, and a test fails when they drift), and the compiler reads values by these keys.
/// Keys mirror `CrisisConfiguration`, in snake_case with their unit in the name. Required
/// keys are the ones with no neutral value: the baseline gives them with their sources.
/// Upper bounds are there to catch slips (a population typed into `beds`), not to judge
/// policy.
public enum ScenarioSchema {
    /// The top level of a scenario file.
    static let root: [SchemaEntry] = [
        .optional("description", .prose, whenAbsent: "none",
                  "what the scenario is for: the policy question it asks"),
        .optional("extends", .path, whenAbsent: "a scenario complete in itself",
                  "the scenario this one changes; its values apply unless this file gives others"),
        .optional("set", .assignments, whenAbsent: "none",
                  "key paths set after merging, as `--set` does: `areas.Northshire.beds: 110`"),
        section("run", run, "how the simulation is run (not part of the system described)"),
        .required("areas", .list(of: .record(area), rules: .init(minimumCount: 1, uniqueField: "name")),
                  "catchment areas, each with its own beds, service capacities and arrival sources"),
        .defaulted("cohorts", .list(of: .record(cohort), rules: .init(minimumCount: 1, uniqueField: "name", sumsToOne: "share")),
                   default: .list([.record([.init(key: "name", value: .text("everyone")),
                                            .init(key: "share", value: .number(1))])]),
                   "population groups with their share of arrivals and, optionally, their own stays and detention"),
        .optional("ward_types", .list(of: .record(wardType), rules: .init(minimumCount: 1, uniqueField: "name", sumsToOne: "share")),
                  whenAbsent: "one ward type, `acute`, for everyone",
                  "kinds of adult acute ward (e.g. male, female, PICU) with the share of people needing each; areas split their beds with `wards`"),
        section("crht", crht, "crisis resolution and home treatment team: assessment and gatekeeping"),
        section("home_treatment", homeTreatment, "home treatment caseload"),
        section("crisis_house", crisisHouse, "crisis house: a residential alternative to admission"),
        section("liaison", liaison, "liaison psychiatry in the emergency department"),
        section("section_136", section136, "police detentions under section 136: places of safety and Mental Health Act assessment"),
        section("beds", beds, "stays, waits for a bed, out-of-area placements and discharge"),
        section("representation", representation, "people coming back to the crisis team after an episode ends"),
        section("costs", costs, "unit costs in pounds sterling, by the agency that pays"),
    ]

    static let run: [SchemaEntry] = [
        .defaulted("replications", .integer(1...100_000), default: .integer(10),
                   "independent replications; results give the mean and a 95% confidence interval across them"),
        .defaulted("seed", .integer(0...Int.max), default: .integer(42),
                   "master seed: every random stream is a function of (seed, replication, stream name)"),
        // At least a day: every KPI is a count or an integral over the measured time (rates
        // are per year of it), the daily census needs a midnight in it, and a warm-up of up to
        // a century plus the horizon must be a later time than the warm-up alone. A horizon of
        // 1e-300 days ended where the warm-up did, and every KPI was 0 / 0.
        .defaulted("horizon_days", .number(.closed(1, 36_500)), unit: "days", default: .number(365),
                   "simulated time measured after the warm-up (at least a day; month-end KPIs need a month)"),
        .defaulted("warmup_days", .number(.closed(0, 36_500)), unit: "days", default: .number(365),
                   "simulated time discarded first, so measurement starts from a loaded system (stays last weeks)"),
        .defaulted("generator", .choice(GeneratorKind.allCases.map(\.rawValue)), default: .text(GeneratorKind.mrg32k3a.rawValue),
                   "uniform generator under every stream: mrg32k3a gives provably disjoint streams"),
    ]

    static let area: [SchemaEntry] = [
        .required("name", .text, "names the area in bed networks, results and `--set areas.NAME.key=value`"),
        .required("adult_population", .integer(1...100_000_000), unit: "adults",
                  "adults living in the area (for per-capita results only)"),
        .required("beds", .integer(0...100_000), unit: "beds", "local adult acute beds at the start of the run"),
        .defaulted("bed_schedule", .list(of: .record(capacityChange), rules: .init()), default: .list([]),
                   "planned openings and closures of local beds"),
        .defaulted("bed_network", .list(of: .reference(list: "areas"), rules: .init(uniqueItems: true)), default: .list([]),
                   "other areas whose beds this area uses before placing out of area, and which may use its beds"),
        section("sources", sources, "independent arrival streams; re-presentations come from discharges"),
        .optional("services", .record(areaServices), whenAbsent: "every capacity from its service's section",
                  "this area's own service capacities; a key left out takes its service section's value"),
        .optional("wards", .list(of: .record(ward), rules: .init(minimumCount: 1, uniqueField: "name")),
                  whenAbsent: "one pool of `beds` serves every ward type",
                  "beds split by ward type; `beds` must then be their total, and schedules go on each ward"),
        .optional("start", .record(startingState), whenAbsent: "an empty system (use a warm-up)",
                  "people already in care when the run starts (\"start from today\"), with remaining stays drawn at random"),
    ]

    /// Capacities an area may set for itself; the service sections give the rest (and say how
    /// each service works, which every area shares).
    static let areaServices: [SchemaEntry] = [
        .optional("crht_assessors", capacity, unit: "assessments at once", whenAbsent: "`crht.assessors`",
                  "crisis team assessments this area's team can carry out at the same time"),
        .optional("liaison_practitioners", capacity, unit: "assessments at once", whenAbsent: "`liaison.practitioners`",
                  "liaison assessments this area's emergency department can have at the same time"),
        .optional("amhps", capacity, unit: "assessments at once", whenAbsent: "`section_136.amhps`",
                  "approved mental health professionals on duty for this area"),
        .optional("place_of_safety_suites", capacity, unit: "suites", whenAbsent: "`section_136.place_of_safety_suites`",
                  "this area's health-based place of safety suites"),
        .optional("home_treatment_staff", capacity, unit: "staff", whenAbsent: "`home_treatment.staff`",
                  "this area's home treatment staff; its caseload cap is these x `home_treatment.caseload_per_staff`"),
        .optional("crisis_house_places", capacity, unit: "places", whenAbsent: "`crisis_house.places`",
                  "this area's crisis house places (0: none)"),
    ] + ServiceScheduleKeys.all.map { keys in
        .optional(keys.areaScheduleKey, keys.scheduleType, whenAbsent: "`\(keys.section).\(keys.scheduleKey)`",
                  "planned changes to this area's `\(keys.areaKey)`")
    }

    static let startingState: [SchemaEntry] = [
        .required("beds_occupied", .integer(0...100_000), unit: "people", "people in local beds at the start (at most `beds`)"),
        .defaulted("out_of_area", .integer(0...100_000), unit: "people", default: .integer(0),
                   "people placed out of area at the start"),
        .defaulted("home_treatment", .integer(0...100_000), unit: "people", default: .integer(0),
                   "people on the home treatment caseload at the start (at most its cap)"),
    ]

    static let wardType: [SchemaEntry] = [
        .required("name", .text, "names the ward type in `wards` and `cohorts`"),
        .required("share", .probability, "share of people needing this ward type (cohorts may name one instead)"),
    ]

    static let ward: [SchemaEntry] = [
        .required("name", .reference(list: "ward_types"), "the ward type these beds are for"),
        .required("beds", .integer(0...100_000), unit: "beds", "beds of this ward type at the start of the run"),
        .defaulted("bed_schedule", .list(of: .record(capacityChange), rules: .init()), default: .list([]),
                   "planned openings and closures of these beds"),
    ]

    /// A planned change of a service capacity, as a bed change; staff may be given as funded
    /// posts with a fill rate and a recruitment lead instead of the number in post.
    static func serviceChange(_ keys: ServiceScheduleKeys) -> [SchemaEntry] {
        var entries: [SchemaEntry] = [
            .required("at_day", .number(.closed(0, 36_500)), unit: "days",
                      keys.staff ? "when the change starts (for funded posts, when they are funded), counted from the start of the run (warm-up included)"
                          : "when the change starts, counted from the start of the run (warm-up included)"),
        ]
        if keys.staff {
            entries += [
                .optional(keys.valueKey, capacity, unit: keys.unit, whenAbsent: "`funded_posts` x `fill_rate`",
                          "\(keys.unit) when the change is complete (give this or `funded_posts`)"),
                .optional("funded_posts", capacity, unit: "posts", whenAbsent: "`\(keys.valueKey)` in post",
                          "posts funded from `at_day`, each one unit of `\(keys.valueKey)`; those in post are funded_posts x fill_rate, rounded down"),
                .optional("fill_rate", .probability, whenAbsent: "1: every funded post filled",
                          "share of funded posts filled (only with `funded_posts`); unfilled posts give no capacity and cost nothing"),
                .optional("recruitment_lead_days", .number(.closed(0, 36_500)), unit: "days", whenAbsent: "0",
                          "from funding to staff in post (only with `funded_posts`): the change starts at at_day + this"),
            ]
        } else {
            entries.append(.required(keys.valueKey, capacity, unit: keys.unit, "\(keys.unit) when the change is complete"))
        }
        entries.append(.defaulted("ramp_days", .number(.closed(0, 36_500)), unit: "days", default: .number(0),
                                  "capacity moves one unit at a time, evenly over this time (0: all at once)"))
        return entries
    }

    static let capacityChange: [SchemaEntry] = [
        .required("at_day", .number(.closed(0, 36_500)), unit: "days",
                  "when the change starts, counted from the start of the run (warm-up included)"),
        .required("beds", .integer(0...100_000), unit: "beds", "beds when the change is complete"),
        .defaulted("ramp_days", .number(.closed(0, 36_500)), unit: "days", default: .number(0),
                   "beds open or close one at a time, evenly over this time (0: all at once)"),
    ]

    static let sources: [SchemaEntry] = [
        .required("community", .record(arrivalSource), "self-referrals, GP and single-point-of-access referrals to the crisis team"),
        .required("emergency_department", .record(arrivalSource),
                  "emergency department presentations needing a mental health assessment"),
        .required("police", .record(arrivalSource),
                  "police mental health contacts that would lead to a section 136 detention without street triage"),
    ]

    static let arrivalSource: [SchemaEntry] = [
        .required("per_year", .number(.closed(0, 10_000_000)), unit: "per year",
                  "presentations a year at the start of the run, warm-up included (a non-stationary Poisson stream; with annual_growth the measured years have more)"),
        .defaulted("hour_of_day_weights", .weights(count: 24, first: "midnight-01:00"), default: .list([]),
                   "relative volume by hour of day; [] for flat"),
        .defaulted("day_of_week_weights", .weights(count: 7, first: "Monday"), default: .list([]),
                   "relative volume by day of week; [] for flat"),
        .defaulted("annual_growth", .number(.closed(-0.9, 1)), unit: "fraction per year", default: .number(0),
                   "change in volume each year (0.03: 3% more each year)"),
    ]

    static let cohort: [SchemaEntry] = [
        .required("name", .text, "names the cohort in results stratified by cohort"),
        .required("share", .probability, "share of every source's arrivals in this cohort"),
        .optional("informal_stay_days", .distribution(zero: .nonsense), unit: "days", whenAbsent: "`beds.informal_stay_days`",
                  "clinical length of stay of this cohort's informal admissions"),
        .optional("detained_stay_days", .distribution(zero: .nonsense), unit: "days", whenAbsent: "`beds.detained_stay_days`",
                  "clinical length of stay of this cohort's detained admissions"),
        .optional("detention_probability", .probability, whenAbsent: "`section_136.outcomes.detained_admission`",
                  "share of this cohort's Mental Health Act assessments ending in detention (other outcomes scale to fit)"),
        .optional("referral_outcomes", .split(OutcomeSplit<ReferralOutcome>.keys),
                  whenAbsent: "`crht.referral_outcomes`", "outcome of this cohort's referrals to the crisis team"),
        .optional("detained_request_share", .probability, whenAbsent: "`crht.detained_request_share`",
                  "share of this cohort's admission requests that come with a Mental Health Act detention"),
        .optional("ward_type", .reference(list: "ward_types"), whenAbsent: "drawn from `ward_types` shares",
                  "the ward type everyone in this cohort needs (e.g. female for a women's cohort)"),
    ]

    /// Opening hours of a service within each day.
    static func hours(of service: String, key: String = "hours") -> SchemaEntry {
        .required(key, .record([
            .required("start_hour", .number(.upperOpen(0, 24)), unit: "hour of day",
                      "when the \(service) opens each day (0: midnight)"),
            .required("hours_per_day", .number(.lowerOpen(0, 24)), unit: "hours",
                      "hours open from start_hour (24: round the clock)"),
        ]), "daily hours of the \(service)")
    }

    /// Concurrent staff or places: zero means the service is absent.
    static let capacity = SchemaType.integer(0...10_000)

    static let crht: [SchemaEntry] = [
        hours(of: "crisis team"),
        .required("out_of_hours", .choice(OutOfHoursPolicy.allCases.map(\.rawValue)),
                  "admission requests while the team is closed: `wait` for it to open, or `bypass` gatekeeping to a bed"),
        .required("assessors", capacity, unit: "assessments at once",
                  "assessments each area's team can carry out at the same time, unless the area's `services` says otherwise"),
        ServiceScheduleKeys.crhtAssessors.schemaEntry,
        .required("response_hours", .distribution(zero: .meaningful), unit: "hours",
                  "from referral to the start of an assessment, once an assessor is free"),
        .required("assessment_hours", .distribution(zero: .meaningful), unit: "hours", "length of an assessment"),
        .required("referral_outcomes", .split(OutcomeSplit<ReferralOutcome>.keys),
                  "outcome of a referral to the team (discharge: to community care)"),
        .required("admissions_avoided_share", .probability,
                  "share of gatekept informal admission requests the team diverts to home treatment or a crisis house, "
                      + "whatever the route (liaison, its own referrals, home treatment or crisis-house escalations, "
                      + "informal admissions from a place of safety)"),
        .defaulted("detained_request_share", .probability, default: .number(0),
                   "share of admission requests from the community, liaison and home treatment that come with a "
                       + "Mental Health Act detention (gatekept, never diverted)"),
    ]

    static let homeTreatment: [SchemaEntry] = [
        .required("staff", capacity, unit: "staff", "home treatment staff of each area, unless the area's `services` says otherwise"),
        ServiceScheduleKeys.homeTreatmentStaff.schemaEntry,
        .required("caseload_per_staff", .integer(1...1_000), unit: "people per staff member",
                  "people each staff member can carry; the caseload cap is staff x caseload_per_staff"),
        .required("when_full", .choice(CaseloadFullPolicy.allCases.map(\.rawValue)),
                  "when the caseload is full: `admit` to a bed, `wait` at home, or `discharge` to community follow-up"),
        .required("episode_days", .distribution(zero: .nonsense), unit: "days", "length of a home treatment episode"),
        .required("escalation_probability", .probability, "probability an episode ends in an admission request"),
    ]

    static let crisisHouse: [SchemaEntry] = [
        .required("places", capacity, unit: "places",
                  "crisis house places of each area (0: no crisis house), unless the area's `services` says otherwise"),
        ServiceScheduleKeys.crisisHousePlaces.schemaEntry,
        .required("stay_days", .distribution(zero: .nonsense), unit: "days", "length of a crisis house stay"),
        .required("eligible_share", .probability,
                  "share of people diverted from admission who may use the crisis house (informal only)"),
        .defaulted("escalation_probability", .probability, default: .number(0),
                   "probability a stay ends in an admission request (the person keeps the place until a bed is found)"),
    ]

    static let liaison: [SchemaEntry] = [
        hours(of: "liaison team"),
        .required("practitioners", capacity, unit: "assessments at once",
                  "assessments liaison can carry out at the same time in each area, unless the area's `services` says otherwise"),
        ServiceScheduleKeys.liaisonPractitioners.schemaEntry,
        .required("response_hours", .distribution(zero: .meaningful), unit: "hours",
                  "from referral to the start of an assessment, once a practitioner is free"),
        .required("assessment_hours", .distribution(zero: .meaningful), unit: "hours", "length of an assessment"),
        .required("outcomes", .split(OutcomeSplit<LiaisonOutcome>.keys),
                  "outcome of a liaison assessment"),
    ]

    static let section136: [SchemaEntry] = [
        .defaulted("street_triage_share", .probability, default: .number(0),
                   "share of police contacts seen by street triage (0: no street triage)"),
        .defaulted("street_triage_diversion", .probability, default: .number(0),
                   "share of triaged contacts diverted from detention to a crisis team referral"),
        .required("place_of_safety_suites", capacity, unit: "suites",
                  "health-based place of safety suites of each area, unless the area's `services` says otherwise"),
        ServiceScheduleKeys.placeOfSafetySuites.schemaEntry,
        .required("medical_need_share", .probability, "share of detentions taken to the emergency department first for a medical need"),
        .required("custody_when_full_probability", .probability,
                  "when the suites are full, probability of police custody rather than the emergency department (0: never cells)"),
        .required("amhps", capacity, unit: "assessments at once",
                  "approved mental health professionals on duty in each area (Mental Health Act assessments at the same time), "
                      + "unless the area's `services` says otherwise"),
        ServiceScheduleKeys.amhps.schemaEntry,
        .required("assessment_response_hours", .distribution(zero: .meaningful), unit: "hours",
                  "from arrival at the place of safety to the start of the assessment, once an AMHP is free"),
        .required("assessment_hours", .distribution(zero: .meaningful), unit: "hours", "length of a Mental Health Act assessment"),
        .required("outcomes", .split(OutcomeSplit<MHAOutcome>.keys),
                  "outcome of the Mental Health Act assessment"),
        .defaulted("limit_hours", .number(.lowerOpen(0, 8_760)), unit: "hours", default: .number(24),
                   "legal limit of detention (24 since 11 December 2017, 72 before; Policing and Crime Act 2017)"),
        .defaulted("extension_hours", .number(.closed(0, 8_760)), unit: "hours", default: .number(12),
                   "extension the limit allows (12 since December 2017)"),
    ]

    static let beds: [SchemaEntry] = [
        .required("informal_stay_days", .distribution(zero: .nonsense), unit: "days", "clinical length of stay of informal admissions"),
        .required("detained_stay_days", .distribution(zero: .nonsense), unit: "days", "clinical length of stay of detained admissions"),
        .required("bed_search_hours", .distribution(zero: .meaningful), unit: "hours",
                  "from a decision to admit that finds no local or network bed to an out-of-area bed being found; "
                      + "meanwhile the person waits where they are and takes a local bed if one frees first "
                      + "(fixed 0: out of area at once)"),
        .required("repatriation", .boolean, "whether people placed out of area may come back to a local bed before their stay ends"),
        .required("repatriation_before_new_admissions", .boolean,
                  "whether repatriations take a freed bed before people waiting for admission"),
        .required("repatriation_share", .probability,
                  "share of out-of-area placements that may be repatriated; the rest complete their stay out of area"),
        .required("repatriation_minimum_days", .number(.closed(0, 36_500)), unit: "days",
                  "no repatriation before this time out of area"),
        hours(of: "repatriation window", key: "repatriation_hours"),
        .required("repatriation_weekdays_only", .boolean, "whether repatriations happen Monday to Friday only"),
        .required("delayed_discharge_probability", .probability, "probability a discharge is delayed (housing, social care)"),
        .required("delay_days", .distribution(zero: .meaningful), unit: "days", "extra bed days when a discharge is delayed"),
    ]

    static let representation: [SchemaEntry] = [
        .required("probability", .probability, "probability that someone re-presents after a bed, home treatment or crisis house episode"),
        .required("after_days", .distribution(zero: .meaningful), unit: "days", "time from the end of the episode to re-presentation"),
    ]

    /// Pounds per unit; the bound only catches slips of a few orders of magnitude.
    static let cost = SchemaType.number(.closed(0, 10_000_000))

    /// The NHS parts are charged on what each area has, used or not; only out-of-area beds
    /// are bought by the occupied day.
    static let costs: [SchemaEntry] = [
        .required("local_staffed_bed_day_gbp", cost, unit: "GBP per staffed bed day",
                  "NHS: a local adult acute bed available for a day, occupied or not (charged on the beds each day's schedule has)"),
        .required("out_of_area_bed_day_gbp", cost, unit: "GBP per occupied bed day",
                  "NHS: an out-of-area bed occupied for a day (placements are bought by the day)"),
        .required("crht_staff_year_gbp", cost, unit: "GBP per staff year",
                  "NHS: a whole-time crisis team clinician for a year; each assessor (an assessment at a time) is charged "
                      + "as the staff who keep it open for the team's hours: hours open a year / `staff_working_hours_per_year`"),
        .required("liaison_staff_year_gbp", cost, unit: "GBP per staff year",
                  "NHS: a whole-time liaison practitioner for a year; practitioners are charged as crisis team assessors are"),
        .required("home_treatment_staff_year_gbp", cost, unit: "GBP per staff year", "NHS: a home treatment staff member for a year"),
        .required("staff_working_hours_per_year", .number(.closed(100, 8_766)), unit: "hours per staff year",
                  "hours a whole-time clinician works in a year after leave, training and sickness: how many staff keep an "
                      + "assessment slot open (at least 100: fewer would make every slot cost many staff, a slip)"),
        .required("crisis_house_place_day_gbp", cost, unit: "GBP per place day", "NHS: a crisis-house place for a day, used or not"),
        .required("place_of_safety_suite_year_gbp", cost, unit: "GBP per suite year",
                  "NHS: a health-based place of safety suite, staffed and ready, for a year, used or not"),
        .required("police_hour_gbp", cost, unit: "GBP per hour",
                  "police: an hour of officers' time with a detained person (custody or the emergency department)"),
        .required("delayed_discharge_day_gbp", cost, unit: "GBP per bed day",
                  "local authority: a delayed-discharge bed day (social care and housing)"),
    ]

    /// A mapping of keys: required if any key in it is, otherwise absent means every default.
    static func section(_ key: String, _ entries: [SchemaEntry], _ meaning: String) -> SchemaEntry {
        let defaults = entries.compactMap { entry -> ScenarioValue.Field? in
            if case .defaulted(let value) = entry.presence { return ScenarioValue.Field(key: entry.key, value: value) }
            return nil
        }
        let anyRequired = entries.contains { if case .required = $0.presence { true } else { false } }
        return SchemaEntry(key: key, type: .record(entries), unit: nil,
                           presence: anyRequired ? .required : .defaulted(.record(defaults)), meaning: meaning)
    }
}
