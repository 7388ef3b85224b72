import SimKernel

/// Home treatment and crisis houses: the alternatives to admission.
extension CrisisSystem {
    /// A gatekept admission the crisis team avoids: a crisis-house place for those eligible
    /// when one is free, otherwise home treatment.
    mutating func divertFromAdmission(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        leaveWaitingPlace(person, scheduler: &scheduler)
        let area = homeArea(person)
        let streams = areas[area].streams
        // A crisis house counts only while it has places (a schedule may open or close it).
        if areas[area].crisisHouse.capacity > 0,
           streams.crisisHouseEligibility.bernoulli(probability: configuration.crisisHouse.eligibleShare) {
            startCrisisHouse(person, scheduler: &scheduler)
        } else {
            startHomeTreatment(person, scheduler: &scheduler)
        }
    }

    /// A place on the home treatment caseload, or the caseload-full policy.
    mutating func startHomeTreatment(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        let area = homeArea(person)
        let now = scheduler.now
        if areas[area].homeTreatment.trySeize(at: now) {
            beginHomeTreatment(person, scheduler: &scheduler)
            return
        }
        switch configuration.homeTreatment.whenFull {
        case .admit:
            // Not offered for diversion: home treatment, where it would go, is full.
            count(.admissionRequests, person)
            decideLegalStatus(person)
            requestBed(person, gatekept: true, scheduler: &scheduler)
        case .wait:
            people.progress[Int(person)].state = .homeTreatment
            _ = areas[area].homeTreatment.request(person, at: now)
        case .discharge:
            count(.homeTreatmentFullDischarges, person)
            record(.homeTreatmentCaseloadFull, person, scheduler: &scheduler)
            leave(person, scheduler: &scheduler)
        }
    }

    mutating func beginHomeTreatment(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        let streams = areas[homeArea(person)].streams
        people.progress[Int(person)].state = .homeTreatment
        count(.homeTreatmentEpisodes, person)
        record(.homeTreatmentStarts, person, scheduler: &scheduler)
        let days = configuration.homeTreatment.episodeDays.sample(streams.homeTreatmentEpisode)
        scheduler.schedule(.homeTreatmentEnds(ref(person)), after: days * 24, priority: .release)
    }

    /// The episode ends in discharge or, with the escalation probability, in an admission
    /// request; then the person stays on the caseload (holding the place) until a bed is found.
    mutating func homeTreatmentEnds(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        let area = homeArea(person)
        let streams = areas[area].streams
        if streams.homeTreatmentEscalation.bernoulli(probability: configuration.homeTreatment.escalationProbability) {
            count(.homeTreatmentEscalations, person)
            record(.homeTreatmentEscalatesToAdmission, person, scheduler: &scheduler)
            people.progress[Int(person)].waitingPlace = .homeTreatment
            admissionRequestedByCrisisTeam(person, scheduler: &scheduler)
        } else {
            releaseHomeTreatmentPlace(area: area, scheduler: &scheduler)
            record(.homeTreatmentEnds, person, scheduler: &scheduler)
            finishEpisode(person, scheduler: &scheduler)
        }
    }

    /// A caseload place frees: the next person waiting for one (policy `wait`) takes it.
    mutating func releaseHomeTreatmentPlace(area: Int, scheduler: inout Scheduler<CrisisEvent>) {
        if let next = areas[area].homeTreatment.release(at: scheduler.now) {
            beginHomeTreatment(next, scheduler: &scheduler)
        }
    }

    /// A crisis-house place if one is free, otherwise home treatment.
    mutating func startCrisisHouse(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        let area = homeArea(person)
        guard areas[area].crisisHouse.trySeize(at: scheduler.now) else {
            record(.crisisHouseFull, person, scheduler: &scheduler)
            startHomeTreatment(person, scheduler: &scheduler)
            return
        }
        people.progress[Int(person)].state = .crisisHouse
        count(.crisisHouseStays, person)
        record(.crisisHouseStayStarts, person, scheduler: &scheduler)
        let days = configuration.crisisHouse.stayDays.sample(areas[area].streams.crisisHouseStay)
        scheduler.schedule(.crisisHouseStayEnds(ref(person)), after: days * 24, priority: .release)
    }

    /// The stay ends in discharge or, with the escalation probability, in an admission
    /// request; then the person keeps the place until a bed is found.
    mutating func crisisHouseStayEnds(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        let area = homeArea(person)
        if areas[area].streams.crisisHouseEscalation.bernoulli(probability: configuration.crisisHouse.escalationProbability) {
            count(.crisisHouseEscalations, person)
            record(.crisisHouseEscalatesToAdmission, person, scheduler: &scheduler)
            people.progress[Int(person)].waitingPlace = .crisisHouse
            admissionRequestedByCrisisTeam(person, scheduler: &scheduler)
        } else {
            _ = areas[area].crisisHouse.release(at: scheduler.now)
            record(.crisisHouseStayEnds, person, scheduler: &scheduler)
            finishEpisode(person, scheduler: &scheduler)
        }
    }

    /// The person moves on from where they waited for a decision or a bed (a bed was found,
    /// they went out of area, or they were diverted): the place of safety, caseload place or
    /// crisis-house place they held is freed.
    mutating func leaveWaitingPlace(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        leavePlaceOfSafety(person, scheduler: &scheduler)
        let i = Int(person)
        let area = homeArea(person)
        switch people.progress[i].waitingPlace {
        case .home, .emergencyDepartment: break
        case .homeTreatment: releaseHomeTreatmentPlace(area: area, scheduler: &scheduler)
        case .crisisHouse: _ = areas[area].crisisHouse.release(at: scheduler.now)
        }
        people.progress[i].waitingPlace = .home
    }
}
