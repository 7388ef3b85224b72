import SimKernel

/// Local beds, pooled networks, the wait for a bed, out-of-area placements, repatriation and
/// discharge.
///
/// An area's beds form one pool, or one per ward type when the area splits them by ward; a
/// person always needs a bed of their own ward type, at home or in a network neighbour.
extension CrisisSystem {
    /// A decision to admit: a free local bed, else a free bed in the network; else the person
    /// waits where they are (holding what they hold) in the home pool's queue while an
    /// out-of-area bed is searched for, and is placed out of area when the search ends first.
    mutating func requestBed(_ person: Int32, gatekept: Bool, scheduler: inout Scheduler<CrisisEvent>) {
        let i = Int(person)
        let now = scheduler.now
        people.progress[i].gatekept = gatekept
        people.progress[i].bedRequestedAt = now
        if takeFreeBed(person, scheduler: &scheduler) { return }
        count(.bedRequestsFindingNoBed, person)
        let area = homeArea(person)
        let search = configuration.beds.bedSearchHours.sample(areas[area].streams.bedSearch)
        guard search > 0 else {
            placeOutOfArea(person, scheduler: &scheduler)
            return
        }
        people.progress[i].state = .waitingForBed
        if case .queued(let ticket) = areas[area].beds[pool(person, in: area)].request(person, at: now) {
            people.progress[i].bedTicket = ticket
            record(.waitsForBed, person, scheduler: &scheduler)
            scheduler.schedule(.bedSearchEnds(ref(person)), after: search, priority: .renege)
        } else {
            // takeFreeBed found no free bed a moment ago, so the request must have queued.
            preconditionFailure("bed seized after no bed was free")
        }
    }

    /// The pool of `area` that serves the person's ward type.
    @inline(__always) func pool(_ person: Int32, in area: Int) -> Int {
        areas[area].poolOfWardType[Int(people.facts[Int(person)].wardType)]
    }

    /// A free bed at home or, failing that, in the network; false when there is none.
    mutating func takeFreeBed(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) -> Bool {
        let area = homeArea(person)
        let now = scheduler.now
        let home = pool(person, in: area)
        if areas[area].beds[home].trySeize(at: now) {
            occupyBed(person, bedArea: area, scheduler: &scheduler)
            return true
        }
        for neighbour in areas[area].network {
            let theirs = pool(person, in: neighbour)
            if areas[neighbour].beds[theirs].trySeize(at: now) {
                count(.admissionsToNetworkBed, person)
                occupyBed(person, bedArea: neighbour, scheduler: &scheduler)
                return true
            }
        }
        return false
    }

    /// Counts an admission (local, network or out of area): legal status, gatekeeping, the
    /// wait from the decision to admit, a wait in the emergency department, a readmission.
    /// Call before the person leaves where they waited.
    mutating func recordAdmission(_ person: Int32, at now: Double) {
        let i = Int(person)
        count(people.progress[i].detained ? .admissionsDetained : .admissionsInformal, person)
        if people.progress[i].gatekept { count(.admissionsGatekept, person) }
        let waited = now - people.progress[i].bedRequestedAt
        observe(.timeToBedHours, waited, person)
        count(.bedRequestsServed, person)
        if waited > 4 { count(.bedRequestsOver4h, person) }
        if waited > 12 { count(.bedRequestsOver12h, person) }
        if people.progress[i].waitingPlace == .emergencyDepartment
            || people.progress[i].placeOfSafety == Int8(PlaceOfSafety.emergencyDepartment.rawValue) {
            count(.emergencyDepartmentBedWaits, person)
            observe(.emergencyDepartmentBedWaitHours, waited, person)
            if waited > 12 { count(.emergencyDepartmentBedWaitsOver12h, person) }
        }
        if now - people.progress[i].lastBedDischargeAt <= Self.readmissionWindowHours {
            count(.readmissionsWithin30Days, person)
        }
        people.progress[i].admittedAt = now
    }

    /// Readmission within 30 days of leaving a bed (NHS Outcomes Framework's window).
    static let readmissionWindowHours = 30.0 * 24

    /// The person holds a bed of `bedArea` (in the pool of their ward type) for their
    /// clinical stay.
    mutating func occupyBed(_ person: Int32, bedArea: Int, scheduler: inout Scheduler<CrisisEvent>) {
        let i = Int(person)
        let now = scheduler.now
        recordAdmission(person, at: now)
        leaveWaitingPlace(person, scheduler: &scheduler)
        people.progress[i].state = .inLocalBed
        people.progress[i].bedArea = Int32(bedArea)
        people.progress[i].bedTicket = nil
        people.invalidateEvents(person)  // a pending bedSearchEnds no longer applies
        record(.admittedToLocalBed, person, scheduler: &scheduler)
        scheduler.schedule(.stayEnds(ref(person)), after: people.stayHours(person), priority: .release)
        recordBedLevels(area: bedArea, at: now)
    }

