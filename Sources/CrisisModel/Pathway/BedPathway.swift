import SimKernel

/// Local beds, pooled networks, waiting, out-of-area placements, repatriation and discharge.
///
/// An area's beds form one pool, or one per ward type when the area splits them by ward; a
/// person always needs a bed of their own ward type, at home or in a network neighbour.
extension CrisisSystem {
    /// An admission is needed: a local bed, else a bed in the network, else a wait of at most
    /// `maxWaitHours`, else an out-of-area placement.
    mutating func requestBed(_ person: Int32, gatekept: Bool, scheduler: inout Scheduler<CrisisEvent>) {
        let i = Int(person)
        let now = scheduler.now
        people.gatekept[i] = gatekept
        people.bedRequestedAt[i] = now
        if takeFreeBed(person, scheduler: &scheduler) { return }
        let maxWait = configuration.beds.maxWaitHours
        guard maxWait > 0 else {
            placeOutOfArea(person, scheduler: &scheduler)
            return
        }
        let area = homeArea(person)
        people.state[i] = .waitingForBed
        if case .queued(let ticket) = areas[area].beds[pool(person, in: area)].request(person, at: now) {
            people.bedTicket[i] = ticket
            scheduler.trace("waits for a bed", entity: i, resource: "beds")
            scheduler.schedule(.bedWaitOver(ref(person)), after: maxWait, priority: .renege)
        } else {
            // takeFreeBed found no free bed a moment ago, so the request must have queued.
            preconditionFailure("bed seized after no bed was free")
        }
    }

    /// The pool of `area` that serves the person's ward type.
    @inline(__always) func pool(_ person: Int32, in area: Int) -> Int {
        areas[area].poolOfWardType[Int(people.wardType[Int(person)])]
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

    /// Counts an admission (local, network or out of area) and the wait for it.
    mutating func recordAdmission(_ person: Int32, at now: Double) {
        let i = Int(person)
        count(people.detained[i] ? .admissionsDetained : .admissionsInformal, person)
        if people.gatekept[i] { count(.admissionsGatekept, person) }
        let waited = now - people.bedRequestedAt[i]
        observe(.timeToBedHours, waited, person)
        count(.bedRequestsServed, person)
        if waited > 4 { count(.bedRequestsOver4h, person) }
        if waited > 12 { count(.bedRequestsOver12h, person) }
    }

    /// The person holds a bed of `bedArea` (in the pool of their ward type) for their
    /// clinical stay.
    mutating func occupyBed(_ person: Int32, bedArea: Int, scheduler: inout Scheduler<CrisisEvent>) {
        let i = Int(person)
        let now = scheduler.now
        leavePlaceOfSafety(person, scheduler: &scheduler)
        recordAdmission(person, at: now)
        people.state[i] = .inLocalBed
        people.bedArea[i] = Int32(bedArea)
        people.bedTicket[i] = nil
        people.invalidateEvents(person)  // a pending bedWaitOver no longer applies
        scheduler.trace("admitted to a local bed", entity: i, resource: "beds")
        scheduler.schedule(.stayEnds(ref(person)), after: people.stayHours(person), priority: .release)
        recordBedLevels(area: bedArea, at: now)
    }

    mutating func bedWaitOver(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        let i = Int(person)
        guard people.state[i] == .waitingForBed, let ticket = people.bedTicket[i] else { return }
        let area = homeArea(person)
        guard areas[area].beds[pool(person, in: area)].renege(ticket, at: scheduler.now) != nil else { return }
        people.bedTicket[i] = nil
        recordBedLevels(area: area, at: scheduler.now)
        placeOutOfArea(person, scheduler: &scheduler)
    }

    mutating func placeOutOfArea(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        let i = Int(person)
        let now = scheduler.now
        let area = homeArea(person)
        leavePlaceOfSafety(person, scheduler: &scheduler)
        recordAdmission(person, at: now)
        count(.outOfAreaPlacements, person)
        people.state[i] = .outOfArea
        people.invalidateEvents(person)
        let ends = now + people.stayHours(person)
        people.outOfAreaEnds[i] = ends
        scheduler.trace("placed out of area", entity: i, resource: "out of area")
        scheduler.schedule(.outOfAreaStayEnds(ref(person)), at: ends, priority: .release)
        changeOutOfAreaActive(area: area, by: 1, at: now)
        if configuration.beds.repatriation { areas[area].repatriationQueues[pool(person, in: area)].append(person) }
    }

    mutating func outOfAreaStayEnds(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        changeOutOfAreaActive(area: homeArea(person), by: -1, at: scheduler.now)
        scheduler.trace("discharged from an out-of-area bed", entity: Int(person), resource: "out of area")
        finishEpisode(person, scheduler: &scheduler)
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
            scheduler.trace("discharge delayed", entity: Int(person), resource: "beds")
            scheduler.schedule(.bedFreed(ref(person)), after: delay, priority: .release)
        } else {
            bedFreed(person, scheduler: &scheduler)
        }
    }

