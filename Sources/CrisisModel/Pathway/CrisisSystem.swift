import SimKernel
import SimRandom

/// The crisis care system of one or more catchment areas, as a kernel model.
///
/// People present from the community, the emergency department and the police; the crisis
/// team assesses and gatekeeps; people are treated at home, in a crisis house or on a ward,
/// or placed out of area when no bed can be found in time. Each pathway lives in its own
/// file as an extension: CRHTPathway, EmergencyDepartmentPathway, Section136Pathway,
/// CommunityCarePathway and BedPathway.
public struct CrisisSystem: SimulationModel {
    public typealias Event = CrisisEvent

    let configuration: CrisisConfiguration
    var areas: [AreaServices]
    /// Every area's arrival sources, `arrivalSources` an area (`AreaServices.arrivals`): the
    /// owners of what `arrivalClocks` draws from.
    let arrivals: [ArrivalProcess]
    /// The processes' clocks, the same order: arrivals are drawn from these plain values, since
    /// reading a process out of `self` mid-mutation copies it (with reference counting).
    let arrivalClocks: [ArrivalClock]
    static let arrivalSources = 3
    var people = PersonStore()
    /// Keeps alive the streams that `AreaStreams` refers to without reference counting.
    let streamOwners: [RandomStream]
    var stats: Accumulators
    /// The midnight census, when asked for (see `start`).
    public internal(set) var daily = DailySeries()

    // Compiled once: validated choices and per-cohort distributions.
    let cohortChoice: WeightedChoice
    /// Per cohort, since a cohort may have its own routing.
    let crhtReferralOutcome: [OutcomeChoice<ReferralOutcome>]
    /// Per cohort.
    let detainedRequestShare: [Double]
    let liaisonOutcome: OutcomeChoice<LiaisonOutcome>
    /// Per cohort, since a cohort may have its own detention probability.
    let mhaOutcome: [OutcomeChoice<MHAOutcome>]
    let informalStayDays: [Distribution]
    let detainedStayDays: [Distribution]
    /// Per cohort: the ward type it always needs, or -1 to draw one from `wardTypeChoice`.
    let cohortWardType: [Int]
    let wardTypeChoice: WeightedChoice
    /// The identity the next new person gets (re-presentations keep theirs).
    var nextIdentity: UInt32 = 0
    /// Every episode, for a patient-level extract, when a sink asks for them.
    var episodes: EpisodeLog
    /// Every step of every pathway, for an event log, when a sink asks for them.
    var events: EventLog

    /// Month ends, hours, for the month-end count of out-of-area placements.
    static let hoursPerMonth = RateProfile.hoursPerYear / 12

    /// - Throws: `CrisisModelError` when the configuration is inconsistent (it should have
    ///   been validated by the scenario layer; this is the model's own guard).
    /// - Parameters:
    ///   - episodeSink: receives every episode of the run (see `EpisodeLog`); nil keeps none.
    ///   - eventSink: receives every step of every pathway (see `EventLog`); nil keeps none.
    public init(_ configuration: CrisisConfiguration, streams: RandomStreams, episodeSink: EpisodeSink? = nil,
                eventSink: EventSink? = nil) throws {
        try CrisisModelError.check(configuration)
        self.configuration = configuration
        episodes = EpisodeLog(sink: episodeSink)
        events = EventLog(sink: eventSink)
        let names = configuration.areas.map(\.name)
        var owners: [RandomStream] = []
        areas = try configuration.areas.enumerated().map { index, area in
            let network = area.bedNetwork.compactMap { names.firstIndex(of: $0) }.filter { $0 != index }
            return try AreaServices(index: index, area: area, configuration: configuration, network: network,
                                    streams: streams, owners: &owners)
        }
        streamOwners = owners
        arrivals = try configuration.areas.flatMap { try AreaServices.arrivals($0, streams: streams) }
        arrivalClocks = arrivals.map(\.clock)
        stats = Accumulators(areaCount: configuration.areas.count, cohortCount: configuration.cohorts.count, at: 0)
        for a in areas.indices {
            stats.record(.bedCapacity, area: a, Double(areas[a].beds.reduce(0) { $0 + $1.capacity }), at: 0)
        }
        cohortChoice = try WeightedChoice(weights: configuration.cohorts.map(\.share))
        crhtReferralOutcome = try configuration.cohorts.map {
            try OutcomeChoice($0.referralOutcomes ?? configuration.crht.referralOutcomes)
        }
        detainedRequestShare = configuration.cohorts.map { $0.detainedRequestShare ?? configuration.crht.detainedRequestShare }
        liaisonOutcome = try OutcomeChoice(configuration.liaison.outcomes)
        mhaOutcome = try configuration.cohorts.map { cohort in
            try OutcomeChoice(Self.mhaOutcomes(configuration.section136.outcomes,
                                               detentionProbability: cohort.detentionProbability))
        }
        let wardNames = configuration.wardTypes.map(\.name)
        cohortWardType = configuration.cohorts.map { cohort in cohort.wardType.flatMap { wardNames.firstIndex(of: $0) } ?? -1 }
        wardTypeChoice = try WeightedChoice(weights: configuration.wardTypes.map(\.share))
        informalStayDays = configuration.cohorts.map { $0.informalStayDays ?? configuration.beds.informalStayDays }
        detainedStayDays = configuration.cohorts.map { $0.detainedStayDays ?? configuration.beds.detainedStayDays }
    }

