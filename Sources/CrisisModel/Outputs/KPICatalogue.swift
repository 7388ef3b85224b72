import SimKernel

/// Every KPI the model reports: its definition and how it is computed from a replication's
/// statistics. Rates are per year of the measured period.
enum KPICatalogue {
    /// What a KPI's value is computed from, for one stratum.
    struct Source {
        let stats: Accumulators
        let system: CrisisSystem
        /// Index into the counter and observation strata.
        let stratum: Int
        /// The areas this stratum covers (all areas for the whole system and for a cohort).
        let areas: [Int]
        let end: Double
        let years: Double

        func perYear(_ counter: Counter) -> Double { stats.counter(counter, stratum: stratum) / years }
        func count(_ counter: Counter) -> Double { stats.counter(counter, stratum: stratum) }
        func share(_ part: Counter, of whole: Counter) -> Double {
            let total = count(whole)
            return total > 0 ? 100 * count(part) / total : .nan
        }
        func tally(_ observation: Observation) -> Tally { stats.observation(observation, stratum: stratum) }
        func mean(_ observation: Observation) -> Double { tally(observation).mean }
        func p95(_ observation: Observation) -> Double { quantile(observation, 0.95) }
        func quantile(_ observation: Observation, _ p: Double) -> Double { tally(observation).quantile(p) ?? .nan }
        /// `part` over `whole`, without the percentage.
        func ratio(_ part: Counter, _ whole: Counter) -> Double {
            let total = count(whole)
            return total > 0 ? count(part) / total : .nan
        }

        /// The integral over the measured period of a level summed over this stratum's areas.
        func integral(_ level: Level) -> Double {
            areas.reduce(0) { $0 + stats.level(level, area: $1).integral(at: end) }
        }

        func resourceIntegral(_ resource: (AreaServices) -> Resource<Int32>) -> Double {
            areas.reduce(0) { $0 + resource(system.areas[$1]).busy.integral(at: end) }
        }

        var hours: Double { years * RateProfile.hoursPerYear }

        /// Share of time occupancy was at or above threshold `index`, weighted by beds.
        func timeAtOrAbove(_ index: Int) -> Double {
            var weighted = 0.0, weights = 0.0
            for a in areas {
                let capacity = stats.level(.bedCapacity, area: a).mean(at: end)
                weighted += capacity * stats.level(.bedOccupancyShare, area: a).fractionOfTime(atOrAbove: index, at: end)
                weights += capacity
            }
            return weights > 0 ? 100 * weighted / weights : .nan
        }

        /// Occupied local bed-hours over every pool of this stratum's areas.
        var bedHours: Double {
            areas.reduce(0) { total, a in system.areas[a].beds.reduce(total) { $0 + $1.busy.integral(at: end) } }
        }
        var localBedDays: Double { bedHours / 24 }
        var outOfAreaBedDays: Double { integral(.outOfAreaActive) / 24 }
        var costs: AnnualCosts { AnnualCosts(self) }
    }

    struct Entry: Sendable {
        let definition: KPIDefinition
        let value: @Sendable (Source) -> Double
    }

    static func entry(_ id: String, _ label: String, _ unit: String, _ definition: String, byCohort: Bool = true,
                      _ value: @escaping @Sendable (Source) -> Double) -> Entry {
        Entry(definition: KPIDefinition(id: id, label: label, unit: unit, definition: definition, byCohort: byCohort),
              value: value)
    }

