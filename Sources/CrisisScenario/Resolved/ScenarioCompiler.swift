import CrisisModel
import SimRandom

/// Turns a validated scenario value into the model's configuration and the run settings.
///
/// Validation has already checked every type, range and reference against the schema, so
/// this is a plain mapping from snake_case keys to the contract's fields; its only failure
/// mode is the schema table and this file disagreeing on a key, a programming error the
/// scenario library tests catch (every scenario compiles).
enum ScenarioCompiler {
    static func compile(_ value: ScenarioValue) -> (configuration: CrisisConfiguration, run: RunSettings, summary: String) {
        let root = Fields(value, path: "")
        let run = root.section("run")
        let settings = RunSettings(
            replications: run.int("replications"),
            seed: UInt64(run.int("seed")),
            horizonDays: run.double("horizon_days"),
            warmupDays: run.double("warmup_days"),
            generator: run.choice("generator")
        )
        let crht = root.section("crht")
        let homeTreatment = root.section("home_treatment")
        let crisisHouse = root.section("crisis_house")
        let liaison = root.section("liaison")
        let s136 = root.section("section_136")
        let beds = root.section("beds")
        let representation = root.section("representation")
        let costs = root.section("costs")
        // What an area has unless its own `services` says otherwise.
        let sectionCapacities = AreaServiceCapacities(
            crhtAssessors: crht.int("assessors"),
            liaisonPractitioners: liaison.int("practitioners"),
            amhps: s136.int("amhps"),
            placeOfSafetySuites: s136.int("place_of_safety_suites"),
            homeTreatmentStaff: homeTreatment.int("staff"),
            crisisHousePlaces: crisisHouse.int("places"),
            schedules: Dictionary(uniqueKeysWithValues: ServiceScheduleKeys.all.compactMap { keys in
                root.section(keys.section).field(keys.scheduleKey) == nil ? nil
                    : (keys.service, serviceSchedule(root.section(keys.section).list(keys.scheduleKey), keys))
            })
        )
        let configuration = CrisisConfiguration(
            areas: root.list("areas").map { area($0, sectionCapacities: sectionCapacities) },
            cohorts: root.list("cohorts").map { cohort in
                CohortConfiguration(
                    name: cohort.text("name"),
                    share: cohort.double("share"),
                    informalStayDays: cohort.optionalDistribution("informal_stay_days"),
                    detainedStayDays: cohort.optionalDistribution("detained_stay_days"),
                    detentionProbability: cohort.optionalDouble("detention_probability"),
                    referralOutcomes: cohort.field("referral_outcomes") == nil ? nil : cohort.split("referral_outcomes"),
                    detainedRequestShare: cohort.optionalDouble("detained_request_share"),
                    wardType: cohort.optionalText("ward_type")
                )
            },
            crht: CRHTConfiguration(
                hours: hours(crht.section("hours")),
                outOfHours: crht.choice("out_of_hours"),
                responseHours: crht.distribution("response_hours"),
                assessmentHours: crht.distribution("assessment_hours"),
                referralOutcomes: crht.split("referral_outcomes"),
                admissionsAvoidedShare: crht.double("admissions_avoided_share"),
                detainedRequestShare: crht.double("detained_request_share")
            ),
            homeTreatment: HomeTreatmentConfiguration(
                caseloadPerStaff: homeTreatment.int("caseload_per_staff"),
                whenFull: homeTreatment.choice("when_full"),
                episodeDays: homeTreatment.distribution("episode_days"),
                escalationProbability: homeTreatment.double("escalation_probability")
            ),
            crisisHouse: CrisisHouseConfiguration(
                stayDays: crisisHouse.distribution("stay_days"),
                eligibleShare: crisisHouse.double("eligible_share"),
                escalationProbability: crisisHouse.double("escalation_probability")
            ),
            liaison: LiaisonConfiguration(
                hours: hours(liaison.section("hours")),
                responseHours: liaison.distribution("response_hours"),
                assessmentHours: liaison.distribution("assessment_hours"),
                outcomes: liaison.split("outcomes")
            ),
            section136: Section136Configuration(
                streetTriageShare: s136.double("street_triage_share"),
                streetTriageDiversion: s136.double("street_triage_diversion"),
                medicalNeedShare: s136.double("medical_need_share"),
                custodyWhenFullProbability: s136.double("custody_when_full_probability"),
                assessmentResponseHours: s136.distribution("assessment_response_hours"),
                assessmentHours: s136.distribution("assessment_hours"),
                outcomes: s136.split("outcomes"),
                limitHours: s136.double("limit_hours"),
                extensionHours: s136.double("extension_hours")
            ),
            beds: BedPolicyConfiguration(
                informalStayDays: beds.distribution("informal_stay_days"),
                detainedStayDays: beds.distribution("detained_stay_days"),
                bedSearchHours: beds.distribution("bed_search_hours"),
                repatriation: beds.bool("repatriation"),
                repatriationBeforeNewAdmissions: beds.bool("repatriation_before_new_admissions"),
                repatriationShare: beds.double("repatriation_share"),
                repatriationMinimumDays: beds.double("repatriation_minimum_days"),
                repatriationHours: hours(beds.section("repatriation_hours")),
                repatriationWeekdaysOnly: beds.bool("repatriation_weekdays_only"),
                delayedDischargeProbability: beds.double("delayed_discharge_probability"),
                delayDays: beds.distribution("delay_days")
            ),
            representation: RepresentationConfiguration(
                probability: representation.double("probability"),
                afterDays: representation.distribution("after_days")
            ),
            costs: CostConfiguration(
                localStaffedBedDay: costs.double("local_staffed_bed_day_gbp"),
                outOfAreaBedDay: costs.double("out_of_area_bed_day_gbp"),
                crhtStaffYear: costs.double("crht_staff_year_gbp"),
                liaisonStaffYear: costs.double("liaison_staff_year_gbp"),
                homeTreatmentStaffYear: costs.double("home_treatment_staff_year_gbp"),
                staffWorkingHoursPerYear: costs.double("staff_working_hours_per_year"),
                crisisHousePlaceDay: costs.double("crisis_house_place_day_gbp"),
                placeOfSafetySuiteYear: costs.double("place_of_safety_suite_year_gbp"),
                policeHour: costs.double("police_hour_gbp"),
                delayedDischargeDay: costs.double("delayed_discharge_day_gbp")
            ),
            wardTypes: root.field("ward_types") == nil ? [WardType(name: "acute", share: 1)]
                : root.list("ward_types").map { WardType(name: $0.text("name"), share: $0.double("share")) }
        )
        return (configuration, settings, root.optionalText("description") ?? "")
    }