    /// The MHA outcome split with a cohort's own detention probability: the other outcomes
    /// keep their proportions among themselves.
    static func mhaOutcomes(_ outcomes: OutcomeSplit<MHAOutcome>, detentionProbability: Double?) -> OutcomeSplit<MHAOutcome> {
        guard let detained = detentionProbability else { return outcomes }
        let others = MHAOutcome.allCases.filter { $0 != .detainedAdmission }
        let total = others.reduce(0) { $0 + outcomes[$1] }
        var split = outcomes
        split[.detainedAdmission] = detained
        for outcome in others {
            split[outcome] = total > 0 ? outcomes[outcome] / total * (1 - detained) : (1 - detained) / Double(others.count)
        }
        return split
    }

    /// Schedules the first arrival of every source, the bed and service schedules, the opening and
    /// closing of services with hours, the repatriation rounds, the month ends and, with
    /// `dailySeries`, a census every midnight.
    public func start(_ scheduler: inout Scheduler<CrisisEvent>, horizonHours: Double, dailySeries: Bool = false) {
        for a in areas.indices {
            for source in [Source.community, .emergencyDepartment, .police] {
                let first = arrivalClocks[a * Self.arrivalSources + source.rawValue].next(after: 0)
                if first.isFinite { scheduler.schedule(.arrival(area: Int32(a), source: source), at: first) }
            }
            let pools = AreaServices.bedPools(configuration.areas[a], wardTypes: configuration.wardTypes)
            for (p, pool) in pools.enumerated() {
                for change in CapacityChange.steps(from: pool.beds, pool.bedSchedule) {
                    scheduler.schedule(.bedCapacity(area: Int32(a), pool: Int32(p), capacity: Int32(change.capacity)),
                                       at: change.hour, priority: .capacityChange)
                }
            }
            let services = configuration.areas[a].services
            for service in ScheduledService.allCases {
                for change in CapacityChange.steps(from: services[service], services.schedule(of: service)) {
                    scheduler.schedule(.serviceCapacity(area: Int32(a), service: service, capacity: Int32(change.capacity)),
                                       at: change.hour, priority: .capacityChange)
                }
            }
            for (service, hours) in [(HoursService.crisisTeam, configuration.crht.hours), (.liaison, configuration.liaison.hours)]
            where !hours.isRoundTheClock {
                let open = hours.isOpen(at: 0)
                let change = open ? hours.closing(after: 0) : hours.nextOpening(atOrAfter: 0)
                scheduler.schedule(.serviceHours(area: Int32(a), service: service, open: !open), at: change,
                                   priority: .capacityChange)
            }
        }
        if configuration.beds.repatriation {
            scheduler.schedule(.repatriationRound, at: configuration.beds.repatriationHours.startHour, priority: .capacityChange)
        }
        if dailySeries {
            var day = 1
            while Double(day) * 24 <= horizonHours {
                scheduler.schedule(.midnight, at: Double(day) * 24, priority: .observation)
                day += 1
            }
        }
        var month = 1
        while Double(month) * Self.hoursPerMonth <= horizonHours {
            scheduler.schedule(.monthEnd, at: Double(month) * Self.hoursPerMonth, priority: .observation)
            month += 1
        }
    }

