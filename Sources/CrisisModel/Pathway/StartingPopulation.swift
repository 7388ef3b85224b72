import SimKernel
import SimRandom

/// "Start from today": people already in beds, out of area and on home treatment at time 0.
///
/// Someone in a bed on a given day is further into a longer-than-average stay: at a random
/// moment the stay in progress is length-biased and the time left is a uniform fraction of
/// it, the equilibrium residual, with mean E[S²] / (2 E[S]) rather than E[S] / 2. Stays are
/// drawn from the person's own distribution, accepted with probability proportional to their
/// length (rejection against the longest of 1,000 draws), then cut at a uniform point.
extension CrisisSystem {
    /// Admits each area's starting population. Call after `start`, before running.
    public mutating func populate(_ scheduler: inout Scheduler<CrisisEvent>) {
        for a in areas.indices {
            guard let start = configuration.areas[a].start else { continue }
            let detainedShare = FlowEstimate.estimate(configuration)[a].detainedShare
            for _ in 0..<start.bedsOccupied {
                let person = startingPerson(area: a, detainedShare: detainedShare)
                let pool = pool(person, in: a)
                guard areas[a].beds[pool].trySeize(at: 0) else {
                    leave(person, scheduler: &scheduler)  // more than the pool's beds: the rest are not in care
                    continue
                }
                let i = Int(person)
                people.progress[i].state = .inLocalBed
                people.progress[i].bedArea = Int32(a)
                people.progress[i].admittedAt = 0  // stays in progress: their lengths are counted from now
                scheduler.schedule(.stayEnds(ref(person)), at: residualHours(person), priority: .release)
            }
            recordBedLevels(area: a, at: 0)
            for _ in 0..<start.outOfArea {
                let person = startingPerson(area: a, detainedShare: detainedShare)
                let i = Int(person)
                people.progress[i].state = .outOfArea
                people.progress[i].outOfAreaEnds = residualHours(person)
                // Already away for some time: eligible for repatriation from the start.
                people.progress[i].outOfAreaSince = -configuration.beds.repatriationMinimumDays * 24
                people.progress[i].admittedAt = people.progress[i].outOfAreaSince
                scheduler.schedule(.outOfAreaStayEnds(ref(person)), at: people.progress[i].outOfAreaEnds, priority: .release)
                changeOutOfAreaActive(area: a, by: 1, at: 0)
                let policy = configuration.beds
                if policy.repatriation, areas[a].streams.repatriation.bernoulli(probability: policy.repatriationShare) {
                    areas[a].repatriationQueues[pool(person, in: a)].append(person)
                }
            }
            let episodes = configuration.homeTreatment.episodeDays
            for _ in 0..<start.homeTreatment {
                let person = startingPerson(area: a, detainedShare: 0)
                guard areas[a].homeTreatment.trySeize(at: 0) else {
                    leave(person, scheduler: &scheduler)
                    continue
                }
                people.progress[Int(person)].state = .homeTreatment
                let remaining = Self.residual(of: episodes, stream: areas[a].streams.startingState) * 24
                scheduler.schedule(.homeTreatmentEnds(ref(person)), at: remaining, priority: .release)
            }
        }
    }

    private mutating func startingPerson(area: Int, detainedShare: Double) -> Int32 {
        let streams = areas[area].streams
        let cohort = cohortChoice.choose(streams.cohort)
        let person = newPerson(area: area, cohort: cohort, source: .community, at: 0)
        people.progress[Int(person)].detained = streams.startingState.bernoulli(probability: detainedShare)
        if episodes.isEnabled { episodes.historyUnknown(person) }
        return person
    }

    /// The remaining clinical stay of someone found in a bed at time 0, hours.
    private func residualHours(_ person: Int32) -> Double {
        let i = Int(person)
        let cohort = Int(people.facts[i].cohort)
        let stays = people.progress[i].detained ? detainedStayDays[cohort] : informalStayDays[cohort]
        return Self.residual(of: stays, stream: areas[Int(people.facts[i].area)].streams.startingState) * 24
    }

    /// A draw from the equilibrium residual of `distribution`: a length-biased draw (by
    /// rejection) times a uniform.
    static func residual<Source: VariateSource>(of distribution: Distribution, stream: Source) -> Double {
        var longest = 0.0
        for _ in 0..<1_000 { longest = max(longest, distribution.sample(stream)) }
        guard longest > 0 else { return 0 }
        while true {
            let candidate = distribution.sample(stream)
            if stream.uniform() * longest <= candidate { return candidate * stream.uniform() }
        }
    }
}