    mutating func bedFreed(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        let bedArea = Int(people.bedArea[Int(person)])
        let bedPool = pool(person, in: bedArea)
        count(.dischargesFromBed, person)
        scheduler.trace("discharged from a local bed", entity: Int(person), resource: "beds")
        finishEpisode(person, scheduler: &scheduler)
        let repatriateFirst = configuration.beds.repatriation && configuration.beds.repatriationBeforeNewAdmissions
        if let next = areas[bedArea].beds[bedPool].release(at: scheduler.now, admitWaiting: !repatriateFirst) {
            occupyBed(next, bedArea: bedArea, scheduler: &scheduler)
        } else {
            fillFreeBeds(area: bedArea, pool: bedPool, scheduler: &scheduler)
        }
        recordBedLevels(area: bedArea, at: scheduler.now)
    }

    /// Hands free beds of one pool out: repatriations first when they have priority, then
    /// people waiting, then (if repatriation is on) people placed out of area.
    mutating func fillFreeBeds(area: Int, pool: Int, scheduler: inout Scheduler<CrisisEvent>) {
        let policy = configuration.beds
        while areas[area].beds[pool].available > 0 {
            if policy.repatriation && policy.repatriationBeforeNewAdmissions,
               repatriate(into: area, pool: pool, scheduler: &scheduler) { continue }
            if let next = areas[area].beds[pool].admitNext(at: scheduler.now) {
                occupyBed(next, bedArea: area, scheduler: &scheduler)
                continue
            }
            if policy.repatriation, repatriate(into: area, pool: pool, scheduler: &scheduler) { continue }
            break
        }
    }

    /// Brings the longest-placed resident of `area` who needs this pool back to a free local
    /// bed for the rest of their stay. False when nobody is out of area.
    mutating func repatriate(into area: Int, pool: Int, scheduler: inout Scheduler<CrisisEvent>) -> Bool {
        let now = scheduler.now
        guard areas[area].beds[pool].available > 0 else { return false }
        while let person = areas[area].repatriationQueues[pool].popFirst() {
            let i = Int(person)
            // Entries whose stay already ended (or whose slot was reused) are skipped.
            guard people.state[i] == .outOfArea, people.area[i] == Int32(area),
                  people.outOfAreaEnds[i] > now else { continue }
            _ = areas[area].beds[pool].trySeize(at: now, aheadOfQueue: true)
            count(.repatriations, person)
            changeOutOfAreaActive(area: area, by: -1, at: now)
            people.state[i] = .inLocalBed
            people.bedArea[i] = Int32(area)
            people.invalidateEvents(person)  // the out-of-area discharge no longer applies
            scheduler.trace("repatriated to a local bed", entity: i, resource: "beds")
            scheduler.schedule(.stayEnds(ref(person)), at: people.outOfAreaEnds[i], priority: .release)
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