    public mutating func handle(_ event: CrisisEvent, scheduler: inout Scheduler<CrisisEvent>) {
        switch event {
        case .arrival(let area, let source):
            arrival(area: Int(area), source: source, scheduler: &scheduler)
        case .representation(let area, let cohort, let identity, let lastBedDischarge):
            let person = newPerson(area: Int(area), cohort: Int(cohort), source: .representation, at: scheduler.now,
                                   identity: identity, lastBedDischargeAt: Double(lastBedDischarge))
            count(.representations, person)
            record(.representsInCrisis, person, scheduler: &scheduler)
            requestCRHT(person, admission: false, scheduler: &scheduler)
        case .crhtAssessmentDone(let ref):
            if isCurrent(ref) { crhtAssessmentDone(ref.index, scheduler: &scheduler) }
        case .liaisonAssessmentDone(let ref):
            if isCurrent(ref) { liaisonAssessmentDone(ref.index, scheduler: &scheduler) }
        case .mhaAssessmentDone(let ref):
            if isCurrent(ref) { mhaAssessmentDone(ref.index, scheduler: &scheduler) }
        case .bedSearchEnds(let ref):
            if isCurrent(ref) { bedSearchEnds(ref.index, scheduler: &scheduler) }
        case .stayEnds(let ref):
            if isCurrent(ref) { stayEnds(ref.index, scheduler: &scheduler) }
        case .bedFreed(let ref):
            if isCurrent(ref) { bedFreed(ref.index, scheduler: &scheduler) }
        case .outOfAreaStayEnds(let ref):
            if isCurrent(ref) { outOfAreaStayEnds(ref.index, scheduler: &scheduler) }
        case .homeTreatmentEnds(let ref):
            if isCurrent(ref) { homeTreatmentEnds(ref.index, scheduler: &scheduler) }
        case .crisisHouseStayEnds(let ref):
            if isCurrent(ref) { crisisHouseStayEnds(ref.index, scheduler: &scheduler) }
        case .bedCapacity(let area, let pool, let capacity):
            changeBedCapacity(area: Int(area), pool: Int(pool), to: Int(capacity), scheduler: &scheduler)
        case .serviceCapacity(let area, let service, let capacity):
            changeServiceCapacity(area: Int(area), service: service, to: Int(capacity), scheduler: &scheduler)
        case .serviceHours(let area, let service, let open):
            changeServiceHours(area: Int(area), service: service, open: open, scheduler: &scheduler)
        case .repatriationRound:
            repatriationRound(scheduler: &scheduler)
        case .midnight:
            recordDay()
        case .monthEnd:
            var total = 0.0
            for a in areas.indices {
                let active = stats.level(.outOfAreaActive, area: a).level
                stats.outOfAreaAtMonthEnd[1 + a].add(active)
                total += active
            }
            stats.outOfAreaAtMonthEnd[0].add(total)
        }
    }

    // MARK: People

    mutating func arrival(area: Int, source: Source, scheduler: inout Scheduler<CrisisEvent>) {
        let now = scheduler.now
        let next = arrivalClocks[area * Self.arrivalSources + source.rawValue].next(after: now)
        if next.isFinite { scheduler.schedule(.arrival(area: Int32(area), source: source), at: next) }
        let cohort = cohortChoice.choose(areas[area].streams.cohort)
        let person = newPerson(area: area, cohort: cohort, source: source, at: now)
        switch source {
        case .community:
            record(.presentsToCommunityServices, person, scheduler: &scheduler)
            count(.presentationsCommunity, person)
            requestCRHT(person, admission: false, scheduler: &scheduler)
        case .emergencyDepartment:
            record(.presentsAtEmergencyDepartment, person, scheduler: &scheduler)
            count(.presentationsEmergencyDepartment, person)
            requestLiaison(person, scheduler: &scheduler)
        case .police:
            record(.policeContact, person, scheduler: &scheduler)
            count(.policeContacts, person)
            policeContact(person, scheduler: &scheduler)
        case .representation:
            preconditionFailure("re-presentations come from discharges, not an arrival process")
        }
    }

