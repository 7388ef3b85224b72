/// A person and the slot generation an event was scheduled with (see `PersonStore`).
public struct PersonRef: Sendable, Equatable {
    let index: Int32
    let generation: UInt32
}

/// Everything that can happen in the crisis model. Payloads are indices, so events are
/// small values: scheduling one allocates nothing.
public enum CrisisEvent: Sendable {
    /// A new presentation from an independent source of an area.
    case arrival(area: Int32, source: Source)
    /// A person discharged earlier comes back in crisis.
    case representation(area: Int32, cohort: Int32)
    /// A request for the crisis team waiting for it to open.
    case crhtRequest(PersonRef, admission: Bool)
    case crhtAssessmentDone(PersonRef, admission: Bool)
    /// An emergency department presentation waiting for liaison cover to start.
    case liaisonRequest(PersonRef)
    case liaisonAssessmentDone(PersonRef)
    case mhaAssessmentDone(PersonRef)
    /// The longest wait for a bed is over: the person is placed out of area.
    case bedWaitOver(PersonRef)
    /// The clinical stay in a local bed ends (a delayed discharge may follow).
    case stayEnds(PersonRef)
    /// The person finally leaves the local bed (after any delayed discharge).
    case bedFreed(PersonRef)
    case outOfAreaStayEnds(PersonRef)
    case homeTreatmentEnds(PersonRef)
    case crisisHouseStayEnds(PersonRef)
    /// A scheduled bed capacity change for one bed pool of an area.
    case bedCapacity(area: Int32, pool: Int32, capacity: Int32)
    /// Midnight: the daily census (only when a daily series is asked for).
    case midnight
    /// End of a calendar month (a twelfth of 365.25 days): month-end counts.
    case monthEnd
}