    private static func area(_ area: Fields, sectionCapacities: AreaServiceCapacities) -> AreaConfiguration {
        let sources = area.section("sources")
        var configuration = AreaConfiguration(
            name: area.text("name"),
            adultPopulation: area.int("adult_population"),
            beds: area.int("beds"),
            bedSchedule: schedule(area),
            bedNetwork: area.texts("bed_network"),
            sources: SourcesConfiguration(
                community: source(sources.section("community")),
                emergencyDepartment: source(sources.section("emergency_department")),
                police: source(sources.section("police"))
            ),
            services: area.field("services") == nil ? sectionCapacities : services(area.section("services"), sectionCapacities),
            wards: area.field("wards") == nil ? [] : area.list("wards").map { ward in
                WardConfiguration(name: ward.text("name"), beds: ward.int("beds"), bedSchedule: schedule(ward))
            }
        )
        if area.field("start") != nil {
            let start = area.section("start")
            configuration.start = StartingState(bedsOccupied: start.int("beds_occupied"), outOfArea: start.int("out_of_area"),
                                                homeTreatment: start.int("home_treatment"))
        }
        return configuration
    }

    /// An area's own capacities, each key it leaves out taken from its service's section.
    private static func services(_ services: Fields, _ defaults: AreaServiceCapacities) -> AreaServiceCapacities {
        AreaServiceCapacities(
            crhtAssessors: services.optionalInt("crht_assessors") ?? defaults.crhtAssessors,
            liaisonPractitioners: services.optionalInt("liaison_practitioners") ?? defaults.liaisonPractitioners,
            amhps: services.optionalInt("amhps") ?? defaults.amhps,
            placeOfSafetySuites: services.optionalInt("place_of_safety_suites") ?? defaults.placeOfSafetySuites,
            homeTreatmentStaff: services.optionalInt("home_treatment_staff") ?? defaults.homeTreatmentStaff,
            crisisHousePlaces: services.optionalInt("crisis_house_places") ?? defaults.crisisHousePlaces,
            schedules: ServiceScheduleKeys.all.reduce(into: defaults.schedules) { schedules, keys in
                if services.field(keys.areaScheduleKey) != nil {
                    schedules[keys.service] = serviceSchedule(services.list(keys.areaScheduleKey), keys)
                }
            }
        )
    }

    /// A service's changes: the value given, or for funded posts those filled
    /// (`CapacityChange.filledPosts`) from the end of the recruitment lead.
    private static func serviceSchedule(_ changes: [Fields], _ keys: ServiceScheduleKeys) -> [CapacityChange] {
        changes.map { change in
            let ramp = change.double("ramp_days")
            guard let posts = change.optionalInt("funded_posts") else {
                return CapacityChange(atDay: change.double("at_day"), capacity: change.int(keys.valueKey), rampDays: ramp)
            }
            return CapacityChange(atDay: change.double("at_day") + (change.optionalDouble("recruitment_lead_days") ?? 0),
                                  capacity: CapacityChange.filledPosts(posts, fillRate: change.optionalDouble("fill_rate") ?? 1),
                                  rampDays: ramp)
        }
    }

