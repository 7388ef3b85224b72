import SimKernel

/// The emergency department and its liaison psychiatry team.
extension CrisisSystem {
    /// A presentation needing a mental health assessment. It queues for a practitioner; out
    /// of liaison hours nobody is taken, so it waits in the department for cover to start.
    mutating func requestLiaison(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        people.progress[Int(person)].since = scheduler.now
        if case .seized = areas[homeArea(person)].liaison.request(person, at: scheduler.now) {
            beginLiaisonAssessment(person, scheduler: &scheduler)
        }
    }

    mutating func beginLiaisonAssessment(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        let streams = areas[homeArea(person)].streams
        let response = configuration.liaison.responseHours.sample(streams.liaisonResponse)
        let assessment = configuration.liaison.assessmentHours.sample(streams.liaisonAssessment)
        record(.liaisonAssessmentStarts, person, scheduler: &scheduler)
        scheduler.schedule(.liaisonAssessmentDone(ref(person)), after: response + assessment, priority: .release)
    }

    mutating func liaisonAssessmentDone(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        let area = homeArea(person)
        // Within capacity only: 0 while liaison is closed.
        if let next = areas[area].liaison.release(at: scheduler.now) {
            beginLiaisonAssessment(next, scheduler: &scheduler)
        }
        count(.liaisonAssessments, person)
        switch liaisonOutcome.choose(areas[area].streams.liaisonOutcome) {
        case .dischargeWithFollowUp:
            record(.dischargedWithFollowUp, person, scheduler: &scheduler)
            leave(person, scheduler: &scheduler)
        case .referralToCRHT:
            people.progress[Int(person)].waitingPlace = .home  // the crisis team sees them after they leave
            requestCRHT(person, admission: false, scheduler: &scheduler)
        case .admissionRequest:
            // They stay in the department through gatekeeping and any wait for a bed.
            count(.admissionRequests, person)
            decideLegalStatus(person)
            requestCRHT(person, admission: true, scheduler: &scheduler)
        }
    }
}
