import CrisisModel

/// Where a service capacity and its schedule are written: the section key (the value every
/// area takes) and the area's own key under `services`, and what each change of its schedule
/// calls the value. One row per `ScheduledService`, read by the schema, the validator and
/// the compiler, so the three cannot disagree on a key.
struct ServiceScheduleKeys: Sendable {
    let service: ScheduledService
    /// The service's section, e.g. `crht`.
    let section: String
    /// The capacity in the section, e.g. `assessors`.
    let key: String
    /// The capacity in an area's `services`, e.g. `crht_assessors`.
    let areaKey: String
    /// The value in each change, named for what it counts, as `beds` in a bed change.
    let valueKey: String
    let unit: String
    /// Staff (rather than rooms or places): a change may give funded posts, a fill rate and
    /// a recruitment lead instead of the number in post.
    let staff: Bool

    var scheduleKey: String { key + "_schedule" }
    var areaScheduleKey: String { areaKey + "_schedule" }

    var scheduleType: SchemaType { .list(of: .record(ScenarioSchema.serviceChange(self)), rules: .init()) }

    /// The section's schedule key.
    var schemaEntry: SchemaEntry {
        .optional(scheduleKey, scheduleType, whenAbsent: "none: `\(key)` for the whole run",
                  "planned changes to `\(key)` for every area without its own `services.\(areaScheduleKey)`")
    }

    static let crhtAssessors = ServiceScheduleKeys(service: .crhtAssessors, section: "crht", key: "assessors",
                                                   areaKey: "crht_assessors", valueKey: "assessors",
                                                   unit: "assessments at once", staff: true)
    static let liaisonPractitioners = ServiceScheduleKeys(service: .liaisonPractitioners, section: "liaison", key: "practitioners",
                                                          areaKey: "liaison_practitioners", valueKey: "practitioners",
                                                          unit: "assessments at once", staff: true)
    static let amhps = ServiceScheduleKeys(service: .amhps, section: "section_136", key: "amhps", areaKey: "amhps",
                                           valueKey: "amhps", unit: "assessments at once", staff: true)
    static let placeOfSafetySuites = ServiceScheduleKeys(service: .placeOfSafetySuites, section: "section_136",
                                                         key: "place_of_safety_suites", areaKey: "place_of_safety_suites",
                                                         valueKey: "suites", unit: "suites", staff: false)
    static let homeTreatmentStaff = ServiceScheduleKeys(service: .homeTreatmentStaff, section: "home_treatment", key: "staff",
                                                        areaKey: "home_treatment_staff", valueKey: "staff", unit: "staff",
                                                        staff: true)
    static let crisisHousePlaces = ServiceScheduleKeys(service: .crisisHousePlaces, section: "crisis_house", key: "places",
                                                       areaKey: "crisis_house_places", valueKey: "places", unit: "places",
                                                       staff: false)

    /// In `ScheduledService` order.
    static let all: [ServiceScheduleKeys] = [crhtAssessors, liaisonPractitioners, amhps, placeOfSafetySuites,
                                             homeTreatmentStaff, crisisHousePlaces]
}