    static let entries: [Entry] = [
        entry("presentations.community", "Community referrals to the crisis team", "per year", "Self, GP and single-point-of-access referrals to the crisis team.") { $0.perYear(.presentationsCommunity) },
        entry("presentations.emergency_department", "A&E presentations needing a mental health assessment", "per year", "Emergency department presentations needing a mental health assessment.") { $0.perYear(.presentationsEmergencyDepartment) },
        entry("presentations.police_contacts", "Police mental health contacts", "per year", "Police mental health contacts that would lead to a section 136 detention without street triage.") { $0.perYear(.policeContacts) },
        entry("presentations.representations", "Re-presentations after discharge", "per year", "People presenting again after discharge from a bed, home treatment or a crisis house.") { $0.perYear(.representations) },
        entry("crht.assessments", "Crisis team assessments", "per year", "Crisis team assessments completed (referrals and admission requests).") { $0.perYear(.crhtAssessments) },
        entry("crht.response_within_4h", "Crisis team assessments started within 4 hours", "%", "Share of crisis team assessments started within 4 hours of the request.") { $0.share(.crhtRespondedWithin4h, of: .crhtAssessments) },
        entry("crht.response_hours.mean", "Mean crisis team response time", "hours", "Mean time from request to the start of a crisis team assessment.") { $0.mean(.crhtResponseHours) },
        entry("crht.out_of_hours_bypasses", "Admission requests sent past a closed crisis team (bypass)", "per year", "Admission requests made while the crisis team was closed that went to a bed without waiting for it (crht.out_of_hours: bypass; always 0 under wait). Admissions decided at a place of safety while the team is closed are not gatekept either but are not counted here: admissions.gatekept covers every admission.") { $0.perYear(.crhtOutOfHoursBypasses) },
        entry("admissions.requests", "Admission requests", "per year", "Requests for an admission (from any pathway).") { $0.perYear(.admissionRequests) },
        entry("admissions.avoided_by_gatekeeping", "Admissions avoided by gatekeeping", "per year", "Gatekept admission requests diverted to home treatment or a crisis house.") { $0.perYear(.admissionsAvoided) },
        entry("admissions.total", "Admissions", "per year", "Admissions to a local, network or out-of-area bed.") { $0.perYear(.admissionsInformal) + $0.perYear(.admissionsDetained) },
        entry("admissions.informal", "Informal admissions", "per year", "Informal admissions.") { $0.perYear(.admissionsInformal) },
        entry("admissions.detained", "Detained admissions", "per year", "Admissions detained under the Mental Health Act.") { $0.perYear(.admissionsDetained) },
        entry("admissions.gatekept", "Admissions gatekept by the crisis team", "%", "Share of admissions assessed by the crisis team beforehand.") { s in
            let total = s.count(.admissionsInformal) + s.count(.admissionsDetained)
            return total > 0 ? 100 * s.count(.admissionsGatekept) / total : .nan
        },
        entry("admissions.network_beds", "Admissions to another area's bed in the network", "per year", "Admissions to a bed of another area in the bed network.") { $0.perYear(.admissionsToNetworkBed) },
        entry("home_treatment.episodes", "Home treatment episodes", "per year", "Home treatment episodes started.") { $0.perYear(.homeTreatmentEpisodes) },
        entry("home_treatment.escalations", "Home treatment episodes escalated to an admission request", "per year", "Home treatment episodes escalated to an admission request.") { $0.perYear(.homeTreatmentEscalations) },
        entry("home_treatment.turned_away", "People turned away by a full home treatment caseload", "per year", "People discharged because the home treatment caseload was full.") { $0.perYear(.homeTreatmentFullDischarges) },
        entry("home_treatment.mean_caseload", "Mean home treatment caseload", "people", "Time-average number on the home treatment caseload.", byCohort: false) { $0.resourceIntegral { $0.homeTreatment } / $0.hours },
        entry("crisis_house.stays", "Crisis-house stays", "per year", "Crisis-house stays started.") { $0.perYear(.crisisHouseStays) },
        entry("crisis_house.escalations", "Crisis-house stays ending in an admission request", "per year", "Crisis-house stays ending in an admission request.") { $0.perYear(.crisisHouseEscalations) },
        entry("beds.occupancy", "Bed occupancy", "%", "Time-average local beds occupied as a share of beds available.", byCohort: false) { s in
            let capacity = s.integral(.bedCapacity)
            return capacity > 0 ? 100 * s.bedHours / capacity : .nan
        },
        entry("beds.time_at_or_above_85", "Time with occupancy at or above 85%", "% of time", "Share of time local bed occupancy was at or above 85% (beds-weighted across areas).", byCohort: false) { $0.timeAtOrAbove(0) },
        entry("beds.time_at_or_above_95", "Time with occupancy at or above 95%", "% of time", "Share of time local bed occupancy was at or above 95%.", byCohort: false) { $0.timeAtOrAbove(1) },
        entry("beds.time_full", "Time with every local bed full", "% of time", "Share of time every local bed was occupied.", byCohort: false) { $0.timeAtOrAbove(2) },
        entry("beds.requests_finding_no_bed", "Decisions to admit finding no free bed", "%", "Decisions to admit that found no free local or network bed, as a share of admissions (describe bounds it with Erlang B and C).") {
            $0.share(.bedRequestsFindingNoBed, of: .bedRequestsServed)
        },
        entry("beds.bed_days", "Local bed days occupied", "per year", "Local bed days occupied (including delayed discharges).", byCohort: false) { $0.localBedDays / $0.years },
        entry("beds.delayed_discharges", "Delayed discharges", "per year", "Discharges delayed for housing or social care.") { $0.perYear(.delayedDischarges) },
        entry("beds.delayed_bed_days", "Delayed-discharge bed days", "per year", "Bed days occupied after the clinical stay ended.") { $0.perYear(.delayedBedDays) },
        entry("beds.delayed_share_of_bed_days", "Share of bed days that are delayed discharges", "%", "Delayed-discharge bed days as a share of local bed days occupied.", byCohort: false) { s in
            s.localBedDays > 0 ? 100 * s.perYear(.delayedBedDays) * s.years / s.localBedDays : .nan
        },
        entry("discharges.length_of_stay_days.mean", "Mean length of stay", "days", "Mean length of stay of discharges from local and out-of-area beds (admission to leaving the bed, delayed discharge included).") { $0.mean(.lengthOfStayDays) },
        entry("discharges.length_of_stay_days.median", "Median length of stay", "days", "Median length of stay of discharges (half-day resolution).") { $0.quantile(.lengthOfStayDays, 0.5) },
        entry("discharges.length_of_stay_days.p90", "90th percentile length of stay", "days", "90th percentile of length of stay of discharges (half-day resolution).") { $0.quantile(.lengthOfStayDays, 0.9) },
        entry("readmissions.within_30_days", "Readmissions within 30 days", "%", "Admissions within 30 days of the same person leaving a bed, as a share of discharges from local and out-of-area beds.") { s in
            let discharges = s.count(.dischargesFromBed) + s.count(.outOfAreaPlacementsEnded) - s.count(.repatriations)
            return discharges > 0 ? 100 * s.count(.readmissionsWithin30Days) / discharges : .nan
        },
        entry("oap.placements", "Out-of-area placements started", "per year", "New out-of-area placements.") { $0.perYear(.outOfAreaPlacements) },
        entry("oap.share_of_admissions", "Out-of-area placements as a share of admissions", "%", "Out-of-area placements as a share of admissions.") { s in
            let total = s.count(.admissionsInformal) + s.count(.admissionsDetained)
            return total > 0 ? 100 * s.count(.outOfAreaPlacements) / total : .nan
        },
        entry("oap.bed_days", "Out-of-area bed days", "per year", "Out-of-area bed days.", byCohort: false) { $0.outOfAreaBedDays / $0.years },
        entry("oap.active_at_month_end", "People out of area at month end", "people", "Mean number placed out of area at month ends.", byCohort: false) {
            $0.stats.outOfAreaAtMonthEnd[$0.stratum].mean
        },
        entry("oap.repatriations", "Repatriations from out of area", "per year", "People brought back from out of area to a local bed.") { $0.perYear(.repatriations) },
        entry("oap.length_days.mean", "Mean length of an out-of-area placement", "days", "Mean length of out-of-area placements that ended (discharge or repatriation).") { s in
            s.ratio(.outOfAreaPlacementDays, .outOfAreaPlacementsEnded)
        },
        entry("oap.lasting_15_nights", "Out-of-area placements lasting 15 nights or more", "%", "Share of out-of-area placements that ended after 15 nights or more (NHS Digital's OAP statistics).") { $0.share(.outOfAreaPlacementsOf15Nights, of: .outOfAreaPlacementsEnded) },
        entry("oap.lasting_31_nights", "Out-of-area placements lasting 31 nights or more", "%", "Share of out-of-area placements that ended after 31 nights or more.") { $0.share(.outOfAreaPlacementsOf31Nights, of: .outOfAreaPlacementsEnded) },
        entry("time_to_bed.mean", "Mean wait for a bed", "hours", "Mean time from a decision to admit to a bed (local, network or out of area).") { $0.mean(.timeToBedHours) },
        entry("time_to_bed.p95", "95th percentile wait for a bed", "hours", "95th percentile of time from a decision to admit to a bed (quarter-hour resolution, up to a week).") { $0.p95(.timeToBedHours) },
        entry("time_to_bed.over_4h", "Bed waits over 4 hours", "%", "Share of admissions waiting more than 4 hours for a bed.") { $0.share(.bedRequestsOver4h, of: .bedRequestsServed) },
        entry("time_to_bed.over_12h", "Bed waits over 12 hours", "%", "Share of admissions waiting more than 12 hours for a bed.") { $0.share(.bedRequestsOver12h, of: .bedRequestsServed) },
        entry("ed.bed_waits", "A&E waits for a mental health bed", "per year", "Admissions of people who waited in the emergency department for the bed (liaison decisions, and section 136 with A&E as the place of safety).") { $0.perYear(.emergencyDepartmentBedWaits) },
        entry("ed.bed_waits_over_12h", "A&E waits over 12 hours from decision to admit", "per year", "Of those, waits over 12 hours from the decision to admit (NHS England's 12-hour measure for mental health beds).") { $0.perYear(.emergencyDepartmentBedWaitsOver12h) },
        entry("ed.decision_to_admit_hours.mean", "Mean A&E wait from decision to admit", "hours", "Mean time from the decision to admit to leaving the emergency department for a bed.") { $0.mean(.emergencyDepartmentBedWaitHours) },
        entry("s136.street_triaged", "Police contacts seen by street triage", "per year", "Police contacts seen by street triage.") { $0.perYear(.streetTriaged) },
        entry("s136.street_triage_diversions", "Detentions avoided by street triage", "per year", "Police contacts diverted from detention by street triage.") { $0.perYear(.streetTriageDiversions) },
        entry("s136.detentions", "Section 136 detentions", "per year", "Section 136 detentions.") { $0.perYear(.s136Detentions) },
        entry("s136.place.hbpos", "Section 136: health-based place of safety", "per year", "Detentions taken to a health-based place of safety.") { $0.perYear(.s136AtHealthBasedPlace) },
        entry("s136.place.emergency_department", "Section 136: A&E as place of safety", "per year", "Detentions taken to an emergency department.") { $0.perYear(.s136AtEmergencyDepartment) },
        entry("s136.place.police_custody", "Section 136: police custody", "per year", "Detentions held in police custody.") { $0.perYear(.s136InPoliceCustody) },
        entry("s136.time_to_mha_assessment.mean", "Mean time to Mental Health Act assessment", "hours", "Mean time from arrival at a place of safety to the start of the Mental Health Act assessment.") { $0.mean(.timeToMHAAssessmentHours) },
        entry("s136.time_at_place_of_safety.mean", "Mean time at a place of safety", "hours", "Mean time held at a place of safety.") { $0.mean(.placeOfSafetyHours) },
        entry("s136.breaches_of_limit", "Section 136 detentions over 24 hours", "per year", "Detentions longer than the legal limit (24 hours since 2017).") { $0.perYear(.s136BreachesOfLimit) },
        entry("s136.breaches_of_extended_limit", "Section 136 detentions over 36 hours", "per year", "Detentions longer than the limit plus extension (36 hours since 2017).") { $0.perYear(.s136BreachesOfExtendedLimit) },
        entry("liaison.assessments", "Liaison psychiatry assessments", "per year", "Liaison psychiatry assessments in the emergency department.") { $0.perYear(.liaisonAssessments) },
        entry("costs.nhs", "NHS cost", "GBP per year", "What the NHS pays: the sum of costs.nhs.local_beds, costs.nhs.out_of_area, costs.nhs.community_crisis and costs.nhs.places_of_safety.", byCohort: false) { $0.costs.nhs },
        entry("costs.nhs.local_beds", "NHS cost: local beds", "GBP per year", "Local beds available (staffed) each day, occupied or not, at the staffed bed-day price; follows bed schedules.", byCohort: false) { $0.costs.localBeds },
        entry("costs.nhs.out_of_area", "NHS cost: out-of-area beds", "GBP per year", "Out-of-area bed days occupied, at the out-of-area bed-day price (placements are bought by the day).", byCohort: false) { $0.costs.outOfArea },
        entry("costs.nhs.community_crisis", "NHS cost: crisis team, liaison, home treatment and crisis house", "GBP per year", "Crisis team and liaison slots (assessments at once), each costed as the staff who keep it open for the team's hours: slots x hours open a year / working hours of a staff-year x the staff-year price; home treatment staff per staff-year; crisis-house places per place-day. Used or not; follows service schedules (staff funded but not in post are not paid).", byCohort: false) { $0.costs.communityCrisis },
        entry("costs.nhs.places_of_safety", "NHS cost: places of safety", "GBP per year", "Health-based place of safety suites per suite-year, used or not; follows their schedule.", byCohort: false) { $0.costs.placesOfSafety },
        entry("costs.police", "Police cost", "GBP per year", "Police hours with people detained in an emergency department or custody.") { $0.costs.police },
        entry("costs.local_authority", "Local authority cost (delayed discharges)", "GBP per year", "Delayed-discharge bed days (housing and social care).") { $0.costs.localAuthority },
        entry("costs.total", "Total cost", "GBP per year", "What the NHS, the police and the local authority pay together: costs.nhs + costs.police + costs.local_authority.", byCohort: false) { $0.costs.total },
    ]