    mutating func bedSearchEnds(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        let i = Int(person)
        guard people.progress[i].state == .waitingForBed, let ticket = people.progress[i].bedTicket else { return }
        let area = homeArea(person)
        guard areas[area].beds[pool(person, in: area)].renege(ticket, at: scheduler.now) != nil else { return }
        people.progress[i].bedTicket = nil
        recordBedLevels(area: area, at: scheduler.now)
        placeOutOfArea(person, scheduler: &scheduler)
    }

    /// An out-of-area bed for the whole clinical stay; a share of placements may come back
    /// to a local bed later (see `repatriate`).
    mutating func placeOutOfArea(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        let i = Int(person)
        let now = scheduler.now
        let area = homeArea(person)
        recordAdmission(person, at: now)
        leaveWaitingPlace(person, scheduler: &scheduler)
        count(.outOfAreaPlacements, person)
        people.progress[i].state = .outOfArea
        people.invalidateEvents(person)
        people.progress[i].outOfAreaSince = now
        let ends = now + people.stayHours(person)
        people.progress[i].outOfAreaEnds = ends
        record(.placedOutOfArea, person, scheduler: &scheduler)
        scheduler.schedule(.outOfAreaStayEnds(ref(person)), at: ends, priority: .release)
        changeOutOfAreaActive(area: area, by: 1, at: now)
        let policy = configuration.beds
        if policy.repatriation, areas[area].streams.repatriation.bernoulli(probability: policy.repatriationShare) {
            areas[area].repatriationQueues[pool(person, in: area)].append(person)
        }
    }

    /// An out-of-area placement ends (discharge or repatriation): its length, in nights.
    mutating func endPlacement(_ person: Int32, at now: Double) {
        let nights = (now - people.progress[Int(person)].outOfAreaSince) / 24
        count(.outOfAreaPlacementsEnded, person)
        count(.outOfAreaPlacementDays, person, by: nights)
        if nights >= 15 { count(.outOfAreaPlacementsOf15Nights, person) }
        if nights >= 31 { count(.outOfAreaPlacementsOf31Nights, person) }
        changeOutOfAreaActive(area: homeArea(person), by: -1, at: now)
    }

    mutating func outOfAreaStayEnds(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        endPlacement(person, at: scheduler.now)
        record(.dischargedFromOutOfAreaBed, person, scheduler: &scheduler)
        leaveBed(person, at: scheduler.now)
        finishEpisode(person, scheduler: &scheduler)
    }

    /// A discharge from any bed: its length of stay, and the time a readmission counts from.
    mutating func leaveBed(_ person: Int32, at now: Double) {
        let i = Int(person)
        observe(.lengthOfStayDays, (now - people.progress[i].admittedAt) / 24, person)
        people.progress[i].lastBedDischargeAt = now
    }

    /// The clinical stay is over; with some probability discharge is delayed (housing,
    /// social care) and the bed stays occupied.
    mutating func stayEnds(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        let policy = configuration.beds
        let stream = areas[homeArea(person)].streams.delayedDischarge
        if stream.bernoulli(probability: policy.delayedDischargeProbability) {
            let delay = policy.delayDays.sample(stream) * 24
            count(.delayedDischarges, person)
            count(.delayedBedDays, person, by: delay / 24)
            record(.dischargeDelayed, person, scheduler: &scheduler)
            scheduler.schedule(.bedFreed(ref(person)), after: delay, priority: .release)
        } else {
            bedFreed(person, scheduler: &scheduler)
        }
    }

    mutating func bedFreed(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        let now = scheduler.now
        let bedArea = Int(people.progress[Int(person)].bedArea)
        let bedPool = pool(person, in: bedArea)
        count(.dischargesFromBed, person)
        record(.dischargedFromLocalBed, person, scheduler: &scheduler)
        leaveBed(person, at: now)
        finishEpisode(person, scheduler: &scheduler)
        let policy = configuration.beds
        let repatriateFirst = policy.repatriation && policy.repatriationBeforeNewAdmissions && isRepatriationTime(now)
        if let next = areas[bedArea].beds[bedPool].release(at: now, admitWaiting: !repatriateFirst) {
            occupyBed(next, bedArea: bedArea, scheduler: &scheduler)
        } else {
            fillFreeBeds(area: bedArea, pool: bedPool, scheduler: &scheduler)
        }
        recordBedLevels(area: bedArea, at: now)
    }

