import SimKernel

/// Crisis resolution and home treatment: assessment and gatekeeping of admissions.
extension CrisisSystem {
    /// A referral (or an admission request needing its gatekeeping assessment) for the crisis
    /// team. It queues for an assessor; while the team is closed nobody is taken, so it waits
    /// for the team to open, except that under the bypass policy an admission request made
    /// out of hours goes straight to a bed without gatekeeping.
    mutating func requestCRHT(_ person: Int32, admission: Bool, scheduler: inout Scheduler<CrisisEvent>) {
        let now = scheduler.now
        let i = Int(person)
        people.progress[i].since = now
        people.progress[i].requestsAdmission = admission
        people.progress[i].state = .assessing
        let crht = configuration.crht
        if admission && crht.outOfHours == .bypass && !crht.hours.isOpen(at: now) {
            count(.crhtOutOfHoursBypasses, person)
            record(.admissionBypassesGatekeeping, person, scheduler: &scheduler)
            requestBed(person, gatekept: false, scheduler: &scheduler)
            return
        }
        if case .seized = areas[homeArea(person)].crhtAssessors.request(person, at: now) {
            beginCRHTAssessment(person, scheduler: &scheduler)
        }
    }

    /// An assessor is allocated (only ever while the team is open): after the response time
    /// and the assessment, a decision. An assessment allocated before closing is finished.
    mutating func beginCRHTAssessment(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        let i = Int(person)
        let streams = areas[homeArea(person)].streams
        let response = configuration.crht.responseHours.sample(streams.crhtResponse)
        let assessment = configuration.crht.assessmentHours.sample(streams.crhtAssessment)
        let waited = scheduler.now - people.progress[i].since + response
        observe(.crhtResponseHours, waited, person)
        if waited <= 4 { count(.crhtRespondedWithin4h, person) }
        record(.crisisTeamAssessmentStarts, person, scheduler: &scheduler)
        scheduler.schedule(.crhtAssessmentDone(ref(person)), after: response + assessment, priority: .release)
    }

    mutating func crhtAssessmentDone(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        let area = homeArea(person)
        // The freed assessor takes the next in the queue only within capacity, which is 0
        // while the team is closed.
        if let next = areas[area].crhtAssessors.release(at: scheduler.now) {
            beginCRHTAssessment(next, scheduler: &scheduler)
        }
        count(.crhtAssessments, person)
        if people.progress[Int(person)].requestsAdmission {
            gatekeep(person, scheduler: &scheduler)
            return
        }
        switch crhtReferralOutcome[Int(people.facts[Int(person)].cohort)].choose(areas[area].streams.crhtOutcome) {
        case .homeTreatment: startHomeTreatment(person, scheduler: &scheduler)
        case .crisisHouse: startCrisisHouse(person, scheduler: &scheduler)
        case .admissionRequest: admissionRequestedByCrisisTeam(person, scheduler: &scheduler)
        case .discharge:
            record(.dischargedToCommunityCare, person, scheduler: &scheduler)
            leave(person, scheduler: &scheduler)
        }
    }

    /// Someone the crisis team is already looking after (its own assessment, home treatment,
    /// a crisis house) needs admission: the team gatekeeps the request at once.
    mutating func admissionRequestedByCrisisTeam(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        count(.admissionRequests, person)
        decideLegalStatus(person)
        gatekeep(person, scheduler: &scheduler)
    }

    /// The crisis team's gatekeeping decision on an admission request, whatever its route:
    /// a share `admissions_avoided_share` of informal requests is diverted to a crisis house
    /// or home treatment; detained requests and the rest go to a bed, gatekept.
    mutating func gatekeep(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        let stream = areas[homeArea(person)].streams.crhtAvoidance
        if !people.progress[Int(person)].detained, stream.bernoulli(probability: configuration.crht.admissionsAvoidedShare) {
            count(.admissionsAvoided, person)
            record(.admissionAvoidedByGatekeeping, person, scheduler: &scheduler)
            divertFromAdmission(person, scheduler: &scheduler)
        } else {
            requestBed(person, gatekept: true, scheduler: &scheduler)
        }
    }

    /// Whether an admission request from outside section 136 comes with a detention under the
    /// Mental Health Act (an assessment in the community or in hospital).
    mutating func decideLegalStatus(_ person: Int32) {
        let stream = areas[homeArea(person)].streams.legalStatus
        let share = detainedRequestShare[Int(people.facts[Int(person)].cohort)]
        if stream.bernoulli(probability: share) { people.progress[Int(person)].detained = true }
    }

    /// The crisis team or liaison opens (its staff take the people waiting, in order) or
    /// closes (nobody new is taken; assessments in progress are finished).
    mutating func changeServiceHours(area: Int, service: HoursService, open: Bool, scheduler: inout Scheduler<CrisisEvent>) {
        let now = scheduler.now
        let hours = service == .crisisTeam ? configuration.crht.hours : configuration.liaison.hours
        switch service {
        case .crisisTeam:
            areas[area].crhtOpen = open
            areas[area].crhtAssessors.setCapacity(open ? areas[area].crhtAssessorsOnDuty : 0, at: now)
            while open, let next = areas[area].crhtAssessors.admitNext(at: now) {
                beginCRHTAssessment(next, scheduler: &scheduler)
            }
        case .liaison:
            areas[area].liaisonOpen = open
            areas[area].liaison.setCapacity(open ? areas[area].liaisonPractitionersOnDuty : 0, at: now)
            while open, let next = areas[area].liaison.admitNext(at: now) {
                beginLiaisonAssessment(next, scheduler: &scheduler)
            }
        }
        let next = open ? hours.hoursPerDay : 24 - hours.hoursPerDay
        scheduler.schedule(.serviceHours(area: Int32(area), service: service, open: !open), after: next,
                           priority: .capacityChange)
    }
}
