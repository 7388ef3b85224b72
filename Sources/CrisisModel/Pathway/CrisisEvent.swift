/// A person and the slot generation an event was scheduled with (see `PersonStore`).
public struct PersonRef: Sendable, Equatable {
    let index: Int32
    let generation: UInt32
}

/// A service that keeps opening hours.
public enum HoursService: UInt8, Sendable {
    case crisisTeam
    case liaison
}

/// Everything that can happen in the crisis model. Payloads are indices, so events are
/// small values: scheduling one allocates nothing.
public enum CrisisEvent: Sendable {
    /// A new presentation from an independent source of an area.
    case arrival(area: Int32, source: Source)
    /// A person discharged earlier comes back in crisis: the same person (`identity`), so a
    /// readmission can be recognised; `lastBedDischarge` is when they last left a bed
    /// (hours, -infinity if they never had one).
    case representation(area: Int32, cohort: Int32, identity: UInt32, lastBedDischarge: Float)
    case crhtAssessmentDone(PersonRef)
    case liaisonAssessmentDone(PersonRef)
    case mhaAssessmentDone(PersonRef)
    /// The search for an out-of-area bed has found one: the person is placed out of area
    /// unless a local bed came first.
    case bedSearchEnds(PersonRef)
    /// The clinical stay in a local bed ends (a delayed discharge may follow).
    case stayEnds(PersonRef)
    /// The person finally leaves the local bed (after any delayed discharge).
    case bedFreed(PersonRef)
    case outOfAreaStayEnds(PersonRef)
    case homeTreatmentEnds(PersonRef)
    case crisisHouseStayEnds(PersonRef)
    /// A scheduled bed capacity change for one bed pool of an area.
    case bedCapacity(area: Int32, pool: Int32, capacity: Int32)
    /// A scheduled change of one of an area's service capacities (see `ScheduledService`).
    case serviceCapacity(area: Int32, service: ScheduledService, capacity: Int32)
    /// A service with opening hours opens (its staff take the people waiting) or closes
    /// (nobody new is taken until it opens again).
    case serviceHours(area: Int32, service: HoursService, open: Bool)
    /// The start of a day's repatriation window: free beds go to people placed out of area.
    case repatriationRound
    /// Midnight: the daily census (only when a daily series is asked for).
    case midnight
    /// End of a calendar month (a twelfth of 365.25 days): month-end counts.
    case monthEnd
}
