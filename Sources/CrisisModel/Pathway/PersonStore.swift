import SimKernel

/// Where a person presented from.
public enum Source: Int, CaseIterable, Sendable {
    case community
    case emergencyDepartment
    case police
    case representation

    public var name: String {
        switch self {
        case .community: return "community"
        case .emergencyDepartment: return "emergency_department"
        case .police: return "police"
        case .representation: return "representation"
        }
    }
}

/// Where a person detained under section 136 is held.
public enum PlaceOfSafety: Int, CaseIterable, Sendable {
    case healthBased
    case emergencyDepartment
    case policeCustody

    public var name: String {
        switch self {
        case .healthBased: return "hbpos"
        case .emergencyDepartment: return "emergency_department"
        case .policeCustody: return "police_custody"
        }
    }
}

/// Where someone waits, between a decision to admit and a bed, holding what they hold
/// (a place of safety is tracked on its own: `PersonProgress.placeOfSafety`).
enum WaitingPlace: UInt8 {
    /// Nowhere in particular: at home, no service held.
    case home
    /// In the emergency department: counted against the 12-hour measure.
    case emergencyDepartment
    /// At home on the home treatment caseload, holding a caseload place.
    case homeTreatment
    /// In the crisis house, holding a place.
    case crisisHouse
}

/// Where a person is on their pathway; used to ignore stale events and to route a bed.
enum CareState: UInt8 {
    case assessing
    case waitingForBed
    case inLocalBed
    case outOfArea
    case homeTreatment
    case crisisHouse
    case left
}

/// What is settled about a person when they present, and fixed until they leave.
///
/// Kept as one record rather than a column each: the fields are written together, once an
/// episode, and every column written separately costs its own array uniqueness and bounds
/// check (seven of them, on every presentation).
struct PersonFacts {
    var area: Int32
    /// The same person across episodes (kept on re-presentation): readmissions need it.
    var identity: UInt32
    var cohort: Int32
    var source: UInt8
    /// The ward type the person needs (index into the ward types), drawn at creation.
    var wardType: Int8
    /// Clinical length of stay if admitted informally / detained, hours (drawn at creation,
    /// so two scenarios treat the same person alike until policy differs).
    var informalStayHours: Double
    var detainedStayHours: Double
}

/// Where a person is along the pathway: the fields that change as they move, all set afresh
/// when they present.
///
/// Kept as one record rather than a column each, for the same reasons as `PersonFacts`: a new
/// person writes them all at once (one array uniqueness and bounds check, not fifteen), and a
/// handler reads and writes several of one person's fields, which then share a cache line or
/// two instead of touching a line in every column (at England scale the columns' cache misses
/// were most of the write misses of a run).
struct PersonProgress {
    /// When the person last left a local or out-of-area bed, hours (-infinity: never).
    var lastBedDischargeAt: Double
    /// When the current admission (local or out of area) began, hours.
    var admittedAt: Double = .nan
    /// When the current out-of-area placement began, hours.
    var outOfAreaSince: Double = .nan
    /// When the current wait or episode started, hours.
    var since: Double
    /// When the person asked for an admission (request to bed), hours.
    var bedRequestedAt: Double = .nan
    /// When an out-of-area stay ends, hours.
    var outOfAreaEnds: Double = .nan
    /// Section 136: arrival at the place of safety, hours.
    var placeOfSafetySince: Double = .nan
    /// The place in the bed queue, while waiting for a bed.
    var bedTicket: QueueTicket? = nil
    /// The area whose bed the person holds (pooled networks may use a neighbour's); -1: none.
    var bedArea: Int32 = -1
    /// Section 136: the place of safety (-1 when none).
    var placeOfSafety: Int8 = -1
    var state: CareState = .assessing
    /// Where the person waits while an admission is arranged.
    var waitingPlace: WaitingPlace
    var detained = false
    /// Whether the admission (if any) was gatekept by the crisis team.
    var gatekept = false
    /// Whether the crisis team request in progress is for an admission.
    var requestsAdmission = false
}

/// Everyone currently in the system, one slot per person: what is fixed at presentation
/// (`facts`), where they are along the pathway (`progress`), and the slot's `generation`.
///
/// A person's slot is reused after they leave, so storage grows only to the peak number in
/// the system at once; every field is a plain value, so the store costs no reference
/// counting per event. The `generation` of a slot changes whenever an event that was
/// scheduled for its occupant must be ignored (the person moved on, or the slot was reused):
/// events carry the generation they were scheduled with (lazy cancellation). It is a column of
/// its own because every event about a person checks it first, before anything else of the
/// person is read.
struct PersonStore {
    /// What is settled when the person presents, one record a person (see `PersonFacts`).
    var facts: [PersonFacts] = []
    /// Where the person is along the pathway, one record a person (see `PersonProgress`).
    var progress: [PersonProgress] = []
    var generation: [UInt32] = []

    private var free: [Int32] = []
    private(set) var inSystem = 0

    mutating func admit(area: Int, identity: UInt32, lastBedDischargeAt lastDischarge: Double, cohort: Int,
                        source: Source, wardType ward: Int, informalStayHours informal: Double,
                        detainedStayHours detainedStay: Double, at time: Double) -> Int32 {
        inSystem += 1
        let waiting: WaitingPlace = source == .emergencyDepartment ? .emergencyDepartment : .home
        let personFacts = PersonFacts(area: Int32(area), identity: identity, cohort: Int32(cohort),
                                      source: UInt8(source.rawValue), wardType: Int8(ward),
                                      informalStayHours: informal, detainedStayHours: detainedStay)
        let personProgress = PersonProgress(lastBedDischargeAt: lastDischarge, since: time, waitingPlace: waiting)
        if let slot = free.popLast() {
            let i = Int(slot)
            facts[i] = personFacts
            progress[i] = personProgress
            generation[i] &+= 1
            return slot
        }
        facts.append(personFacts)
        progress.append(personProgress)
        generation.append(0)
        return Int32(facts.count - 1)
    }

    /// The person leaves the system; their slot is reused and pending events for it go stale.
    mutating func discharge(_ person: Int32) {
        let i = Int(person)
        progress[i].state = .left
        generation[i] &+= 1
        free.append(person)
        inSystem -= 1
    }

    /// Makes every pending event of `person` stale (they changed course).
    mutating func invalidateEvents(_ person: Int32) {
        generation[Int(person)] &+= 1
    }

    /// The clinical stay for the person's current legal status, hours.
    func stayHours(_ person: Int32) -> Double {
        let i = Int(person)
        return progress[i].detained ? facts[i].detainedStayHours : facts[i].informalStayHours
    }
}
