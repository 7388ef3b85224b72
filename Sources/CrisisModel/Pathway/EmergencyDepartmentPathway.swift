import SimKernel

/// The emergency department and its liaison psychiatry team.
extension CrisisSystem {
    /// A presentation needing a mental health assessment; out of liaison hours it waits in
    /// the department for cover to start.
    mutating func requestLiaison(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        let now = scheduler.now
        people.since[Int(person)] = now
        let hours = configuration.liaison.hours
        if hours.isOpen(at: now) {
            startLiaison(person, scheduler: &scheduler)
        } else {
            scheduler.schedule(.liaisonRequest(ref(person)), at: hours.nextOpening(atOrAfter: now))
        }
    }

    mutating func startLiaison(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        if case .seized = areas[homeArea(person)].liaison.request(person, at: scheduler.now) {
            beginLiaisonAssessment(person, scheduler: &scheduler)
        }
    }

    mutating func beginLiaisonAssessment(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        let streams = areas[homeArea(person)].streams
        let response = configuration.liaison.responseHours.sample(streams.liaisonResponse)
        let assessment = configuration.liaison.assessmentHours.sample(streams.liaisonAssessment)
        scheduler.trace("liaison assessment starts", entity: Int(person), resource: "liaison")
        scheduler.schedule(.liaisonAssessmentDone(ref(person)), after: response + assessment, priority: .release)
    }

    mutating func liaisonAssessmentDone(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        let area = homeArea(person)
        if let next = areas[area].liaison.release(at: scheduler.now) {
            beginLiaisonAssessment(next, scheduler: &scheduler)
        }
        count(.liaisonAssessments, person)
        switch liaisonOutcome.choose(areas[area].streams.liaisonOutcome) {
        case 0:
            scheduler.trace("discharged with follow-up", entity: Int(person), resource: "liaison")
            leave(person, scheduler: &scheduler)
        case 1: requestCRHT(person, admission: false, scheduler: &scheduler)
        default: requestCRHT(person, admission: true, scheduler: &scheduler)
        }
    }
}
