import SimKernel

/// Crisis resolution and home treatment: assessment and gatekeeping of admissions.
extension CrisisSystem {
    /// A referral (or an admission request) for the crisis team. Out of hours it waits for
    /// the team to open, or, for an admission under the bypass policy, goes straight to a bed
    /// without gatekeeping.
    mutating func requestCRHT(_ person: Int32, admission: Bool, scheduler: inout Scheduler<CrisisEvent>) {
        let now = scheduler.now
        let i = Int(person)
        people.since[i] = now
        people.requestsAdmission[i] = admission
        if admission { decideLegalStatus(person) }
        people.state[i] = .assessing
        let crht = configuration.crht
        if crht.hours.isOpen(at: now) {
            startCRHT(person, scheduler: &scheduler)
        } else if admission && crht.outOfHours == .bypass {
            count(.crhtOutOfHoursBypasses, person)
            scheduler.trace("admission bypasses gatekeeping out of hours", entity: i, resource: "crht")
            requestBed(person, gatekept: false, scheduler: &scheduler)
        } else {
            scheduler.schedule(.crhtRequest(ref(person), admission: admission), at: crht.hours.nextOpening(atOrAfter: now))
        }
    }

    /// The team takes the request: an assessor now, or a place in the queue.
    mutating func startCRHT(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        let area = homeArea(person)
        if case .seized = areas[area].crhtAssessors.request(person, at: scheduler.now) {
            beginCRHTAssessment(person, scheduler: &scheduler)
        }
    }

    /// An assessor is allocated: after the response time and the assessment, a decision.
    mutating func beginCRHTAssessment(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        let i = Int(person)
        let streams = areas[homeArea(person)].streams
        let response = configuration.crht.responseHours.sample(streams.crhtResponse)
        let assessment = configuration.crht.assessmentHours.sample(streams.crhtAssessment)
        let waited = scheduler.now - people.since[i] + response
        observe(.crhtResponseHours, waited, person)
        if waited <= 4 { count(.crhtRespondedWithin4h, person) }
        scheduler.trace("crisis team assessment starts", entity: i, resource: "crht")
        scheduler.schedule(.crhtAssessmentDone(ref(person), admission: people.requestsAdmission[i]),
                           after: response + assessment, priority: .release)
    }

    mutating func crhtAssessmentDone(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        let area = homeArea(person)
        let now = scheduler.now
        if let next = areas[area].crhtAssessors.release(at: now) {
            beginCRHTAssessment(next, scheduler: &scheduler)
        }
        count(.crhtAssessments, person)
        let streams = areas[area].streams
        if people.requestsAdmission[Int(person)] {
            count(.admissionRequests, person)
            if !people.detained[Int(person)],
               streams.crhtAvoidance.bernoulli(probability: configuration.crht.admissionsAvoidedShare) {
                count(.admissionsAvoided, person)
                scheduler.trace("admission avoided by gatekeeping", entity: Int(person), resource: "crht")
                divertFromAdmission(person, scheduler: &scheduler)
            } else {
                requestBed(person, gatekept: true, scheduler: &scheduler)
            }
            return
        }
        switch crhtReferralOutcome[Int(people.cohort[Int(person)])].choose(streams.crhtOutcome) {
        case 0: startHomeTreatment(person, scheduler: &scheduler)
        case 1: startCrisisHouse(person, scheduler: &scheduler)
        case 2:
            count(.admissionRequests, person)
            decideLegalStatus(person)
            requestBed(person, gatekept: true, scheduler: &scheduler)
        default:
            scheduler.trace("discharged to community care", entity: Int(person), resource: "crht")
            leave(person, scheduler: &scheduler)
        }
    }

    /// Whether an admission request from outside section 136 comes with a detention under the
    /// Mental Health Act (an assessment in the community or in hospital).
    mutating func decideLegalStatus(_ person: Int32) {
        let stream = areas[homeArea(person)].streams.legalStatus
        let share = detainedRequestShare[Int(people.cohort[Int(person)])]
        if stream.bernoulli(probability: share) { people.detained[Int(person)] = true }
    }
}
