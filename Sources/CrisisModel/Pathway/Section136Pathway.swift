import SimKernel

/// Police contacts, street triage, section 136 places of safety and Mental Health Act
/// assessment.
extension CrisisSystem {
    mutating func policeContact(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        let now = scheduler.now
        let area = homeArea(person)
        let s136 = configuration.section136
        let streams = areas[area].streams
        if streams.streetTriage.bernoulli(probability: s136.streetTriageShare) {
            count(.streetTriaged, person)
            if streams.streetTriage.bernoulli(probability: s136.streetTriageDiversion) {
                count(.streetTriageDiversions, person)
                record(.divertedByStreetTriage, person, scheduler: &scheduler)
                requestCRHT(person, admission: false, scheduler: &scheduler)
                return
            }
        }
        count(.s136Detentions, person)
        let place: PlaceOfSafety
        if streams.placeOfSafety.bernoulli(probability: s136.medicalNeedShare) {
            place = .emergencyDepartment
        } else if areas[area].placeOfSafetySuites.trySeize(at: now) {
            place = .healthBased
        } else if streams.placeOfSafety.bernoulli(probability: s136.custodyWhenFullProbability) {
            place = .policeCustody
        } else {
            place = .emergencyDepartment
        }
        switch place {
        case .healthBased:
            count(.s136AtHealthBasedPlace, person)
            record(.takenToHealthBasedPlaceOfSafety, person, scheduler: &scheduler)
        case .emergencyDepartment:
            count(.s136AtEmergencyDepartment, person)
            record(.takenToEmergencyDepartmentAsPlaceOfSafety, person, scheduler: &scheduler)
        case .policeCustody:
            count(.s136InPoliceCustody, person)
            record(.heldInPoliceCustody, person, scheduler: &scheduler)
        }
        let i = Int(person)
        people.progress[i].placeOfSafety = Int8(place.rawValue)
        people.progress[i].placeOfSafetySince = now
        if case .seized = areas[area].amhps.request(person, at: now) {
            beginMHAAssessment(person, scheduler: &scheduler)
        }
    }

    /// An AMHP is free: after the time to gather the doctors, the assessment.
    mutating func beginMHAAssessment(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        let streams = areas[homeArea(person)].streams
        let s136 = configuration.section136
        let response = s136.assessmentResponseHours.sample(streams.mhaResponse)
        let assessment = s136.assessmentHours.sample(streams.mhaAssessment)
        observe(.timeToMHAAssessmentHours, scheduler.now - people.progress[Int(person)].placeOfSafetySince + response, person)
        record(.mhaAssessmentStarts, person, scheduler: &scheduler)
        scheduler.schedule(.mhaAssessmentDone(ref(person)), after: response + assessment, priority: .release)
    }

    mutating func mhaAssessmentDone(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        let area = homeArea(person)
        let now = scheduler.now
        if let next = areas[area].amhps.release(at: now) {
            beginMHAAssessment(next, scheduler: &scheduler)
        }
        count(.mhaAssessments, person)
        let i = Int(person)
        // Admissions from a place of safety are decided with the crisis team when it is
        // working (its gatekeeping, diversion included for informal ones); out of hours they
        // are not gatekept (an assumption, see docs/MODEL.md). The person holds the place of
        // safety until a bed is found.
        let teamOpen = configuration.crht.hours.isOpen(at: now)
        switch mhaOutcome[Int(people.facts[i].cohort)].choose(areas[area].streams.mhaOutcome) {
        case .detainedAdmission:
            people.progress[i].detained = true
            record(.detainedUnderMentalHealthAct, person, scheduler: &scheduler)
            admissionRequestedAtPlaceOfSafety(person, teamOpen: teamOpen, scheduler: &scheduler)
        case .informalAdmission:
            record(.agreesToInformalAdmission, person, scheduler: &scheduler)
            admissionRequestedAtPlaceOfSafety(person, teamOpen: teamOpen, scheduler: &scheduler)
        case .homeTreatment:
            leavePlaceOfSafety(person, scheduler: &scheduler)
            startHomeTreatment(person, scheduler: &scheduler)
        case .discharge:
            leavePlaceOfSafety(person, scheduler: &scheduler)
            record(.dischargedFromSection136, person, scheduler: &scheduler)
            leave(person, scheduler: &scheduler)
        }
    }

    mutating func admissionRequestedAtPlaceOfSafety(_ person: Int32, teamOpen: Bool, scheduler: inout Scheduler<CrisisEvent>) {
        count(.admissionRequests, person)
        if teamOpen {
            gatekeep(person, scheduler: &scheduler)
        } else {
            requestBed(person, gatekept: false, scheduler: &scheduler)
        }
    }

    /// The detention ends (a bed was found, or the person was discharged or sent home): the
    /// suite is freed, police time is counted, and the legal limit is checked.
    mutating func leavePlaceOfSafety(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        let i = Int(person)
        guard let place = PlaceOfSafety(rawValue: Int(people.progress[i].placeOfSafety)) else { return }
        let now = scheduler.now
        let held = now - people.progress[i].placeOfSafetySince
        let s136 = configuration.section136
        observe(.placeOfSafetyHours, held, person)
        if held > s136.limitHours { count(.s136BreachesOfLimit, person) }
        if held > s136.limitHours + s136.extensionHours { count(.s136BreachesOfExtendedLimit, person) }
        switch place {
        case .healthBased:
            _ = areas[homeArea(person)].placeOfSafetySuites.release(at: now)
        case .emergencyDepartment, .policeCustody:
            count(.policeHours, person, by: held)
        }
        people.progress[i].placeOfSafety = -1
        record(.leavesPlaceOfSafety, person, scheduler: &scheduler)
    }
}