    /// A person, with both possible clinical stays drawn now (see `PersonStore`): someone new,
    /// or someone coming back (`identity` and when they last left a bed).
    mutating func newPerson(area: Int, cohort: Int, source: Source, at time: Double, identity known: UInt32? = nil,
                            lastBedDischargeAt: Double = -.infinity) -> Int32 {
        let streams = areas[area].streams
        let informal = informalStayDays[cohort].sample(streams.informalStay) * 24
        let detained = detainedStayDays[cohort].sample(streams.detainedStay) * 24
        let ward = cohortWardType[cohort] >= 0 ? cohortWardType[cohort]
            : (configuration.wardTypes.count == 1 ? 0 : wardTypeChoice.choose(streams.wardType))
        let identity = known ?? nextIdentity
        if known == nil { nextIdentity &+= 1 }
        return people.admit(area: area, identity: identity, lastBedDischargeAt: lastBedDischargeAt, cohort: cohort,
                            source: source, wardType: ward, informalStayHours: informal, detainedStayHours: detained,
                            at: time)
    }

    @inline(__always) func isCurrent(_ ref: PersonRef) -> Bool {
        people.generation[Int(ref.index)] == ref.generation
    }

    @inline(__always) func ref(_ person: Int32) -> PersonRef {
        PersonRef(index: person, generation: people.generation[Int(person)])
    }

    @inline(__always) func homeArea(_ person: Int32) -> Int { Int(people.facts[Int(person)].area) }

    @inline(__always) mutating func count(_ counter: Counter, _ person: Int32, by amount: Double = 1) {
        stats.count(counter, area: homeArea(person), cohort: Int(people.facts[Int(person)].cohort), by: amount)
    }

    @inline(__always) mutating func observe(_ observation: Observation, _ value: Double, _ person: Int32) {
        stats.observe(observation, value, area: homeArea(person), cohort: Int(people.facts[Int(person)].cohort))
    }

    /// The person's episode of care is over: they may come back in crisis later.
    mutating func finishEpisode(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        let area = homeArea(person)
        let streams = areas[area].streams
        if streams.representation.bernoulli(probability: configuration.representation.probability) {
            let after = configuration.representation.afterDays.sample(streams.representation) * 24
            let i = Int(person)
            scheduler.schedule(.representation(area: Int32(area), cohort: people.facts[i].cohort, identity: people.facts[i].identity,
                                               lastBedDischarge: Float(people.progress[i].lastBedDischargeAt)), after: after)
        }
        leave(person, scheduler: &scheduler)
    }

    /// A step of the person's pathway: into the trace, the event log and the episode log,
    /// whichever are kept. The one place pathways report what happens, so the logs cannot
    /// disagree about it.
    @inline(__always)
    mutating func record(_ event: PathwayEvent, _ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        if scheduler.trace.isEnabled { scheduler.trace(event.text, entity: Int(person), resource: event.resource) }
        if events.isEnabled {
            let i = Int(person)
            events.append(event, person: people.facts[i].identity, area: people.facts[i].area, at: scheduler.now)
        }
        if episodes.isEnabled { episodes.note(event, person, people: people, at: scheduler.now) }
    }

    mutating func leave(_ person: Int32, scheduler: inout Scheduler<CrisisEvent>) {
        record(.leaves, person, scheduler: &scheduler)
        people.discharge(person)
    }

    // MARK: Warm-up and results

    /// Forgets all statistics before `time` (the end of the warm-up).
    public mutating func resetStatistics(at time: Double) {
        stats.reset(at: time)
        for a in areas.indices {
            for p in areas[a].beds.indices { areas[a].beds[p].resetStatistics(at: time) }
            areas[a].crhtAssessors.resetStatistics(at: time)
            areas[a].liaison.resetStatistics(at: time)
            areas[a].amhps.resetStatistics(at: time)
            areas[a].placeOfSafetySuites.resetStatistics(at: time)
            areas[a].homeTreatment.resetStatistics(at: time)
            areas[a].crisisHouse.resetStatistics(at: time)
        }
    }
}