    private static func schedule(_ owner: Fields) -> [CapacityChange] {
        owner.list("bed_schedule").map { change in
            CapacityChange(atDay: change.double("at_day"), capacity: change.int("beds"), rampDays: change.double("ramp_days"))
        }
    }

    private static func source(_ source: Fields) -> ArrivalSourceConfiguration {
        ArrivalSourceConfiguration(
            perYear: source.double("per_year"),
            hourOfDayWeights: source.doubles("hour_of_day_weights"),
            dayOfWeekWeights: source.doubles("day_of_week_weights"),
            annualGrowth: source.double("annual_growth")
        )
    }

    private static func hours(_ hours: Fields) -> DailyHours {
        DailyHours(startHour: hours.double("start_hour"), hoursPerDay: hours.double("hours_per_day"))
    }

    /// Typed reads of a validated record by key.
    private struct Fields {
        let value: ScenarioValue
        let path: String

        init(_ value: ScenarioValue, path: String) {
            self.value = value
            self.path = path
        }

        private func mismatch(_ key: String, _ wanted: String) -> Never {
            preconditionFailure("ScenarioSchema and ScenarioCompiler disagree: \(path).\(key) is not \(wanted)")
        }

        func field(_ key: String) -> ScenarioValue? { value[key] }

        func section(_ key: String) -> Fields {
            guard let inner = field(key), case .record = inner else { mismatch(key, "a record") }
            return Fields(inner, path: path.isEmpty ? key : "\(path).\(key)")
        }

        func list(_ key: String) -> [Fields] {
            guard case .list(let items)? = field(key) else { mismatch(key, "a list") }
            return items.enumerated().map { Fields($1, path: "\(path).\(key).\($0)") }
        }

        func int(_ key: String) -> Int {
            guard let integer = optionalInt(key) else { mismatch(key, "an integer") }
            return integer
        }

        func optionalInt(_ key: String) -> Int? {
            switch field(key) {
            case .integer(let integer)?: return integer
            case nil: return nil
            default: mismatch(key, "an integer")
            }
        }

        func double(_ key: String) -> Double {
            guard let number = optionalDouble(key) else { mismatch(key, "a number") }
            return number
        }

        func optionalDouble(_ key: String) -> Double? {
            switch field(key) {
            case .number(let number)?: return number
            case nil: return nil
            default: mismatch(key, "a number")
            }
        }

        func bool(_ key: String) -> Bool {
            guard case .boolean(let boolean)? = field(key) else { mismatch(key, "true or false") }
            return boolean
        }

        func text(_ key: String) -> String {
            guard let text = optionalText(key) else { mismatch(key, "a text") }
            return text
        }

        func optionalText(_ key: String) -> String? {
            switch field(key) {
            case .text(let text)?: return text
            case nil: return nil
            default: mismatch(key, "a text")
            }
        }

        func choice<Choice: RawRepresentable>(_ key: String) -> Choice where Choice.RawValue == String {
            guard let choice = Choice(rawValue: text(key)) else { mismatch(key, "one of \(Choice.self)") }
            return choice
        }

        func texts(_ key: String) -> [String] {
            guard case .list(let items)? = field(key) else { mismatch(key, "a list") }
            return items.map { item in
                guard case .text(let text) = item else { mismatch(key, "a list of texts") }
                return text
            }
        }

        func doubles(_ key: String) -> [Double] {
            guard case .list(let items)? = field(key) else { mismatch(key, "a list") }
            return items.map { item in
                guard case .number(let number) = item else { mismatch(key, "a list of numbers") }
                return number
            }
        }

        /// An outcome split, its keys in the outcome type's order (the schema lists them so).
        func split<Outcome>(_ key: String) -> OutcomeSplit<Outcome> {
            OutcomeSplit(orderedShares: shares(key))
        }

        private func shares(_ key: String) -> [Double] {
            guard case .record(let parts)? = field(key) else { mismatch(key, "a split") }
            return parts.map { part in
                guard case .number(let share) = part.value else { mismatch(key, "a split of numbers") }
                return share
            }
        }

        func distribution(_ key: String) -> Distribution {
            guard let distribution = optionalDistribution(key) else { mismatch(key, "a distribution") }
            return distribution
        }

        func optionalDistribution(_ key: String) -> Distribution? {
            switch field(key) {
            case .distribution(let value)?: return value.distribution
            case nil: return nil
            default: mismatch(key, "a distribution")
            }
        }
    }
}