    /// Hands free beds of one pool out: repatriations first when they have priority, then
    /// people waiting, then (if repatriation is on) people placed out of area. Repatriations
    /// happen only in the repatriation window.
    mutating func fillFreeBeds(area: Int, pool: Int, scheduler: inout Scheduler<CrisisEvent>) {
        let policy = configuration.beds
        let repatriating = policy.repatriation && isRepatriationTime(scheduler.now)
        while areas[area].beds[pool].available > 0 {
            if repatriating && policy.repatriationBeforeNewAdmissions,
               repatriate(into: area, pool: pool, scheduler: &scheduler) { continue }
            if let next = areas[area].beds[pool].admitNext(at: scheduler.now) {
                occupyBed(next, bedArea: area, scheduler: &scheduler)
                continue
            }
            if repatriating, repatriate(into: area, pool: pool, scheduler: &scheduler) { continue }
            break
        }
    }

    /// Whether a transfer back may happen now: inside the daily window and, when asked,
    /// Monday to Friday (hour 0 is a Monday midnight).
    func isRepatriationTime(_ time: Double) -> Bool {
        let policy = configuration.beds
        guard policy.repatriationHours.isOpen(at: time) else { return false }
        guard policy.repatriationWeekdaysOnly else { return true }
        let dayOfWeek = Int((time / 24).rounded(.down)) % 7
        return dayOfWeek < 5
    }

    /// The start of each day's repatriation window: free beds go to people out of area.
    mutating func repatriationRound(scheduler: inout Scheduler<CrisisEvent>) {
        scheduler.schedule(.repatriationRound, after: 24, priority: .capacityChange)
        guard isRepatriationTime(scheduler.now) else { return }
        for a in areas.indices {
            for p in areas[a].beds.indices { fillFreeBeds(area: a, pool: p, scheduler: &scheduler) }
            recordBedLevels(area: a, at: scheduler.now)
        }
    }

    /// Brings the longest-placed eligible resident of `area` who needs this pool back to a
    /// free local bed for the rest of their stay, once they have been away the minimum time.
    /// False when nobody can come back now.
    mutating func repatriate(into area: Int, pool: Int, scheduler: inout Scheduler<CrisisEvent>) -> Bool {
        let now = scheduler.now
        guard areas[area].beds[pool].available > 0 else { return false }
        let minimumHours = configuration.beds.repatriationMinimumDays * 24
        while let person = areas[area].repatriationQueues[pool].first {
            let i = Int(person)
            // Entries whose stay already ended (or whose slot was reused) are dropped.
            guard people.progress[i].state == .outOfArea, people.facts[i].area == Int32(area),
                  people.progress[i].outOfAreaEnds > now else {
                _ = areas[area].repatriationQueues[pool].popFirst()
                continue
            }
            // The queue is in placement order: if the oldest is not ready, nobody is.
            guard now - people.progress[i].outOfAreaSince >= minimumHours else { return false }
            _ = areas[area].repatriationQueues[pool].popFirst()
            _ = areas[area].beds[pool].trySeize(at: now, aheadOfQueue: true)
            count(.repatriations, person)
            endPlacement(person, at: now)
            people.progress[i].state = .inLocalBed
            people.progress[i].bedArea = Int32(area)
            people.invalidateEvents(person)  // the out-of-area discharge no longer applies
            record(.repatriatedToLocalBed, person, scheduler: &scheduler)
            scheduler.schedule(.stayEnds(ref(person)), at: people.progress[i].outOfAreaEnds, priority: .release)
            recordBedLevels(area: area, at: now)
            return true
        }
        return false
    }

    mutating func changeBedCapacity(area: Int, pool: Int, to capacity: Int, scheduler: inout Scheduler<CrisisEvent>) {
        areas[area].beds[pool].setCapacity(capacity, at: scheduler.now)
        fillFreeBeds(area: area, pool: pool, scheduler: &scheduler)
        recordBedLevels(area: area, at: scheduler.now)
    }

    mutating func changeOutOfAreaActive(area: Int, by change: Double, at time: Double) {
        let active = stats.level(.outOfAreaActive, area: area).level + change
        stats.record(.outOfAreaActive, area: area, active, at: time)
    }

    /// Occupancy over all of the area's pools.
    mutating func recordBedLevels(area: Int, at time: Double) {
        var capacity = 0, inUse = 0
        for p in areas[area].beds.indices {
            capacity += areas[area].beds[p].capacity
            inUse += areas[area].beds[p].inUse
        }
        let share = capacity > 0 ? Double(inUse) / Double(capacity) : (inUse > 0 ? 1 : 0)
        stats.record(.bedOccupancyShare, area: area, share, at: time)
        stats.record(.bedCapacity, area: area, Double(capacity), at: time)
    }
}