    /// The definitions, in reporting order.
    static var definitions: [KPIDefinition] { entries.map(\.definition) }
}

extension CrisisSystem {
    /// Every KPI's definition, in reporting order.
    public static var kpiDefinitions: [KPIDefinition] { KPICatalogue.definitions }

    /// Every KPI in every stratum, measured from the last reset to `end` (hours), with rates
    /// per year of `measuredDays`.
    public func kpis(at end: Double, measuredDays: Double) -> [KPIValue] {
        let years = measuredDays / 365.25
        let allAreas = Array(areas.indices)
        var strata: [(name: String, index: Int, areas: [Int], isCohort: Bool)] = [("all", 0, allAreas, false)]
        for (a, area) in configuration.areas.enumerated() { strata.append(("area:\(area.name)", 1 + a, [a], false)) }
        for (c, cohort) in configuration.cohorts.enumerated() {
            strata.append(("cohort:\(cohort.name)", 1 + areas.count + c, allAreas, true))
        }
        var values: [KPIValue] = []
        for stratum in strata {
            let source = KPICatalogue.Source(stats: stats, system: self, stratum: stratum.index, areas: stratum.areas,
                                             end: end, years: years)
            for entry in KPICatalogue.entries where !stratum.isCohort || entry.definition.byCohort {
                values.append(KPIValue(id: entry.definition.id, stratum: stratum.name, value: entry.value(source)))
            }
        }
        return values
    }
}

extension CrisisSystem {
    /// The KPI catalogue of docs/MODEL.md and `crisis-sim kpis --format markdown`: a table per
    /// section, one row per KPI in reporting order.
    public static func kpiMarkdownTable() -> String {
        var lines: [String] = []
        for section in KPISection.allCases {
            let kpis = kpiDefinitions.filter { $0.section == section }
            guard !kpis.isEmpty else { continue }
            lines += ["### \(section.title)", "", "| id | label | unit | definition |", "|---|---|---|---|"]
            for kpi in kpis {
                lines.append("| `\(kpi.id)` | \(kpi.label) | \(kpi.unit) | \(kpi.definition)"
                    + "\(kpi.byCohort ? "" : " Per area, not per cohort.") |")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
